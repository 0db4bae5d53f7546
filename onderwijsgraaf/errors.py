"""The errors a caller may see, each with its ``extensions.code``. Anything else is masked
and reported as INTERNAL.

    OnderwijsgraafError
    ├── BadRequest            BAD_REQUEST          the HTTP request is not a GraphQL request the server can read:
    │                                              its body, content type or parameters (HTTP 400, 405 or 415)
    ├── BadUserInput          BAD_USER_INPUT       an argument is not valid; the message says what is
    ├── Unauthenticated       UNAUTHENTICATED      a token was sent and is not acceptable
    ├── Forbidden             FORBIDDEN            the caller may not do this
    ├── CostLimitExceeded     COST_LIMIT_EXCEEDED  the query is too deep or too wide
    ├── RateLimited           RATE_LIMITED         too many requests
    └── ServiceUnavailable    SERVICE_UNAVAILABLE  the database cannot be reached now; HTTP 503 with
                                                   Retry-After, the same request may succeed later

    DEADLINE_EXCEEDED (from the ``deadline`` layer): the request ran longer than REQUEST_DEADLINE
    and was stopped, its statements too

``database_unavailable`` tells a database that cannot be reached (refused, gone, shutting down,
a connection lost) from a statement that failed: the first is SERVICE_UNAVAILABLE, the second
stays INTERNAL.
"""

from __future__ import annotations

import errno
import socket
import sqlite3

from sqlalchemy import exc

# seconds a caller is asked to wait after SERVICE_UNAVAILABLE (the Retry-After header)
RETRY_AFTER_SECONDS = 5

# SQLSTATEs of a PostgreSQL server that cannot serve now: the class of connection exceptions
# (08), too many connections, shutting down (administrator, crash), starting up, the database
# dropped or not there
UNAVAILABLE_SQLSTATE_CLASSES = ("08",)
UNAVAILABLE_SQLSTATES = frozenset({"53300", "57P01", "57P02", "57P03", "57P04", "3D000"})
# SQLite: the file cannot be opened or read, or another process holds it
UNAVAILABLE_SQLITE = ("unable to open database file", "disk i/o error", "database is locked")
# the network between this process and the database server
UNAVAILABLE_ERRNOS = frozenset(
    {
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.ECONNABORTED,
        errno.EHOSTUNREACH,
        errno.EHOSTDOWN,
        errno.ENETUNREACH,
        errno.ENETDOWN,
        errno.EPIPE,
    }
)


class OnderwijsgraafError(Exception):
    code = "INTERNAL"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadRequest(OnderwijsgraafError):
    code = "BAD_REQUEST"

    def __init__(self, message: str, status_code: int = 400) -> None:
        super().__init__(message)
        self.status_code = status_code


class BadUserInput(OnderwijsgraafError):
    code = "BAD_USER_INPUT"


class Unauthenticated(OnderwijsgraafError):
    code = "UNAUTHENTICATED"


class Forbidden(OnderwijsgraafError):
    code = "FORBIDDEN"


class CostLimitExceeded(OnderwijsgraafError):
    code = "COST_LIMIT_EXCEEDED"


class RateLimited(OnderwijsgraafError):
    code = "RATE_LIMITED"


class ServiceUnavailable(OnderwijsgraafError):
    code = "SERVICE_UNAVAILABLE"

    def __init__(
        self, message: str = "the database is unavailable; try again in a few seconds"
    ) -> None:
        super().__init__(message)


def database_unavailable(error: BaseException) -> bool:
    """Whether ``error``, or an error that caused it, says that the database cannot be reached
    or lost the connection (rather than that a statement is wrong)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _unavailable(current):
            return True
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return False


def _unavailable(error: BaseException) -> bool:
    if isinstance(error, ServiceUnavailable):
        return True
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, exc.DisconnectionError | exc.TimeoutError):
        return True  # a connection lost, or none free in the pool in time
    if isinstance(error, TimeoutError):
        return False  # a deadline of the request, not the database
    if isinstance(error, ConnectionError | socket.gaierror):
        return True
    if isinstance(error, OSError) and error.errno in UNAVAILABLE_ERRNOS:
        return True
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(sqlstate, str) and (
        sqlstate.startswith(UNAVAILABLE_SQLSTATE_CLASSES) or sqlstate in UNAVAILABLE_SQLSTATES
    ):
        return True
    if type(error).__module__.startswith("asyncpg") and "connection is closed" in str(error):
        return True  # asyncpg's InterfaceError on a connection that was lost
    return isinstance(error, sqlite3.OperationalError) and str(error).lower().startswith(
        UNAVAILABLE_SQLITE
    )
