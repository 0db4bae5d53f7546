"""The controlescherm ``/besturen/<code>`` in a real headless browser (Debian's Chromium).

The largest bestuur of the seeded register (990B440, 96 aanbieders: several pages) is drawn; the
nodes are compared with its rows read straight from the database, the findings listed with what
``controle`` answers over HTTP, with and without a bestuur token. A screenshot is kept in
tests/artifacts/.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Page, async_playwright
from sqlalchemy import select

from onderwijsgraaf.app import create_app
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Onderwijsaanbieder,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
)
from onderwijsgraaf.devkeys import JWKS, mint
from onderwijsgraaf.peildatum import vandaag
from onderwijsgraaf.settings import ROOT, Settings
from tests.conftest import DATA_DIR, Target, valid_on
from tests.live import live

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
BESTUUR = "990B440"  # 96 aanbieders, public and private (C21) findings
ANDER = "107B489"
ISSUER, AUDIENCE = "https://idp.test", "onderwijsgraaf"
CONTROLE = """query($b: String!, $after: String) { controle(onderwijsbestuurCode: $b, first: 100,
  after: $after) { pageInfo { hasNextPage endCursor } edges { node { regel objecttype objectcode } } } }"""


@pytest.fixture(scope="module")
def server(seeded_sqlite: Target, dev_keys: Path) -> Iterator[str]:
    """The real app over TCP, accepting tokens signed with ``dev_keys``; yields its base URL."""
    app = create_app(
        Settings(
            database_url=seeded_sqlite.url,
            database_schema=seeded_sqlite.schema,
            seed_data_dir=DATA_DIR,
            auth_jwks=str(dev_keys / JWKS),
            auth_issuer=ISSUER,
            auth_audience=AUDIENCE,
        )
    )
    with live(app) as url:
        yield url


@pytest.fixture
async def page() -> AsyncIterator[Page]:
    assert shutil.which(CHROMIUM), (
        f"{CHROMIUM} is missing: apt-get install chromium (make test does)"
    )
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = await browser.new_page(viewport={"width": 1400, "height": 900})
        yield page
        await browser.close()


def token(dev_keys: Path, role: str) -> str:
    return mint(
        dev_keys, roles=[role], subject="tester", lifetime=300, issuer=ISSUER, audience=AUDIENCE
    )


async def expected_nodes(target: Target, bestuur: str) -> set[str]:
    """The node ids the diagram must draw, from today's valid rows read straight from the
    database: bestuur, its aanbieders, ``<aanbieder>/<locatie>`` per gebruik and per locatie of
    an aanbod, and the aanbod codes."""
    today = vandaag()
    engine = target.engine()
    async with engine.connect() as conn:
        aanbieders = {
            r.code
            for r in await conn.execute(select(Onderwijsaanbieder.__table__))
            if valid_on(r, today) and r.onderwijsbestuur_code == bestuur
        }
        locaties = {
            r.code
            for r in await conn.execute(select(Onderwijslocatie.__table__))
            if valid_on(r, today)
        }
        gebruik = [
            r
            for r in await conn.execute(select(Onderwijslocatiegebruik.__table__))
            if valid_on(r, today) and r.onderwijsaanbieder_code in aanbieders
        ]
        aanbod = [
            r
            for r in await conn.execute(select(AangebodenOpleiding.__table__))
            if valid_on(r, today) and r.onderwijsaanbieder_code in aanbieders
        ]
    await engine.dispose()
    nodes = {bestuur} | aanbieders | {a.code for a in aanbod}
    nodes |= {
        f"{g.onderwijsaanbieder_code}/{g.onderwijslocatie_code}"
        for g in gebruik
        if g.onderwijslocatie_code in locaties
    }
    nodes |= {
        f"{a.onderwijsaanbieder_code}/{a.onderwijslocatie_code}"
        for a in aanbod
        if a.onderwijslocatie_code in locaties
    }
    return nodes


async def controle(server: str, bestuur: str, bearer: str | None) -> list[tuple[str, str, str]]:
    """Every finding ``controle`` answers over HTTP, all pages."""
    headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
    found: list[tuple[str, str, str]] = []
    after = None
    async with httpx.AsyncClient(base_url=server, headers=headers) as client:
        while True:
            response = await client.post(
                "/graphql", json={"query": CONTROLE, "variables": {"b": bestuur, "after": after}}
            )
            conn = response.json()["data"]["controle"]
            found += [
                (e["node"]["regel"], e["node"]["objecttype"], e["node"]["objectcode"])
                for e in conn["edges"]
            ]
            if not conn["pageInfo"]["hasNextPage"]:
                return found
            after = conn["pageInfo"]["endCursor"]


async def shown(page: Page) -> list[tuple[str, str, str]]:
    await page.wait_for_selector("body:is([data-status=klaar], [data-status=fout])", timeout=60000)
    assert await page.get_attribute("body", "data-status") == "klaar", await page.inner_text(
        "#melding"
    )
    items: list[dict[str, str]] = await page.eval_on_selector_all(
        "#bevindingen li",
        "els => els.map(e => ({r: e.dataset.regel, t: e.dataset.objecttype,"
        " c: e.dataset.objectcode}))",
    )
    assert await page.get_attribute("#diagram", "data-bevindingen") == str(len(items))
    return [(i["r"], i["t"], i["c"]) for i in items]


async def with_token(page: Page, bearer: str) -> list[tuple[str, str, str]]:
    await page.fill("#token", bearer)
    await page.click("#aanmelden button[type=submit]")
    await page.wait_for_selector("#diagram[data-token=ja][data-status=klaar]", timeout=60000)
    return await shown(page)


async def test_the_diagram_and_findings_of_a_bestuur(
    server: str, page: Page, seeded_sqlite: Target, dev_keys: Path
) -> None:
    await page.goto(f"{server}/besturen/{BESTUUR.lower()}")
    public = await shown(page)
    assert public == await controle(server, BESTUUR, None)
    assert public
    assert all(r != "C21" for r, _, _ in public)

    nodes = await expected_nodes(seeded_sqlite, BESTUUR)
    drawn: list[str] = await page.evaluate("controlediagram.nodes().map(n => n.id())")
    assert set(drawn) == nodes
    assert len(drawn) == len(nodes)
    assert await page.get_attribute("#diagram", "data-knopen") == str(len(nodes))

    # a finding on a locatiegebruik (<aanbieder>/<locatie>): its node is selected
    gebruik = [i for i, f in enumerate(public) if f[1] == "Onderwijslocatiegebruik"]
    assert gebruik, f"no locatiegebruik finding for {BESTUUR}: {public}"
    index = gebruik[0]
    objectcode = public[index][2]
    assert objectcode in nodes
    await page.locator("#bevindingen li").nth(index).click()
    selected: list[str] = await page.evaluate("controlediagram.$('node:selected').map(n => n.id())")
    assert selected == [objectcode]
    assert await page.get_attribute("#diagram", "data-geselecteerd") == objectcode
    ernst: Any = await page.evaluate(
        f"controlediagram.getElementById({objectcode!r}).data('ernst')"
    )
    assert ernst in ("FOUT", "WAARSCHUWING", "INFO")
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=ARTIFACTS / f"controlescherm-{BESTUUR}.png")

    # another bestuur's token: no private findings
    assert await with_token(page, token(dev_keys, f"bestuur:{ANDER}")) == public
    # the bestuur's own token: C21 too, as controle answers it
    eigen = token(dev_keys, f"bestuur:{BESTUUR}")
    private = await with_token(page, eigen)
    assert private == await controle(server, BESTUUR, eigen)
    assert any(r == "C21" for r, _, _ in private)
    assert set(public) < set(private)

    # a token that is not accepted: dropped, the public findings stay, and the page says so
    await page.fill("#token", "geen-token")
    await page.click("#aanmelden button[type=submit]")
    await page.wait_for_selector("#diagram[data-token=nee][data-status=klaar]", timeout=60000)
    assert await shown(page) == public
    assert "geeft geen toegang" in await page.inner_text("#melding")
    assert await page.evaluate("sessionStorage.length") == 0


async def test_bad_url_parts_are_named(server: str) -> None:
    async with httpx.AsyncClient(base_url=server) as client:
        response = await client.get("/besturen/990X440")
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/plain")
        assert "'990X440'" in response.text
        response = await client.get(f"/besturen/{BESTUUR}?peildatum=2026-13-01")
        assert response.status_code == 400
        assert "peildatum: '2026-13-01'" in response.text
        response = await client.get(f"/besturen/{BESTUUR}?peildatum=2026-10-01")
        assert response.status_code == 200
        assert '"peildatum": "2026-10-01"' in response.text
