"""Leerlingaantallen summed per parent and teldatum: the time series of an aanbieder, a locatie,
an aangeboden opleiding, or of any group of ``leerlingaantal`` rows a caller names.

- ``reeksen(reads, sleutel, voorwaarde)``: one statement, ``GROUP BY sleutel, teldatum, bron``
  over the rows matching ``voorwaarde``; returns {sleutel value: [Leerlingtelling, …]} newest
  teldatum first, one entry per teldatum. Reusable for any grouping, e.g. an object made of
  several (aanbieder, locatie, aanbod) combinations: ``sleutel`` a CASE naming the object,
  ``voorwaarde`` the OR of the combinations.
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
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, Integer, Select, cast, func, select

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


def reeks_select(sleutel: ColumnElement[Any], voorwaarde: ColumnElement[bool]) -> Select[Any]:
    """The statement behind ``reeksen``: per (sleutel, teldatum, bron) the sum of ``aantal``,
    whether any row is ``gemaskeerd`` (0/1) and the number of distinct vestigingen."""
    t = Leerlingaantal
    return (
        select(
            sleutel.label("sleutel"),
            t.teldatum,
            t.bron,
            func.sum(t.aantal).label("aantal"),
            func.max(cast(t.gemaskeerd, Integer)).label("gemaskeerd"),
            func.count(t.vestiging.distinct()).label("vestigingen"),
        )
        .where(voorwaarde)
        .group_by(sleutel, t.teldatum, t.bron)
    )


async def reeksen(
    reads: Reads, sleutel: ColumnElement[Any], voorwaarde: ColumnElement[bool]
) -> dict[Hashable, list[Leerlingtelling]]:
    """{sleutel: series newest first} of the rows matching ``voorwaarde``, in one statement.
    A key with no rows is absent."""
    per_datum: dict[Hashable, dict[dt.date, list[Any]]] = defaultdict(dict)
    for row in await reads.rows(reeks_select(sleutel, voorwaarde)):
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
