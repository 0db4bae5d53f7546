"""The README's example queries, over HTTP on both databases, checked against the database."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import distinct, func, select

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    AangebodenOpleidingVoertaal,
    Cohort,
    Onderwijsaanbieder,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
    geldig_op,
)
from onderwijsgraaf.graphiql import VOORBEELDEN
from onderwijsgraaf.settings import ROOT
from tests.conftest import Api, Target

README = (ROOT / "README.md").read_text(encoding="utf-8")


def voorbeeld(name: str) -> str:
    return (VOORBEELDEN / f"{name}.graphql").read_text(encoding="utf-8")


async def scalar(target: Target, query: Any) -> Any:
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            return await conn.scalar(query)
    finally:
        await engine.dispose()


@pytest.mark.parametrize("name", ["gemeente", "studiekeuze", "opzoeken", "kaart"])
def test_every_example_is_in_the_readme(name: str) -> None:
    assert voorbeeld(name).strip() in README


async def test_gemeente_example_counts_every_school_of_utrecht(api: Api, seeded: Target) -> None:
    data, statements = await api.counted(voorbeeld("gemeente"))
    peildatum = dt.date(2025, 10, 1)
    a, g, loc, ao = (
        Onderwijsaanbieder,
        Onderwijslocatiegebruik,
        Onderwijslocatie,
        AangebodenOpleiding,
    )
    expected = await scalar(
        seeded,
        select(func.count(distinct(a.code)))
        .join(g, g.onderwijsaanbieder_code == a.code)
        .join(loc, loc.code == g.onderwijslocatie_code)
        .join(ao, ao.onderwijsaanbieder_code == a.code)
        .where(
            loc.gemeente_code == "0344",
            ao.sector.in_(["PO", "SO", "VO"]),
            geldig_op(a, peildatum),
            geldig_op(g, peildatum),
            geldig_op(loc, peildatum),
            geldig_op(ao, peildatum),
        ),
    )
    result = data["onderwijsaanbieders"]
    assert result["totalCount"] == expected > 100
    assert len(result["edges"]) == 10
    for edge in result["edges"]:
        node = edge["node"]
        gemeenten = {
            e["node"]["adres"]["gemeente"]["code"] for e in node["onderwijslocaties"]["edges"]
        }
        assert "0344" in gemeenten
        assert set(node["sectoren"]) & {"PO", "SO", "VO"}
    names = [edge["node"]["naam"].lower() for edge in result["edges"]]
    assert names == sorted(names) or result["pageInfo"]["hasNextPage"]
    # one compiled statement for the root field, its nested lists and links included
    assert statements == 1


async def test_studiekeuze_example_returns_english_fulltime_bachelors_with_intakes(
    api: Api, seeded: Target
) -> None:
    data, statements = await api.counted(voorbeeld("studiekeuze"))
    today = dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    ao, oe = AangebodenOpleiding, Opleidingseenheid
    expected = await scalar(
        seeded,
        select(func.count(distinct(ao.code)))
        .join(oe, oe.code == ao.opleidingseenheid_code)
        .join(
            AangebodenOpleidingVoertaal,
            AangebodenOpleidingVoertaal.aangeboden_opleiding_code == ao.code,
        )
        .join(Cohort, Cohort.aangeboden_opleiding_code == ao.code)
        .where(
            oe.niveau.in_(["HBO-BA", "WO-BA"]),
            ao.vorm == "VOLTIJD",
            AangebodenOpleidingVoertaal.voertaal == "ENG",
            Cohort.instroommoment >= dt.date(2026, 9, 1),
            geldig_op(ao, today),
            geldig_op(oe, today),
            geldig_op(Cohort, today),
        ),
    )
    result = data["aangebodenOpleidingen"]
    assert result["totalCount"] == expected > 100
    for edge in result["edges"]:
        node = edge["node"]
        assert node["vorm"] == "VOLTIJD"
        assert "ENG" in node["voertalen"]
        assert node["opleidingseenheid"]["niveau"] in {"HBO_BA", "WO_BA"}
        assert any(c["node"]["instroommoment"] >= "2026-09-01" for c in node["cohorten"]["edges"])
    assert statements == 1


async def test_opzoeken_example_finds_hz_and_its_programme(api: Api, seeded: Target) -> None:
    data, statements = await api.counted(voorbeeld("opzoeken"))
    aanbieder = data["onderwijsaanbieder"]
    assert aanbieder["naam"] == "HZ University of Applied Sciences"
    assert aanbieder["onderwijsbestuur"]["code"] == "100B349"
    assert aanbieder["sectoren"] == ["HO"]
    expected = await scalar(
        seeded,
        select(func.count()).where(
            AangebodenOpleiding.onderwijsaanbieder_code == "113A881",
            geldig_op(AangebodenOpleiding, dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()),
        ),
    )
    assert aanbieder["aangebodenOpleidingen"]["totalCount"] == expected > 40
    assert data["opleidingseenheid"] == {
        "code": "1001O2660",
        "naamLang": "Global Project and Change Management",
        "niveau": "HBO_BA",
        "erkendeOpleidingscode": "30017",
    }
    # one per root field: the aanbieder and the opleidingseenheid
    assert statements == 2


async def test_kaart_example_is_a_feature_collection_nearest_first(api: Api) -> None:
    data, statements = await api.counted(voorbeeld("kaart"))
    locaties = data["onderwijslocaties"]
    features = locaties["geojson"]["features"]
    assert locaties["geojson"]["type"] == "FeatureCollection"
    assert len(features) == locaties["totalCount"] >= 2
    distances = [f["properties"]["afstandKm"] for f in features]
    assert distances == sorted(distances)
    assert all(0 <= d <= 3 for d in distances)
    for feature in features:
        assert feature["type"] == "Feature"
        lon, lat = feature["geometry"]["coordinates"]
        assert (4.9 < lon < 5.3, 51.9 < lat < 52.2) == (True, True)
        assert feature["properties"]["onderwijsaanbieders"]["edges"]
    # the candidates in the box and the page's JSON (and the postcode's point, the first time)
    assert statements <= 3
