"""The change feed as JSON Lines: ``GET /wijzigingen.jsonl?sinds=…``, every change the
``wijzigingen`` field pages through, one JSON object per line, oldest first.

Parameters: ``sinds`` (required: a data version, ``meta.versie``, or a date ``YYYY-MM-DD``, as
for ``wijzigingen``), ``soorten`` (comma-separated, default all) and ``na`` (a ``volgnummer``:
only the changes after it, to resume). Each line: ``volgnummer``, ``versie``, ``datum`` (ISO
8601, UTC), ``objecttype``, ``code``, ``soort`` and ``velden`` (a list of ``{veld, kolom, oud,
nieuw}``). The answer depends only on the data version and the parameters: its ``ETag`` says
both, and a matching ``If-None-Match`` gets 304 without reading the changes. Bad input: 400
with a JSON error (``BAD_USER_INPUT``) naming the parameter, also for a version no longer held.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import Response

from onderwijsgraaf.controlebestand import foutantwoord, lijst_parameter
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput
from resolvers import wijzigingen as resolve

MEDIA = "application/jsonl; charset=utf-8"


def _na(value: str | None) -> int:
    if value is None:
        return 0
    if not value.isdigit():
        raise BadUserInput(f"na: {value!r} is not a volgnummer (a whole number)")
    return int(value)


async def wijzigingenfeed(
    request: Request,
    engine: AsyncEngine,
    version: Callable[[], Awaitable[str | None]],
    max_age: int,
) -> Response:
    params = request.query_params
    try:
        sinds = params.get("sinds")
        if sinds is None:
            raise BadUserInput("sinds: required: a data version (meta.versie) or a date YYYY-MM-DD")
        soorten = lijst_parameter(request, "soorten")
        na = _na(params.get("na"))
        resolve.vraag(sinds, soorten)
    except BadUserInput as error:
        return foutantwoord(error, 400)
    key = json.dumps([await version(), sinds, soorten, na])
    etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    wanted = {
        t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")
    }
    if etag in wanted:
        return Response(status_code=304, headers=headers)
    async with Reads(engine) as reads:
        try:
            changes = await resolve.alle(reads, sinds, soorten, na)
        except BadUserInput as error:
            return foutantwoord(error, 400)
    body = "".join(json.dumps(c.regel(), ensure_ascii=False) + "\n" for c in changes)
    return Response(body, media_type=MEDIA, headers=headers)
