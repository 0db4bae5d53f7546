"""The response cache: whole answers kept in this process, bounded in memory.

Anonymous reads are answered at the door (``AnonymousAnswers``, the outermost layer of the app):
a GET or POST to /graphql without a token is kept whole, status and headers included, under its
method, query string, body and Origin and today's date, and sent again before any other layer
runs. Answers to callers with a token are kept by the endpoint, under the operation (query or
document id, operation name, variables, extensions) and the viewer's roles: an answer with
private data is only ever served to a viewer with exactly the same roles (the visibility of
every private field follows from the roles alone), and it is written to the audit log again,
for the viewer it is served to, each time.

Both are keyed by the data version too: a new data version empties the cache. Only complete
answers (HTTP 200 JSON without errors, not marked by the endpoint as reading or writing user
data, which changes without a new data version: ``caching.reads_user_data``) are kept; least recently used answers go first when
``max_bytes`` is reached.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onderwijsgraaf.auth import ANONYMOUS, Viewer
from onderwijsgraaf.caching import reads_user_data
from onderwijsgraaf.peildatum import vandaag

# the bytes an entry costs besides its answer (key, entry, dictionary slot)
OVERHEAD = 300


@dataclass(frozen=True)
class Answer:
    body: bytes
    # (organisatie kind, code, soort) of the private contexts in the answer, for the audit log
    audit: tuple[tuple[str, str, str], ...] = ()
    # the HTTP headers of an answer kept at the door
    headers: tuple[tuple[bytes, bytes], ...] = ()


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


class AnonymousAnswers:
    """The door of the response cache (see the module): anonymous reads of /graphql."""

    def __init__(
        self,
        app: ASGIApp,
        cache: ResponseCache,
        version: Callable[[], Awaitable[str | None]],
        path: str = "/graphql",
    ) -> None:
        self.app = app
        self.cache = cache
        self.version = version
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._keepable(scope):
            await self.app(scope, receive, send)
            return
        body = await _body(receive) if scope["method"] == "POST" else b""
        version = await self.version()
        if version is None:
            await self.app(scope, _replay(body, receive), send)
            return
        headers = Headers(scope=scope)
        # everything of the request the answer depends on: the media type it is written in
        # follows Accept, its status the Content-Type
        key = [
            scope["method"],
            scope["query_string"].decode("latin-1"),
            body.hex(),
            headers.get("origin", ""),
            headers.get("accept", ""),
            headers.get("content-type", ""),
        ]
        digest = ResponseCache.key(key, ANONYMOUS, vandaag())
        kept = self.cache.get(digest, version) if digest is not None else None
        if kept is not None:
            await send({"type": "http.response.start", "status": 200, "headers": kept.headers})
            await send({"type": "http.response.body", "body": kept.body})
            return
        await self.app(scope, _replay(body, receive), self._keeping(scope, send, digest, version))

    def _keepable(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["path"] != self.path:
            return False
        if scope["method"] not in ("GET", "POST"):
            return False
        names = {name.lower() for name, _ in scope["headers"]}
        return b"authorization" not in names and b"if-none-match" not in names

    def _keeping(self, scope: Scope, send: Send, digest: bytes | None, version: str) -> Send:
        start: Message = {}
        parts: list[bytes] = []

        async def sending(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                done = not message.get("more_body", False)
                if done and digest is not None and not reads_user_data(scope):
                    self._keep(digest, version, start, b"".join(parts))
            await send(message)

        return sending

    def _keep(self, digest: bytes, version: str, start: Message, body: bytes) -> None:
        headers = tuple((bytes(k), bytes(v)) for k, v in start.get("headers", []))
        json_answer = any(k.lower() == b"content-type" and b"json" in v for k, v in headers)
        if start.get("status") == 200 and json_answer and complete(body):
            self.cache.put(digest, version, Answer(body, headers=headers))


def complete(body: bytes) -> bool:
    """An answer with data and without errors."""
    try:
        answer = json.loads(body)
    except ValueError:
        return False
    return isinstance(answer, dict) and "data" in answer and "errors" not in answer


async def _body(receive: Receive) -> bytes:
    parts = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        parts.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(parts)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the body already read, then listens to the client as before."""
    sent = False

    async def replaying() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replaying
