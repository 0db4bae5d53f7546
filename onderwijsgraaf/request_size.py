"""The size of a GraphQL request, checked before it is read whole: a body of at most
``MAX_BODY`` bytes (1 MiB: the largest document, 100,000 characters, with room for variables),
a query string of at most ``MAX_QUERY_STRING`` bytes (32 KiB; longer documents go by POST). Larger requests get 413 (body) or 414
(query string) with a GraphQL error, code BAD_USER_INPUT, that names the limit.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onderwijsgraaf.refusal import send_error

MAX_BODY = 1024 * 1024
MAX_QUERY_STRING = 32 * 1024


class BodyTooLarge(Exception):
    pass


class RequestSize:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_STRING:
            await _refuse(
                scope, send, 414, f"the query string is longer than {MAX_QUERY_STRING:,} bytes"
            )
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
            await _refuse(scope, send, 413, _too_large())
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY:
                    raise BodyTooLarge
            return message

        async def sending(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self.app(scope, counted, sending)
        except BodyTooLarge:  # a chunked body without a length that grew too large
            if not started:
                await _refuse(scope, send, 413, _too_large())


def _too_large() -> str:
    return f"the request body is larger than {MAX_BODY:,} bytes"


async def _refuse(scope: Scope, send: Send, status: int, message: str) -> None:
    await send_error(scope, send, status, message, "BAD_USER_INPUT")
