"""Engines and session factories for SQLite (embedded) and PostgreSQL (production).

On PostgreSQL all tables live in one schema (``DATABASE_SCHEMA``), selected per connection
through ``search_path``; the seed builds a new schema aside and renames it into place.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, schema: str | None = None, **kwargs: Any) -> AsyncEngine:
    """An async engine for ``url``; on PostgreSQL bound to ``schema`` via search_path."""
    if is_sqlite(url):
        engine = _create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
        return engine
    connect_args: dict[str, Any] = {}
    if schema:
        connect_args["server_settings"] = {"search_path": schema}
    # The seed swaps schemas underneath running processes; statements prepared against the
    # previous schema must not be reused, so asyncpg's statement cache stays off.
    connect_args["statement_cache_size"] = 0
    return _create_async_engine(url, connect_args=connect_args, pool_pre_ping=True, **kwargs)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
