"""What every resolver gets per request: this request's database reads and loaders, the
app's gemeenten and provincies (to resolve the ones filters name), the viewer, and the audit
trail of private data put into the response."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders import Loaders
from onderwijsgraaf.auth import ANONYMOUS, Viewer
from onderwijsgraaf.db.gebieden import GebiedenCache
from onderwijsgraaf.db.reads import Reads


@dataclass(frozen=True)
class Context:
    reads: Reads
    loaders: Loaders
    gebieden: GebiedenCache
    viewer: Viewer = ANONYMOUS
    # (organisatie kind, code, soort) of every private communicatiecontext returned
    audit: list[tuple[str, str, str]] = field(default_factory=list)
