"""The onderwijsaanbieders using a locatie on the peildatum (via onderwijslocatiegebruik), by name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, select

from loaders.core import EdgeSpec, PagedKey, PagedLoader, Sessions
from loaders.paging import Page
from onderwijsgraaf.db.models import Onderwijsaanbieder, Onderwijslocatiegebruik, geldig_op

Key = PagedKey
Result = Page[Row[Any]]


def _query(peildatum: dt.date) -> Select[Any]:
    return (
        select(Onderwijsaanbieder.__table__)
        .join(
            Onderwijslocatiegebruik,
            Onderwijslocatiegebruik.onderwijsaanbieder_code == Onderwijsaanbieder.code,
        )
        .where(
            geldig_op(Onderwijsaanbieder, peildatum), geldig_op(Onderwijslocatiegebruik, peildatum)
        )
    )


class AanbiedersByLocatieLoader(PagedLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(
            sessions,
            EdgeSpec(
                "onderwijslocatie.onderwijsaanbieders",
                _query,
                Onderwijslocatiegebruik.onderwijslocatie_code,
                ("zoeknaam", "code"),
            ),
        )
