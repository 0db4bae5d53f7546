"""Write a built dataset into the database safely: build aside, then swap in.

- SQLite: the new database is written to ``<file>.bouw`` next to the live file and renamed over
  it in one atomic ``os.replace``; the API opens a connection per request, so the next request
  reads the new file.
- PostgreSQL: the new data is written to the schema ``<schema>__bouw`` (and vacuumed); one
  transaction then renames the live schema away, the new one into place, and drops the old one.

Until the swap the live data is not touched; a failure at any point before it removes what was
built aside and leaves the previous data serving.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from onderwijsgraaf.db.engine import create_engine, is_sqlite
from onderwijsgraaf.db.migrate import upgrade
from onderwijsgraaf.db.models import Base
from seed.build import Progress, build_dataset
from seed.dataset import Dataset

CHUNK = 5_000
# A hook between writing and swapping; tests use it to fail a seed at its last moment.
BeforeSwap = Callable[[], None]


async def seed_database(
    url: str,
    schema: str,
    data_dir: Path,
    progress: Progress = lambda _: None,
    before_swap: BeforeSwap = lambda: None,
) -> dict[str, int]:
    """Build the database from ``data_dir`` and swap it in. Returns the row count per table."""
    started = time.perf_counter()
    dataset = build_dataset(data_dir, progress)
    progress(
        f"built {sum(len(r) for _, r in dataset.tables())} rows in "
        f"{time.perf_counter() - started:.1f} s"
    )
    if is_sqlite(url):
        await _seed_sqlite(url, dataset, progress, before_swap)
    else:
        await _seed_postgres(url, schema, dataset, progress, before_swap)
    progress(f"done in {time.perf_counter() - started:.1f} s")
    return {name: len(rows) for name, rows in dataset.tables()}


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ValueError(f"the seed needs an SQLite file, not {url!r}")
    return Path(database)


async def _seed_sqlite(
    url: str, dataset: Dataset, progress: Progress, before_swap: BeforeSwap
) -> None:
    live = sqlite_path(url)
    live.parent.mkdir(parents=True, exist_ok=True)
    aside = live.with_name(live.name + ".bouw")
    aside.unlink(missing_ok=True)
    engine = create_engine(f"sqlite+aiosqlite:///{aside}")
    try:
        await _write(engine, dataset, progress)
        await engine.dispose()
        before_swap()
        os.replace(aside, live)
        progress(f"swapped the new database into {live}")
    except BaseException:
        await engine.dispose()
        aside.unlink(missing_ok=True)
        raise


async def _seed_postgres(
    url: str, schema: str, dataset: Dataset, progress: Progress, before_swap: BeforeSwap
) -> None:
    aside, old = f"{schema}__bouw", f"{schema}__oud"
    admin = create_engine(url)
    engine = create_engine(url, schema=aside)
    try:
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{aside}" CASCADE'))
            await conn.execute(text(f'CREATE SCHEMA "{aside}"'))
        try:
            await _write(engine, dataset, progress)
            await _vacuum(engine, progress)
            before_swap()
        except BaseException:
            async with admin.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{aside}" CASCADE'))
            raise
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{old}" CASCADE'))
            exists = await conn.scalar(
                text("SELECT 1 FROM information_schema.schemata WHERE schema_name = :s"),
                {"s": schema},
            )
            if exists:
                await conn.execute(text(f'ALTER SCHEMA "{schema}" RENAME TO "{old}"'))
            await conn.execute(text(f'ALTER SCHEMA "{aside}" RENAME TO "{schema}"'))
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{old}" CASCADE'))
        progress(f"swapped the new schema into {schema!r}")
    finally:
        await engine.dispose()
        await admin.dispose()


async def _vacuum(engine: AsyncEngine, progress: Progress) -> None:
    """PostgreSQL: mark the new tables all-visible, so totals are counted from the indexes
    alone (index-only scans) from the first query on."""
    started = time.perf_counter()
    async with engine.connect() as conn:
        autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
        for name in Base.metadata.tables:
            await autocommit.execute(text(f'VACUUM "{name}"'))
    progress(f"vacuumed the new tables ({time.perf_counter() - started:.1f} s)")


async def _write(engine: AsyncEngine, dataset: Dataset, progress: Progress) -> None:
    await upgrade(engine)
    async with engine.begin() as conn:
        for name, rows in dataset.tables():
            started = time.perf_counter()
            await _insert(conn, name, rows)
            progress(f"wrote {name}: {len(rows)} rows ({time.perf_counter() - started:.1f} s)")
        await conn.execute(text("ANALYZE"))


async def _insert(conn: AsyncConnection, name: str, rows: list[dict[str, object]]) -> None:
    table = Base.metadata.tables[name]
    for start in range(0, len(rows), CHUNK):
        await conn.execute(insert(table), rows[start : start + CHUNK])
