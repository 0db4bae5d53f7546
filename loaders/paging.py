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
from typing import Any, Generic, TypeVar

from onderwijsgraaf.errors import BadUserInput

DEFAULT_FIRST = 25
MAX_FIRST = 100
T = TypeVar("T")
SortKey = tuple[str | int | float, ...]


@dataclass(frozen=True)
class PageRequest:
    kind: str
    first: int
    after: SortKey | None

    @classmethod
    def parse(cls, kind: str, first: int | None, after: str | None) -> PageRequest:
        if first is None:
            first = DEFAULT_FIRST
        if not 0 <= first <= MAX_FIRST:
            raise BadUserInput(f"first must be between 0 and {MAX_FIRST}, got {first}")
        return cls(kind, first, decode_cursor(kind, after) if after is not None else None)


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
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        found_kind, key = json.loads(raw)
    except (ValueError, binascii.Error, TypeError, UnicodeDecodeError):
        raise BadUserInput(
            f"after: {cursor!r} is not a cursor of this list; use an endCursor or cursor it returned"
        ) from None
    if found_kind != kind or not isinstance(key, list) or not all(_is_key_part(k) for k in key):
        raise BadUserInput(
            f"after: {cursor!r} is not a cursor of this list; use an endCursor or cursor it returned"
        )
    return tuple(key)


def _is_key_part(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)
