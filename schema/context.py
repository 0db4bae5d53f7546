"""What every resolver gets per request: the session factory (one short session per query)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


@dataclass(frozen=True)
class Context:
    sessions: async_sessionmaker[AsyncSession]
