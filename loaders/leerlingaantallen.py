"""Leerlingaantallen summed per parent and teldatum: the time series of an aanbieder, a locatie,
an aangeboden opleiding, or of any group of ``leerlingaantal`` rows a caller names.

- ``reeksen(reads, sleutel, voorwaarde)``: one statement, ``GROUP BY sleutel, teldatum, bron``
  over the rows matching ``voorwaarde``; returns {sleutel value: [Leerlingtelling, …]} newest
  teldatum first, one entry per teldatum. Each row counts for one key.
- ``reeksen_van_objecten(reads, objecten)``: the series of objects that are each a set of
  ``Combinatie`` (aanbieder, optionally narrowed to a locatie and/or an aangeboden opleiding),
  in one statement per 400 objects; a row counts once per object it matches, and for every
  object it matches (objects may overlap).
- ``ReeksLoader``: the batch loader of one parent column (``OUDERS``): code → its series (``[]``
  for none), one statement per batch however many parents.

A ``Leerlingtelling`` is the sum of a teldatum's rows: ``aantal`` pupils, ``gemaskeerd`` when any
summed count was rounded or masked in its source, ``vestigingen`` the BRIN6s summed (each
(vestiging, teldatum) has its rows from one source, so the groups per source are disjoint),
``bronnen`` the source codes, sorted. Teldatum: 1 October. Bron: DUO.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    cast,
    false,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.sql.selectable import Subquery

from onderwijsgraaf.db.models import Leerlingaantal
from onderwijsgraaf.db.reads import Reads

# the parent columns a series is read by
OUDERS = ("onderwijsaanbieder_code", "onderwijslocatie_code", "aangeboden_opleiding_code")
# SQLite joins at most 500 SELECTs in one UNION ALL (SQLITE_MAX_COMPOUND_SELECT)
OBJECTEN_PER_STATEMENT = 400


@dataclass(frozen=True)
class Leerlingtelling:
    """The pupils of one object on one teldatum (1 October)."""

    teldatum: dt.date
    aantal: int
    gemaskeerd: bool
    vestigingen: int
    bronnen: tuple[str, ...]


@dataclass(frozen=True)
class Combinatie:
    """The rows of an aanbieder, narrowed to one locatie and/or one aangeboden opleiding when
    given (``None``: any)."""

    onderwijsaanbieder_code: str
    onderwijslocatie_code: str | None = None
    aangeboden_opleiding_code: str | None = None

    def voorwaarde(self) -> ColumnElement[bool]:
        t = Leerlingaantal
        parts = [t.onderwijsaanbieder_code == self.onderwijsaanbieder_code]
        if self.onderwijslocatie_code is not None:
            parts.append(t.onderwijslocatie_code == self.onderwijslocatie_code)
        if self.aangeboden_opleiding_code is not None:
            parts.append(t.aangeboden_opleiding_code == self.aangeboden_opleiding_code)
        return and_(*parts)


def _rows(sleutel: ColumnElement[Any], voorwaarde: ColumnElement[bool]) -> Select[Any]:
    t = Leerlingaantal
    return select(
        sleutel.label("sleutel"), t.teldatum, t.bron, t.aantal, t.gemaskeerd, t.vestiging
    ).where(voorwaarde)


def _grouped(rows: Subquery) -> Select[Any]:
    """Per (sleutel, teldatum, bron) of ``rows``: the sum of ``aantal``, whether any row is
    ``gemaskeerd`` (0/1) and the number of distinct vestigingen."""
    r = rows.c
    return select(
        r.sleutel,
        r.teldatum,
        r.bron,
        func.sum(r.aantal).label("aantal"),
        func.max(cast(r.gemaskeerd, Integer)).label("gemaskeerd"),
        func.count(r.vestiging.distinct()).label("vestigingen"),
    ).group_by(r.sleutel, r.teldatum, r.bron)


def reeks_select(sleutel: ColumnElement[Any], voorwaarde: ColumnElement[bool]) -> Select[Any]:
    """The statement behind ``reeksen``."""
    return _grouped(_rows(sleutel, voorwaarde).subquery())


def objecten_select(objecten: Mapping[str, Sequence[Combinatie]]) -> Select[Any]:
    """The statement behind ``reeksen_van_objecten``: the rows of each object (UNION ALL), then
    grouped as in ``reeks_select``."""
    parts = [
        _rows(literal(key), or_(false(), *(c.voorwaarde() for c in combinaties)))
        for key, combinaties in objecten.items()
    ]
    return _grouped(union_all(*parts).subquery())


async def reeksen(
    reads: Reads, sleutel: ColumnElement[Any], voorwaarde: ColumnElement[bool]
) -> dict[Hashable, list[Leerlingtelling]]:
    """{sleutel: series newest first} of the rows matching ``voorwaarde``, in one statement.
    A key with no rows is absent."""
    return await _series(reads, reeks_select(sleutel, voorwaarde))


async def reeksen_van_objecten(
    reads: Reads, objecten: Mapping[str, Sequence[Combinatie]]
) -> dict[str, list[Leerlingtelling]]:
    """{object key: series newest first} of objects made of ``Combinatie``s, in one statement
    per ``OBJECTEN_PER_STATEMENT`` objects (none for no objects); an object without rows has
    ``[]``. A row counts once per object, even when several of its combinaties match it."""
    keys = list(objecten)
    found: dict[Hashable, list[Leerlingtelling]] = {}
    for start in range(0, len(keys), OBJECTEN_PER_STATEMENT):
        chunk = {key: objecten[key] for key in keys[start : start + OBJECTEN_PER_STATEMENT]}
        found.update(await _series(reads, objecten_select(chunk)))
    return {key: found.get(key, []) for key in keys}


async def _series(reads: Reads, statement: Select[Any]) -> dict[Hashable, list[Leerlingtelling]]:
    per_datum: dict[Hashable, dict[dt.date, list[Any]]] = defaultdict(dict)
    for row in await reads.rows(statement):
        som = per_datum[row.sleutel].setdefault(row.teldatum, [0, False, 0, set()])
        som[0] += int(row.aantal)
        som[1] = som[1] or bool(row.gemaskeerd)
        som[2] += int(row.vestigingen)
        som[3].add(row.bron)
    return {
        key: [
            Leerlingtelling(datum, aantal, gemaskeerd, vestigingen, tuple(sorted(bronnen)))
            for datum, (aantal, gemaskeerd, vestigingen, bronnen) in sorted(
                datums.items(), reverse=True
            )
        ]
        for key, datums in per_datum.items()
    }


class ReeksLoader(DataLoader[str, list[Leerlingtelling]]):
    """code → the series of the parent with that code in column ``ouder`` (one of ``OUDERS``)."""

    def __init__(self, reads: Reads, ouder: str) -> None:
        super().__init__()
        if ouder not in OUDERS:
            raise ValueError(f"{ouder!r} is not one of {OUDERS}")
        self.reads = reads
        self.column = getattr(Leerlingaantal, ouder)

    async def batch_load_fn(self, keys: Sequence[str]) -> list[list[Leerlingtelling]]:
        found = await reeksen(self.reads, self.column, self.column.in_(set(keys)))
        return [found.get(key, []) for key in keys]
