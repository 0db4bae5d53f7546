"""lijsttelling: the rows of each root list per validity period, unfiltered and per value of a
column its filter selects on, so a list's total is a sum over a few periods rather than a count
of its rows (``onderwijsgraaf.db.models.lijsttelling``); filled from the data already stored, so
a database upgraded without a new seed answers the same totals

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from onderwijsgraaf.db.models.lijsttelling import tel_opnieuw

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lijsttelling",
        sa.Column("tabel", sa.String(length=60), nullable=False),
        sa.Column("kolom", sa.String(length=60), nullable=False),
        sa.Column("waarde", sa.String(length=40), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=False),
        sa.Column("laatste_dag", sa.Date(), nullable=False),
        sa.Column("aantal", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "tabel", "kolom", "waarde", "begindatum", "laatste_dag", name=op.f("pk_lijsttelling")
        ),
    )
    tel_opnieuw(op.get_bind())


def downgrade() -> None:
    op.drop_table("lijsttelling")
