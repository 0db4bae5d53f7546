"""The toezichtrapport page in a real headless browser (Debian's Chromium): it asks for a token,
refuses one without role inspectie, shows every object van toezicht of a real bestuur with its
pupil counts and a drawn chart, downloads the same CSV, and prints to an A4 PDF. The screenshot
and the PDF are kept in tests/artifacts/."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Page, async_playwright

from onderwijsgraaf.app import create_app
from onderwijsgraaf.devkeys import JWKS, mint
from onderwijsgraaf.settings import ROOT, Settings
from tests.conftest import DATA_DIR, Target
from tests.live import live
from tests.schema.test_private import AUDIENCE, ISSUER
from tests.schema.test_toezichtrapport import RAPPORT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
PO = "906B194"
P = "2025-11-01"


@pytest.fixture(scope="module")
def server(seeded_sqlite: Target, dev_keys: Path) -> Iterator[str]:
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


def token(dev_keys: Path, role: str) -> str:
    return mint(dev_keys, roles=[role], subject="t", lifetime=300, issuer=ISSUER, audience=AUDIENCE)


@pytest.fixture
async def page() -> AsyncIterator[Page]:
    assert shutil.which(CHROMIUM), f"{CHROMIUM} is missing: apt-get install chromium"
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = await browser.new_context(
            viewport={"width": 1000, "height": 1200}, accept_downloads=True
        )
        yield await context.new_page()
        await browser.close()


async def sign_in(page: Page, value: str, status: str) -> None:
    await page.fill("#token", value)
    await page.click("#aanmelden button[type=submit]")
    await page.wait_for_selector(f"body[data-status={status}]")


async def the_report(server: str, bearer: str) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=server) as client:
        answer = await client.post(
            "/graphql",
            json={"query": RAPPORT, "variables": {"b": PO, "p": P}},
            headers={"Authorization": f"Bearer {bearer}"},
        )
    found: dict[str, Any] = answer.json()["data"]["toezichtrapport"]
    return found


async def test_the_report_page_shows_prints_and_downloads_a_bestuurs_report(
    server: str, page: Page, dev_keys: Path
) -> None:
    inspectie = token(dev_keys, "inspectie")
    expected = await the_report(server, inspectie)
    with_counts = [o for o in expected["objecten"] if o["leerlingaantallen"]]
    assert len(with_counts) >= 2

    await page.goto(f"{server}/rapporten/toezicht/{PO}?peildatum={P}")
    await page.wait_for_selector("body[data-status=aanmelden]")
    assert await page.is_visible("#token")

    await sign_in(page, token(dev_keys, "duo"), "aanmelden")
    assert "rol inspectie" in (await page.text_content("#melding") or "")

    await sign_in(page, inspectie, "klaar")
    assert await page.get_attribute("body", "data-objecten") == str(len(expected["objecten"]))
    sections = page.locator("section.object")
    assert [
        await sections.nth(i).get_attribute("data-code") for i in range(await sections.count())
    ] == [o["code"] for o in expected["objecten"]]
    for obj in with_counts:
        section = page.locator(f'section.object[data-code="{obj["code"]}"]')
        cells = await section.locator("tbody tr td:nth-child(2)").all_text_contents()
        assert [c.replace(".", "") for c in cells] == [
            str(t["aantal"]) for t in obj["leerlingaantallen"]
        ]
        # the chart is drawn: Chart.js holds the series, and the canvas has ink on it
        points = await section.evaluate(
            "s => Chart.getChart(s.querySelector('canvas')).data.datasets[0].data"
        )
        assert points == [t["aantal"] for t in reversed(obj["leerlingaantallen"])]
        ink = await section.evaluate(
            """s => { const c = s.querySelector('canvas');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""
        )
        assert ink > 500, obj["code"]
    assert await page.get_attribute("body", "data-grafieken") == str(len(with_counts))

    async with page.expect_download() as download:
        await page.click("#csv")
    saved = (await (await download.value).path()).read_bytes()
    async with httpx.AsyncClient(base_url=server) as client:
        direct = await client.get(
            f"/rapporten/toezicht/{PO}.csv",
            params={"peildatum": P},
            headers={"Authorization": f"Bearer {inspectie}"},
        )
    assert saved == direct.content
    assert (await download.value).suggested_filename == f"toezichtrapport-{PO}-{P}.csv"

    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"toezichtrapport-{PO}.png"), full_page=True)
    await page.emulate_media(media="print")
    assert not await page.is_visible("#acties")
    pdf = ARTIFACTS / f"toezichtrapport-{PO}.pdf"
    await page.pdf(path=str(pdf), format="A4", print_background=True)
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF")
    assert len(content) > 20_000
    assert b"/MediaBox [0 0 595" in content  # A4: 595 by 842 points


async def test_the_token_stays_in_the_tab(server: str, page: Page, dev_keys: Path) -> None:
    await page.goto(f"{server}/rapporten/toezicht/{PO}?peildatum={P}")
    await page.wait_for_selector("body[data-status=aanmelden]")
    await sign_in(page, token(dev_keys, "inspectie"), "klaar")
    await page.reload()
    await page.wait_for_selector("body[data-status=klaar]")
    assert await page.evaluate("localStorage.length") == 0
    other = await page.context.new_page()
    await other.goto(f"{server}/rapporten/toezicht/{PO}?peildatum={P}")
    await other.wait_for_selector("body[data-status=aanmelden]")
