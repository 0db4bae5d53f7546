"""The root list ``opleidingseenheden``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row

from loaders.paging import Page
from onderwijsgraaf.db.models import Opleidingseenheid, geldig_op
from onderwijsgraaf.db.reads import Reads
from resolvers.codes import erkende_opleidingscodes, met_opleidingscode
from resolvers.conditions import woorden
from resolvers.listing import Listed, Ordering, root_page

KIND = "opleidingseenheden"
ORDERINGS = (
    Ordering("NAAM", (Opleidingseenheid.zoeknaam, Opleidingseenheid.code)),
    Ordering("CODE", (Opleidingseenheid.code,)),
)


@dataclass(frozen=True)
class OpleidingseenheidFilter:
    zoek: str | None = None
    sector: list[str] | None = None
    niveau: list[str] | None = None
    erkende_opleidingscode: list[str] | None = None


def conditions(filter: OpleidingseenheidFilter, peildatum: dt.date) -> list[ColumnElement[bool]]:
    o = Opleidingseenheid
    found: list[ColumnElement[bool]] = [geldig_op(o, peildatum)]
    if filter.zoek is not None:
        found.append(woorden(o.zoeknaam, filter.zoek))
    if filter.sector:
        found.append(o.sector.in_(filter.sector))
    if filter.niveau:
        found.append(o.niveau.in_(filter.niveau))
    if filter.erkende_opleidingscode:
        # the programme's own CROHO/CREBO code, or the one it is a variant of
        codes = erkende_opleidingscodes("erkendeOpleidingscode", filter.erkende_opleidingscode)
        found.append(o.code.in_(met_opleidingscode(codes, peildatum)))
    return found


async def opleidingseenheden(
    reads: Reads,
    filter: OpleidingseenheidFilter,
    order_by: str | None,
    first: int | None,
    after: str | None,
    peildatum: dt.date,
    with_total: bool = True,
) -> Page[Row[Any]]:
    listed = Listed(Opleidingseenheid.__table__, filter, peildatum, conditions(filter, peildatum))
    return await root_page(reads, KIND, ORDERINGS, listed, order_by, first, after, with_total)
