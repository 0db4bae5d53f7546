"""What every resolver gets per request: this request's database reads and loaders, the
app's gemeenten and provincies (to resolve the ones filters name), the viewer, the audit
trail of private data put into the response, the user data (objecten van toezicht) and whether
the public may read their structure, and whether the answer may be kept in a response cache."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders import Loaders
from onderwijsgraaf.auth import ANONYMOUS, Viewer
from onderwijsgraaf.db.gebieden import GebiedenCache
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.db.userdata import UserData


@dataclass(frozen=True)
class Context:
    reads: Reads
    loaders: Loaders
    gebieden: GebiedenCache
    viewer: Viewer = ANONYMOUS
    # (organisatie kind, code, soort) of every private communicatiecontext returned
    audit: list[tuple[str, str, str]] = field(default_factory=list)
    userdata: UserData | None = None
    toezicht_openbaar: bool = False
    # what in the answer is read from (or written to) the user data: an answer naming anything
    # here is never kept in a response cache (it would not show the next change)
    uncacheable: list[str] = field(default_factory=list)

    def gebruikersdata(self, what: str) -> UserData:
        """The user data, noting that the answer depends on it."""
        self.uncacheable.append(what)
        if self.userdata is None:
            raise RuntimeError("this request has no user data")
        return self.userdata
