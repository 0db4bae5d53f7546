"""Where user-written data lives: beside the register, never in it.

The seed rebuilds the public register aside and swaps it in whole (SQLite: a new file renamed
over the old one; PostgreSQL: the schema ``<schema>__bouw`` renamed to ``<schema>`` and the old
one dropped). What callers write must survive that, so it is kept apart, in the database that
``DATABASE_URL`` names (the primary: what a caller writes is read back at once, so never from a
replica at ``DATABASE_READ_URL``):

| database   | the register                          | user data                                                |
|------------|---------------------------------------|----------------------------------------------------------|
| SQLite     | the file ``var/onderwijsgraaf.sqlite`` | the file ``var/onderwijsgraaf.gebruikers.sqlite`` beside it (``<stem>.gebruikers.sqlite``) |
| PostgreSQL | the schema ``<DATABASE_SCHEMA>``        | the schema ``<DATABASE_SCHEMA>_gebruikers`` in the same database |

Its tables (``METADATA``; not the register's models, and not in its migrations); those of the
objecten van toezicht are described in ``onderwijsgraaf.db.toezicht``:

- ``trusted_document``: a GraphQL document the API accepts by its hash. ``sha256`` (64 lower-case
  hex digits of the document's UTF-8 bytes, primary key), ``document`` (the text), ``added_at``
  (when it was first registered, in UTC; SQLite keeps it without the zone), ``origin`` (``cli``:
  added by ``documents add``, never removed to make room; ``post``: registered by a caller's POST,
  within a quota, the least recently used removed first), ``bytes`` (the size of ``document`` in
  UTF-8, for the quota) and ``used_at`` (``post`` documents: when last used, at most an hour
  behind; empty for ``cli`` ones). The text under a hash never changes; adding a ``post``
  document with the CLI makes it ``cli``.

The tables are created when first written to (``UserData.create``: the PostgreSQL schema when it
is missing, then ``create_all``; both idempotent and serialised between processes, so API
processes and the CLI may race to it). Reading creates nothing: until the tables exist,
``UserData.exists`` is false and there is nothing to find (on SQLite the file is not opened).
User data of an earlier version gets the tables and columns of ``METADATA`` it lacks the first
time a process finds it, in the same serialised way; its rows count as added by the CLI (``origin``
``cli``), so none of them is ever removed to make room.
"""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    cast,
    func,
    inspect,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.schema import CreateColumn

from onderwijsgraaf.db.engine import create_engine, is_sqlite
from onderwijsgraaf.db.models.base import NAMING_CONVENTION

METADATA = MetaData(naming_convention=NAMING_CONVENTION)

