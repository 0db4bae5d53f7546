"""(code, peildatum) → the gemeente (CBS indeling 2023), or None."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, select

from loaders.core import ByKey, ByKeyLoader, ByKeySpec, Sessions
from onderwijsgraaf.db.models import Gemeente

Key = ByKey
Result = Row[Any] | None


def _query(peildatum: dt.date) -> Select[Any]:
    return select(Gemeente.__table__)


class GemeentenByCodeLoader(ByKeyLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(sessions, ByKeySpec(_query, Gemeente.code))
