"""The root list ``onderwijsaanbieders``."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, select

from loaders.paging import Page
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Code,
    Onderwijsaanbieder,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    geldig_op,
)
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.geo import Bbox
from resolvers.codes import brin_codes, met_erkenningscode
from resolvers.conditions import (
    IN_THE_BOX,
    aanbod_with,
    denominatie,
    locatie_matches,
    rio_code,
    woorden,
)
from resolvers.listing import Listed, Ordering, root_page
from resolvers.nabij import Kandidaten, MetAfstand, Nabij, nabij_page

KIND = "onderwijsaanbieders"
ORDERINGS = (
    Ordering("NAAM", (Onderwijsaanbieder.zoeknaam, Onderwijsaanbieder.code)),
    Ordering("CODE", (Onderwijsaanbieder.code,)),
)


@dataclass(frozen=True)
class AanbiederFilter:
    zoek: str | None = None
    gemeentecode: list[str] | None = None
    provincie: list[str] | None = None
    nabij: Nabij | None = None
    bbox: Bbox | None = None
    sector: list[str] | None = None
    onderwijsconcept: list[str] | None = None
    denominatie: list[str] | None = None
    onderwijsbestuur_code: str | None = None
    erkenningscode: list[str] | None = None


def conditions(filter: AanbiederFilter, peildatum: dt.date) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = [geldig_op(Onderwijsaanbieder, peildatum)]
    if filter.zoek is not None:
        found.append(woorden(Onderwijsaanbieder.zoeknaam, filter.zoek))
    locatie = locatie_matches(
        peildatum,
        gemeentecode=filter.gemeentecode,
        provincie=filter.provincie,
        postcode=None,
        plaats=None,
        bbox=filter.bbox,
    )
    if locatie:
        found.append(
            Onderwijsaanbieder.code.in_(
                select(Onderwijslocatiegebruik.onderwijsaanbieder_code).where(
                    Onderwijslocatiegebruik.onderwijslocatie_code == Onderwijslocatie.code,
                    geldig_op(Onderwijslocatiegebruik, peildatum),
                    geldig_op(Onderwijslocatie, peildatum),
                    *locatie,
                )
            )
        )
    aanbieder = AangebodenOpleiding.onderwijsaanbieder_code
    if filter.sector:
        found.append(
            Onderwijsaanbieder.code.in_(
                aanbod_with(aanbieder, peildatum, AangebodenOpleiding.sector.in_(filter.sector))
            )
        )
    if filter.onderwijsconcept:
        concept = AangebodenOpleiding.onderwijsconcept.in_(filter.onderwijsconcept)
        found.append(Onderwijsaanbieder.code.in_(aanbod_with(aanbieder, peildatum, concept)))
    if filter.denominatie:
        found.append(denominatie(Onderwijsaanbieder.denominatie, filter.denominatie))
    if filter.onderwijsbestuur_code is not None:
        code = rio_code("onderwijsbestuurCode", filter.onderwijsbestuur_code)
        found.append(Onderwijsaanbieder.onderwijsbestuur_code == code)
    if filter.erkenningscode:
        brin = brin_codes("erkenningscode", filter.erkenningscode)
        column = Code.onderwijsaanbieder_code
        found.append(Onderwijsaanbieder.code.in_(met_erkenningscode(column, brin, peildatum)))
    return found


def kandidaten_in(where: list[ColumnElement[bool]], peildatum: dt.date) -> Kandidaten:
    """The radius search's candidates of this list among the rows meeting ``where``."""

    @functools.cache
    def kandidaten(keys: tuple[Any, ...]) -> Select[Any]:
        """Every location of each aanbieder in the box; it counts at its nearest one."""
        locatie = Onderwijslocatie
        return (
            select(Onderwijsaanbieder.code, locatie.latitude, locatie.longitude, *keys)
            .join(
                Onderwijslocatiegebruik,
                Onderwijslocatiegebruik.onderwijsaanbieder_code == Onderwijsaanbieder.code,
            )
            .join(locatie, locatie.code == Onderwijslocatiegebruik.onderwijslocatie_code)
            .where(
                *where,
                geldig_op(Onderwijslocatiegebruik, peildatum),
                geldig_op(locatie, peildatum),
                IN_THE_BOX,
            )
        )

    return kandidaten


async def onderwijsaanbieders(
    reads: Reads,
    filter: AanbiederFilter,
    order_by: str | None,
    first: int | None,
    after: str | None,
    peildatum: dt.date,
    with_total: bool = True,
) -> Page[Row[Any]] | Page[MetAfstand]:
    where = conditions(filter, peildatum)
    table = Onderwijsaanbieder.__table__
    if filter.nabij is not None:
        kandidaten = kandidaten_in(where, peildatum)
        return await nabij_page(
            reads, KIND, ORDERINGS, table, kandidaten, filter.nabij, order_by, first, after
        )
    listed = Listed(table, filter, peildatum, where)
    return await root_page(reads, KIND, ORDERINGS, listed, order_by, first, after, with_total)
