"""The root list ``aangebodenOpleidingen``."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, select

from loaders.paging import Page
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    AangebodenOpleidingVoertaal,
    Cohort,
    Onderwijsaanbieder,
    Onderwijslocatie,
    Opleidingseenheid,
    geldig_op,
)
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.geo import Bbox
from resolvers.codes import erkende_opleidingscodes, met_opleidingscode
from resolvers.conditions import IN_THE_BOX, locatie_matches, rio_code, woorden
from resolvers.listing import Listed, Ordering, root_page
from resolvers.nabij import Kandidaten, MetAfstand, Nabij, nabij_page

KIND = "aangebodenOpleidingen"
ORDERINGS = (
    Ordering("NAAM", (AangebodenOpleiding.zoeknaam, AangebodenOpleiding.code)),
    Ordering("CODE", (AangebodenOpleiding.code,)),
)


@dataclass(frozen=True)
class AanbodFilter:
    zoek: str | None = None
    gemeentecode: list[str] | None = None
    provincie: list[str] | None = None
    postcode: str | None = None
    plaats: str | None = None
    nabij: Nabij | None = None
    bbox: Bbox | None = None
    sector: list[str] | None = None
    onderwijsconcept: list[str] | None = None
    niveau: list[str] | None = None
    vorm: list[str] | None = None
    voertaal: list[str] | None = None
    erkende_opleidingscode: list[str] | None = None
    instroom_vanaf: dt.date | None = None
    onderwijsaanbieder_code: str | None = None
    onderwijsbestuur_code: str | None = None


def conditions(filter: AanbodFilter, peildatum: dt.date) -> list[ColumnElement[bool]]:
    a = AangebodenOpleiding
    found: list[ColumnElement[bool]] = [geldig_op(a, peildatum)]
    if filter.zoek is not None:
        found.append(woorden(a.zoeknaam, filter.zoek))
    locatie = locatie_matches(
        peildatum,
        gemeentecode=filter.gemeentecode,
        provincie=filter.provincie,
        postcode=filter.postcode,
        plaats=filter.plaats,
        bbox=filter.bbox,
    )
    if locatie:
        found.append(
            a.onderwijslocatie_code.in_(
                select(Onderwijslocatie.code).where(
                    geldig_op(Onderwijslocatie, peildatum), *locatie
                )
            )
        )
    if filter.sector:
        found.append(a.sector.in_(filter.sector))
    if filter.onderwijsconcept:
        found.append(a.onderwijsconcept.in_(filter.onderwijsconcept))
    if filter.vorm:
        found.append(a.vorm.in_(filter.vorm))
    eenheid: list[ColumnElement[bool]] = []
    if filter.niveau:
        eenheid.append(Opleidingseenheid.niveau.in_(filter.niveau))
    if filter.erkende_opleidingscode:
        # the programme's own CROHO/CREBO code, or the one it is a variant of
        codes = erkende_opleidingscodes("erkendeOpleidingscode", filter.erkende_opleidingscode)
        eenheid.append(Opleidingseenheid.code.in_(met_opleidingscode(codes, peildatum)))
    if eenheid:
        # the opleidingseenheid must itself be valid on the peildatum, as in the answer
        found.append(
            a.opleidingseenheid_code.in_(
                select(Opleidingseenheid.code).where(
                    geldig_op(Opleidingseenheid, peildatum), *eenheid
                )
            )
        )
    if filter.voertaal:
        found.append(
            a.code.in_(
                select(AangebodenOpleidingVoertaal.aangeboden_opleiding_code).where(
                    AangebodenOpleidingVoertaal.voertaal.in_(filter.voertaal)
                )
            )
        )
    if filter.instroom_vanaf is not None:
        found.append(
            a.code.in_(
                select(Cohort.aangeboden_opleiding_code).where(
                    Cohort.instroommoment >= filter.instroom_vanaf, geldig_op(Cohort, peildatum)
                )
            )
        )
    if filter.onderwijsaanbieder_code is not None:
        found.append(
            a.onderwijsaanbieder_code
            == rio_code("onderwijsaanbiederCode", filter.onderwijsaanbieder_code)
        )
    if filter.onderwijsbestuur_code is not None:
        code = rio_code("onderwijsbestuurCode", filter.onderwijsbestuur_code)
        found.append(
            a.onderwijsaanbieder_code.in_(
                select(Onderwijsaanbieder.code).where(
                    Onderwijsaanbieder.onderwijsbestuur_code == code
                )
            )
        )
    return found


def kandidaten_in(where: list[ColumnElement[bool]], peildatum: dt.date) -> Kandidaten:
    """The radius search's candidates of this list among the rows meeting ``where``."""

    @functools.cache
    def kandidaten(keys: tuple[Any, ...]) -> Select[Any]:
        locatie = Onderwijslocatie
        return (
            select(AangebodenOpleiding.code, locatie.latitude, locatie.longitude, *keys)
            .join(locatie, locatie.code == AangebodenOpleiding.onderwijslocatie_code)
            .where(
                *where,
                geldig_op(locatie, peildatum),
                IN_THE_BOX,
            )
        )

    return kandidaten


async def aangeboden_opleidingen(
    reads: Reads,
    filter: AanbodFilter,
    order_by: str | None,
    first: int | None,
    after: str | None,
    peildatum: dt.date,
    with_total: bool = True,
) -> Page[Row[Any]] | Page[MetAfstand]:
    where = conditions(filter, peildatum)
    table = AangebodenOpleiding.__table__
    if filter.nabij is not None:
        kandidaten = kandidaten_in(where, peildatum)
        return await nabij_page(
            reads, KIND, ORDERINGS, table, kandidaten, filter.nabij, order_by, first, after
        )
    listed = Listed(table, filter, peildatum, where)
    return await root_page(reads, KIND, ORDERINGS, listed, order_by, first, after, with_total)
