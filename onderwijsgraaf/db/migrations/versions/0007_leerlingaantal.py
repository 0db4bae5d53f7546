"""leerlingaantal: pupils per vestiging (BRIN6) and teldatum, with the aanbieder, locatie and
aangeboden opleiding the count belongs to

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the parent columns a count is read by, each indexed with teldatum
PARENTS = ("onderwijsaanbieder_code", "onderwijslocatie_code", "aangeboden_opleiding_code")


def upgrade() -> None:
    op.create_table(
        "leerlingaantal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teldatum", sa.Date(), nullable=False),
        sa.Column("vestiging", sa.String(length=6), nullable=False),
        sa.Column("onderwijsaanbieder_code", sa.String(length=7), nullable=True),
        sa.Column("onderwijslocatie_code", sa.String(length=7), nullable=True),
        sa.Column("aangeboden_opleiding_code", sa.String(length=36), nullable=True),
        sa.Column("onderwijstype", sa.String(length=60), nullable=True),
        sa.Column("afdeling", sa.String(length=80), nullable=True),
        sa.Column("aantal", sa.Integer(), nullable=False),
        sa.Column("gemaskeerd", sa.Boolean(), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("veldbronnen", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(
            ["aangeboden_opleiding_code"],
            ["aangeboden_opleiding.code"],
            name=op.f("fk_leerlingaantal_aangeboden_opleiding_code_aangeboden_opleiding"),
        ),
        sa.ForeignKeyConstraint(["bron"], ["bron.code"], name=op.f("fk_leerlingaantal_bron_bron")),
        sa.ForeignKeyConstraint(
            ["onderwijsaanbieder_code"],
            ["onderwijsaanbieder.code"],
            name=op.f("fk_leerlingaantal_onderwijsaanbieder_code_onderwijsaanbieder"),
        ),
        sa.ForeignKeyConstraint(
            ["onderwijslocatie_code"],
            ["onderwijslocatie.code"],
            name=op.f("fk_leerlingaantal_onderwijslocatie_code_onderwijslocatie"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leerlingaantal")),
    )
    with op.batch_alter_table("leerlingaantal", schema=None) as batch_op:
        for parent in PARENTS:
            batch_op.create_index(f"ix_leerlingaantal_{parent}_teldatum", [parent, "teldatum"])


def downgrade() -> None:
    op.drop_table("leerlingaantal")
