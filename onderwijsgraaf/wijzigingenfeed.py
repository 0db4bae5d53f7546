"""The change feed as JSON Lines: ``GET /wijzigingen.jsonl?sinds=…``, every change the
``wijzigingen`` field pages through, one JSON object per line, oldest first.

Parameters: ``sinds`` (required: a data version, ``meta.versie``, or a date ``YYYY-MM-DD``, as
for ``wijzigingen``), ``soorten`` (comma-separated, default all) and ``na`` (a ``volgnummer``:
only the changes after it, to resume). Each line: ``volgnummer``, ``versie``, ``datum`` (ISO
8601, UTC), ``objecttype``, ``code``, ``soort`` and ``velden`` (a list of ``{veld, kolom, oud,
nieuw}``). The answer depends only on the data as loaded (its version and when it was loaded:
a version loaded again after another has a longer history) and the parameters: its ``ETag``
says both, and a matching ``If-None-Match`` gets 304 without reading the changes. Bad input
(also an unknown or repeated parameter, or a version no longer held): 400 with a JSON error
(``BAD_USER_INPUT``) naming the parameter. A bearer token is checked as at /graphql (401 when
not acceptable); the feed is the same for everyone.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import Response

from onderwijsgraaf.auth import Verifier
from onderwijsgraaf.caching import entity_tags
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput, Unauthenticated
from onderwijsgraaf.refusal import error_response
from resolvers import wijzigingen as resolve

MEDIA = "application/jsonl; charset=utf-8"


PARAMETERS = ("sinds", "soorten", "na")
VOLGNUMMER = re.compile(r"[0-9]{1,18}")


def _na(value: str | None) -> int:
    if value is None:
        return 0
    if not VOLGNUMMER.fullmatch(value):
        raise BadUserInput(f"na: {value!r} is not a volgnummer (a whole number of 1 to 18 digits)")
    return int(value)


def _soorten(value: str | None) -> list[str] | None:
    if value is None:
        return None
    soorten = value.split(",")
    if not all(s.strip() for s in soorten):
        raise BadUserInput(
            f"soorten: {value!r} holds an empty value; give kinds separated by commas"
        )
    return [s.strip() for s in soorten]


def _check_parameters(request: Request) -> None:
    for name in {name for name, _ in request.query_params.multi_items()}:
        if name not in PARAMETERS:
            raise BadUserInput(
                f"{name}: not a parameter of the feed; it takes {', '.join(PARAMETERS)}"
            )
        if len(request.query_params.getlist(name)) > 1:
            raise BadUserInput(f"{name}: given more than once")


async def wijzigingenfeed(
    request: Request,
    engine: AsyncEngine,
    version: Callable[[], Awaitable[str | None]],
    verifier: Verifier,
    max_age: int,
) -> Response:
    try:
        verifier.viewer(request.headers.get("authorization"))
    except Unauthenticated as error:
        return error_response(error, 401)
    params = request.query_params
    try:
        _check_parameters(request)
        sinds = params.get("sinds")
        if sinds is None:
            raise BadUserInput("sinds: required: a data version (meta.versie) or a date YYYY-MM-DD")
        soorten = _soorten(params.get("soorten"))
        na = _na(params.get("na"))
        resolve.vraag(sinds, soorten)
    except BadUserInput as error:
        return error_response(error, 400)
    key = json.dumps([await version(), sinds, soorten, na])
    etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    if etag in entity_tags(request.headers.get("if-none-match", "")):
        return Response(status_code=304, headers=headers)
    async with Reads(engine) as reads:
        try:
            changes = await resolve.alle(reads, sinds, soorten, na)
        except BadUserInput as error:
            return error_response(error, 400)
    body = "".join(json.dumps(c.regel(), ensure_ascii=False) + "\n" for c in changes)
    return Response(body, media_type=MEDIA, headers=headers)
