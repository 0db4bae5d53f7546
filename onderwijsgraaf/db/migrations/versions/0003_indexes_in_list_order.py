"""indexes in the order of the lists: parent key and sort key, with the validity period

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GELDIGHEID = ["begindatum", "einddatum"]
INDEXES = {
    "ix_aangeboden_opleiding_sector": ("aangeboden_opleiding", ["sector"]),
    "ix_aangeboden_opleiding_onderwijsaanbieder_code_zoeknaam_code": (
        "aangeboden_opleiding",
        ["onderwijsaanbieder_code", "zoeknaam", "code"],
    ),
    "ix_aangeboden_opleiding_onderwijslocatie_code_zoeknaam_code": (
        "aangeboden_opleiding",
        ["onderwijslocatie_code", "zoeknaam", "code"],
    ),
    "ix_aangeboden_opleiding_opleidingseenheid_code_zoeknaam_code": (
        "aangeboden_opleiding",
        ["opleidingseenheid_code", "zoeknaam", "code"],
    ),
    "ix_onderwijsaanbieder_onderwijsbestuur_code_zoeknaam_code": (
        "onderwijsaanbieder",
        ["onderwijsbestuur_code", "zoeknaam", "code"],
    ),
}


def upgrade() -> None:
    # the sector index gets the validity period too (PostgreSQL: counted from the index alone)
    op.drop_index("ix_aangeboden_opleiding_sector", table_name="aangeboden_opleiding")
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, postgresql_include=GELDIGHEID)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
    op.create_index("ix_aangeboden_opleiding_sector", "aangeboden_opleiding", ["sector"])
