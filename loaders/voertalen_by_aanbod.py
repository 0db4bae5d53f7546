"""(aangeboden opleiding code, peildatum) → its voertalen (RIO Taalcode), sorted."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, select

from loaders.core import ByKey, ListLoader, ListSpec, Sessions
from onderwijsgraaf.db.models import AangebodenOpleidingVoertaal

Key = ByKey
Result = list[str]


def _query(peildatum: dt.date) -> Select[Any]:
    return select(AangebodenOpleidingVoertaal.__table__)


class VoertalenByAanbodLoader(ListLoader):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(
            sessions,
            ListSpec(
                _query,
                AangebodenOpleidingVoertaal.aangeboden_opleiding_code,
                AangebodenOpleidingVoertaal.voertaal,
            ),
        )
