"""versielog and wijziging: the versions of the data and what changed per object between them

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "versielog",
        sa.Column("versie", sa.String(length=64), nullable=False),
        sa.Column("vorige", sa.String(length=64), nullable=True),
        sa.Column("datum", sa.DateTime(), nullable=False),
        sa.Column("wijzigingen", sa.Integer(), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("versie", name=op.f("pk_versielog")),
    )
    op.create_index(op.f("ix_versielog_datum"), "versielog", ["datum"])
    op.create_table(
        "wijziging",
        sa.Column("volgnummer", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("versie", sa.String(length=64), nullable=False),
        sa.Column("datum", sa.DateTime(), nullable=False),
        sa.Column("objecttype", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("soort", sa.String(length=12), nullable=False),
        sa.Column("velden", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("volgnummer", name=op.f("pk_wijziging")),
    )
    op.create_index(op.f("ix_wijziging_versie"), "wijziging", ["versie"])


def downgrade() -> None:
    op.drop_index(op.f("ix_wijziging_versie"), table_name="wijziging")
    op.drop_table("wijziging")
    op.drop_index(op.f("ix_versielog_datum"), table_name="versielog")
    op.drop_table("versielog")
