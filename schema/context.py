"""What every resolver gets per request: the session factory, this request's loaders, the
viewer, and the audit trail of private data put into the response."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from loaders import Loaders
from onderwijsgraaf.auth import ANONYMOUS, Viewer


@dataclass(frozen=True)
class Context:
    sessions: async_sessionmaker[AsyncSession]
    loaders: Loaders
    viewer: Viewer = ANONYMOUS
    # (organisatie kind, code, soort) of every private communicatiecontext returned
    audit: list[tuple[str, str, str]] = field(default_factory=list)
