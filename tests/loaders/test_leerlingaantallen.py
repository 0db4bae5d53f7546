"""The leerlingaantallen loaders: N parents, or N objects, in one statement, each series the sum
per teldatum of the raw ``leerlingaantal`` rows it covers (summed here in Python)."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pytest
from sqlalchemy import event, select

from loaders import Loaders
from loaders.leerlingaantallen import OUDERS, Combinatie, Leerlingtelling, reeksen_van_objecten
from onderwijsgraaf.db.models import Leerlingaantal
from onderwijsgraaf.db.reads import Reads
from tests.conftest import Target

N = 12


async def raw(target: Target, *where: Any) -> list[Any]:
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(select(Leerlingaantal).where(*where))).all())
    finally:
        await engine.dispose()


def summed(rows: Iterable[Any]) -> list[Leerlingtelling]:
    """The series of ``rows``, each row once: the expectation, computed without SQL."""
    per_day: dict[Any, dict[int, Any]] = defaultdict(dict)
    for row in rows:
        per_day[row.teldatum][row.id] = row
    return [
        Leerlingtelling(
            day,
            sum(r.aantal for r in found.values()),
            any(r.gemaskeerd for r in found.values()),
            len({r.vestiging for r in found.values()}),
            tuple(sorted({r.bron for r in found.values()})),
        )
        for day, found in sorted(per_day.items(), reverse=True)
    ]


async def counting(target: Target, run: Any) -> tuple[Any, int]:
    engine = target.engine()
    statements: list[str] = []
    event.listen(
        engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2])
    )
    try:
        async with Reads(engine) as reads:
            result = await run(reads)
    finally:
        await engine.dispose()
    return result, len(statements)


@pytest.mark.parametrize("ouder", OUDERS)
async def test_a_series_loader_batches(seeded: Target, ouder: str) -> None:
    column = getattr(Leerlingaantal, ouder)
    engine = seeded.engine()
    async with engine.connect() as conn:
        codes = list(
            (
                await conn.scalars(
                    select(column).where(column.is_not(None)).distinct().order_by(column).limit(N)
                )
            ).all()
        )
    await engine.dispose()
    keys = [*codes, "missing"]

    async def run(reads: Reads) -> list[list[Leerlingtelling]]:
        loader = Loaders(reads).leerlingaantallen(ouder)
        return list(await asyncio.gather(*(loader.load(key) for key in keys)))

    results, statements = await counting(seeded, run)
    assert statements == 1
    rows = await raw(seeded, column.in_(codes))
    for code, found in zip(keys, results, strict=True):
        assert found == summed(r for r in rows if getattr(r, ouder) == code), code
    assert results[-1] == []


async def test_objects_of_combinations_in_one_statement(seeded: Target) -> None:
    t = Leerlingaantal
    vo = await raw(
        seeded, t.bron == "duo-leerlingen-vo-onderwijstype-2019", t.onderwijsaanbieder_code < "94"
    )
    a1 = vo[0].onderwijsaanbieder_code
    aanbod = vo[0].aangeboden_opleiding_code
    po = await raw(seeded, t.bron == "duo-leerlingen-po-1996-2025", t.teldatum > vo[0].teldatum)
    a2 = po[0].onderwijsaanbieder_code
    rows_a1 = await raw(seeded, t.onderwijsaanbieder_code == a1)
    rows_a2 = await raw(seeded, t.onderwijsaanbieder_code == a2)
    locatie = rows_a1[0].onderwijslocatie_code
    objecten = {
        "a1": [Combinatie(a1)],
        "a1 en a2": [Combinatie(a1), Combinatie(a2)],
        "a1 twee keer": [Combinatie(a1), Combinatie(a1, onderwijslocatie_code=locatie)],
        "aanbod": [Combinatie(a1, aangeboden_opleiding_code=aanbod)],
        "leeg": [Combinatie("000A000")],
    }
    found, statements = await counting(seeded, lambda reads: reeksen_van_objecten(reads, objecten))
    assert statements == 1
    assert found["a1"] == summed(rows_a1)
    assert found["a1 twee keer"] == found["a1"]
    assert found["a1 en a2"] == summed([*rows_a1, *rows_a2])
    assert found["aanbod"] == summed(r for r in rows_a1 if r.aangeboden_opleiding_code == aanbod)
    assert found["leeg"] == []
    assert len(found["a1 en a2"]) > len(found["aanbod"]) >= 1
