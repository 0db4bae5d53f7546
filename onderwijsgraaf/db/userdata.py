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

Its tables (``METADATA``; not the register's models, and not in its migrations):

- ``trusted_document``: a GraphQL document the API accepts by its hash. ``sha256`` (64 lower-case
  hex digits of the document's UTF-8 bytes, primary key), ``document`` (the text), ``added_at``
  (when it was first registered, in UTC; SQLite keeps it without the zone). Content-addressed:
  a row never changes.

The tables are created when first written to (``UserData.create``: the PostgreSQL schema when it
is missing, then ``create_all``; both idempotent and serialised between processes, so API
processes and the CLI may race to it). Reading creates nothing: until the tables exist,
``UserData.exists`` is false and there is nothing to find (on SQLite the file is not opened).
"""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import Column, DateTime, MetaData, String, Table, Text, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection

from onderwijsgraaf.db.engine import create_engine, is_sqlite
from onderwijsgraaf.db.models.base import NAMING_CONVENTION

METADATA = MetaData(naming_convention=NAMING_CONVENTION)

trusted_document = Table(
    "trusted_document",
    METADATA,
    Column("sha256", String(64), primary_key=True),
    Column("document", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
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
        """Whether the tables are there; creates nothing. Once true, remembered (one statement
        per call until then)."""
        if self._exists:
            return True
        if self.file is not None and not self.file.exists():
            return False
        async with self.engine.connect() as conn:
            self._exists = await self._has_tables(conn)
        return self._exists

    async def create(self) -> None:
        """Create the schema and the tables where they are missing. Idempotent; processes that
        do it at once wait for each other (an advisory lock on PostgreSQL, an immediate
        transaction on SQLite). Tables that are already there need no privilege to create."""
        if await self.exists():
            return
        async with self._lock:
            if self._exists:
                return
            if self.file is not None:
                self.file.parent.mkdir(parents=True, exist_ok=True)
            async with self.engine.begin() as conn:
                if self.schema is None:
                    await conn.exec_driver_sql("BEGIN IMMEDIATE")
                else:
                    await conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(self.schema)}
                    )
                if not await self._has_tables(conn):  # another process may have just made them
                    if self.schema is not None:
                        await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"'))
                    await conn.run_sync(METADATA.create_all)
            self._exists = True

    async def dispose(self) -> None:
        await self.engine.dispose()

    async def _has_tables(self, conn: AsyncConnection) -> bool:
        return await conn.run_sync(
            lambda sync: all(
                inspect(sync).has_table(table.name, schema=self.schema)
                for table in METADATA.sorted_tables
            )
        )


def _lock_key(schema: str) -> int:
    """A PostgreSQL advisory lock key (a signed 64-bit integer) for creating ``schema``."""
    digest = hashlib.sha256(f"onderwijsgraaf user data {schema}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
