"""Cursor pagination shared by root lists and nested connections.

A page is asked for with ``first`` (default 25, at most 100) and ``after`` (a cursor). A cursor
is opaque to callers: base64 of the list it belongs to (``kind``) and the sort key of the row
it points at, so the next page starts with a keyset condition (``key > cursor``), never an
OFFSET, and a cursor of another list is refused.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from onderwijsgraaf.errors import BadUserInput

DEFAULT_FIRST = 25
MAX_FIRST = 100
T = TypeVar("T")
SortKey = tuple[str | int | float, ...]
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


@dataclass(frozen=True)
class PageRequest:
    kind: str
    first: int
    after: SortKey | None

    @classmethod
    def parse(cls, kind: str, first: int | None, after: str | None) -> PageRequest:
        first = page_size(first)
        return cls(kind, first, decode_cursor(kind, after) if after is not None else None)


def page_size(first: int | None) -> int:
    """The rows a page asked with ``first`` holds: the default for None; BadUserInput outside
    0 to MAX_FIRST."""
    if first is None:
        return DEFAULT_FIRST
    if not 0 <= first <= MAX_FIRST:
        raise BadUserInput(f"first must be between 0 and {MAX_FIRST}, got {first}")
    return first


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of rows with the total number of rows the list has."""

    rows: Sequence[T]
    cursors: Sequence[str]
    total: int | None  # None when the total was not asked for
    has_next: bool
    has_previous: bool

    @classmethod
    def of(
        cls,
        request: PageRequest,
        rows: Sequence[T],
        total: int | None,
        key: Callable[[T], SortKey],
    ) -> Page[T]:
        """``rows`` holds up to ``first + 1`` rows after the cursor; the extra one means more."""
        shown = rows[: request.first]
        return cls(
            rows=shown,
            cursors=[encode_cursor(request.kind, key(row)) for row in shown],
            total=total,
            has_next=len(rows) > request.first,
            has_previous=request.after is not None,
        )


def encode_cursor(kind: str, key: SortKey) -> str:
    raw = json.dumps([kind, list(key)], separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str) -> SortKey:
    """The sort key a cursor of list ``kind`` holds: a non-empty list of strings (valid Unicode,
    no NUL), 64-bit integers and finite numbers. Raises BadUserInput for anything else."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        found_kind, key = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, binascii.Error, TypeError, UnicodeDecodeError):
        raise _not_a_cursor(cursor) from None
    if found_kind != kind or not isinstance(key, list) or not key:
        raise _not_a_cursor(cursor)
    if not all(_is_key_part(k) for k in key):
        raise _not_a_cursor(cursor)
    return tuple(key)


def check_cursor(after: SortKey, types: Sequence[type]) -> None:
    """A cursor's key must fit the order's sort key: as many parts, each of its column's type
    (``types``: the Python types of the sort key's columns)."""
    if len(after) != len(types) or not all(map(_fits, after, types)):
        raise BadUserInput(
            "after: this cursor's sort key does not fit the list's order (another orderBy or "
            "grouping?); use an endCursor or cursor the list returned in this order"
        )


def _not_a_cursor(cursor: str) -> BadUserInput:
    return BadUserInput(
        f"after: {cursor!r} is not a cursor of this list; use an endCursor or cursor it returned"
    )


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a sort key")


def _is_key_part(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return INT64_MIN <= value <= INT64_MAX
    if isinstance(value, str):
        return _valid_text(value)
    return isinstance(value, float)


def _valid_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in value


def _fits(value: str | int | float, type_: type) -> bool:
    if type_ in (float, Decimal):
        return isinstance(value, int | float)
    return isinstance(value, type_)
