"""Rate limits per client through the real app over HTTP: the IETF draft's RateLimit fields on
every counted answer, 429 RATE_LIMITED with Retry-After over the limit, one client's use never
counted against another, exact counts under concurrent requests, and a new window that resets
the count."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import httpx
import pytest

from onderwijsgraaf.app import create_app
from onderwijsgraaf.ratelimit import parse_rate
from onderwijsgraaf.settings import Settings
from tests.conftest import DATA_DIR, Target

QUERY = {"query": "{ meta { licentie } }"}
FIELD = re.compile(r'^"client";r=(\d+);t=(\d+)$')


@asynccontextmanager
async def limited(
    target: Target, rate: str, clients: tuple[str, ...] = ("10.0.0.1",), cache_mb: float = 0
) -> AsyncIterator[list[httpx.AsyncClient]]:
    """One app limited to ``rate``, with an HTTP client per IP address in ``clients``."""
    app = create_app(
        Settings(
            database_url=target.url,
            database_schema=target.schema,
            seed_data_dir=DATA_DIR,
            rate_limit=rate,
            response_cache_mb=cache_mb,
        )
    )
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(app.router.lifespan_context(app))
        yield [
            await stack.enter_async_context(
                httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=app, client=(ip, 4000)),
                    base_url="http://test",
                )
            )
            for ip in clients
        ]


def remaining(response: httpx.Response) -> int:
    found = FIELD.match(response.headers["ratelimit"])
    assert found, response.headers["ratelimit"]
    assert 0 <= int(found[2]) <= 60
    return int(found[1])


async def test_each_answer_says_the_policy_and_what_remains(seeded_sqlite: Target) -> None:
    async with limited(seeded_sqlite, "3/minute") as (client,):
        answers = [await client.post("/graphql", json=QUERY) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert {a.headers["ratelimit-policy"] for a in answers} == {'"client";q=3;w=60'}
    assert [remaining(a) for a in answers] == [2, 1, 0]


async def test_over_the_limit_is_429_rate_limited_with_retry_after(
    seeded_sqlite: Target,
) -> None:
    async with limited(seeded_sqlite, "2/minute") as (client,):
        for _ in range(2):
            assert (await client.post("/graphql", json=QUERY)).status_code == 200
        refused = await client.post("/graphql", json=QUERY)
        over_get = await client.get("/graphql", params=QUERY)
    assert refused.status_code == 429
    error = refused.json()["errors"][0]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert "more than 2 requests per 60 s" in error["message"]
    retry = int(refused.headers["retry-after"])
    assert 0 <= retry <= 60
    assert error["extensions"]["retryAfter"] == retry
    assert remaining(refused) == 0
    assert refused.headers["cache-control"] == "no-store"
    assert refused.headers["access-control-allow-origin"] == "*"
    assert "Retry-After" in refused.headers["access-control-expose-headers"]
    assert over_get.status_code == 429, "GET and POST share the client's count"


async def test_answers_from_the_response_cache_are_counted_too(seeded_sqlite: Target) -> None:
    async with limited(seeded_sqlite, "2/minute", cache_mb=8) as (client,):
        answers = [await client.get("/graphql", params=QUERY) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    # the second answer came from the cache, with its own count, not the first one's
    assert [remaining(a) for a in answers] == [1, 0, 0]


async def test_one_clients_use_is_not_counted_against_another(seeded_sqlite: Target) -> None:
    async with limited(seeded_sqlite, "1/minute", ("10.0.0.1", "10.0.0.2")) as (a, b):
        assert (await a.post("/graphql", json=QUERY)).status_code == 200
        assert (await a.post("/graphql", json=QUERY)).status_code == 429
        assert (await b.post("/graphql", json=QUERY)).status_code == 200
        # a bearer token is its own client, whatever its address (the token is refused: 401,
        # but counted for that token, not for the address)
        with_token = await a.post(
            "/graphql", json=QUERY, headers={"Authorization": "Bearer garbage"}
        )
        assert with_token.status_code == 401
        assert remaining(with_token) == 0
        again = await a.post("/graphql", json=QUERY, headers={"Authorization": "Bearer garbage"})
        assert again.status_code == 429


async def test_the_limit_holds_exactly_under_concurrent_clients(seeded_sqlite: Target) -> None:
    clients = tuple(f"10.0.1.{i}" for i in range(4))
    async with limited(seeded_sqlite, "5/minute", clients) as http:
        answers = await asyncio.gather(
            *(client.post("/graphql", json=QUERY) for client in http for _ in range(8))
        )
    per_client = [answers[i * 8 : (i + 1) * 8] for i in range(len(clients))]
    for answered in per_client:
        assert sorted(a.status_code for a in answered) == [200] * 5 + [429] * 3


async def test_a_new_window_resets_the_count(seeded_sqlite: Target) -> None:
    async with limited(seeded_sqlite, "2/second") as (client,):
        statuses = [(await client.post("/graphql", json=QUERY)).status_code for _ in range(3)]
        assert statuses[-1] == 429
        await asyncio.sleep(1.1)
        assert (await client.post("/graphql", json=QUERY)).status_code == 200


async def test_health_static_and_preflights_are_not_counted(seeded_sqlite: Target) -> None:
    async with limited(seeded_sqlite, "1/minute") as (client,):
        for _ in range(3):
            assert (await client.get("/health")).status_code == 200
            assert (await client.get("/static/kaart/kaart.css")).status_code == 200
            preflight = await client.options(
                "/graphql",
                headers={
                    "Origin": "https://example.org",
                    "Access-Control-Request-Method": "POST",
                },
            )
            assert preflight.status_code == 200
            assert "ratelimit" not in preflight.headers
        assert (await client.post("/graphql", json=QUERY)).status_code == 200
        assert (await client.post("/graphql", json=QUERY)).status_code == 429


def test_a_rate_that_is_not_one_is_refused_at_start_up_by_name() -> None:
    assert parse_rate("") is None
    assert parse_rate("0") is None
    with pytest.raises(ValueError, match=r"RATE_LIMIT: 'lots' is not a rate"):
        parse_rate("lots")
