"""Engines for SQLite (embedded) and PostgreSQL (production).

On PostgreSQL all tables live in one schema (``DATABASE_SCHEMA``), selected per connection
through ``search_path``; the seed builds a new schema aside and renames it into place, dropping
the old one in the same transaction. Prepared statements are kept per connection (asyncpg's
statement cache): PostgreSQL re-plans a prepared statement whose tables were dropped, resolving
its names again in the new schema, so a swap needs no restart. Connections are not pinged on
checkout; a broken one fails its request and is replaced.

Floats leave PostgreSQL in their shortest exact form (``extra_float_digits``), as Python writes
them. JIT compilation is off (it costs more than it saves on this API's statements).
Statements stop at the request's deadline (``deadline``). SQLite connections get two functions the compiled statements use: ``og_base64url(text)``
(URL-safe base64 of the UTF-8 bytes, padded) and ``og_float(real)`` (Python's ``repr``).
"""

from __future__ import annotations

import base64
import math
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine
from sqlalchemy.util import await_

from onderwijsgraaf.db.deadline import PROGRESS_STEPS, StatementDeadline

STATEMENT_CACHE_SIZE = 512


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(
    url: str, schema: str | None = None, statement_timeout: float | None = None, **kwargs: Any
) -> AsyncEngine:
    """An async engine for ``url``; on PostgreSQL bound to ``schema`` via search_path. With
    ``statement_timeout`` (seconds) PostgreSQL stops any statement that runs longer."""
    if is_sqlite(url):
        engine = _create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
        event.listen(engine.sync_engine, "checkout", _sqlite_on_checkout)
        return engine
    # no JIT: it compiles for seconds where a statement's estimated cost is high though its
    # run is short (the controle's UNION of every rule: 7.9 s with JIT, 0.8 s without)
    server_settings = {"extra_float_digits": "3", "jit": "off"}
    if schema:
        server_settings["search_path"] = schema
    if statement_timeout is not None:
        server_settings["statement_timeout"] = str(math.ceil(statement_timeout * 1000))
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


def _sqlite_on_connect(dbapi_connection: Any, record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    dbapi_connection.create_function("og_base64url", 1, base64url, deterministic=True)
    dbapi_connection.create_function("og_float", 1, float_text, deterministic=True)
    deadline = record.info["deadline"] = StatementDeadline()
    driver = dbapi_connection.driver_connection
    await_(driver.set_progress_handler(deadline.passed, PROGRESS_STEPS))


def _sqlite_on_checkout(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """A connection taken from the pool stops its statements at the deadline of the request
    that takes it (none outside a request)."""
    record.info["deadline"].arm()
