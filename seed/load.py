"""Write a built dataset into the database safely: build aside, then swap in.

- SQLite: the new database is written to ``<file>.bouw`` next to the live file and renamed over
  it in one atomic ``os.replace``; the API opens a connection per request, so the next request
  reads the new file.
- PostgreSQL: the new data is written to the schema ``<schema>__bouw`` (and vacuumed); one
  transaction then renames the live schema away, the new one into place, and drops the old one.

Until the swap the live data is not touched; a failure at any point before it removes what was
built aside (on SQLite with its journal) and leaves the previous data serving. An OS or
database error while writing (a full disk, a lost connection) is raised as a ``SeedError``
naming what was being written.

Before building, the record count per source of the data now serving (``bron.rijen``) is read,
so ``seed.checks`` can refuse a source file that shrank.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from onderwijsgraaf.db.engine import create_engine, is_sqlite
from onderwijsgraaf.db.migrate import upgrade
from onderwijsgraaf.db.models import Base, Bron, Versielog
from seed.build import Progress, build_dataset
from seed.dataset import Dataset
from seed.errors import SeedError
from seed.wijzigingen import BEWAARDAGEN, geschiedenis

CHUNK = 5_000
History = dict[str, list[dict[str, object]]]
# A hook between writing and swapping; tests use it to fail a seed at its last moment.
BeforeSwap = Callable[[], None]


async def seed_database(
    url: str,
    schema: str,
    data_dir: Path,
    progress: Progress = lambda _: None,
    before_swap: BeforeSwap = lambda: None,
    *,
    accept_shrink: bool = False,
    check_minimums: bool = True,
    bewaardagen: int = BEWAARDAGEN,
) -> dict[str, int]:
    """Build the database from ``data_dir`` and swap it in. Returns the row count per table.

    Raises ``SeedError`` for bad input (``accept_shrink``: a source file may hold more than
    10 % fewer records than the data now serving was built from; ``check_minimums``: see
    ``seed.checks.check_bronnen``) and for a failed write. ``bewaardagen``: how long the history
    of the data keeps a version (``seed.wijzigingen``)."""
    started = time.perf_counter()
    serving = {} if accept_shrink else await serving_rijen(url, schema)
    dataset = build_dataset(
        data_dir,
        progress,
        serving=serving,
        accept_shrink=accept_shrink,
        check_minimums=check_minimums,
    )
    tables = dataset.tables()
    progress(
        f"built {sum(len(rows) for _, rows in tables):,} rows in {len(tables)} tables "
        f"({time.perf_counter() - started:.1f} s)"
    )
    counts = await load_dataset(
        url, schema, dataset, progress, before_swap, bewaardagen=bewaardagen
    )
    progress(f"done in {time.perf_counter() - started:.1f} s")
    return counts


async def load_dataset(
    url: str,
    schema: str,
    dataset: Dataset,
    progress: Progress = lambda _: None,
    before_swap: BeforeSwap = lambda: None,
    *,
    bewaardagen: int = BEWAARDAGEN,
) -> dict[str, int]:
    """Write a built ``dataset`` aside, with the history of the data now serving and its
    changes (``seed.wijzigingen``; ``bewaardagen``: the retention), and swap it in. Returns the
    row count per table of the dataset.

    Raises ``SeedError`` for a failed read of the serving data or a failed write; the data now
    serving is then unchanged."""
    history = await _history(url, schema, dataset, bewaardagen)
    # the newest version held is the one being written (or, for the same content, the same)
    newest = history[Versielog.__tablename__][-1]
    if newest["vorige"] is not None:
        progress(f"{newest['wijzigingen']:,} changes to the objects of the data now serving")
    if is_sqlite(url):
        await _seed_sqlite(url, dataset, history, progress, before_swap)
    else:
        await _seed_postgres(url, schema, dataset, history, progress, before_swap)
    return {name: len(rows) for name, rows in dataset.tables()}


async def _history(url: str, schema: str, dataset: Dataset, bewaardagen: int) -> History:
    nu = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    if is_sqlite(url):
        live = sqlite_path(url)
        if not live.exists():
            return await geschiedenis(None, dataset, nu, bewaardagen)
        target, engine = str(live), create_engine(url)
    else:
        target, engine = f"PostgreSQL schema {schema!r}", create_engine(url, schema=schema)
    try:
        async with engine.connect() as conn:
            serving = is_sqlite(url) or await conn.scalar(
                text("SELECT 1 FROM information_schema.schemata WHERE schema_name = :s"),
                {"s": schema},
            )
            return await geschiedenis(conn if serving else None, dataset, nu, bewaardagen)
    except (OSError, DBAPIError) as error:
        raise SeedError(target, f"cannot read the data now serving: {reason(error)}") from None
    finally:
        await engine.dispose()


async def serving_rijen(url: str, schema: str) -> dict[str, int]:
    """The record count per source (``bron.rijen``) of the data now serving; empty when there
    is none (no database file, schema or seed yet)."""
    if is_sqlite(url):
        live = sqlite_path(url)
        if not live.exists():
            return {}
        target, engine = str(live), create_engine(url)
        exists = text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :bron")
        bron = Bron.__tablename__
    else:
        target, engine = f"PostgreSQL schema {schema!r}", create_engine(url, schema=schema)
        exists = text("SELECT to_regclass(:bron) IS NOT NULL")
        bron = f'"{schema}".{Bron.__tablename__}'
    try:
        async with engine.connect() as conn:
            if not await conn.scalar(exists, {"bron": bron}):
                return {}
            return {
                code: rijen for code, rijen in await conn.execute(select(Bron.code, Bron.rijen))
            }
    except (OSError, DBAPIError) as error:
        raise SeedError(target, f"cannot read the data now serving: {reason(error)}") from None
    finally:
        await engine.dispose()


def reason(error: BaseException) -> str:
    """One line saying why an OS or database operation failed, without the statement."""
    if isinstance(error, DBAPIError):
        error = error.orig if isinstance(error.orig, BaseException) else error
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    lines = str(error).strip().splitlines() or [type(error).__name__]
    return re.sub(r"^<class '[\w.]+'>: ", "", lines[0])


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise SeedError(url, "the seed needs an SQLite file, not an in-memory database")
    return Path(database)


async def _seed_sqlite(
    url: str, dataset: Dataset, history: History, progress: Progress, before_swap: BeforeSwap
) -> None:
    live = sqlite_path(url)
    aside = live.with_name(live.name + ".bouw")
    started = time.perf_counter()
    engine = create_engine(f"sqlite+aiosqlite:///{aside}")
    try:
        try:
            live.parent.mkdir(parents=True, exist_ok=True)
            _remove_sqlite(aside)
            await _write(engine, dataset, history)
            await engine.dispose()
            before_swap()
            os.replace(aside, live)
        except BaseException:
            await engine.dispose()
            _remove_sqlite(aside)
            raise
    except (OSError, DBAPIError) as error:
        raise SeedError(aside, f"cannot write: {reason(error)}") from None
    progress(f"wrote {live} ({time.perf_counter() - started:.1f} s)")


def _remove_sqlite(path: Path) -> None:
    """An SQLite file with the journal and WAL files SQLite may keep beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


