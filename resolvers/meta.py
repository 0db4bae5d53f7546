"""Provenance of the data: the source files the database was built from."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from onderwijsgraaf.db.models import Bron
from onderwijsgraaf.db.versie import gegevensversie


async def bronnen(sessions: async_sessionmaker[AsyncSession]) -> Sequence[Bron]:
    async with sessions() as session:
        return (await session.scalars(select(Bron).order_by(Bron.code))).all()


async def versie(sessions: async_sessionmaker[AsyncSession]) -> str | None:
    return await gegevensversie(sessions)
