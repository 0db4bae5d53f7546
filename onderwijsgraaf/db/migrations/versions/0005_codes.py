"""code: the crosswalk of every code (RIO, BRIN, CROHO, bevoegd gezag, ...) to its object

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the object columns (no foreign keys: the seed writes them from the rows they point to)
OBJECTEN = {
    "onderwijsbestuur_code": sa.String(length=7),
    "onderwijsaanbieder_code": sa.String(length=7),
    "onderwijslocatie_code": sa.String(length=7),
    "opleidingseenheid_code": sa.String(length=9),
    "aangeboden_opleiding_code": sa.String(length=36),
}
INDEXED = ["code", *OBJECTEN]


def upgrade() -> None:
    op.create_table(
        "code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("code", sa.String(length=36), nullable=False),
        sa.Column("hoofd_neven_vestiging", sa.String(length=20), nullable=True),
        sa.Column("erkenning_id", sa.Integer(), nullable=True),
        *(sa.Column(column, kind, nullable=True) for column, kind in OBJECTEN.items()),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["bron"], ["bron.code"], name=op.f("fk_code_bron_bron")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code")),
    )
    with op.batch_alter_table("code", schema=None) as batch_op:
        for column in INDEXED:
            batch_op.create_index(batch_op.f(f"ix_code_{column}"), [column], unique=False)


def downgrade() -> None:
    op.drop_table("code")
