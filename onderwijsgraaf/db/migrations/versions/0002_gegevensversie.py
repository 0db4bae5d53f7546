"""gegevensversie: the version of the data, for HTTP caching

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "gegevensversie",
        sa.Column("versie", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("versie", name=op.f("pk_gegevensversie")),
    )


def downgrade() -> None:
    op.drop_table("gegevensversie")
