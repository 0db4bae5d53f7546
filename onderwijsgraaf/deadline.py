"""A wall-clock deadline for every GraphQL request (``REQUEST_DEADLINE``, default 10 s).

When it passes, the request is cancelled: its Python work stops, its statement is stopped in the
database (``db.deadline``) and its memory is released. The caller gets HTTP 200 with no data and
one error, code DEADLINE_EXCEEDED, naming the deadline; the answer is never kept by a cache.
"""

from __future__ import annotations

import asyncio
import time
import warnings

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onderwijsgraaf.db.deadline import REQUEST_DEADLINE
from onderwijsgraaf.refusal import send_error

# A stopped request drops the coroutines GraphQL had made but not yet started (strawberry's
# resolvers, graphql-core's executor steps); they never ran, so nothing is lost, and Python's
# warning about each of them is only noise.
DROPPED_COROUTINES = (
    r"coroutine '(.*_async_resolver|Executor\..*|ExecutionContext\..*)' was never awaited"
)
warnings.filterwarnings("ignore", DROPPED_COROUTINES, RuntimeWarning)


class Deadline:
    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        deadline = REQUEST_DEADLINE.set(time.monotonic() + self.seconds)
        try:
            async with asyncio.timeout(self.seconds):
                await self.app(scope, receive, sending)
        except TimeoutError:
            if started:  # the answer was on its way: the connection closes without its end
                raise
            await self._refuse(scope, send)
        finally:
            REQUEST_DEADLINE.reset(deadline)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        await send_error(
            scope,
            send,
            200,
            f"the request took longer than {self.seconds:g} s and was stopped; ask for less "
            "(smaller pages, fewer lists or aliases)",
            "DEADLINE_EXCEEDED",
            extensions={"deadline": self.seconds},
            with_data=True,
        )
