"""Every error a caller sees carries ``extensions.code``; unexpected errors are masked and logged.

- our own errors (``onderwijsgraaf.errors``) keep their message and code;
- errors GraphQL itself finds in the document or variables (an unknown enum value, a wrong
  type) are BAD_USER_INPUT, except the depth and alias limits, which are COST_LIMIT_EXCEEDED;
- a database that cannot be reached is SERVICE_UNAVAILABLE (the endpoint answers HTTP 503);
- anything else becomes "Internal server error" (INTERNAL): no stack trace or SQL leaves the
  server; it is logged with its traceback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from onderwijsgraaf.errors import OnderwijsgraafError, ServiceUnavailable, database_unavailable
from schema.enums import VALUES

log = logging.getLogger("onderwijsgraaf.errors")
UNKNOWN_ENUM_VALUE = re.compile(r"does not exist in '(\w+)' enum")
LIMIT_MESSAGES = ("exceeds maximum operation depth", "aliases found. Allowed")


class ErrorCodes(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            unavailable = [e for e in result.errors if _unavailable(e)]
            if unavailable:
                log.warning("the database is unavailable: %r", unavailable[0].original_error)
            result.errors = [coded(error) for error in result.errors]


def coded(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if _unavailable(error):
        return _with_code(error, ServiceUnavailable().message, ServiceUnavailable.code)
    if isinstance(original, OnderwijsgraafError):
        return _with_code(error, original.message, original.code)
    if original is None or isinstance(original, GraphQLError):
        if any(text in error.message for text in LIMIT_MESSAGES):
            return _with_code(error, error.message, "COST_LIMIT_EXCEEDED")
        return _with_code(error, _with_valid_values(error.message), "BAD_USER_INPUT")
    log.error("unexpected error in %s", ".".join(map(str, error.path or [])), exc_info=original)
    return _with_code(error, "Internal server error", "INTERNAL")


def _unavailable(error: GraphQLError) -> bool:
    original = error.original_error
    return (
        original is not None
        and not isinstance(original, GraphQLError)
        and database_unavailable(original)
    )


def _with_valid_values(message: str) -> str:
    """GraphQL says an enum value does not exist; we add which values do."""
    match = UNKNOWN_ENUM_VALUE.search(message)
    if match and match.group(1) in VALUES:
        return f"{message} Valid values: {', '.join(VALUES[match.group(1)])}."
    return message


def _with_code(error: GraphQLError, message: str, code: str) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={**(error.extensions or {}), "code": code},
    )
