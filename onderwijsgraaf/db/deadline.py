"""The deadline of the request being answered, as the database layer sees it.

The API sets ``REQUEST_DEADLINE`` (a ``time.monotonic()`` instant) when a request comes in.
PostgreSQL stops a statement after ``statement_timeout`` (set per connection, as long as a
request may take); asyncpg also cancels the statement of a cancelled request. An SQLite
statement runs in a thread a cancelled request cannot stop, so every SQLite connection gets a
progress handler that interrupts its statement once the deadline of the request that took it
from the pool has passed (``sqlite3.OperationalError: interrupted``).
"""

from __future__ import annotations

import math
import time
from contextvars import ContextVar

REQUEST_DEADLINE: ContextVar[float] = ContextVar("request_deadline", default=math.inf)
PROGRESS_STEPS = 10_000  # SQLite virtual machine steps between two looks at the clock


class StatementDeadline:
    """When the statement running on one SQLite connection must stop."""

    def __init__(self) -> None:
        self.until = math.inf

    def arm(self) -> None:
        self.until = REQUEST_DEADLINE.get()

    def passed(self) -> bool:
        return time.monotonic() > self.until
