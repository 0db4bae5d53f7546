"""A GraphQL error answer sent straight from an ASGI layer, before or instead of the endpoint
(``send_error``), or by a file endpoint outside /graphql (``error_response``), and the routing's
own refusals (``http_refusal``)."""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Scope, Send

from onderwijsgraaf.endpoint import CONTENT_TYPE, negotiated
from onderwijsgraaf.errors import RETRY_AFTER_SECONDS, BadRequest, OnderwijsgraafError


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


def error_response(error: OnderwijsgraafError, status: int) -> JSONResponse:
    """``{"errors": [{message, extensions: {code}}]}`` with ``status``, as a file endpoint
    (/controle, /export, /wijzigingen.jsonl) answers bad input (400), a token it does not accept
    (401, with ``WWW-Authenticate``) or a database that is down (503, with ``Retry-After``);
    ``Cache-Control: no-store`` like every error answer."""
    headers = {"Cache-Control": "no-store"}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    if status == 503:
        headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return JSONResponse(
        {"errors": [{"message": error.message, "extensions": {"code": error.code}}]},
        status_code=status,
        headers=headers,
    )


async def http_refusal(request: Request, error: Exception) -> Response:
    """The routing's own refusals as the file endpoints' error answer (code ``BAD_REQUEST``): a
    path nothing serves (404), a method a route does not take (405, with its ``Allow``)."""
    if not isinstance(error, HTTPException):  # registered for HTTPException only
        raise error
    headers = dict(error.headers or {})
    if "Allow" in headers:  # Starlette lists a route's methods in set order, which varies per run
        headers["Allow"] = ", ".join(sorted(m.strip() for m in headers["Allow"].split(",")))
    if error.status_code == 405:
        message = f"{request.url.path} takes {headers.get('Allow', 'GET')}, not {request.method}"
    elif error.status_code == 404:
        message = f"nothing is served at {request.url.path}"
    else:
        message = error.detail
    response = error_response(BadRequest(message, error.status_code), error.status_code)
    response.headers.update(headers)
    return response
