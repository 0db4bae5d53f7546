"""the locaties by point with their code and validity period: a radius search's candidates
(the rows inside a box) are read from the index alone on PostgreSQL

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_onderwijslocatie_latitude_longitude"
COLUMNS = ["latitude", "longitude"]


def upgrade() -> None:
    op.drop_index(NAME, table_name="onderwijslocatie", if_exists=True)
    op.create_index(
        NAME,
        "onderwijslocatie",
        COLUMNS,
        postgresql_include=["code", "begindatum", "einddatum"],
    )


def downgrade() -> None:
    op.drop_index(NAME, table_name="onderwijslocatie", if_exists=True)
    op.create_index(NAME, "onderwijslocatie", COLUMNS)
