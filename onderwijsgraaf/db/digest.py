"""A digest of the whole database content: equal digests mean equal content, row for row.

Rows are read through the models' column types (dates as dates, booleans as booleans), ordered
by primary key, so SQLite and PostgreSQL holding the same data give the same digest. The history
of the data (``versielog``, ``wijziging``: when each version was loaded and what changed) is
not content and is left out: two seeds of the same files at different times are equal.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from onderwijsgraaf.db.models import Base, Versielog, Wijziging

HISTORY = {Versielog.__tablename__, Wijziging.__tablename__}


async def content_digest(engine: AsyncEngine) -> str:
    digest = hashlib.sha256()
    async with engine.connect() as conn:
        for table in sorted(Base.metadata.sorted_tables, key=lambda t: t.name):
            if table.name in HISTORY:
                continue
            digest.update(f"\x00table {table.name}\x00".encode())
            query = select(table).order_by(*table.primary_key.columns)
            for row in await conn.execute(query):
                digest.update(json.dumps(list(row), default=str).encode())
                digest.update(b"\n")
    return digest.hexdigest()


async def row_counts(engine: AsyncEngine) -> dict[str, int]:
    counts = {}
    async with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            counts[table.name] = await conn.scalar(select(func.count()).select_from(table)) or 0
    return counts
