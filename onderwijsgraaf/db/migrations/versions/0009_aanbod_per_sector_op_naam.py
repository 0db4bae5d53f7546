"""the aanbod of a sector in the list's order (by name, then code), with the validity period:
a page of ``aangebodenOpleidingen(filter: {sector: …})`` reads one page of the index, however
large the other sectors are

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_aangeboden_opleiding_sector_zoeknaam_code"


def upgrade() -> None:
    op.create_index(
        NAME,
        "aangeboden_opleiding",
        ["sector", "zoeknaam", "code"],
        postgresql_include=["begindatum", "einddatum"],
    )


def downgrade() -> None:
    op.drop_index(NAME, table_name="aangeboden_opleiding")
