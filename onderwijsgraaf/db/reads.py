"""The database as one request reads it: one connection, in autocommit mode (no BEGIN or
ROLLBACK round trips around reads), taken from the pool at the first statement and shared in
turn by every loader and resolver of the request (a lock keeps concurrent batches apart, as one
connection runs one statement at a time). ``close`` gives it back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Executable, Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine


class Reads:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._connection: AsyncConnection | None = None
        self._lock = asyncio.Lock()

    async def rows(self, statement: Executable) -> Sequence[Row[Any]]:
        """All rows of ``statement``."""
        async with self._lock:
            connection = await self._connected()
            return (await connection.execute(statement)).all()

    async def scalar(self, statement: Executable) -> Any:
        """The first column of the first row of ``statement``, or None."""
        async with self._lock:
            connection = await self._connected()
            return await connection.scalar(statement)

    async def driver(self) -> Any:
        """The driver's own connection (asyncpg or aiosqlite) under this request's, for
        statements that bypass SQLAlchemy; hold ``lock`` while using it."""
        connection = await self._connected()
        raw = await connection.get_raw_connection()
        return raw.driver_connection

    @property
    def lock(self) -> asyncio.Lock:
        return self._lock

    async def _connected(self) -> AsyncConnection:
        if self._connection is None:
            connection = await self.engine.connect()
            self._connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
        return self._connection

    async def close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            await connection.close()

    async def __aenter__(self) -> Reads:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()
