"""What every resolver gets per request: the session factory and this request's loaders."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from loaders import Loaders


@dataclass(frozen=True)
class Context:
    sessions: async_sessionmaker[AsyncSession]
    loaders: Loaders
