"""The root field ``tellingen``: counts of aanbieders, locaties and aanbod and sums of
leerlingen per group, in one SQL statement.

The aanbieders counted are those ``onderwijsaanbieders(filter:)`` lists on the peildatum
(``aanbieders.conditions``); everything else counted is theirs. The statement builds the
*telrijen* of those aanbieders on the peildatum, each with the objects it belongs to:

| soort | one per | aanbieder | locatie | aanbod | teldatum, aantal |
|---|---|---|---|---|---|
| ``A`` | aanbieder | ✓ | | | |
| ``G`` | onderwijslocatiegebruik (and its locatie) valid on the peildatum | ✓ | ✓ | | |
| ``O`` | aangeboden opleiding valid on the peildatum | ✓ | its locatie, if valid | ✓ | |
| ``L`` | leerlingaantal row: the aanbieder's newest teldatum on or before the peildatum; grouped by TELDATUM every teldatum on or before it | ✓ | linked, if valid | linked, if valid | ✓ |

A group key belongs to one of these objects (``KENMERKEN``): BESTUUR and DENOMINATIE to the
aanbieder, GEMEENTE and PROVINCIE to the locatie, SECTOR, ONDERWIJSCONCEPT and NIVEAU (of its
opleidingseenheid) to the aanbod, TELDATUM to the leerlingaantal. A telrij counts in a grouping
only when it has every object the grouping's keys belong to; a group counts the distinct
aanbieders, locaties and aanbod of its telrijen (the L rows only when grouped by TELDATUM, as
only they have a teldatum) and sums ``aantal`` of its L rows. So an aanbieder with locaties in
two gemeenten counts once in each; an aanbieder with several denominaties counts once under
each; a key without a value (an aanbod without onderwijsconcept) is a group whose code is None.

Result rows: ``total`` (the number of groups), then per group ``sleutel_i`` (the key, '' for
none), ``naam_i`` (for GEMEENTE, PROVINCIE and BESTUUR) and the four counts; one page of them,
ordered by the keys in the order asked, paged by keyset like every list.

Errors: ``BadUserInput`` for a key asked twice, ``filter.nabij`` (use ``bbox``), a bad ``first``
or cursor, and what the filter itself refuses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    String,
    and_,
    case,
    cast,
    distinct,
    func,
    literal,
    literal_column,
    null,
    select,
    true,
    tuple_,
    union_all,
)

from loaders.paging import Page, PageRequest, check_cursor
from onderwijsgraaf.db import waardelijsten as wl
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Gemeente,
    Leerlingaantal,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
    Provincie,
    geldig_op,
)
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput
from resolvers import aanbieders
from resolvers.aanbieders import AanbiederFilter

KIND = "tellingen"
# the object each group key belongs to: A aanbieder, L locatie, O aanbod, T teldatum
KENMERKEN = {
    "GEMEENTE": "L",
    "PROVINCIE": "L",
    "SECTOR": "O",
    "DENOMINATIE": "A",
    "ONDERWIJSCONCEPT": "O",
    "NIVEAU": "O",
    "BESTUUR": "A",
    "TELDATUM": "T",
}
# labels of the keys whose codes come from a value list
LABELS: dict[str, wl.Waardelijst] = {
    "SECTOR": wl.SECTOR,
    "DENOMINATIE": wl.DENOMINATIE,
    "ONDERWIJSCONCEPT": wl.ONDERWIJSCONCEPT,
    "NIVEAU": wl.NIVEAUCODE,
}


@dataclass(frozen=True)
class Telsleutel:
    """One key of a group: what it is (``kenmerk``), its code (None: the objects without a
    value) and its name (the gemeente's, provincie's or bestuur's, or the value list's label)."""

    kenmerk: str
    code: str | None
    naam: str | None


@dataclass(frozen=True)
class Telgroep:
    sleutels: tuple[Telsleutel, ...]
    onderwijsaanbieders: int
    onderwijslocaties: int
    aangeboden_opleidingen: int
    leerlingen: int


def statement(
    filter: AanbiederFilter,
    groeperen_op: Sequence[str],
    peildatum: dt.date,
    request: PageRequest,
) -> Any:
    """The one statement of a page of groups (module docstring), with the total of groups on
    every row (one row with NULL groups when the page is empty)."""
    for kenmerk in groeperen_op:
        if kenmerk not in KENMERKEN:
            raise BadUserInput(
                f"groeperenOp: {kenmerk!r} is no group key; use {', '.join(KENMERKEN)}"
            )
        if groeperen_op.count(kenmerk) > 1:
            raise BadUserInput(f"groeperenOp: {kenmerk} is given twice; give each key once")
    if filter.nabij is not None:
        raise BadUserInput("tellingen(filter.nabij): not available here; use filter.bbox")
    per_teldatum = "TELDATUM" in groeperen_op
    a = (
        select(
            Onderwijsaanbieder.code,
            Onderwijsaanbieder.onderwijsbestuur_code,
            Onderwijsaanbieder.denominatie,
        )
        .where(*aanbieders.conditions(filter, peildatum))
        .cte("a")
    )
    telrijen = _telrijen(a, peildatum, per_teldatum).subquery("t")
    t = telrijen.c
    locatie = Onderwijslocatie.__table__.alias("l")
    aanbod = AangebodenOpleiding.__table__.alias("o")
    eenheid = Opleidingseenheid.__table__.alias("e")
    bestuur = Onderwijsbestuur.__table__.alias("b")
    gemeente = Gemeente.__table__.alias("gm")
    provincie = Provincie.__table__.alias("pv")
    denominaties = union_all(
        *(select(literal_column(f"'{code}'", String).label("code")) for code in wl.DENOMINATIE)
    ).subquery("d")
    joined: Any = telrijen  # the aanbieder's columns are on every telrij: no join back to a
    keys: list[ColumnElement[Any]] = []
    names: list[ColumnElement[Any]] = []
    needs: set[str] = {KENMERKEN[k] for k in groeperen_op}
    if "L" in needs:
        joined = joined.outerjoin(locatie, locatie.c.code == t.locatie)
    if "O" in needs:
        joined = joined.outerjoin(aanbod, aanbod.c.code == t.aanbod)
    for kenmerk in groeperen_op:
        if kenmerk == "GEMEENTE":
            joined = joined.outerjoin(gemeente, gemeente.c.code == locatie.c.gemeente_code)
            keys.append(locatie.c.gemeente_code)
            names.append(func.max(gemeente.c.naam))
        elif kenmerk == "PROVINCIE":
            joined = joined.outerjoin(provincie, provincie.c.code == locatie.c.provincie_code)
            keys.append(locatie.c.provincie_code)
            names.append(func.max(provincie.c.naam))
        elif kenmerk == "SECTOR":
            keys.append(aanbod.c.sector)
            names.append(null())
        elif kenmerk == "ONDERWIJSCONCEPT":
            keys.append(aanbod.c.onderwijsconcept)
            names.append(null())
        elif kenmerk == "NIVEAU":
            joined = joined.outerjoin(eenheid, eenheid.c.code == aanbod.c.opleidingseenheid_code)
            keys.append(eenheid.c.niveau)
            names.append(null())
        elif kenmerk == "BESTUUR":
            joined = joined.outerjoin(bestuur, bestuur.c.code == t.bestuur)
            keys.append(t.bestuur)
            names.append(func.max(bestuur.c.naam))
        elif kenmerk == "DENOMINATIE":
            # an aanbieder counts under each of its denominaties (a comma-separated list)
            wrapped = literal(",") + t.denominatie + literal(",")
            joined = joined.outerjoin(
                denominaties, wrapped.like(literal("%,") + denominaties.c.code + literal(",%"))
            )
            keys.append(denominaties.c.code)
            names.append(null())
        else:  # TELDATUM
            keys.append(cast(t.teldatum, String))
            names.append(null())
    sleutels: list[ColumnElement[Any]] = [func.coalesce(key, "") for key in keys]
    sleutels = sleutels or [literal("")]
    where = [t.locatie.is_not(null())] if "L" in needs else []
    where += [t.aanbod.is_not(null())] if "O" in needs else []
    where += [t.teldatum.is_not(null())] if per_teldatum else []

    def distinct_count(column: ColumnElement[Any]) -> ColumnElement[int]:
        """Distinct objects of the telrijen: the L rows only count them by TELDATUM."""
        if per_teldatum:
            return func.count(distinct(column))
        return func.count(distinct(case((t.soort != "L", column))))

    groepen = (
        select(
            *(s.label(f"sleutel_{i}") for i, s in enumerate(sleutels)),
            *(n.label(f"naam_{i}") for i, n in enumerate(names)),
            distinct_count(t.aanbieder).label("onderwijsaanbieders"),
            distinct_count(t.locatie).label("onderwijslocaties"),
            distinct_count(t.aanbod).label("aangeboden_opleidingen"),
            func.coalesce(func.sum(t.aantal), 0).label("leerlingen"),
        )
        .select_from(joined)
        .where(*where)
        .group_by(*sleutels)
    )
    if not keys:
        groepen = groepen.group_by(None)  # one group, also of no telrijen
    g = groepen.cte("g")
    g_keys = [g.c[f"sleutel_{i}"] for i in range(len(sleutels))]
    page = select(g).order_by(*g_keys).limit(request.first + 1)
    if request.after is not None:
        check_cursor(request.after, (str,) * len(g_keys))
        page = page.where(tuple_(*g_keys) > tuple_(*request.after))
    page_rows = page.subquery("p")
    total = select(func.count().label("total")).select_from(g).subquery("n")
    return (
        select(total.c.total, page_rows)
        .select_from(total.outerjoin(page_rows, true()))
        .order_by(*(page_rows.c[f"sleutel_{i}"] for i in range(len(sleutels))))
    )


def _telrijen(a: Any, peildatum: dt.date, per_teldatum: bool) -> Any:
    """The telrijen of the aanbieders of CTE ``a`` (module docstring) as a UNION ALL:
    soort, aanbieder (with its bestuur and denominatie), locatie, aanbod, teldatum, aantal."""
    geen = null()
    rows_a = select(
        literal_column("'A'", String).label("soort"),
        a.c.code.label("aanbieder"),
        a.c.onderwijsbestuur_code.label("bestuur"),
        a.c.denominatie.label("denominatie"),
        cast(geen, String).label("locatie"),
        cast(geen, String).label("aanbod"),
        cast(geen, Leerlingaantal.teldatum.type).label("teldatum"),
        cast(geen, Leerlingaantal.aantal.type).label("aantal"),
    )
    gebruik = Onderwijslocatiegebruik
    rows_g = (
        select(
            literal_column("'G'", String),
            gebruik.onderwijsaanbieder_code,
            a.c.onderwijsbestuur_code,
            a.c.denominatie,
            gebruik.onderwijslocatie_code,
            cast(geen, String),
            cast(geen, Leerlingaantal.teldatum.type),
            cast(geen, Leerlingaantal.aantal.type),
        )
        .join(a, a.c.code == gebruik.onderwijsaanbieder_code)
        .join(Onderwijslocatie, Onderwijslocatie.code == gebruik.onderwijslocatie_code)
        .where(geldig_op(gebruik, peildatum), geldig_op(Onderwijslocatie, peildatum))
    )
    aanbod = AangebodenOpleiding
    locatie_o = Onderwijslocatie.__table__.alias("lo")
    rows_o = (
        select(
            literal_column("'O'", String),
            aanbod.onderwijsaanbieder_code,
            a.c.onderwijsbestuur_code,
            a.c.denominatie,
            locatie_o.c.code,
            aanbod.code,
            cast(geen, Leerlingaantal.teldatum.type),
            cast(geen, Leerlingaantal.aantal.type),
        )
        .join(a, a.c.code == aanbod.onderwijsaanbieder_code)
        .outerjoin(
            locatie_o,
            and_(
                locatie_o.c.code == aanbod.onderwijslocatie_code, geldig_op(locatie_o.c, peildatum)
            ),
        )
        .where(geldig_op(aanbod, peildatum))
    )
    telling = Leerlingaantal
    locatie_l = Onderwijslocatie.__table__.alias("ll")
    aanbod_l = AangebodenOpleiding.__table__.alias("ol")
    # the teldata counted per aanbieder: its newest on or before the peildatum (grouped once,
    # not per row), or by TELDATUM every one on or before it
    teldata = select(
        telling.onderwijsaanbieder_code.label("aanbieder"),
        (telling.teldatum if per_teldatum else func.max(telling.teldatum)).label("teldatum"),
    ).where(telling.teldatum <= peildatum)
    teldata = teldata.group_by(telling.onderwijsaanbieder_code)
    if per_teldatum:
        teldata = teldata.group_by(telling.teldatum)
    n = teldata.subquery("n")
    rows_l = (
        select(
            literal_column("'L'", String),
            telling.onderwijsaanbieder_code,
            a.c.onderwijsbestuur_code,
            a.c.denominatie,
            locatie_l.c.code,
            aanbod_l.c.code,
            telling.teldatum,
            telling.aantal,
        )
        .select_from(a)
        .join(n, n.c.aanbieder == a.c.code)
        .join(
            telling,
            and_(
                telling.onderwijsaanbieder_code == n.c.aanbieder,
                telling.teldatum == n.c.teldatum,
            ),
        )
        .outerjoin(
            locatie_l,
            and_(
                locatie_l.c.code == telling.onderwijslocatie_code,
                geldig_op(locatie_l.c, peildatum),
            ),
        )
        .outerjoin(
            aanbod_l,
            and_(
                aanbod_l.c.code == telling.aangeboden_opleiding_code,
                geldig_op(aanbod_l.c, peildatum),
            ),
        )
    )
    return union_all(rows_a, rows_g, rows_o, rows_l)


async def tellingen(
    reads: Reads,
    filter: AanbiederFilter,
    groeperen_op: Sequence[str],
    first: int | None,
    after: str | None,
    peildatum: dt.date,
) -> Page[Telgroep]:
    """A page of the groups of ``groeperen_op`` (module docstring) with their counts, and the
    number of groups, in one statement. With no key, one group: the totals."""
    kind = f"{KIND}/{','.join(groeperen_op)}"
    request = PageRequest.parse(kind, first, after)
    rows = await reads.rows(statement(filter, list(groeperen_op), peildatum, request))
    total = int(rows[0].total) if rows else 0
    found = [row for row in rows if row.onderwijsaanbieders is not None]
    page = Page.of(request, found, total, lambda row: _key(row, max(len(groeperen_op), 1)))
    return Page(
        rows=[_groep(row, groeperen_op) for row in page.rows],
        cursors=page.cursors,
        total=page.total,
        has_next=page.has_next,
        has_previous=page.has_previous,
    )


def _key(row: Row[Any], size: int) -> tuple[str, ...]:
    return tuple(getattr(row, f"sleutel_{i}") for i in range(size))


def _groep(row: Row[Any], groeperen_op: Sequence[str]) -> Telgroep:
    sleutels = []
    for i, kenmerk in enumerate(groeperen_op):
        code = getattr(row, f"sleutel_{i}") or None
        naam = getattr(row, f"naam_{i}")
        if kenmerk in LABELS and code is not None:
            naam = LABELS[kenmerk].get(code)
        sleutels.append(Telsleutel(kenmerk, code, naam))
    return Telgroep(
        sleutels=tuple(sleutels),
        onderwijsaanbieders=int(row.onderwijsaanbieders),
        onderwijslocaties=int(row.onderwijslocaties),
        aangeboden_opleidingen=int(row.aangeboden_opleidingen),
        leerlingen=int(row.leerlingen),
    )
