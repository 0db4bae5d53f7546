"""CORS for reads. With every origin allowed, every answer carries the same CORS headers
whether or not the request named an Origin, so a shared cache keeps one copy per operation
instead of one per Origin (no ``Vary: Origin``). With a list of origins, Starlette's own
behaviour applies: the allowed origin is echoed and the answer varies by Origin."""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import Message, Send


class ReadCors(CORSMiddleware):
    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        if message["type"] != "http.response.start" or not self.allow_all_origins:
            await super().send(message, send, request_headers)
            return
        raw = message.setdefault("headers", [])
        names = {name.lower() for name, _ in raw}
        simple = [
            (k.lower().encode("latin-1"), v.encode("latin-1"))
            for k, v in self.simple_headers.items()
        ]
        if names.isdisjoint(name for name, _ in simple):
            raw.extend(simple)  # the usual case: none of them is set yet
        else:
            MutableHeaders(scope=message).update(self.simple_headers)
        await send(message)
