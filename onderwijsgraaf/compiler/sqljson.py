"""JSON text built by the database, byte for byte as the API writes it (``endpoint.encode_json``:
UTF-8, no spaces, floats as Python's ``repr``).

Objects and arrays are concatenated text, not the databases' own JSON builders: PostgreSQL's
``json_build_object`` writes spaces and jsonb reorders keys, and the order of keys is the order
of the query's selection. Values are quoted by the database (PostgreSQL ``to_json``, SQLite
``json_quote``): both escape exactly what Python's encoder escapes. Every piece is text and never
NULL, so a concatenation is never NULL either.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    Text,
    and_,
    case,
    cast,
    func,
    literal_column,
    or_,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ClauseList

Sql = ColumnElement[Any]
NULL = "null"


class Dialect:
    """The few pieces of SQL that differ between PostgreSQL and SQLite."""

    def __init__(self, name: str) -> None:
        if name not in ("postgresql", "sqlite"):
            raise ValueError(f"no JSON dialect for {name}")
        self.postgres = name == "postgresql"

    def quote(self, value: Sql) -> Sql:
        """A column as a JSON value: string, number or null."""
        if self.postgres:
            return func.coalesce(cast(func.to_json(value), Text), text(NULL))
        return func.coalesce(func.json_quote(value), text(NULL))

    def number(self, value: Sql) -> Sql:
        """An integer expression as JSON."""
        return cast(value, String) if self.postgres else cast(value, Text)

    def float(self, value: Sql) -> Sql:
        """A float column as Python writes it (``52.0``, not ``52``); null for NULL."""
        if self.postgres:
            as_text = cast(value, Text)
            whole = and_(value == func.trunc(value), func.abs(value) < 1e15)
            return case(
                (value.is_(None), text(NULL)),
                (whole, concat(as_text, text(".0"))),
                else_=as_text,
            )
        return func.coalesce(func.og_float(value), text(NULL))

    def base64url(self, value: Sql) -> Sql:
        """URL-safe base64 of the text's UTF-8 bytes, with padding."""
        if self.postgres:
            encoded = func.encode(func.convert_to(value, text("UTF8")), text("base64"))
            return func.translate(encoded, literal_column("E'+/\\n'", String), text("-_"))
        return func.og_base64url(value)

    def smaller(self, a: Sql, b: Sql) -> Sql:
        return func.least(a, b) if self.postgres else func.min(a, b)

    def join_ordered(self, value: Sql, order: Sequence[Sql]) -> Sql:
        """An aggregate: the non-NULL ``value``s joined with commas, in ``order``; '' for none.

        SQLite (before 3.44) has no ORDER BY in aggregates: it joins in the order the rows come
        from their subquery, which every caller orders by the same keys."""
        if self.postgres:
            joined = func.string_agg(value, aggregate_order_by(text(","), order))
        else:
            joined = func.group_concat(value, text(","))
        return func.coalesce(joined, text(""))


def aggregate_order_by(separator: Sql, order: Sequence[Sql]) -> Any:
    from sqlalchemy.dialects.postgresql import aggregate_order_by as ordered

    return ordered(separator, *order)


def text(value: str) -> Sql:
    """A constant piece of text, written into the statement (our own names, never input)."""
    return literal_column("'" + value.replace("'", "''") + "'", String)


class Concat(ColumnElement[str]):
    """Text pieces joined: PostgreSQL's ``concat(a, b, ...)`` (one allocation, where a chain of
    ``||`` copies the growing text at every step), SQLite's ``a || b || ...``."""

    inherit_cache = True
    type = String()

    def __init__(self, *parts: Sql) -> None:
        self.parts = ClauseList(*parts)

    @property
    def _from_objects(self) -> list[Any]:
        return self.parts._from_objects


@compiles(Concat, "postgresql")
def _concat_postgres(element: Concat, compiler: Any, **kw: Any) -> str:
    return f"concat({compiler.process(element.parts, **kw)})"


@compiles(Concat)
def _concat(element: Concat, compiler: Any, **kw: Any) -> str:
    return "(" + " || ".join(compiler.process(p, **kw) for p in element.parts.clauses) + ")"


def concat(*parts: Sql) -> Sql:
    """The text pieces joined (never NULL: no piece is). Joined pieces are spliced in, so a
    deep selection does not nest deeper than SQLite's parser allows."""
    flat: list[Sql] = []
    for part in parts:
        flat.extend(part.parts.clauses if isinstance(part, Concat) else [part])
    if len(flat) == 1:
        return flat[0]
    return Concat(*_merged(flat))


def key(name: str, first: bool) -> str:
    """The text before a member's value: ``"name":`` (after a comma unless it is the first)."""
    return ("" if first else ",") + json.dumps(name) + ":"


def obj(members: Sequence[tuple[str, Sql]]) -> Sql:
    """A JSON object of (name, JSON value) members, in that order."""
    parts: list[Sql] = [text("{")]
    for i, (name, value) in enumerate(members):
        parts += [text(key(name, i == 0)), value]
    parts.append(text("}"))
    return concat(*parts)


def array(joined: Sql) -> Sql:
    return concat(text("["), joined, text("]"))


def boolean(condition: Sql) -> Sql:
    return case((condition, text("true")), else_=text("false"))


def string(value: str) -> Sql:
    """A constant JSON string."""
    return text(json.dumps(value, ensure_ascii=False))


def and_all(conditions: Sequence[Sql]) -> Sql:
    return and_(*conditions)


def present(values: Sequence[Sql]) -> Sql:
    return and_(*(v.is_not(None) for v in values))


def nonempty(values: Sequence[Sql]) -> Sql:
    return or_(*(func.coalesce(v, text("")) != text("") for v in values))


def _merged(parts: list[Sql]) -> list[Sql]:
    """Neighbouring constant pieces written as one."""
    merged: list[Sql] = []
    for part in parts:
        if merged and _constant(part) is not None and _constant(merged[-1]) is not None:
            merged[-1] = text((_constant(merged[-1]) or "") + (_constant(part) or ""))
        else:
            merged.append(part)
    return merged


def _constant(part: Sql) -> str | None:
    name = getattr(part, "name", None)
    if getattr(part, "is_literal", False) and isinstance(name, str) and name.startswith("'"):
        return name[1:-1].replace("''", "'")
    return None
