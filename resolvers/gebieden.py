"""The root lists ``gemeenten`` and ``provincies``: pages of the app's ``Gebieden`` (no
statement: they are in memory), and what each has on a peildatum, counted for a whole page in
one statement (GROUP BY) when a field asks for it.

The counts are those of the root lists filtered on the gemeente or provincie: the
onderwijslocaties there, the onderwijsaanbieders using one of them and the aangeboden
opleidingen given at one of them, each valid on the peildatum (as are the locaties and, for an
aanbieder, its locatiegebruik).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from sqlalchemy import ColumnElement, distinct, func, literal_column, select, union_all

from loaders.paging import Page, PageRequest, SortKey, check_cursor
from onderwijsgraaf.db import models
from onderwijsgraaf.db.gebieden import Gebieden, Gemeente, Provincie, sleutel
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Onderwijsaanbieder,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    geldig_op,
)
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput

T = TypeVar("T", Gemeente, Provincie)
Per = Literal["gemeente", "provincie"]
# sort orders: the name as names are compared ("'s-Gravenhage" as "s gravenhage"), or the code
ORDERS: dict[str, Callable[[Gemeente | Provincie], SortKey]] = {
    "NAAM": lambda gebied: (sleutel(gebied.naam), gebied.code),
    "CODE": lambda gebied: (gebied.code,),
}


@dataclass(frozen=True)
class GemeenteFilter:
    gemeentecode: list[str] | None = None  # CBS codes
    provincie: list[str] | None = None  # CBS codes


@dataclass(frozen=True)
class ProvincieFilter:
    provincie: list[str] | None = None  # CBS codes


def gemeenten(
    gebieden: Gebieden,
    filter: GemeenteFilter,
    order_by: str | None,
    first: int | None,
    after: str | None,
) -> Page[Gemeente]:
    """A page of the gemeenten meeting ``filter``, by name (default) or code, with the total."""
    found = [
        gemeente
        for gemeente in gebieden.gemeenten.values()
        if (filter.gemeentecode is None or gemeente.code in filter.gemeentecode)
        and (filter.provincie is None or gemeente.provincie.code in filter.provincie)
    ]
    return _page("gemeenten", found, order_by, first, after)


def provincies(
    gebieden: Gebieden,
    filter: ProvincieFilter,
    order_by: str | None,
    first: int | None,
    after: str | None,
) -> Page[Provincie]:
    """A page of the provincies meeting ``filter``, by name (default) or code, with the total."""
    found = [
        provincie
        for provincie in gebieden.provincies.values()
        if filter.provincie is None or provincie.code in filter.provincie
    ]
    return _page("provincies", found, order_by, first, after)


def gemeente_conditions(filter: GemeenteFilter, peildatum: dt.date) -> list[ColumnElement[bool]]:
    """``filter`` as SQL conditions on the ``gemeente`` table, for the export (the root list
    filters in memory). A gemeente has no validity: the peildatum chooses nothing."""
    found: list[ColumnElement[bool]] = []
    if filter.gemeentecode is not None:
        found.append(models.Gemeente.code.in_(filter.gemeentecode))
    if filter.provincie is not None:
        found.append(models.Gemeente.provincie_code.in_(filter.provincie))
    return found


def provincie_conditions(filter: ProvincieFilter, peildatum: dt.date) -> list[ColumnElement[bool]]:
    """``filter`` as SQL conditions on the ``provincie`` table, as ``gemeente_conditions``."""
    if filter.provincie is None:
        return []
    return [models.Provincie.code.in_(filter.provincie)]


def _page(
    kind: str, items: list[T], order_by: str | None, first: int | None, after: str | None
) -> Page[T]:
    name = order_by or "NAAM"
    if name not in ORDERS:
        raise BadUserInput(f"orderBy {name} is not available for {kind}; use NAAM or CODE")
    key = ORDERS[name]
    request = PageRequest.parse(f"{kind}/{name}", first, after)
    ordered = sorted(items, key=key)
    if request.after is not None:
        check_cursor(request.after, (str,) * (2 if name == "NAAM" else 1))
        after_key = request.after
        ordered = [item for item in ordered if key(item) > after_key]
    return Page.of(request, ordered[: request.first + 1], len(items), key)


def aantal_gemeenten(gebieden: Gebieden, provincie: str) -> int:
    return sum(1 for g in gebieden.gemeenten.values() if g.provincie.code == provincie)


@dataclass(frozen=True)
class Aantallen:
    """What a gemeente or provincie has on the peildatum."""

    onderwijsaanbieders: int = 0
    onderwijslocaties: int = 0
    aangeboden_opleidingen: int = 0


async def aantallen(
    reads: Reads, per: Per, codes: Sequence[str], peildatum: dt.date
) -> dict[str, Aantallen]:
    """The counts of each gemeente or provincie of ``codes`` on ``peildatum``, in one statement
    (three GROUP BYs in a UNION ALL); those with nothing are left out."""
    if not codes:
        return {}
    locatie = Onderwijslocatie
    column = locatie.gemeente_code if per == "gemeente" else locatie.provincie_code
    here = [geldig_op(locatie, peildatum), column.in_(codes)]

    def counted(soort: str, count: ColumnElement[Any]) -> Any:
        return select(literal_column(f"'{soort}'").label("soort"), column, count.label("n"))

    gebruik, aanbod = Onderwijslocatiegebruik, AangebodenOpleiding
    statement = union_all(
        counted("onderwijslocaties", func.count()).where(*here).group_by(column),
        counted("onderwijsaanbieders", func.count(distinct(gebruik.onderwijsaanbieder_code)))
        .select_from(gebruik)
        .join(locatie, locatie.code == gebruik.onderwijslocatie_code)
        .join(Onderwijsaanbieder, Onderwijsaanbieder.code == gebruik.onderwijsaanbieder_code)
        .where(
            *here,
            geldig_op(gebruik, peildatum),
            geldig_op(Onderwijsaanbieder, peildatum),
        )
        .group_by(column),
        counted("aangeboden_opleidingen", func.count())
        .select_from(aanbod)
        .join(locatie, locatie.code == aanbod.onderwijslocatie_code)
        .where(*here, geldig_op(aanbod, peildatum))
        .group_by(column),
    )
    found: dict[str, dict[str, int]] = {}
    for soort, code, n in (tuple(row) for row in await reads.rows(statement)):
        found.setdefault(code, {})[soort] = int(n)
    return {code: Aantallen(**counts) for code, counts in found.items()}


class Tellingen:
    """The counts of one page's gemeenten or provincies: counted once, when the first of their
    fields asks, for the whole page."""

    def __init__(self, reads: Reads, per: Per, codes: Sequence[str], peildatum: dt.date) -> None:
        self.reads = reads
        self.per = per
        self.codes = list(dict.fromkeys(codes))
        self.peildatum = peildatum
        self._found: dict[str, Aantallen] | None = None
        self._lock = asyncio.Lock()

    async def van(self, code: str) -> Aantallen:
        async with self._lock:
            if self._found is None:
                self._found = await aantallen(self.reads, self.per, self.codes, self.peildatum)
        return self._found.get(code, Aantallen())
