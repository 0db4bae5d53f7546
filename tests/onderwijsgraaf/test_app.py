"""End to end through the real ASGI app over HTTP (httpx ASGITransport), on both databases."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from onderwijsgraaf.app import create_app
from onderwijsgraaf.db.models import Bron, Gegevensversie
from onderwijsgraaf.settings import Settings
from tests.conftest import DATA_DIR, LATEST, Target

META = "{ meta { bijgewerktOp licentie afgeleid bronnen { code uitgever licentie sha256 peildatum rijen } } }"


@pytest.fixture
async def client(seeded: Target) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(
        Settings(database_url=seeded.url, database_schema=seeded.schema, seed_data_dir=DATA_DIR)
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_meta_lists_every_source_as_stored(client: httpx.AsyncClient, seeded: Target) -> None:
    response = await client.post("/graphql", json={"query": META})
    assert response.status_code == 200
    meta = response.json()["data"]["meta"]
    engine = seeded.engine()
    async with engine.connect() as conn:
        stored = {row.code: row for row in await conn.execute(select(Bron))}
    await engine.dispose()
    assert {b["code"]: (b["sha256"], b["rijen"]) for b in meta["bronnen"]} == {
        code: (row.sha256, row.rijen) for code, row in stored.items()
    }
    assert meta["bijgewerktOp"] == max(row.peildatum for row in stored.values()).isoformat()
    for attribution in ("Bron: DUO", "Bron: CBS", "GeoNames"):
        assert attribution in meta["licentie"]
    assert "afgeleid" in meta["afgeleid"]


async def test_queries_work_over_get(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ meta { bronnen { code } } }"})
    assert response.status_code == 200
    assert {"code": "duo-ho-opleidingsoverzicht"} in response.json()["data"]["meta"]["bronnen"]


async def test_graphiql_is_served_with_its_scripts_and_the_example(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "query ScholenInMijnGemeente" in response.text
    for script in ("react.production.min.js", "react-dom.production.min.js", "graphiql.min.js"):
        assert f'src="/static/graphiql/{script}"' in response.text
        asset = await client.get(f"/static/graphiql/{script}")
        assert asset.status_code == 200
        assert len(asset.content) > 10_000
    assert "unpkg.com" not in response.text


async def test_health_reports_the_schema_revision(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "revision": LATEST}


async def test_health_fails_without_a_database(tmp_path: Path) -> None:
    absent = tmp_path / "no such folder" / "x.sqlite"
    app = create_app(
        Settings(
            database_url=f"sqlite+aiosqlite:///{absent}",
            database_schema="x",
            seed_data_dir=DATA_DIR,
        )
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/health")
    assert response.status_code == 503
    assert response.json()["status"] == "database unavailable"
    assert not absent.parent.exists()


async def test_meta_shows_the_version_of_the_data(
    client: httpx.AsyncClient, seeded: Target
) -> None:
    response = await client.post("/graphql", json={"query": "{ meta { versie } }"})
    engine = seeded.engine()
    async with engine.connect() as conn:
        stored = await conn.scalar(select(Gegevensversie.versie))
    await engine.dispose()
    assert stored is not None
    assert len(stored) == 64
    assert response.json()["data"] == {"meta": {"versie": stored}}


@pytest.mark.parametrize(
    ("method", "path", "status", "message"),
    [
        ("POST", "/export/onderwijsbesturen.csv", 405, "takes GET, HEAD, not POST"),
        ("DELETE", "/wijzigingen.jsonl", 405, "takes GET, HEAD, not DELETE"),
        ("PUT", "/health", 405, "takes GET, HEAD, not PUT"),
        ("GET", "/bestaat-niet", 404, "nothing is served at /bestaat-niet"),
        ("GET", "/static/bestaat-niet.js", 404, "nothing is served at /static/bestaat-niet.js"),
    ],
)
async def test_a_path_or_method_not_served_gets_the_json_error_answer(
    client: httpx.AsyncClient, method: str, path: str, status: int, message: str
) -> None:
    response = await client.request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"] == "no-store"
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert error["message"] == f"{path} {message}" if status == 405 else message
    if status == 405:
        assert response.headers["allow"] == "GET, HEAD"
