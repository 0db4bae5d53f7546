"""Thousands of generated queries (``generated``: from the committed SDL, with small pages and
real codes) give the same bytes compiled and field by field, on SQLite and on PostgreSQL."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from onderwijsgraaf.graph.model import table
from tests.compiler.generated import DIFFERENTIAL, generated, tamed
from tests.conftest import Api, Target

COUNT = DIFFERENTIAL
LOOKUPS = {
    "onderwijsbestuur": "onderwijsbestuur",
    "onderwijsaanbieder": "onderwijsaanbieder",
    "onderwijslocatie": "onderwijslocatie",
    "opleidingseenheid": "opleidingseenheid",
    "aangebodenOpleiding": "aangeboden_opleiding",
}


async def real_codes(target: Target) -> dict[str, list[str]]:
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            return {
                field: list(
                    await conn.scalars(
                        select(table(name).c.code).order_by(table(name).c.code).limit(20)
                    )
                )
                for field, name in LOOKUPS.items()
            }
    finally:
        await engine.dispose()


async def test_generated_queries_answer_the_same_both_ways(
    api: Api, seeded: Target, caplog: pytest.LogCaptureFixture
) -> None:
    codes = await real_codes(seeded)
    queries = [tamed(query, codes) for query in generated(COUNT)]
    compiled = sum(api.plan(query) is not None for query in queries)
    with_data = 0
    with caplog.at_level(logging.ERROR, logger="onderwijsgraaf.compiler"):
        for query in queries:
            body = await api.post(query)  # compares the compiled answer with the resolved one
            with_data += "errors" not in body
    # no compiled statement failed in the database (the resolvers would have answered instead)
    assert [r.getMessage() for r in caplog.records if r.name == "onderwijsgraaf.compiler"] == []
    # most generated queries are answered, and most by the compiler
    assert with_data >= COUNT * 3 // 4
    assert compiled >= COUNT * 3 // 4
