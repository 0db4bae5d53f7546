"""The version of the data in the database (``gegevensversie``, written by the seed), as the
API watches it: read at most once per ``ttl`` seconds, so answers can be cached by version
without a statement per request. On SQLite the seed swaps in a new file: when its inode
changes, the pool is emptied so that no connection keeps reading the old file.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from onderwijsgraaf.db.engine import is_sqlite
from onderwijsgraaf.db.models import Gegevensversie
from onderwijsgraaf.db.reads import Reads


async def gegevensversie(reads: Reads) -> str | None:
    value: str | None = await reads.scalar(select(Gegevensversie.versie).limit(1))
    return value


class DataVersion:
    def __init__(self, engine: AsyncEngine, ttl: float) -> None:
        self.engine = engine
        self.ttl = ttl
        url = engine.url.render_as_string(hide_password=False)
        database = make_url(url).database if is_sqlite(url) else None
        self.file = Path(database) if database and database != ":memory:" else None
        self._inode: int | None = None
        self._value: str | None = None
        self._until = 0.0
        self._lock = asyncio.Lock()

    async def current(self) -> str | None:
        """The data version (None for a database the seed has not versioned)."""
        if time.monotonic() < self._until:
            return self._value
        async with self._lock:
            if time.monotonic() < self._until:
                return self._value
            await self._notice_new_file()
            async with Reads(self.engine) as reads:
                self._value = await gegevensversie(reads)
            self._until = time.monotonic() + self.ttl
            return self._value

    async def _notice_new_file(self) -> None:
        if self.file is None:
            return
        try:
            inode = os.stat(self.file).st_ino
        except FileNotFoundError:
            return
        if self._inode is not None and inode != self._inode:
            await self.engine.dispose()
        self._inode = inode
