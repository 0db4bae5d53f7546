"""The leerlingaantallen loaders: N parents in one statement, each series the sum per teldatum
of the raw ``leerlingaantal`` rows it covers (summed here in Python); the groups the
toezichtrapport sums its objects from, in one statement."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pytest
from sqlalchemy import event, select

from loaders import Loaders
from loaders.leerlingaantallen import OUDERS, Leerlingtelling, telgroepen
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


async def test_the_groups_of_some_aanbieders_in_one_statement(seeded: Target) -> None:
    t = Leerlingaantal
    vo = await raw(seeded, t.bron == "duo-leerlingen-vo-onderwijstype-2019")
    po = await raw(seeded, t.bron == "duo-leerlingen-po-1996-2025", t.teldatum > vo[0].teldatum)
    aanbieders = {vo[0].onderwijsaanbieder_code, po[0].onderwijsaanbieder_code}
    found, statements = await counting(seeded, lambda reads: telgroepen(reads, aanbieders))
    assert statements == 1
    expected: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0])
    for r in await raw(seeded, t.onderwijsaanbieder_code.in_(aanbieders)):
        key = (
            r.onderwijsaanbieder_code,
            r.onderwijslocatie_code,
            r.aangeboden_opleiding_code,
            r.teldatum,
        )
        expected[key][0] += r.aantal
        expected[key][1] |= r.gemaskeerd
    assert {
        (
            g.onderwijsaanbieder_code,
            g.onderwijslocatie_code,
            g.aangeboden_opleiding_code,
            g.teldatum,
        ): [
            g.aantal,
            g.gemaskeerd,
        ]
        for g in found
    } == {key: [aantal, bool(masked)] for key, (aantal, masked) in expected.items()}
    assert len(found) == len(expected) > 10
    assert {g.aangeboden_opleiding_code is None for g in found} == {True, False}
    none, statements = await counting(seeded, lambda reads: telgroepen(reads, []))
    assert (none, statements) == ([], 0)
