"""The database content built in memory: rows per table, in a deterministic order."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any

from sqlalchemy import String, Table

from onderwijsgraaf.db.models import Base
from seed import codes

Rij = dict[str, Any]


class TooLong(ValueError):
    """A text value longer than its column holds: PostgreSQL would refuse it, SQLite would
    store it, so the seed refuses it on both."""

    def __init__(self, table: str, column: str, value: str, length: int) -> None:
        self.table, self.column, self.value, self.length = table, column, value, length
        shown = value if len(value) <= 40 else value[:40] + "…"
        super().__init__(
            f"{shown!r} has {len(value)} characters; {table}.{column} holds at most {length}"
        )


def _limits(table: Table) -> list[tuple[str, int]]:
    return [
        (column.name, column.type.length)
        for column in table.c
        if isinstance(column.type, String) and column.type.length
    ]


LIMITS = {table.name: _limits(table) for table in Base.metadata.sorted_tables}


class Dataset:
    """Rows keyed by table. Tables with an integer ``id`` get ids 1, 2, ... in insertion order.

    ``add`` raises ``TooLong`` for a text value longer than its column."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Rij]] = defaultdict(list)
        self._taken_codes: dict[tuple[str, int, int], set[int]] = defaultdict(set)

    def derive_codes(self, kind: tuple[str, int, int], keys: list[str]) -> dict[str, str]:
        """Derived RIO codes for ``keys``, unique across every builder of this dataset."""
        return codes.derive_codes(kind, keys, self._taken_codes[kind])

    def add(self, model: type[Base], **values: Any) -> Rij:
        table = Base.metadata.tables[model.__tablename__]
        rows = self.rows[table.name]
        if "id" in table.c and "id" not in values:
            values["id"] = len(rows) + 1
        for column in table.c:
            values.setdefault(column.name, getattr(column.default, "arg", None))
        unknown = set(values) - set(table.c.keys())
        if unknown:
            raise KeyError(f"{table.name} has no columns {sorted(unknown)}")
        for name, length in LIMITS[table.name]:
            value = values[name]
            if isinstance(value, str) and len(value) > length:
                raise TooLong(table.name, name, value, length)
        rows.append(values)
        return values

    def count(self, model: type[Base]) -> int:
        return len(self.rows[model.__tablename__])

    def tables(self) -> list[tuple[str, list[Rij]]]:
        """Every table of the schema in foreign-key order, with its rows."""
        return [(table.name, self.rows[table.name]) for table in Base.metadata.sorted_tables]

    def digest(self) -> str:
        """A SHA-256 over every row of every table, in order: the version of this content."""
        digest = hashlib.sha256()
        for name, rows in self.tables():
            digest.update(f"\x00table {name}\x00".encode())
            for row in rows:
                digest.update(json.dumps(row, sort_keys=True, default=str).encode())
                digest.update(b"\n")
        return digest.hexdigest()
