"""naam zoeken: every name in its search form, the words of the names, and a text index

SQLite: the FTS5 table ``zoeknaam_fts`` (trigram tokenizer) over ``zoeknaam.zoekvorm``, kept
by triggers. PostgreSQL: the extension pg_trgm (in schema ``public`` unless it is installed
already; the user needs the right to create it, or it must be there) and a GIN trigram index
on ``zoeknaam.zoekvorm``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS = "zoeknaam_fts"
TRIGRAM_INDEX = "ix_zoeknaam_zoekvorm_trgm"
SQLITE_FTS = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5("
    "zoekvorm, content='zoeknaam', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER {FTS}_ai AFTER INSERT ON zoeknaam BEGIN "
    f"INSERT INTO {FTS} (rowid, zoekvorm) VALUES (new.id, new.zoekvorm); END",
    f"CREATE TRIGGER {FTS}_ad AFTER DELETE ON zoeknaam BEGIN "
    f"INSERT INTO {FTS} ({FTS}, rowid, zoekvorm) VALUES ('delete', old.id, old.zoekvorm); END",
    f"CREATE TRIGGER {FTS}_au AFTER UPDATE ON zoeknaam BEGIN "
    f"INSERT INTO {FTS} ({FTS}, rowid, zoekvorm) VALUES ('delete', old.id, old.zoekvorm); "
    f"INSERT INTO {FTS} (rowid, zoekvorm) VALUES (new.id, new.zoekvorm); END",
]


def upgrade() -> None:
    op.create_table(
        "zoeknaam",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=36), nullable=False),
        sa.Column("veld", sa.String(length=60), nullable=False),
        sa.Column("zoekvorm", sa.String(length=250), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zoeknaam")),
    )
    op.create_index("ix_zoeknaam_code_soort", "zoeknaam", ["code", "soort"])
    op.create_table(
        "zoekwoord",
        sa.Column("variant", sa.String(length=250), nullable=False),
        sa.Column("positie", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("woord", sa.String(length=250), nullable=False),
        sa.PrimaryKeyConstraint("variant", "positie", "woord", name=op.f("pk_zoekwoord")),
    )
    if op.get_context().dialect.name == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
    schema = op.get_bind().scalar(
        sa.text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'pg_trgm'"
        )
    )
    op.execute(
        f'CREATE INDEX {TRIGRAM_INDEX} ON zoeknaam USING gin (zoekvorm "{schema}".gin_trgm_ops)'
    )


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute(f"DROP TABLE {FTS}")
        for trigger in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {FTS}_{trigger}")
    else:
        op.execute(f"DROP INDEX {TRIGRAM_INDEX}")
    op.drop_table("zoekwoord")
    op.drop_index("ix_zoeknaam_code_soort", table_name="zoeknaam")
    op.drop_table("zoeknaam")
