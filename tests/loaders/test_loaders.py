"""Every loader batches: N keys, however many, cost one SQL statement, and the answers are
the rows the database holds for each key."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import event, func, select

from loaders import Loaders
from onderwijsgraaf.db.engine import session_factory
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    AangebodenOpleidingVoertaal,
    Cohort,
    Communicatiecontext,
    Erkenning,
    Gemeente,
    JuridischeRelatie,
    Onderwijsaanbieder,
    Onderwijsaanbiedersgroep,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
    Provincie,
)
from tests.conftest import Target

PEILDATUM = dt.date(2025, 10, 1)
N = 12

# loader name → the column whose values are its keys
BY_KEY = {
    "besturen_by_code": Onderwijsbestuur.code,
    "aanbieders_by_code": Onderwijsaanbieder.code,
    "locaties_by_code": Onderwijslocatie.code,
    "opleidingseenheden_by_code": Opleidingseenheid.code,
    "aanbod_by_code": AangebodenOpleiding.code,
    "groepen_by_code": Onderwijsaanbiedersgroep.code,
    "erkenningen_by_id": Erkenning.id,
    "gemeenten_by_code": Gemeente.code,
    "provincies_by_code": Provincie.code,
}
PAGED = {
    "aanbieders_by_bestuur": Onderwijsaanbieder.onderwijsbestuur_code,
    "aanbieders_by_locatie": Onderwijslocatiegebruik.onderwijslocatie_code,
    "locaties_by_aanbieder": Onderwijslocatiegebruik.onderwijsaanbieder_code,
    "aanbod_by_aanbieder": AangebodenOpleiding.onderwijsaanbieder_code,
    "aanbod_by_locatie": AangebodenOpleiding.onderwijslocatie_code,
    "aanbod_by_opleidingseenheid": AangebodenOpleiding.opleidingseenheid_code,
    "cohorten_by_aanbod": Cohort.aangeboden_opleiding_code,
    "erkenningen_by_aanbieder": JuridischeRelatie.onderwijsaanbieder_code,
    "erkenningen_by_bestuur": JuridischeRelatie.onderwijsbestuur_code,
    "contexten_by_aanbieder": Communicatiecontext.onderwijsaanbieder_code,
    "contexten_by_bestuur": Communicatiecontext.onderwijsbestuur_code,
}
# The source files hold no contact details of besturen, so this edge is empty in the data;
# its parents are sampled from the besturen and every page must be empty, as the data is.
EMPTY_IN_DATA = {"contexten_by_bestuur": Onderwijsbestuur.code}
LISTS = {
    "voertalen_by_aanbod": AangebodenOpleidingVoertaal.aangeboden_opleiding_code,
    "sectoren_by_aanbieder": AangebodenOpleiding.onderwijsaanbieder_code,
}


async def sample(target: Target, column: Any, *where: Any) -> list[Any]:
    engine = target.engine()
    async with engine.connect() as conn:
        query = (
            select(column).where(column.is_not(None), *where).distinct().order_by(column).limit(N)
        )
        values = (await conn.scalars(query)).all()
    await engine.dispose()
    return list(values)


async def load_counting(target: Target, name: str, keys: list[Any]) -> tuple[list[Any], int]:
    engine = target.engine()
    statements: list[str] = []
    event.listen(
        engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2])
    )
    loader = getattr(Loaders.create(session_factory(engine)), name)
    try:
        results = await asyncio.gather(*(loader.load(key) for key in keys))
    finally:
        await engine.dispose()
    return list(results), len(statements)


@pytest.mark.parametrize("name", list(BY_KEY))
async def test_by_key_loaders_batch(seeded: Target, name: str) -> None:
    keys = await sample(seeded, BY_KEY[name])
    missing = -1 if isinstance(keys[0], int) else "missing"
    results, statements = await load_counting(
        seeded, name, [(key, PEILDATUM) for key in keys] + [(missing, PEILDATUM)]
    )
    assert statements == 1
    assert results[-1] is None
    found = [row for row in results[:-1] if row is not None]
    assert found
    assert all(
        row.lookup_key == key
        for row, key in zip(results[:-1], keys, strict=True)
        if row is not None
    )


@pytest.mark.parametrize("name", list(PAGED))
async def test_paged_loaders_batch_and_page_per_parent(seeded: Target, name: str) -> None:
    public = [Communicatiecontext.openbaar.is_(True)] if name == "contexten_by_aanbieder" else []
    parents = await sample(seeded, EMPTY_IN_DATA.get(name, PAGED[name]), *public)
    engine = seeded.engine()
    loader = getattr(Loaders.create(session_factory(engine)), name)  # for page_key and the sort key
    await engine.dispose()
    keys = [loader.page_key(parent, PEILDATUM, 2, None) for parent in parents]
    pages, statements = await load_counting(seeded, name, keys)
    assert statements == 1
    assert any(page.total > 0 for page in pages) is (name not in EMPTY_IN_DATA)
    for page in pages:
        assert len(page.rows) == min(2, page.total)
        assert page.has_next == (page.total > 2)
        assert all(getattr(row, "edge_parent", None) is not None for row in page.rows)
    # the second page of every parent starts after the first, in one statement again
    second = [
        loader.page_key(parent, PEILDATUM, 2, page.cursors[-1])
        for parent, page in zip(parents, pages, strict=True)
        if page.has_next
    ]
    if second:
        next_pages, statements = await load_counting(seeded, name, second)
        for first_page, next_page in zip([p for p in pages if p.has_next], next_pages, strict=True):
            assert next_page.total == first_page.total
            assert not {loader.spec.key(r) for r in first_page.rows} & {
                loader.spec.key(r) for r in next_page.rows
            }
        assert statements == 1


@pytest.mark.parametrize("name", list(LISTS))
async def test_list_loaders_batch(seeded: Target, name: str) -> None:
    parents = await sample(seeded, LISTS[name])
    results, statements = await load_counting(
        seeded, name, [(parent, PEILDATUM) for parent in parents]
    )
    assert statements == 1
    assert all(values == sorted(set(values)) for values in results)
    assert any(results)


async def test_paged_totals_match_the_database(seeded: Target) -> None:
    parents = await sample(seeded, AangebodenOpleiding.onderwijsaanbieder_code)
    engine = seeded.engine()
    loader = Loaders.create(session_factory(engine)).aanbod_by_aanbieder
    pages = await asyncio.gather(
        *(loader.load(loader.page_key(p, PEILDATUM, 5, None)) for p in parents)
    )
    async with engine.connect() as conn:
        for parent, page in zip(parents, pages, strict=True):
            expected = await conn.scalar(
                select(func.count()).where(
                    AangebodenOpleiding.onderwijsaanbieder_code == parent,
                    (AangebodenOpleiding.begindatum.is_(None))
                    | (AangebodenOpleiding.begindatum <= PEILDATUM),
                    (AangebodenOpleiding.einddatum.is_(None))
                    | (AangebodenOpleiding.einddatum > PEILDATUM),
                )
            )
            assert page.total == expected
    await engine.dispose()
