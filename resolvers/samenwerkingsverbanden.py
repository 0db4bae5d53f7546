"""The root list ``samenwerkingsverbanden``: in code order, optionally of some soorten (RIO's
ErkendeSamenwerkingssoort, e.g. RMC)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row

from loaders.paging import Page
from onderwijsgraaf.db.models import Samenwerkingsverband, geldig_op
from onderwijsgraaf.db.reads import Reads
from resolvers.listing import Listed, Ordering, root_page

KIND = "samenwerkingsverbanden"
ORDERINGS = (Ordering("CODE", (Samenwerkingsverband.code,)),)


@dataclass(frozen=True)
class SamenwerkingsverbandFilter:
    soort: list[str] | None = None


def conditions(filter: SamenwerkingsverbandFilter, peildatum: dt.date) -> list[ColumnElement[bool]]:
    found = [geldig_op(Samenwerkingsverband, peildatum)]
    if filter.soort:
        found.append(Samenwerkingsverband.soort.in_(filter.soort))
    return found


async def samenwerkingsverbanden(
    reads: Reads,
    filter: SamenwerkingsverbandFilter,
    first: int | None,
    after: str | None,
    peildatum: dt.date,
    with_total: bool = True,
) -> Page[Row[Any]]:
    listed = Listed(
        Samenwerkingsverband.__table__, filter, peildatum, conditions(filter, peildatum)
    )
    return await root_page(reads, KIND, ORDERINGS, listed, None, first, after, with_total)
