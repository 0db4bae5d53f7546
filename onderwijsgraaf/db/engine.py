"""Engines for SQLite (embedded) and PostgreSQL (production).

On PostgreSQL all tables live in one schema (``DATABASE_SCHEMA``), selected per connection
through ``search_path``; the seed builds a new schema aside and renames it into place, dropping
the old one in the same transaction. Prepared statements are kept per connection (asyncpg's
statement cache): PostgreSQL re-plans a prepared statement whose tables were dropped, resolving
its names again in the new schema, so a swap needs no restart. Connections are not pinged on
checkout; a broken one fails its request and is replaced.

Floats leave PostgreSQL in their shortest exact form (``extra_float_digits``), as Python writes
them. SQLite connections get two functions the compiled statements use: ``og_base64url(text)``
(URL-safe base64 of the UTF-8 bytes, padded) and ``og_float(real)`` (Python's ``repr``).
"""

from __future__ import annotations

import base64
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine

STATEMENT_CACHE_SIZE = 512


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, schema: str | None = None, **kwargs: Any) -> AsyncEngine:
    """An async engine for ``url``; on PostgreSQL bound to ``schema`` via search_path."""
    if is_sqlite(url):
        engine = _create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
        return engine
    server_settings = {"extra_float_digits": "3"}
    if schema:
        server_settings["search_path"] = schema
    connect_args: dict[str, Any] = {
        "server_settings": server_settings,
        "statement_cache_size": STATEMENT_CACHE_SIZE,
        "prepared_statement_cache_size": STATEMENT_CACHE_SIZE,
    }
    return _create_async_engine(url, connect_args=connect_args, **kwargs)


def base64url(value: str | None) -> str | None:
    if value is None:
        return None
    return base64.urlsafe_b64encode(value.encode()).decode()


def float_text(value: float | None) -> str | None:
    return None if value is None else repr(float(value))


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    dbapi_connection.create_function("og_base64url", 1, base64url, deterministic=True)
    dbapi_connection.create_function("og_float", 1, float_text, deterministic=True)
