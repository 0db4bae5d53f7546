"""The response cache: whole answers kept per operation, roles, data version and day; a hit
runs no statement, a new data version empties it, and it stays within its memory budget."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from onderwijsgraaf.auth import ANONYMOUS, Viewer
from onderwijsgraaf.response_cache import OVERHEAD, Answer, ResponseCache
from tests.conftest import Api, Target, serving

QUERY = '{ onderwijsaanbieders(first: 3, filter: {gemeentecode: ["0344"]}) { totalCount edges { node { code } } } }'
TODAY = dt.date(2026, 11, 30)


async def test_the_same_question_again_is_answered_without_the_database(api: Api) -> None:
    first, statements = await api.counted(QUERY)
    assert statements == 1
    again, statements = await api.counted(QUERY)
    assert (again, statements) == (first, 0)
    _, statements = await api.counted(QUERY, {"other": "variables"})
    assert statements == 1, "other variables are another question"


async def test_answers_with_errors_are_not_kept(sqlite_api: Api) -> None:
    query = '{ a: onderwijsaanbieders(first: 1) { totalCount } b: onderwijsaanbieder(code: "bad") { naam } }'
    for _ in range(2):
        body = await sqlite_api.post(query)
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    sqlite_api.statements.clear()
    await sqlite_api.post(query)
    assert sqlite_api.statements, "the answer with an error was not kept, so it ran again"


async def test_a_new_data_version_empties_the_cache(seeded_sqlite: Target, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(make_url(seeded_sqlite.url).database or "", copy)
    target = Target("sqlite", f"sqlite+aiosqlite:///{copy}", "onderwijsgraaf")
    async with serving(target, data_version_ttl=0) as api:
        await api.post(QUERY)
        cache = api.cache
        assert cache is not None
        assert len(cache) == 1
        with sqlite3.connect(copy) as conn:
            conn.execute("UPDATE gegevensversie SET versie = 'a-new-seed'")
        _, statements = await api.counted(QUERY)
        # with DATA_VERSION_TTL=0 the response cache and the compiler each read the version
        assert statements == 4, "the version twice, the new gemeenten and provincies, the query"
        assert cache.version is not None
        assert cache.version.startswith("a-new-seed-")  # the version, and when it was loaded
        assert len(cache) == 1


async def test_the_cache_can_be_off(seeded_sqlite: Target) -> None:
    async with serving(seeded_sqlite, response_cache_mb=0) as api:
        assert api.cache is None
        await api.post(QUERY)
        _, statements = await api.counted(QUERY)
        assert statements == 1


def test_the_least_recently_used_answers_go_first_within_the_budget() -> None:
    cache = ResponseCache(max_bytes=3 * (100 + OVERHEAD))
    keys = [ResponseCache.key(["q", n], ANONYMOUS, TODAY) for n in range(4)]
    assert None not in keys
    a, b, c, d = (key for key in keys if key is not None)
    for key in (a, b, c):
        cache.put(key, "v1", Answer(b"x" * 100))
    assert cache.get(a, "v1") is not None  # a is now the most recently used
    cache.put(d, "v1", Answer(b"x" * 100))
    assert cache.get(b, "v1") is None
    assert all(cache.get(key, "v1") is not None for key in (a, c, d))
    assert cache.bytes == 3 * (100 + OVERHEAD) <= cache.max_bytes
    cache.put(a, "v1", Answer(b"x" * 10_000))  # larger than the whole budget: not kept
    assert cache.bytes <= cache.max_bytes
    assert cache.get(d, "v2") is None
    assert len(cache) == 0


def test_the_key_holds_the_roles_not_the_person() -> None:
    inspectie = Viewer(subject="a", roles=("inspectie", "duo"))
    same_roles = Viewer(subject="b", roles=("duo", "inspectie"))
    gemeente = Viewer(subject="a", roles=("gemeente:0363",))
    key = ResponseCache.key(["q"], inspectie, TODAY)
    assert key == ResponseCache.key(["q"], same_roles, TODAY)
    assert key != ResponseCache.key(["q"], gemeente, TODAY)
    assert key != ResponseCache.key(["q"], ANONYMOUS, TODAY)
    assert key != ResponseCache.key(["q"], inspectie, TODAY + dt.timedelta(days=1))


def test_each_bestuur_has_keys_of_its_own() -> None:
    a = ResponseCache.key(["q"], Viewer(subject="x", roles=("bestuur:100B490",)), TODAY)
    assert a == ResponseCache.key(["q"], Viewer(subject="y", roles=("bestuur:100B490",)), TODAY)
    for roles in [
        ("bestuur:107B489",),
        ("bestuur:100B490", "bestuur:107B489"),
        ("bestuur:100B490", "duo"),
        ("inspectie",),
        (),
    ]:
        assert a != ResponseCache.key(["q"], Viewer(subject="x", roles=roles), TODAY), roles


async def test_an_anonymous_answer_is_sent_again_whole_at_the_door(sqlite_api: Api) -> None:
    for method in ("GET", "POST"):
        params = {"query": QUERY} if method == "GET" else None
        body = {"query": QUERY} if method == "POST" else None
        first = await sqlite_api.client.request(method, "/graphql", params=params, json=body)
        sqlite_api.statements.clear()
        again = await sqlite_api.client.request(method, "/graphql", params=params, json=body)
        assert sqlite_api.statements == [], f"{method}: kept at the door"
        assert (again.status_code, again.headers.raw, again.content) == (
            first.status_code,
            first.headers.raw,
            first.content,
        )


async def test_a_caller_with_a_token_or_a_revalidation_passes_the_door(sqlite_api: Api) -> None:
    first = await sqlite_api.client.get("/graphql", params={"query": QUERY})
    revalidated = await sqlite_api.client.get(
        "/graphql", params={"query": QUERY}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert revalidated.status_code == 304
    refused = await sqlite_api.client.get(
        "/graphql", params={"query": QUERY}, headers={"Authorization": "Bearer not-a-token"}
    )
    assert refused.status_code == 401, "the token is checked, not answered from the door"
