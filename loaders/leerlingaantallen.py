"""Leerlingaantallen summed per parent and teldatum: the time series of an aanbieder, a locatie,
an aangeboden opleiding, or of any group of ``leerlingaantal`` rows a caller names.

- ``reeksen(reads, sleutel, voorwaarde)``: one statement, ``GROUP BY sleutel, teldatum, bron``
  over the rows matching ``voorwaarde``; returns {sleutel value: [Leerlingtelling, …]} newest
  teldatum first, one entry per teldatum. Each row counts for one key.
- ``telgroepen(reads, aanbieders)``: the aanbieders' counts summed per (aanbieder, locatie,
  aangeboden opleiding, teldatum), in one statement: the parts from which a caller sums objects
  of its own (the objecten van toezicht of the toezichtrapport).
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
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    cast,
    func,
    select,
)
from sqlalchemy.sql.selectable import Subquery

from onderwijsgraaf.db.models import Leerlingaantal
from onderwijsgraaf.db.reads import Reads

# the parent columns a series is read by
OUDERS = ("onderwijsaanbieder_code", "onderwijslocatie_code", "aangeboden_opleiding_code")


@dataclass(frozen=True)
class Leerlingtelling:
    """The pupils of one object on one teldatum (1 October)."""

    teldatum: dt.date
    aantal: int
    gemaskeerd: bool
    vestigingen: int
    bronnen: tuple[str, ...]


@dataclass(frozen=True)
class Telgroep:
    """The pupils of one aanbieder at one locatie in one aangeboden opleiding (None: counted by
    its source for the whole vestiging) on one teldatum."""

    onderwijsaanbieder_code: str
    onderwijslocatie_code: str | None
    aangeboden_opleiding_code: str | None
    teldatum: dt.date
    aantal: int
    gemaskeerd: bool


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


async def reeksen(
    reads: Reads, sleutel: ColumnElement[Any], voorwaarde: ColumnElement[bool]
) -> dict[Hashable, list[Leerlingtelling]]:
    """{sleutel: series newest first} of the rows matching ``voorwaarde``, in one statement.
    A key with no rows is absent."""
    return await _series(reads, reeks_select(sleutel, voorwaarde))


async def telgroepen(reads: Reads, aanbieders: Collection[str]) -> list[Telgroep]:
    """The counts of ``aanbieders`` per (aanbieder, locatie, aangeboden opleiding, teldatum),
    in one statement (none for no aanbieders)."""
    if not aanbieders:
        return []
    t = Leerlingaantal
    groep = (t.onderwijsaanbieder_code, t.onderwijslocatie_code, t.aangeboden_opleiding_code)
    rows = await reads.rows(
        select(
            *groep,
            t.teldatum,
            func.sum(t.aantal).label("aantal"),
            func.max(cast(t.gemaskeerd, Integer)).label("gemaskeerd"),
        )
        .where(t.onderwijsaanbieder_code.in_(set(aanbieders)))
        .group_by(*groep, t.teldatum)
    )
    return [
        Telgroep(
            r.onderwijsaanbieder_code,
            r.onderwijslocatie_code,
            r.aangeboden_opleiding_code,
            r.teldatum,
            int(r.aantal),
            bool(r.gemaskeerd),
        )
        for r in rows
    ]


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
