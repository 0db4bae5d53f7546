"""The root list ``onderwijsbegeleidingsaanbieders``, by name (then code). No source file of
the seed holds them, so it is empty until one does."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Row

from loaders.paging import Page
from onderwijsgraaf.db.models import Onderwijsbegeleidingsaanbieder, geldig_op
from onderwijsgraaf.db.reads import Reads
from resolvers.listing import Listed, Ordering, root_page

KIND = "onderwijsbegeleidingsaanbieders"
ORDERINGS = (
    Ordering(
        "NAAM", (Onderwijsbegeleidingsaanbieder.zoeknaam, Onderwijsbegeleidingsaanbieder.code)
    ),
)


def conditions(filter: None, peildatum: dt.date) -> list[ColumnElement[bool]]:
    """The rows valid on ``peildatum`` (the list has no filter)."""
    return [geldig_op(Onderwijsbegeleidingsaanbieder, peildatum)]


async def onderwijsbegeleidingsaanbieders(
    reads: Reads,
    first: int | None,
    after: str | None,
    peildatum: dt.date,
    with_total: bool = True,
) -> Page[Row[Any]]:
    listed = Listed(
        Onderwijsbegeleidingsaanbieder.__table__, None, peildatum, conditions(None, peildatum)
    )
    return await root_page(reads, KIND, ORDERINGS, listed, None, first, after, with_total)
