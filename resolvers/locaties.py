"""The root list ``onderwijslocaties``."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, or_, select

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
from resolvers.codes import INSTELLING, brin_codes, met_erkenningscode, objecten
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

KIND = "onderwijslocaties"
ORDERINGS = (
    Ordering("CODE", (Onderwijslocatie.code,)),
    Ordering("POSTCODE", (func.coalesce(Onderwijslocatie.postcode, ""), Onderwijslocatie.code)),
)


@dataclass(frozen=True)
class LocatieFilter:
    zoek: str | None = None
    gemeentecode: list[str] | None = None
    provincie: list[str] | None = None
    postcode: str | None = None
    plaats: str | None = None
    nabij: Nabij | None = None
    bbox: Bbox | None = None
    sector: list[str] | None = None
    onderwijsconcept: list[str] | None = None
    denominatie: list[str] | None = None
    onderwijsaanbieder_code: str | None = None
    onderwijsbestuur_code: str | None = None
    erkenningscode: list[str] | None = None


def conditions(filter: LocatieFilter, peildatum: dt.date) -> list[ColumnElement[bool]]:
    found = [
        geldig_op(Onderwijslocatie, peildatum),
        *locatie_matches(
            peildatum,
            gemeentecode=filter.gemeentecode,
            provincie=filter.provincie,
            postcode=filter.postcode,
            plaats=filter.plaats,
            bbox=filter.bbox,
        ),
    ]
    gebruik: list[ColumnElement[bool]] = []
    if filter.zoek is not None:
        gebruik.append(woorden(Onderwijsaanbieder.zoeknaam, filter.zoek))
    if filter.denominatie:
        gebruik.append(denominatie(Onderwijsaanbieder.denominatie, filter.denominatie))
    if filter.onderwijsaanbieder_code is not None:
        code = rio_code("onderwijsaanbiederCode", filter.onderwijsaanbieder_code)
        gebruik.append(Onderwijsaanbieder.code == code)
    if filter.onderwijsbestuur_code is not None:
        code = rio_code("onderwijsbestuurCode", filter.onderwijsbestuur_code)
        gebruik.append(Onderwijslocatiegebruik.onderwijsbestuur_code == code)
    if gebruik:
        found.append(
            Onderwijslocatie.code.in_(
                select(Onderwijslocatiegebruik.onderwijslocatie_code).where(
                    Onderwijslocatiegebruik.onderwijsaanbieder_code == Onderwijsaanbieder.code,
                    geldig_op(Onderwijslocatiegebruik, peildatum),
                    geldig_op(Onderwijsaanbieder, peildatum),
                    *gebruik,
                )
            )
        )
    locatie = AangebodenOpleiding.onderwijslocatie_code
    if filter.sector:
        sector = AangebodenOpleiding.sector.in_(filter.sector)
        found.append(Onderwijslocatie.code.in_(aanbod_with(locatie, peildatum, sector)))
    if filter.onderwijsconcept:
        concept = AangebodenOpleiding.onderwijsconcept.in_(filter.onderwijsconcept)
        found.append(Onderwijslocatie.code.in_(aanbod_with(locatie, peildatum, concept)))
    if filter.erkenningscode:
        found.append(erkenningscode(filter.erkenningscode, peildatum))
    return found


def erkenningscode(codes: Sequence[str], peildatum: dt.date) -> ColumnElement[bool]:
    """The locaties of the BRIN6s among ``codes`` (where those vestigingen teach) and those
    used by the aanbieders of the BRIN4s among them, on ``peildatum``."""
    brin = brin_codes("erkenningscode", codes)
    gebruik = Onderwijslocatiegebruik
    van_aanbieders = select(gebruik.onderwijslocatie_code).where(
        gebruik.onderwijsaanbieder_code.in_(
            objecten(Code.onderwijsaanbieder_code, brin, [INSTELLING], peildatum)
        ),
        geldig_op(gebruik, peildatum),
    )
    return or_(
        Onderwijslocatie.code.in_(met_erkenningscode(Code.onderwijslocatie_code, brin, peildatum)),
        Onderwijslocatie.code.in_(van_aanbieders),
    )


def kandidaten_in(where: list[ColumnElement[bool]], peildatum: dt.date) -> Kandidaten:
    """The radius search's candidates of this list among the rows meeting ``where``."""

    @functools.cache
    def kandidaten(keys: tuple[Any, ...]) -> Select[Any]:
        locatie = Onderwijslocatie
        return select(locatie.code, locatie.latitude, locatie.longitude, *keys).where(
            *where, IN_THE_BOX
        )

    return kandidaten


async def onderwijslocaties(
    reads: Reads,
    filter: LocatieFilter,
    order_by: str | None,
    first: int | None,
    after: str | None,
    peildatum: dt.date,
    with_total: bool = True,
) -> Page[Row[Any]] | Page[MetAfstand]:
    where = conditions(filter, peildatum)
    table = Onderwijslocatie.__table__
    if filter.nabij is not None:
        kandidaten = kandidaten_in(where, peildatum)
        return await nabij_page(
            reads, KIND, ORDERINGS, table, kandidaten, filter.nabij, order_by, first, after
        )
    listed = Listed(table, filter, peildatum, where)
    return await root_page(reads, KIND, ORDERINGS, listed, order_by, first, after, with_total)
