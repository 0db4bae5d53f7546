"""The root list ``onderwijsaanbiedersgroepen``: in RIO-code order, optionally of one bestuur."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row

from loaders.paging import Page
from onderwijsgraaf.db.models import Onderwijsaanbiedersgroep, geldig_op
from onderwijsgraaf.db.reads import Reads
from resolvers.conditions import rio_code
from resolvers.listing import Listed, Ordering, root_page

KIND = "onderwijsaanbiedersgroepen"
ORDERINGS = (Ordering("CODE", (Onderwijsaanbiedersgroep.code,)),)


@dataclass(frozen=True)
class GroepFilter:
    onderwijsbestuur_code: str | None = None


def conditions(filter: GroepFilter, peildatum: dt.date) -> list[ColumnElement[bool]]:
    """The groepen valid on ``peildatum`` meeting ``filter``; BadUserInput for an
    ``onderwijsbestuurCode`` that is not of the form NNNBNNN."""
    found = [geldig_op(Onderwijsaanbiedersgroep, peildatum)]
    if filter.onderwijsbestuur_code is not None:
        code = rio_code("onderwijsbestuurCode", filter.onderwijsbestuur_code)
        found.append(Onderwijsaanbiedersgroep.onderwijsbestuur_code == code)
    return found


async def onderwijsaanbiedersgroepen(
    reads: Reads,
    filter: GroepFilter,
    first: int | None,
    after: str | None,
    peildatum: dt.date,
    with_total: bool = True,
) -> Page[Row[Any]]:
    listed = Listed(
        Onderwijsaanbiedersgroep.__table__, filter, peildatum, conditions(filter, peildatum)
    )
    return await root_page(reads, KIND, ORDERINGS, listed, None, first, after, with_total)