async def _seed_postgres(
    url: str,
    schema: str,
    dataset: Dataset,
    history: History,
    progress: Progress,
    before_swap: BeforeSwap,
) -> None:
    aside, old = f"{schema}__bouw", f"{schema}__oud"
    started = time.perf_counter()
    admin = create_engine(url)
    engine = create_engine(url, schema=aside)
    try:
        try:
            async with admin.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{aside}" CASCADE'))
                await conn.execute(text(f'CREATE SCHEMA "{aside}"'))
            await _write(engine, dataset, history)
            await _vacuum(engine)
            before_swap()
            await _swap(admin, schema, aside, old)
        except BaseException:
            await _drop_schema(admin, aside)
            raise
    except (OSError, DBAPIError) as error:
        raise SeedError(f"PostgreSQL schema {aside!r}", f"cannot write: {reason(error)}") from None
    finally:
        await engine.dispose()
        await admin.dispose()
    progress(f"wrote PostgreSQL schema {schema!r} ({time.perf_counter() - started:.1f} s)")


async def _swap(admin: AsyncEngine, schema: str, aside: str, old: str) -> None:
    """In one transaction: the live schema away, the new one into its place, the old dropped."""
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


async def _drop_schema(admin: AsyncEngine, schema: str) -> None:
    """Drops what was built aside; when even that fails (the server is gone), the next seed
    drops it before it starts."""
    try:
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    except (OSError, DBAPIError):
        pass


async def _vacuum(engine: AsyncEngine) -> None:
    """PostgreSQL: gather the new tables' statistics and mark them all-visible, so totals are
    counted from the indexes alone (index-only scans) from the first query on."""
    async with engine.connect() as conn:
        autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
        for name in Base.metadata.tables:
            await autocommit.execute(text(f'VACUUM (ANALYZE) "{name}"'))


async def _write(engine: AsyncEngine, dataset: Dataset, history: History) -> None:
    await upgrade(engine)
    async with engine.begin() as conn:
        for name, rows in dataset.tables():
            await _insert(conn, name, rows)
        for name, rows in history.items():
            await _insert(conn, name, rows)
        if conn.dialect.name == "sqlite":
            # PostgreSQL gathers statistics per table in _vacuum: a bare ANALYZE there would
            # read every schema of the database
            await conn.execute(text("ANALYZE"))


async def _insert(conn: AsyncConnection, name: str, rows: list[dict[str, object]]) -> None:
    table = Base.metadata.tables[name]
    for start in range(0, len(rows), CHUNK):
        await conn.execute(insert(table), rows[start : start + CHUNK])
