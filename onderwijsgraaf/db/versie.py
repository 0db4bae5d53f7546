"""The version of the data in the database (``gegevensversie``), written by the seed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from onderwijsgraaf.db.models import Gegevensversie


async def gegevensversie(sessions: async_sessionmaker[AsyncSession]) -> str | None:
    async with sessions() as session:
        return await session.scalar(select(Gegevensversie.versie).limit(1))
