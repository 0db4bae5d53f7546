"""A GraphQL error answer sent straight from an ASGI layer, before or instead of the endpoint."""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import Headers
from starlette.types import Scope, Send

from onderwijsgraaf.endpoint import CONTENT_TYPE, negotiated


async def send_error(
    scope: Scope,
    send: Send,
    status: int,
    message: str,
    code: str,
    *,
    extensions: dict[str, Any] | None = None,
    with_data: bool = False,
    headers: dict[str, str] | None = None,
) -> None:
    """Sends ``{"errors": [{message, extensions: {code, ...}}]}`` with ``status`` in the media
    type the request's Accept header prefers; with ``with_data`` also ``"data": null`` (execution
    had begun, or any refusal answered as application/json), plus ``headers``. Like every error
    answer: ``Cache-Control: no-store`` and ``Vary: Accept, Authorization``, so no cache keeps
    it or hands it to another caller."""
    media = negotiated(Headers(scope=scope).get("accept"))
    error = {"message": message, "extensions": {"code": code, **(extensions or {})}}
    answer: dict[str, Any] = {"data": None} if with_data else {}
    answer["errors"] = [error]
    body = json.dumps(answer, separators=(",", ":"), ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", CONTENT_TYPE[media].encode()),
                (b"vary", b"Accept, Authorization"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                *(
                    (name.lower().encode(), value.encode())
                    for name, value in (headers or {}).items()
                ),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
