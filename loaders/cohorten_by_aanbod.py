"""The cohorten of an aangeboden opleiding valid on the peildatum, by code (YYYY-MM)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, select

from loaders.core import EdgeSpec, PagedKey, PagedLoader, Sessions
from loaders.paging import Page
from onderwijsgraaf.db.models import Cohort, geldig_op

Key = PagedKey
Result = Page[Row[Any]]


def _query(peildatum: dt.date) -> Select[Any]:
    return select(Cohort.__table__).where(geldig_op(Cohort, peildatum))


class CohortenByAanbodLoader(PagedLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(
            sessions,
            EdgeSpec(
                "aangebodenOpleiding.cohorten", _query, Cohort.aangeboden_opleiding_code, ("code",)
            ),
        )
