"""The root list ``onderwijsbesturen``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, select

from loaders.paging import Page, PageRequest
from onderwijsgraaf.db.models import Onderwijsbestuur, geldig_op
from resolvers.conditions import woorden
from resolvers.listing import Ordering, Sessions, page_of, pick_ordering

KIND = "onderwijsbesturen"
ORDERINGS = (
    Ordering("NAAM", (Onderwijsbestuur.zoeknaam, Onderwijsbestuur.code)),
    Ordering("CODE", (Onderwijsbestuur.code,)),
)


@dataclass(frozen=True)
class BestuurFilter:
    zoek: str | None = None


async def onderwijsbesturen(
    sessions: Sessions,
    filter: BestuurFilter,
    order_by: str | None,
    first: int | None,
    after: str | None,
    peildatum: dt.date,
) -> Page[Row[Any]]:
    ordering = pick_ordering(KIND, ORDERINGS, order_by)
    request = PageRequest.parse(f"{KIND}/{ordering.name}", first, after)
    query = select(Onderwijsbestuur.__table__).where(geldig_op(Onderwijsbestuur, peildatum))
    if filter.zoek is not None:
        query = query.where(woorden(Onderwijsbestuur.zoeknaam, filter.zoek))
    return await page_of(sessions, query, ordering, request)
