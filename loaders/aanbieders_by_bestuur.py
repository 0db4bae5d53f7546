"""The onderwijsaanbieders of a bestuur valid on the peildatum, by name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, select

from loaders.core import EdgeSpec, PagedKey, PagedLoader, Sessions
from loaders.paging import Page
from onderwijsgraaf.db.models import Onderwijsaanbieder, geldig_op

Key = PagedKey
Result = Page[Row[Any]]


def _query(peildatum: dt.date) -> Select[Any]:
    return select(Onderwijsaanbieder.__table__).where(geldig_op(Onderwijsaanbieder, peildatum))


class AanbiedersByBestuurLoader(PagedLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(
            sessions,
            EdgeSpec(
                "onderwijsbestuur.onderwijsaanbieders",
                _query,
                Onderwijsaanbieder.onderwijsbestuur_code,
                ("zoeknaam", "code"),
            ),
        )
