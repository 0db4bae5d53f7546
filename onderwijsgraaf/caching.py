"""HTTP caching of GraphQL reads over GET, so browsers and CDNs can keep answers.

An anonymous GET answer depends only on the operation (query or trusted-document hash,
variables, operationName, extensions), the version of the data and today's date (the default
peildatum). Its ``ETag`` is a hash of exactly those, so it is known before the query runs: a
matching ``If-None-Match`` gets ``304 Not Modified`` without touching the data, and the ETag
changes only when the data (or the date) does. Successful answers are ``public`` for
``max_age`` seconds; answers with errors, POST answers, every answer to a caller with a
token and every answer the endpoint marked as reading user data (``USER_DATA``; it changes
without a new data version) are ``no-store``, so a private value never enters a shared cache.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.datastructures import Headers, MutableHeaders, QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onderwijsgraaf.auth import ANONYMOUS, Viewer
from onderwijsgraaf.peildatum import vandaag

OPERATION_PARAMETERS = ("query", "documentId", "variables", "operationName", "extensions")
NO_STORE = "no-store"
# the key in the request's scope state that marks an answer depending on user data
USER_DATA = "reads_user_data"
VARY = "Authorization"


class CachedReads:
    def __init__(
        self, app: ASGIApp, version: Callable[[], Awaitable[str | None]], max_age: int
    ) -> None:
        self.app = app
        self.version = version
        self.max_age = max_age

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        viewer: Viewer = scope.get("state", {}).get("viewer", ANONYMOUS)
        params = QueryParams(scope["query_string"])
        is_read = scope["method"] == "GET" and any(p in params for p in OPERATION_PARAMETERS)
        version = await self.version() if is_read and viewer.anonymous else None
        if version is None:
            # POST, a caller with a token, or a database without a version: never stored
            await self.app(scope, receive, _with_headers(send, NO_STORE, None))
            return
        etag = entity_tag(version, params)
        cache_control = f"public, max-age={self.max_age}"
        if etag in entity_tags(Headers(scope=scope).get("if-none-match", "")):
            await _not_modified(send, etag, cache_control)
            return
        await self.app(scope, receive, _kept_if_successful(scope, send, etag, cache_control))


def entity_tag(version: str, params: QueryParams) -> str:
    operation = [(key, params.getlist(key)) for key in OPERATION_PARAMETERS]
    key = json.dumps([version, vandaag().isoformat(), operation], separators=(",", ":"))
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'


def entity_tags(if_none_match: str) -> set[str]:
    """The entity tags of an If-None-Match header (weak ones compare as strong here)."""
    return {tag.strip().removeprefix("W/") for tag in if_none_match.split(",") if tag.strip()}


async def _not_modified(send: Send, etag: str, cache_control: str) -> None:
    start = {"type": "http.response.start", "status": 304, "headers": []}
    await _with_headers(send, cache_control, etag)(start)
    await send({"type": "http.response.body", "body": b""})


def _with_headers(send: Send, cache_control: str, etag: str | None) -> Send:
    added = [(b"cache-control", cache_control.encode())]
    if etag is not None:
        added.append((b"etag", etag.encode()))

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            raw = message.setdefault("headers", [])
            names = {name.lower() for name, _ in raw}
            if names.isdisjoint((b"cache-control", b"etag", b"vary")):
                # the usual case, written without parsing the headers: they are all new
                raw.extend([*added, (b"vary", VARY.encode())])
            else:
                headers = MutableHeaders(scope=message)
                headers["Cache-Control"] = cache_control
                headers.add_vary_header(VARY)
                if etag is not None:
                    headers["ETag"] = etag
        await send(message)

    return sending


def _kept_if_successful(scope: Scope, send: Send, etag: str, cache_control: str) -> Send:
    """Holds the answer until it is complete, then marks it cacheable only if it succeeded."""
    start: Message = {}
    body: list[bytes] = []

    async def sending(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        if message["type"] != "http.response.body":
            await send(message)
            return
        body.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        content = b"".join(body)
        if start["status"] == 200 and _succeeded(content) and not reads_user_data(scope):
            await _with_headers(send, cache_control, etag)(start)
        else:
            await _with_headers(send, NO_STORE, None)(start)
        await send({"type": "http.response.body", "body": content})

    return sending


def reads_user_data(scope: Scope) -> bool:
    """Whether the endpoint marked the request's answer as reading or writing user data (the
    objecten van toezicht), which changes without a new data version: no cache keeps it."""
    return bool(scope.get("state", {}).get(USER_DATA))


def _succeeded(content: bytes) -> bool:
    try:
        answer: Any = json.loads(content)
    except ValueError:
        return False
    return isinstance(answer, dict) and "data" in answer and "errors" not in answer
