"""The erkenningen an aanbieder rests on (juridische relaties) on the peildatum."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, select

from loaders.core import EdgeSpec, PagedKey, PagedLoader, Sessions
from loaders.paging import Page
from onderwijsgraaf.db.models import Erkenning, JuridischeRelatie, geldig_op

Key = PagedKey
Result = Page[Row[Any]]


def _query(peildatum: dt.date) -> Select[Any]:
    return (
        select(Erkenning.__table__)
        .join(JuridischeRelatie, JuridischeRelatie.erkenning_id == Erkenning.id)
        .where(geldig_op(Erkenning, peildatum), geldig_op(JuridischeRelatie, peildatum))
    )


class ErkenningenByAanbiederLoader(PagedLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(
            sessions,
            EdgeSpec(
                "onderwijsaanbieder.erkenningen",
                _query,
                JuridischeRelatie.onderwijsaanbieder_code,
                ("soort", "code"),
            ),
        )
