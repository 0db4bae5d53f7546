"""A request past its deadline is stopped, its statement too, and the server stays free for
others: while the most expensive allowed query runs, /health and a small query answer within
a second. On SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import text

from onderwijsgraaf.app import create_app
from onderwijsgraaf.settings import Settings
from schema.limits import DEFAULT_BUDGET
from tests.conftest import DATA_DIR, Api, Target, serving
from tests.live import live


def most_expensive(aliases: int) -> str:
    """``aliases`` full pages of aanbieders, each on its own peildatum, with their bestuur,
    provenance and first locaties: 1,502 objects each."""
    fields = (
        "totalCount edges { node { code naam denominatie sectoren herkomst { bron afgeleid } "
        "onderwijsbestuur { code naam herkomst { afgeleid } } "
        "onderwijslocaties(first: 3) { edges { node { code adres { straatnaam postcode "
        "plaatsnaam } } } } } }"
    )
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=7 * i) for i in range(aliases)]
    return (
        "{ "
        + " ".join(
            f'a{i}: onderwijsaanbieders(first: 100, peildatum: "{day}") {{ {fields} }}'
            for i, day in enumerate(days)
        )
        + " }"
    )


ALLOWED = most_expensive(DEFAULT_BUDGET // 1502)
SLOW = most_expensive(30)


@pytest.fixture
async def hurried(seeded: Target) -> AsyncIterator[Api]:
    """The API with a deadline of 0.3 s and no cost limit."""
    async with serving(seeded, request_deadline=0.3, cost_budget=10**12) as api:
        yield api


async def test_a_request_past_its_deadline_is_stopped_and_the_next_one_runs(
    hurried: Api, seeded: Target
) -> None:
    started = time.perf_counter()
    error = await hurried.error(SLOW)  # compiled and field by field alike
    took = time.perf_counter() - started
    assert error["extensions"] == {"code": "DEADLINE_EXCEEDED", "deadline": 0.3}
    assert error["message"].startswith("the request took longer than 0.3 s and was stopped")
    # both answers came soon after the deadline: the statements were stopped, not waited for
    assert took < 2 * (0.3 + 1.0)
    assert await hurried.data("{ meta { versie } }")
    if seeded.url.startswith("postgresql"):
        assert await _running_statements(seeded) == 0


async def _running_statements(target: Target) -> int:
    """Statements of the API still running in PostgreSQL (after a moment to stop)."""
    engine = target.engine()
    try:
        await asyncio.sleep(0.5)
        async with engine.connect() as connection:
            found: int = await connection.scalar(
                text(
                    "select count(*) from pg_stat_activity where state = 'active' "
                    "and pid <> pg_backend_pid() and query like 'SELECT%onderwijsaanbieder%'"
                )
            )
            return found
    finally:
        await engine.dispose()


async def test_health_and_small_queries_answer_while_the_most_expensive_query_runs(
    seeded: Target,
) -> None:
    settings = Settings(
        database_url=seeded.url,
        database_schema=seeded.schema,
        seed_data_dir=DATA_DIR,
        query_compiler=False,  # field by field: the slowest way to answer
        response_cache_mb=0,
    )
    with live(create_app(settings)) as url:
        async with (
            httpx.AsyncClient(base_url=url, timeout=30) as heavy_client,
            httpx.AsyncClient(base_url=url, timeout=30) as client,
        ):
            assert (await client.get("/health")).status_code == 200  # started and warm
            heavy = asyncio.create_task(heavy_client.post("/graphql", json={"query": ALLOWED}))
            await asyncio.sleep(0.05)  # its request is on its way
            waits = []  # of the rounds asked while it was running
            while not heavy.done():
                started = time.perf_counter()
                health = await client.get("/health")
                small = await client.post("/graphql", json={"query": "{ meta { versie } }"})
                waits.append(time.perf_counter() - started)
                assert health.status_code == 200
                assert "errors" not in small.json()
            answer = await heavy
    assert waits, "the expensive query ended before the others were asked"
    assert answer.status_code == 200
    body = answer.json()
    assert "errors" not in body
    assert body["extensions"]["cost"]["requested"] <= DEFAULT_BUDGET
    assert max(waits) < 1.0, waits
