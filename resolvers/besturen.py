"""The root list ``onderwijsbesturen``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row

from loaders.paging import Page
from onderwijsgraaf.db.models import Onderwijsbestuur, geldig_op
from resolvers.conditions import woorden
from resolvers.listing import Ordering, Sessions, root_page

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
    conditions = [geldig_op(Onderwijsbestuur, peildatum)]
    if filter.zoek is not None:
        conditions.append(woorden(Onderwijsbestuur.zoeknaam, filter.zoek))
    return await root_page(
        sessions, KIND, ORDERINGS, Onderwijsbestuur.__table__, conditions, order_by, first, after
    )
