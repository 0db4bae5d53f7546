"""Rate limits per client, counted with the ``limits`` library (fixed windows).

A client is its bearer token (the SHA-256 of the ``Authorization`` header, so a token is never
kept) or, without one, its IP address (behind a proxy: uvicorn's ``--proxy-headers`` and
``--forwarded-allow-ips`` make that the caller's). Every request counts except ``/static/…`` and
``/health``. ``RATE_LIMIT`` is a ``limits`` rate such as ``600/minute`` (empty or ``0``: no
limit); the counts live in ``RATE_LIMIT_STORAGE`` (``memory://``: per API process; a
``redis://`` URI shares them between processes and hosts).

CORS preflights (``OPTIONS``) are not counted. Every counted answer carries the fields of the IETF draft "RateLimit header fields for HTTP"
(draft-ietf-httpapi-ratelimit-headers-09): ``RateLimit-Policy: "client";q=<quota>;w=<window s>``
and ``RateLimit: "client";r=<remaining>;t=<s until the window resets>``. A request over the
limit is not run: 429 with a GraphQL error ``RATE_LIMITED`` that names the limit, and
``Retry-After`` (seconds), readable from a browser of an origin ``CORS_ORIGINS`` allows.
"""

from __future__ import annotations

import hashlib
import math
import time

from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onderwijsgraaf.refusal import send_error

UNCOUNTED = ("/static/", "/health")
POLICY = "client"
# the fields a browser script may read from a counted answer
EXPOSED = "RateLimit, RateLimit-Policy, Retry-After"


def parse_rate(rate: str) -> RateLimitItem | None:
    """``rate`` (e.g. ``600/minute``) as a limit; None for empty or ``0`` (no limit). A rate
    ``limits`` cannot read raises ValueError naming it."""
    text = rate.strip()
    if text in ("", "0"):
        return None
    try:
        return parse(text)
    except ValueError:
        raise ValueError(
            f"RATE_LIMIT: {rate!r} is not a rate; write e.g. 600/minute or 10/second"
        ) from None


class RateLimited:
    def __init__(
        self,
        app: ASGIApp,
        limit: RateLimitItem,
        storage: str = "memory://",
        cors_origins: tuple[str, ...] = ("*",),
    ) -> None:
        self.app = app
        self.limit = limit
        self.cors_origins = cors_origins
        self.limiter = FixedWindowRateLimiter(storage_from_string(storage))
        self.policy = f'"{POLICY}";q={limit.amount};w={limit.get_expiry()}'.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] == "OPTIONS"
            or scope["path"].startswith(UNCOUNTED)
        ):
            await self.app(scope, receive, send)
            return
        client = client_key(scope)
        allowed = self.limiter.hit(self.limit, client)
        stats = self.limiter.get_window_stats(self.limit, client)
        reset = max(0, math.ceil(stats.reset_time - time.time()))
        fields = [
            (b"ratelimit-policy", self.policy),
            (b"ratelimit", f'"{POLICY}";r={stats.remaining};t={reset}'.encode()),
        ]
        if not allowed:
            await send_error(
                scope,
                send,
                429,
                f"more than {self.limit.amount} requests per {self.limit.get_expiry()} s from "
                f"this client; try again in {reset} s",
                "RATE_LIMITED",
                extensions={"retryAfter": reset},
                headers={
                    "RateLimit-Policy": self.policy.decode(),
                    "RateLimit": fields[1][1].decode(),
                    "Retry-After": str(reset),
                    **self._cors(scope),
                },
            )
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                # a new message: the one sent may be kept (the response cache's headers)
                message = {**message, "headers": [*message.get("headers", ()), *fields]}
            await send(message)

        await self.app(scope, receive, sending)

    def _cors(self, scope: Scope) -> dict[str, str]:
        """What lets a browser read the refusal: the answer ``ReadCors`` gives (which this
        refusal never reaches)."""
        origin = Headers(scope=scope).get("origin")
        if "*" in self.cors_origins:
            allowed = "*"
        elif origin in self.cors_origins:
            allowed = origin
        else:
            return {}
        return {
            "Access-Control-Allow-Origin": allowed,
            "Access-Control-Expose-Headers": EXPOSED,
        }


def client_key(scope: Scope) -> str:
    """Who is counted: ``token:<sha256 of the Authorization value>``, else ``ip:<address>``."""
    authorization = Headers(scope=scope).get("authorization")
    if authorization:
        return "token:" + hashlib.sha256(authorization.encode()).hexdigest()
    client = scope.get("client")
    return f"ip:{client[0] if client else 'unknown'}"
