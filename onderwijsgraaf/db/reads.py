"""The database as one request reads it: one connection, in autocommit mode (no BEGIN or
ROLLBACK round trips around reads), taken from the pool at the first statement and shared in
turn by every loader and resolver of the request (a lock keeps concurrent batches apart, as one
connection runs one statement at a time). ``close`` gives it back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Executable, Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine


class Reads:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._connection: asyncio.Task[AsyncConnection] | None = None
        self._lock = asyncio.Lock()
        self._closed = False

    async def rows(
        self, statement: Executable, params: Mapping[str, Any] | None = None
    ) -> Sequence[Row[Any]]:
        """All rows of ``statement``, with the values of its bound parameters ``params``."""
        async with self._lock:
            connection = await self._connected()
            return (await connection.execute(statement, params)).all()

    async def scalar(self, statement: Executable) -> Any:
        """The first column of the first row of ``statement``, or None."""
        async with self._lock:
            connection = await self._connected()
            return await connection.scalar(statement)

    async def text_value(self, sql: str, params: Sequence[Any]) -> str | None:
        """The first column of the first row of a statement already compiled for this database
        (its SQL and positional parameters), run by the driver itself (asyncpg or aiosqlite),
        with the driver's statement cache. Listeners of SQLAlchemy's ``before_cursor_execute``
        (statement counters) hear of it as of any other statement."""
        async with self._lock:
            connection = await self._connected()
            listeners = self.engine.sync_engine.dispatch.before_cursor_execute
            if listeners:
                listeners(connection.sync_connection, None, sql, params, None, False)
            driver: Any = (await connection.get_raw_connection()).driver_connection
            if self.engine.dialect.name == "postgresql":
                value: str | None = await driver.fetchval(sql, *params)
                return value
            async with driver.execute(sql, params) as cursor:
                row = await cursor.fetchone()
            return row[0] if row is not None else None

    async def _connected(self) -> AsyncConnection:
        if self._closed:
            raise RuntimeError("this request's reads are closed")
        if self._connection is None:
            # a task of its own: a resolver cancelled while connecting does not lose it
            self._connection = asyncio.ensure_future(self._connect())
        return await asyncio.shield(self._connection)

    async def _connect(self) -> AsyncConnection:
        connection = await self.engine.connect()
        return await connection.execution_options(isolation_level="AUTOCOMMIT")

    async def close(self) -> None:
        """Give the connection back, after the statement in flight (GraphQL may have stopped
        waiting for a resolver that still runs one); later statements are refused."""
        async with self._lock:
            self._closed = True
            if self._connection is None:
                return
            connecting, self._connection = self._connection, None
            try:
                connection = await connecting
            except Exception:  # no connection was made: nothing to give back
                return
            await connection.close()

    async def __aenter__(self) -> Reads:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()
