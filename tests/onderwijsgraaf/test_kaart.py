"""The /kaart page in a real headless browser (Debian's Chromium): markers and popups.

The app runs under uvicorn on a free port; tile requests are refused, as on a machine without
internet, and the markers must show all the same. A screenshot is kept in tests/artifacts/.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from playwright.async_api import Page, async_playwright
from sqlalchemy import select

from onderwijsgraaf.app import create_app
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Onderwijsaanbieder,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Postcodegebied,
)
from onderwijsgraaf.peildatum import vandaag
from onderwijsgraaf.settings import ROOT, Settings
from tests.conftest import DATA_DIR, Target, valid_on
from tests.live import live
from tests.vincenty import vincenty_km

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def server(seeded_sqlite: Target) -> Iterator[str]:
    """The real app over TCP; yields its base URL."""
    app = create_app(
        Settings(
            database_url=seeded_sqlite.url,
            database_schema=seeded_sqlite.schema,
            seed_data_dir=DATA_DIR,
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
        page = await browser.new_page(viewport={"width": 1000, "height": 700})
        # no internet for map tiles: every tile request fails
        await page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
        yield page
        await browser.close()


async def raw(target: Target) -> dict[str, Any]:
    """Today's valid rows, read straight from the database."""
    today = vandaag()

    def valid(row: Any) -> bool:
        return valid_on(row, today)

    engine = target.engine()
    async with engine.connect() as conn:
        locaties = {
            r.code: r
            for r in await conn.execute(select(Onderwijslocatie.__table__))
            if valid(r) and r.latitude is not None
        }
        aanbod = [r for r in await conn.execute(select(AangebodenOpleiding.__table__)) if valid(r)]
        aanbieders = {
            r.code: r.naam
            for r in await conn.execute(select(Onderwijsaanbieder.__table__))
            if valid(r)
        }
        gebruik = [
            r for r in await conn.execute(select(Onderwijslocatiegebruik.__table__)) if valid(r)
        ]
        pc4 = {r.postcodecijfers: r for r in await conn.execute(select(Postcodegebied.__table__))}
    await engine.dispose()
    namen: dict[str, list[str]] = {}
    for g in gebruik:
        if g.onderwijsaanbieder_code in aanbieders:
            namen.setdefault(g.onderwijslocatie_code, []).append(
                aanbieders[g.onderwijsaanbieder_code]
            )
    return {"locaties": locaties, "aanbod": aanbod, "namen": namen, "pc4": pc4}


async def markers(page: Page, url: str) -> set[str]:
    await page.goto(url)
    await page.wait_for_selector("#kaart:is([data-status=klaar], [data-status=fout])")
    drawn = page.locator("path.leaflet-interactive[data-code]")
    codes = {
        await drawn.nth(i).get_attribute("data-code") or "" for i in range(await drawn.count())
    }
    assert await page.get_attribute("#kaart", "data-markers") == str(len(codes))
    return codes


async def test_a_gemeente_montessori_map_shows_each_school_with_its_popup(
    server: str, page: Page, seeded_sqlite: Target
) -> None:
    data = await raw(seeded_sqlite)
    expected = {
        a.onderwijslocatie_code
        for a in data["aanbod"]
        if a.sector == "PO"
        and a.onderwijsconcept == "MONTESSORI"
        and a.onderwijslocatie_code in data["locaties"]
        and data["locaties"][a.onderwijslocatie_code].gemeente_code == "0344"
    }
    assert len(expected) >= 3
    drawn = await markers(
        page, f"{server}/kaart?gemeente=0344&sector=PO&onderwijsconcept=montessori"
    )
    assert drawn == expected
    assert await page.inner_text("#melding") == f"{len(expected)} locaties"

    code = sorted(expected)[0]
    await page.locator(f'path.leaflet-interactive[data-code="{code}"]').click()
    popup = await page.wait_for_selector(".leaflet-popup-content")
    assert popup is not None
    text = await popup.inner_text()
    locatie = data["locaties"][code]
    assert data["namen"][code][0] in text
    assert f"{locatie.postcode} {locatie.plaatsnaam}" in text
    assert f"{locatie.straatnaam} {locatie.huisnummer}" in text
    assert "MONTESSORI" in text
    await page.wait_for_timeout(400)  # let the popup fade in before the picture
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=ARTIFACTS / "kaart.png")


async def test_a_postcode_and_radius_map(server: str, page: Page, seeded_sqlite: Target) -> None:
    data = await raw(seeded_sqlite)
    centre = data["pc4"]["3511"]
    with_vo = {a.onderwijslocatie_code for a in data["aanbod"] if a.sector == "VO"}
    expected = {
        code
        for code, row in data["locaties"].items()
        if code in with_vo
        and vincenty_km(centre.latitude, centre.longitude, row.latitude, row.longitude) <= 2.5
    }
    assert len(expected) >= 5
    assert await markers(page, f"{server}/kaart?postcode=3511AB&straal=2.5&sector=VO") == expected


async def test_a_bad_parameter_is_shown_on_the_page(server: str, page: Page) -> None:
    assert await markers(page, f"{server}/kaart?postcode=1234") == set()
    assert await page.get_attribute("#kaart", "data-status") == "fout"
    assert "nabij.postcode: '1234'" in await page.inner_text("#melding")
