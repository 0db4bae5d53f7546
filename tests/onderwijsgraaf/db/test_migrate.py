"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from onderwijsgraaf.db.migrate import head_revision
from onderwijsgraaf.db.models import Base
from onderwijsgraaf.db.naamzoeken import is_zoekindex
from tests.conftest import Target


def not_a_text_index(name: str | None, _type: str, _parents: object) -> bool:
    """Name search's text index (SQLite: an FTS5 table; PostgreSQL: a pg_trgm index) is made
    by its migration alone."""
    return not is_zoekindex(name)


async def test_migrated_schema_matches_the_models(seeded: Target) -> None:
    engine = seeded.engine()
    async with engine.connect() as conn:
        differences = await conn.run_sync(
            lambda sync: compare_metadata(
                MigrationContext.configure(sync, opts={"include_name": not_a_text_index}),
                Base.metadata,
            )
        )
        revision = await conn.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )
    await engine.dispose()
    assert differences == []
    assert revision == head_revision()
