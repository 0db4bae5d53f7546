"""The root list ``onderwijsbesturen``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row

from loaders.paging import Page
from onderwijsgraaf.db.models import Onderwijsbestuur, geldig_op
from onderwijsgraaf.db.reads import Reads
from resolvers.conditions import woorden
from resolvers.listing import Listed, Ordering, root_page

KIND = "onderwijsbesturen"
ORDERINGS = (
    Ordering("NAAM", (Onderwijsbestuur.zoeknaam, Onderwijsbestuur.code)),
    Ordering("CODE", (Onderwijsbestuur.code,)),
)


@dataclass(frozen=True)
class BestuurFilter:
    zoek: str | None = None


def conditions(filter: BestuurFilter, peildatum: dt.date) -> list[ColumnElement[bool]]:
    found = [geldig_op(Onderwijsbestuur, peildatum)]
    if filter.zoek is not None:
        found.append(woorden(Onderwijsbestuur.zoeknaam, filter.zoek))
    return found


async def onderwijsbesturen(
    reads: Reads,
    filter: BestuurFilter,
    order_by: str | None,
    first: int | None,
    after: str | None,
    peildatum: dt.date,
    with_total: bool = True,
) -> Page[Row[Any]]:
    listed = Listed(Onderwijsbestuur.__table__, filter, peildatum, conditions(filter, peildatum))
    return await root_page(reads, KIND, ORDERINGS, listed, order_by, first, after, with_total)
