"""The onderwijslocaties an aanbieder uses on the peildatum (via onderwijslocatiegebruik)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, select

from loaders.core import EdgeSpec, PagedKey, PagedLoader, Sessions
from loaders.paging import Page
from onderwijsgraaf.db.models import Onderwijslocatie, Onderwijslocatiegebruik, geldig_op

Key = PagedKey
Result = Page[Row[Any]]


def _query(peildatum: dt.date) -> Select[Any]:
    return (
        select(Onderwijslocatie.__table__)
        .join(
            Onderwijslocatiegebruik,
            Onderwijslocatiegebruik.onderwijslocatie_code == Onderwijslocatie.code,
        )
        .where(
            geldig_op(Onderwijslocatie, peildatum), geldig_op(Onderwijslocatiegebruik, peildatum)
        )
    )


class LocatiesByAanbiederLoader(PagedLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(
            sessions,
            EdgeSpec(
                "onderwijsaanbieder.onderwijslocaties",
                _query,
                Onderwijslocatiegebruik.onderwijsaanbieder_code,
                ("code",),
            ),
        )
