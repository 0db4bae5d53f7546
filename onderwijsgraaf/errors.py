"""The errors a caller may see, each with its ``extensions.code``. Anything else is masked
and reported as INTERNAL.

    OnderwijsgraafError
    ├── BadUserInput          BAD_USER_INPUT       an argument is not valid; the message says what is
    ├── Unauthenticated       UNAUTHENTICATED      a token was sent and is not acceptable
    ├── Forbidden             FORBIDDEN            the caller may not do this
    ├── CostLimitExceeded     COST_LIMIT_EXCEEDED  the query is too deep or too wide
    └── RateLimited           RATE_LIMITED         too many requests
"""

from __future__ import annotations


class OnderwijsgraafError(Exception):
    code = "INTERNAL"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
