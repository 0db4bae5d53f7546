"""HTTP caching of GET reads and CORS, through the real ASGI app."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from onderwijsgraaf import caching
from tests.conftest import Api, Target, serving

QUERY = '{ onderwijsaanbieders(filter: {gemeentecode: ["0344"]}, first: 3) { totalCount edges { node { code naam } } } }'
PARAMS = {"query": QUERY}


async def test_an_anonymous_get_is_cacheable_and_revalidates_with_304(api: Api) -> None:
    first = await api.client.get("/graphql", params=PARAMS)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=300"
    assert "Authorization" in first.headers["vary"]
    again = await api.client.get("/graphql", params=PARAMS)
    assert again.headers["etag"] == etag
    assert again.json() == first.json()

    api.statements.clear()
    revalidated = await api.client.get("/graphql", params=PARAMS, headers={"If-None-Match": etag})
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated.headers["etag"] == etag
    assert revalidated.headers["cache-control"] == "public, max-age=300"
    # the data version was read by the first request (at most once a second), the query not at all
    assert api.statements == []

    listed = await api.client.get(
        "/graphql", params=PARAMS, headers={"If-None-Match": f'"other", W/{etag}'}
    )
    assert listed.status_code == 304
    stale = await api.client.get("/graphql", params=PARAMS, headers={"If-None-Match": '"other"'})
    assert stale.status_code == 200
    assert stale.json() == first.json()


async def test_the_etag_follows_the_operation_and_nothing_else(sqlite_api: Api) -> None:
    variables = "query($c: [String!]) { onderwijslocaties(filter: {gemeentecode: $c}, first: 1) { totalCount } }"

    async def etag(**params: str) -> str:
        response = await sqlite_api.client.get(
            "/graphql", params=params, headers={"Origin": "https://example.org", "Cookie": "x=1"}
        )
        assert response.status_code == 200, response.text
        return response.headers["etag"]

    utrecht = await etag(query=variables, variables='{"c": ["0344"]}')
    assert utrecht == await etag(query=variables, variables='{"c": ["0344"]}')
    assert utrecht != await etag(query=variables, variables='{"c": ["0363"]}')
    assert utrecht != await etag(query=QUERY)


async def test_the_etag_changes_when_the_data_or_the_date_changes(
    seeded_sqlite: Target, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = Path(make_url(seeded_sqlite.url).database or "")
    copy = tmp_path / "copy.sqlite"
    shutil.copy(database, copy)
    target = Target("sqlite", f"sqlite+aiosqlite:///{copy}", "onderwijsgraaf")
    # with DATA_VERSION_TTL 0 every request reads the data version again
    async with serving(target, data_version_ttl=0) as api:
        etag = (await api.client.get("/graphql", params=PARAMS)).headers["etag"]
        with sqlite3.connect(copy) as conn:
            conn.execute("UPDATE gegevensversie SET versie = 'a-new-seed'")
        after_seed = await api.client.get(
            "/graphql", params=PARAMS, headers={"If-None-Match": etag}
        )
        assert after_seed.status_code == 200
        assert after_seed.headers["etag"] != etag
        tomorrow = dt.date.today() + dt.timedelta(days=1)
        monkeypatch.setattr(caching, "vandaag", lambda: tomorrow)
        next_day = await api.client.get("/graphql", params=PARAMS)
        assert next_day.headers["etag"] not in {etag, after_seed.headers["etag"]}
        with sqlite3.connect(copy) as conn:
            conn.execute("DELETE FROM gegevensversie")
        unversioned = await api.client.get("/graphql", params=PARAMS)
        assert unversioned.status_code == 200
        assert "etag" not in unversioned.headers
        assert unversioned.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "params",
    [
        {"query": "{ onderwijsaanbieders(first: 500) { totalCount } }"},  # an error
        {"query": "{ nietBestaand }"},  # invalid
    ],
)
async def test_answers_with_errors_are_not_stored(sqlite_api: Api, params: dict[str, str]) -> None:
    response = await sqlite_api.client.get("/graphql", params=params)
    assert "errors" in response.json()
    assert response.headers["cache-control"] == "no-store"
    assert "etag" not in response.headers


async def test_posts_are_not_stored(sqlite_api: Api) -> None:
    response = await sqlite_api.client.post("/graphql", json={"query": QUERY})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert "etag" not in response.headers


async def test_cors_is_open_for_reads(sqlite_api: Api) -> None:
    origin = {"Origin": "https://www.scholenopdekaart.nl"}
    preflight = await sqlite_api.client.options(
        "/graphql",
        headers={
            **origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization, if-none-match",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "GET" in preflight.headers["access-control-allow-methods"]
    allowed = preflight.headers["access-control-allow-headers"].lower()
    assert "authorization" in allowed
    assert "if-none-match" in allowed
    read = await sqlite_api.client.get("/graphql", params=PARAMS, headers=origin)
    assert read.headers["access-control-allow-origin"] == "*"
    assert (
        read.headers["access-control-expose-headers"]
        == "ETag, Repr-Digest, Content-Disposition, RateLimit, RateLimit-Policy, Retry-After"
    )
    # the same headers without an Origin, so shared caches need not vary by it
    plain = await sqlite_api.client.get("/graphql", params=PARAMS)
    assert plain.headers["access-control-allow-origin"] == "*"
    assert read.headers["vary"] == plain.headers["vary"] == "Accept, Authorization"


async def test_cors_origins_can_be_limited(seeded_sqlite: Target) -> None:
    async with serving(seeded_sqlite, cors_origins=("https://gemeente.example",)) as api:
        mine = await api.client.get(
            "/graphql", params=PARAMS, headers={"Origin": "https://gemeente.example"}
        )
        assert mine.headers["access-control-allow-origin"] == "https://gemeente.example"
        assert "Origin" in mine.headers["vary"]
        other = await api.client.get(
            "/graphql", params=PARAMS, headers={"Origin": "https://elders.example"}
        )
        assert "access-control-allow-origin" not in other.headers
