"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from onderwijsgraaf.db.migrate import alembic_config, head_revision, upgrade
from onderwijsgraaf.db.models import Base, Lijsttelling
from onderwijsgraaf.db.naamzoeken import is_zoekindex
from tests.conftest import Target, copy_of


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


async def test_the_list_totals_of_data_stored_before_them_are_counted_on_upgrade(
    small: Target, tmp_path: Path
) -> None:
    """Migration 0010 fills ``lijsttelling`` from the rows it finds: a database upgraded
    without a new seed holds the totals the seed writes."""
    async with copy_of(small, tmp_path) as copy:
        engine = copy.engine()
        try:
            seeded = await _totals(engine)
            assert len(seeded) > 100
            async with engine.begin() as conn:
                await conn.run_sync(lambda sync: command.downgrade(alembic_config(sync), "0009"))
            await upgrade(engine)
            assert await _totals(engine) == seeded
        finally:
            await engine.dispose()


async def _totals(engine: AsyncEngine) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        rows = await conn.execute(select(Lijsttelling.__table__))
        return sorted(tuple(row) for row in rows)
