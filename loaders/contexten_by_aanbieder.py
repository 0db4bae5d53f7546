"""The public communicatiecontexten of an aanbieder valid on the peildatum, by soort."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, select

from loaders.core import EdgeSpec, PagedKey, PagedLoader, Sessions
from loaders.paging import Page
from onderwijsgraaf.db.models import Communicatiecontext, geldig_op

Key = PagedKey
Result = Page[Row[Any]]


def _query(peildatum: dt.date) -> Select[Any]:
    return select(Communicatiecontext.__table__).where(
        geldig_op(Communicatiecontext, peildatum), Communicatiecontext.openbaar.is_(True)
    )


class ContextenByAanbiederLoader(PagedLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(
            sessions,
            EdgeSpec(
                "onderwijsaanbieder.communicatiecontexten",
                _query,
                Communicatiecontext.onderwijsaanbieder_code,
                ("soort", "id"),
            ),
        )
