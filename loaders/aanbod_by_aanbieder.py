"""The aangeboden opleidingen of an aanbieder valid on the peildatum, by name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, select

from loaders.core import EdgeSpec, PagedKey, PagedLoader, Sessions
from loaders.paging import Page
from onderwijsgraaf.db.models import AangebodenOpleiding, geldig_op

Key = PagedKey
Result = Page[Row[Any]]


def _query(peildatum: dt.date) -> Select[Any]:
    return select(AangebodenOpleiding.__table__).where(geldig_op(AangebodenOpleiding, peildatum))


class AanbodByAanbiederLoader(PagedLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(
            sessions,
            EdgeSpec(
                "onderwijsaanbieder.aangebodenOpleidingen",
                _query,
                AangebodenOpleiding.onderwijsaanbieder_code,
                ("zoeknaam", "code"),
            ),
        )
