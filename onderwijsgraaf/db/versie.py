"""The version of the data in the database (``gegevensversie``, written by the seed) and when it
was loaded (``versielog``), as the API watches it: read at most once per ``ttl`` seconds, so
answers can be cached by version without a statement per request. On SQLite the seed swaps in a new file: when its inode
changes, the pool is emptied so that no connection keeps reading the old file.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from onderwijsgraaf.db.engine import is_sqlite
from onderwijsgraaf.db.models import Gegevensversie, Versielog
from onderwijsgraaf.db.reads import Reads


async def gegevensversie(reads: Reads) -> str | None:
    value: str | None = await reads.scalar(select(Gegevensversie.versie).limit(1))
    return value


async def stand(reads: Reads) -> str | None:
    """The data as loaded: its version and when the newest version was loaded
    (``<versie>-<YYYYMMDDTHHMMSS>``), in one statement. A version loaded again after another is
    the same content with a longer history (``wijzigingen``, ``meta.versies``): what is cached
    by the data must be cached by this."""
    geladen = select(func.max(Versielog.datum)).scalar_subquery().label("geladen")
    rows = await reads.rows(select(Gegevensversie.versie, geladen).limit(1))
    if not rows:
        return None
    versie, datum = rows[0]._mapping["versie"], rows[0]._mapping["geladen"]
    return f"{versie}-{datum:%Y%m%dT%H%M%S}" if datum is not None else str(versie)


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
                self._value = await stand(reads)
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
