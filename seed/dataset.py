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


class _Shape:
    """What ``Dataset.add`` needs of a table: its columns with their defaults, whether it numbers
    its rows (an integer ``id``), and the length limit of each text column."""

    def __init__(self, table: Table) -> None:
        self.defaults = {column.name: getattr(column.default, "arg", None) for column in table.c}
        self.numbered = "id" in table.c
        self.limits = [
            (column.name, column.type.length)
            for column in table.c
            if isinstance(column.type, String) and column.type.length
        ]


SHAPES = {table.name: _Shape(table) for table in Base.metadata.sorted_tables}


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
        name = model.__tablename__
        shape = SHAPES[name]
        rows = self.rows[name]
        unknown = values.keys() - shape.defaults.keys()
        if unknown:
            raise KeyError(f"{name} has no columns {sorted(unknown)}")
        row = shape.defaults | values
        if shape.numbered and "id" not in values:
            row["id"] = len(rows) + 1
        for column, length in shape.limits:
            value = row[column]
            if isinstance(value, str) and len(value) > length:
                raise TooLong(name, column, value, length)
        rows.append(row)
        return row

    def count(self, model: type[Base]) -> int:
        return len(self.rows[model.__tablename__])

    def tables(self) -> list[tuple[str, list[Rij]]]:
        """Every table of the schema in foreign-key order, with its rows."""
        return [(table.name, self.rows[table.name]) for table in Base.metadata.sorted_tables]

    def digest(self) -> str:
        """A SHA-256 over every row of every table, in order: the version of this content."""
        digest = hashlib.sha256()
        for name, rows in self.tables():
            columns = sorted(SHAPES[name].defaults)
            digest.update(json.dumps([name, columns]).encode())
            values = [[row.get(column) for column in columns] for row in rows]
            digest.update(json.dumps(values, default=str).encode())
        return digest.hexdigest()
