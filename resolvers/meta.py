"""Provenance of the data: the source files the database was built from, and per table and
field how many values each of them gave, read as they are or derived (``herkomsttelling``,
counted by the seed: ``seed/herkomst.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import Row, select

from onderwijsgraaf.db.models import Base, Bron, Herkomsttelling
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.db.versie import gegevensversie
from onderwijsgraaf.graph.veldnamen import veldnaam

RIJEN = "*"  # herkomsttelling.veld of the row counts


async def bronnen(reads: Reads) -> Sequence[Row[Any]]:
    return await reads.rows(select(Bron.__table__).order_by(Bron.code))


async def versie(reads: Reads) -> str | None:
    return await gegevensversie(reads)


@dataclass(frozen=True)
class Bronaantal:
    """How many values (or rows) one source gave: read as they are, and derived."""

    bron: str
    echt: int
    afgeleid: int


@dataclass(frozen=True)
class Veldtelling:
    """The values of one column: ``veld`` as the API names it, per source (sorted by code)."""

    veld: str
    kolom: str
    bronnen: list[Bronaantal]

    @property
    def echt(self) -> int:
        return sum(b.echt for b in self.bronnen)

    @property
    def afgeleid(self) -> int:
        return sum(b.afgeleid for b in self.bronnen)


@dataclass(frozen=True)
class Tabeltelling:
    """One table: its rows per source (``afgeleid``: rows the seed generated whole) and its
    columns with any value, in the table's column order; both empty for a table without rows."""

    tabel: str
    bronnen: list[Bronaantal]
    velden: list[Veldtelling]

    @property
    def rijen(self) -> int:
        return sum(b.echt + b.afgeleid for b in self.bronnen)


async def tabellen(reads: Reads) -> list[Tabeltelling]:
    """Every table with provenance, sorted by name (one without rows with none), from one
    statement."""
    t = Herkomsttelling
    read = await reads.rows(select(t.tabel, t.veld, t.bron, t.afgeleid, t.aantal))
    # sorted here: the databases' collations differ in how they order "_"
    rows = sorted(read, key=lambda row: (row.tabel, row.veld, row.bron))
    counted = {tabel: list(of_table) for tabel, of_table in groupby(rows, key=lambda r: r.tabel)}
    return [_tabel(tabel, counted.get(tabel, [])) for tabel in sorted({*counted, *_provenance()})]


def _tabel(tabel: str, rows: list[Row[Any]]) -> Tabeltelling:
    velden = {kolom: _per_bron(of_column) for kolom, of_column in groupby(rows, lambda r: r.veld)}
    rijen = velden.pop(RIJEN, [])
    order = _column_order(tabel)
    kolommen = sorted(velden, key=lambda k: (order.get(k, len(order)), k))
    return Tabeltelling(
        tabel, rijen, [Veldtelling(veldnaam(tabel, k), k, velden[k]) for k in kolommen]
    )


def _provenance() -> list[str]:
    """The tables with ``bron``, ``afgeleid`` and ``veldbronnen`` (``Herkomst``)."""
    columns = {"bron", "afgeleid", "veldbronnen"}
    return [t.name for t in Base.metadata.sorted_tables if columns <= set(t.c.keys())]


def _per_bron(rows: Any) -> list[Bronaantal]:
    counts: dict[str, list[int]] = {}
    for row in rows:
        counts.setdefault(row.bron, [0, 0])[1 if row.afgeleid else 0] += row.aantal
    return [Bronaantal(bron, echt, afgeleid) for bron, (echt, afgeleid) in sorted(counts.items())]


def _column_order(tabel: str) -> dict[str, int]:
    table = Base.metadata.tables.get(tabel)
    return {c.name: i for i, c in enumerate(table.c)} if table is not None else {}
