"""Running database work from synchronous code (the command line).

``run`` is ``asyncio.run`` for coroutines that open database connections. aiosqlite runs each
connection on a worker thread that reports back to the event loop, also when it closes a
connection that failed to open; ``asyncio.run`` may close the loop before that report, and the
thread then prints a traceback on stderr after the command's own message. ``run`` keeps the loop
open until the worker threads the coroutine started have finished.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

SETTLE_SECONDS = 5.0
"""How long ``run`` waits at most for the worker threads to finish."""

_WORKER = "(_connection_worker_thread)"
"""How Python names a thread running aiosqlite's worker function: ``Thread-N (<target>)``."""


def run(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(main)``; the loop closes only after the database worker threads started
    while ``main`` ran have finished (at most ``SETTLE_SECONDS``). Returns what ``main`` returns
    and raises what it raises."""

    async def settled() -> T:
        before = set(threading.enumerate())
        try:
            return await main
        finally:
            await _workers_finished(before)

    return asyncio.run(settled())


async def _workers_finished(before: set[threading.Thread]) -> None:
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        if not any(
            thread not in before and thread.name.endswith(_WORKER)
            for thread in threading.enumerate()
        ):
            return
        await asyncio.sleep(0.005)