trusted_document = Table(
    "trusted_document",
    METADATA,
    Column("sha256", String(64), primary_key=True),
    Column("document", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("origin", String(4), nullable=False, server_default="cli"),
    Column("bytes", Integer, nullable=False, server_default=text("0")),
    Column("used_at", DateTime(timezone=True)),
    # the quota's sums and its order of removal, without reading the documents
    Index("ix_trusted_document_origin_used_at", "origin", "used_at", "bytes"),
)


def userdata_schema(schema: str) -> str:
    """PostgreSQL: the schema of the user data beside the register's schema ``schema``."""
    return f"{schema}_gebruikers"


def userdata_file(url: str) -> Path:
    """SQLite: the file of the user data beside the register's file at ``url``."""
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ValueError(f"user data is kept beside an SQLite file, not beside {url!r}")
    register = Path(database)
    return register.with_name(f"{register.stem}.gebruikers.sqlite")


class UserData:
    """The user data beside the register at ``url`` (``DATABASE_URL``) and ``schema``
    (``DATABASE_SCHEMA``); ``engine_options`` go to its engine (e.g. the pool size)."""

    def __init__(self, url: str, schema: str, **engine_options: Any) -> None:
        self.file: Path | None = None
        self.schema: str | None = None
        if is_sqlite(url):
            self.file = userdata_file(url)
            file_url = make_url(url).set(database=str(self.file))
            self.engine = create_engine(
                file_url.render_as_string(hide_password=False), **engine_options
            )
        else:
            self.schema = userdata_schema(schema)
            self.engine = create_engine(url, schema=self.schema, **engine_options)
        self._exists = False
        self._lock = asyncio.Lock()

    async def exists(self) -> bool:
        """Whether the tables are there; creates nothing (a table of an earlier version gets its
        missing columns). Once true, remembered (one statement per call until then)."""
        if self._exists:
            return True
        if self.file is not None and not self.file.exists():
            return False
        async with self.engine.connect() as conn:
            missing = await self._missing(conn)
        if missing is None:
            return False
        if missing:
            await self._make()
        self._exists = True
        return True

    async def create(self) -> None:
        """Create the schema and the tables where they are missing. Idempotent; processes that
        do it at once wait for each other (an advisory lock on PostgreSQL, an immediate
        transaction on SQLite). Tables that are already there need no privilege to create."""
        if not await self.exists():
            await self._make()

    async def serialise(self, conn: AsyncConnection, purpose: str) -> None:
        """Make the transaction just begun on ``conn`` wait for every other transaction that
        serialises for ``purpose`` (PostgreSQL: an advisory lock, held until it ends) or, on
        SQLite, for every other writer (an immediate transaction). The first statement on
        ``conn``."""
        if self.schema is None:
            await conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            await conn.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(self.schema, purpose)}
            )

    async def dispose(self) -> None:
        await self.engine.dispose()

    async def _make(self) -> None:
        async with self._lock:
            if self._exists:
                return
            if self.file is not None:
                self.file.parent.mkdir(parents=True, exist_ok=True)
            async with self.engine.begin() as conn:
                await self.serialise(conn, "create")
                # another process may have just made (or completed) them
                missing = await self._missing(conn)
                if missing is None:
                    if self.schema is not None:
                        await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"'))
                    await conn.run_sync(METADATA.create_all)
                elif missing:
                    await conn.run_sync(_complete, missing, self.schema)
            self._exists = True

    async def _missing(self, conn: AsyncConnection) -> list[Column[Any]] | None:
        """The columns of ``METADATA`` its tables lack; None when a table is not there."""
        return await conn.run_sync(_missing_columns, self.schema)


def _missing_columns(sync: Connection, schema: str | None) -> list[Column[Any]] | None:
    """The columns of ``METADATA`` the user data lacks (all of a table not made yet); None when
    none of its tables is there."""
    inspector = inspect(sync)
    missing: list[Column[Any]] = []
    found = False
    for table in METADATA.sorted_tables:
        if not inspector.has_table(table.name, schema=schema):
            missing += list(table.columns)
            continue
        found = True
        present = {column["name"] for column in inspector.get_columns(table.name, schema=schema)}
        missing += [column for column in table.columns if column.name not in present]
    return missing if found else None


def _complete(sync: Connection, missing: list[Column[Any]], schema: str | None) -> None:
    """Make the tables of an earlier version complete: the tables it did not have, and the
    ``missing`` columns (and indexes on them) of those it had."""
    inspector = inspect(sync)
    new = {t for t in METADATA.sorted_tables if not inspector.has_table(t.name, schema=schema)}
    METADATA.create_all(sync, tables=list(new))
    missing = [column for column in missing if column.table not in new]
    for column in missing:
        table = column.table
        name = f'"{schema}"."{table.name}"' if schema else f'"{table.name}"'
        ddl = CreateColumn(column).compile(dialect=sync.dialect)
        sync.exec_driver_sql(f"ALTER TABLE {name} ADD COLUMN {ddl}")
    if any(column is trusted_document.c.bytes for column in missing):
        document = trusted_document.c.document
        size = (
            func.octet_length(document)
            if sync.dialect.name == "postgresql"
            else func.length(cast(document, LargeBinary))
        )
        sync.execute(update(trusted_document).values(bytes=size))
    for table in {column.table for column in missing}:
        for index in table.indexes:
            index.create(sync, checkfirst=True)


def _lock_key(schema: str, purpose: str) -> int:
    """A PostgreSQL advisory lock key (a signed 64-bit integer) for ``purpose`` in ``schema``."""
    digest = hashlib.sha256(f"onderwijsgraaf user data {schema} {purpose}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


# The objecten van toezicht keep their tables in METADATA too (their module imports this one).
from onderwijsgraaf.db import toezicht as _toezicht  # noqa: E402, F401
