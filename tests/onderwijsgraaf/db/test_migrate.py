"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from onderwijsgraaf.db.migrate import head_revision
from onderwijsgraaf.db.models import Base
from tests.conftest import Target


async def test_migrated_schema_matches_the_models(seeded: Target) -> None:
    engine = seeded.engine()
    async with engine.connect() as conn:
        differences = await conn.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
        )
        revision = await conn.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )
    await engine.dispose()
    assert differences == []
    assert revision == head_revision()
