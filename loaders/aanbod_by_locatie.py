"""The aangeboden opleidingen at a locatie valid on the peildatum, by name."""

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


class AanbodByLocatieLoader(PagedLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(
            sessions,
            EdgeSpec(
                "onderwijslocatie.aangebodenOpleidingen",
                _query,
                AangebodenOpleiding.onderwijslocatie_code,
                ("zoeknaam", "code"),
            ),
        )
