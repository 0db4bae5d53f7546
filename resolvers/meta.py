"""Provenance of the data: the source files the database was built from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, select

from onderwijsgraaf.db.models import Bron
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.db.versie import gegevensversie


async def bronnen(reads: Reads) -> Sequence[Row[Any]]:
    return await reads.rows(select(Bron.__table__).order_by(Bron.code))


async def versie(reads: Reads) -> str | None:
    return await gegevensversie(reads)
