"""The response cache: whole answers kept in this process, bounded in memory.

An answer is kept under a key made of the operation (SHA-256 of the query or document id, the
operation name, the variables and extensions), the viewer's roles (an answer with private data
is only ever served to a viewer with exactly the same roles: the visibility of every private
field follows from the roles alone), the data version and today's date (the default
peildatum). A new data version empties the cache. Only complete answers (HTTP 200 without
errors) are kept; least recently used answers go first when ``max_bytes`` is reached.

An answer that holds private contactpunten is written to the audit log again, for the viewer
it is served to, each time it is served from the cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from onderwijsgraaf.auth import Viewer

# the bytes an entry costs besides its answer (key, entry, dictionary slot)
OVERHEAD = 300


@dataclass(frozen=True)
class Answer:
    body: bytes
    # (organisatie kind, code, soort) of the private contexts in the answer, for the audit log
    audit: tuple[tuple[str, str, str], ...] = ()


class ResponseCache:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.version: str | None = None
        self._answers: OrderedDict[bytes, Answer] = OrderedDict()

    @staticmethod
    def key(operation: Any, viewer: Viewer, today: dt.date) -> bytes | None:
        """The key of an operation (a JSON-able value) asked by ``viewer`` today; None when it
        cannot be keyed."""
        try:
            text = json.dumps([operation, sorted(viewer.roles), today.isoformat()], sort_keys=True)
        except (TypeError, ValueError):
            return None
        return hashlib.sha256(text.encode()).digest()

    def get(self, key: bytes, version: str) -> Answer | None:
        self._follow(version)
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
        return answer

    def put(self, key: bytes, version: str, answer: Answer) -> None:
        self._follow(version)
        size = len(answer.body) + OVERHEAD
        if size > self.max_bytes:
            return
        if key in self._answers:
            self.bytes -= len(self._answers.pop(key).body) + OVERHEAD
        self._answers[key] = answer
        self.bytes += size
        while self.bytes > self.max_bytes:
            _, dropped = self._answers.popitem(last=False)
            self.bytes -= len(dropped.body) + OVERHEAD

    def __len__(self) -> int:
        return len(self._answers)

    def _follow(self, version: str) -> None:
        """A new data version makes every kept answer stale."""
        if version != self.version:
            self._answers.clear()
            self.bytes = 0
            self.version = version
