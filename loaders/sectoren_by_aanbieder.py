"""(aanbieder code, peildatum) → the sectors of its offering valid on that date, sorted."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, select

from loaders.core import ByKey, ListLoader, ListSpec, Sessions
from onderwijsgraaf.db.models import AangebodenOpleiding, geldig_op

Key = ByKey
Result = list[str]


def _query(peildatum: dt.date) -> Select[Any]:
    return select(AangebodenOpleiding.__table__).where(geldig_op(AangebodenOpleiding, peildatum))


class SectorenByAanbiederLoader(ListLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(
            sessions,
            ListSpec(
                _query, AangebodenOpleiding.onderwijsaanbieder_code, AangebodenOpleiding.sector
            ),
        )
