"""(code, peildatum) → the onderwijsaanbiedersgroep valid on that date, or None."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, select

from loaders.core import ByKey, ByKeyLoader, ByKeySpec, Sessions
from onderwijsgraaf.db.models import Onderwijsaanbiedersgroep, geldig_op

Key = ByKey
Result = Row[Any] | None


def _query(peildatum: dt.date) -> Select[Any]:
    return select(Onderwijsaanbiedersgroep.__table__).where(
        geldig_op(Onderwijsaanbiedersgroep, peildatum)
    )


class GroepenByCodeLoader(ByKeyLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(sessions, ByKeySpec(_query, Onderwijsaanbiedersgroep.code))
