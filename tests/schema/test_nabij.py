"""Radius search (``nabij``) and viewport search (``bbox``) on both databases, against the raw
tables with distances computed independently (Vincenty, tests/vincenty.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import make_url

from onderwijsgraaf.app import create_app
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Onderwijsaanbieder,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Postcodegebied,
)
from onderwijsgraaf.settings import Settings
from tests.conftest import DATA_DIR, Api, Target, valid_on
from tests.vincenty import vincenty_km

PEILDATUM = dt.date(2025, 10, 1)
# city-centre postcodes: Utrecht, Amsterdam, Groningen, Maastricht
POSTCODES = ["3511AB", "1012", "9711", "6211"]


def valid(row: Any) -> bool:
    return valid_on(row, PEILDATUM)


# no generated repr: the task running an async fixture formats its result, and a repr of
# every row would take seconds per test
@dataclass(repr=False)
class Raw:
    locaties: dict[str, Any]
    aanbieder_locaties: dict[str, set[str]]
    aanbod: list[Any]
    pc4: dict[str, tuple[float, float]]

    def distances(self, lat: float, lon: float) -> dict[str, float]:
        """Every valid locatie with a point, by code, with its distance to (lat, lon)."""
        return {
            code: vincenty_km(lat, lon, row.latitude, row.longitude)
            for code, row in self.locaties.items()
            if valid(row) and row.latitude is not None
        }


RAW: dict[Target, Raw] = {}


@pytest.fixture
async def raw(seeded: Target) -> Raw:
    if seeded not in RAW:
        engine = seeded.engine()
        async with engine.connect() as conn:
            locaties = {r.code: r for r in await conn.execute(select(Onderwijslocatie.__table__))}
            gebruik = (await conn.execute(select(Onderwijslocatiegebruik.__table__))).all()
            aanbieders = {
                r.code for r in await conn.execute(select(Onderwijsaanbieder.__table__)) if valid(r)
            }
            aanbod = (await conn.execute(select(AangebodenOpleiding.__table__))).all()
            pc4 = {
                r.postcodecijfers: (r.latitude, r.longitude)
                for r in await conn.execute(select(Postcodegebied.__table__))
                if r.latitude is not None
            }
        await engine.dispose()
        aanbieder_locaties: dict[str, set[str]] = defaultdict(set)
        for g in gebruik:
            if valid(g) and g.onderwijsaanbieder_code in aanbieders:
                aanbieder_locaties[g.onderwijsaanbieder_code].add(g.onderwijslocatie_code)
        RAW[seeded] = Raw(locaties, aanbieder_locaties, list(aanbod), pc4)
    return RAW[seeded]


LOCATIES = """
query($filter: OnderwijslocatieFilter, $orderBy: Sortering, $first: Int, $after: String) {
  onderwijslocaties(filter: $filter, orderBy: $orderBy, first: $first, after: $after,
                    peildatum: "2025-10-01") {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { code afstandKm adres { postcode } coordinaten { lat lon } } }
  }
}
"""


async def all_pages(api: Api, query: str, field: str, variables: dict[str, Any]) -> list[Any]:
    nodes: list[Any] = []
    after = None
    while True:
        page = (await api.data(query, {**variables, "after": after, "first": 100}))[field]
        nodes += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            assert len(nodes) == page["totalCount"]
            return nodes
        after = page["pageInfo"]["endCursor"]


@pytest.mark.parametrize("postcode", POSTCODES)
@pytest.mark.parametrize("straal_km", [1.5, 5.0])
async def test_locaties_within_a_radius_nearest_first(
    api: Api, raw: Raw, postcode: str, straal_km: float
) -> None:
    lat, lon = raw.pc4[postcode[:4]]
    expected = {c: d for c, d in raw.distances(lat, lon).items() if d <= straal_km}
    assert expected, "every city centre has schools within 1.5 km"
    nodes = await all_pages(
        api,
        LOCATIES,
        "onderwijslocaties",
        {"filter": {"nabij": {"postcode": postcode, "straalKm": straal_km}}},
    )
    assert [n["code"] for n in nodes] == sorted(expected, key=lambda c: (expected[c], c))
    for node in nodes:
        assert node["afstandKm"] == pytest.approx(expected[node["code"]], abs=1e-6)


async def test_the_edge_of_the_radius_is_included_to_the_millimetre(api: Api, raw: Raw) -> None:
    lat, lon = raw.pc4["3511"]
    distances = sorted(raw.distances(lat, lon).items(), key=lambda item: item[1])
    # the 21st locatie or the first after it whose distance no other locatie shares
    index = next(
        i
        for i in range(20, len(distances) - 1)
        if distances[i + 1][1] - distances[i][1] > 1e-5
        and distances[i][1] - distances[i - 1][1] > 1e-5
    )
    code, edge = distances[index]
    for straal_km, inside in [(edge + 2e-6, True), (edge - 2e-6, False)]:
        nodes = await all_pages(
            api,
            LOCATIES,
            "onderwijslocaties",
            {"filter": {"nabij": {"punt": {"lat": lat, "lon": lon}, "straalKm": straal_km}}},
        )
        assert (nodes[-1]["code"] == code) is inside
        assert len(nodes) == (index + 1 if inside else index)


async def test_a_full_postcode_counts_from_its_pc4_centre(api: Api) -> None:
    variables: dict[str, Any] = {"filter": {"nabij": {"postcode": "3511AB", "straalKm": 2}}}
    full = await api.data(LOCATIES, variables)
    variables["filter"]["nabij"]["postcode"] = "3511"
    assert full == await api.data(LOCATIES, variables)


async def test_nabij_combines_with_other_filters_and_orders(api: Api, raw: Raw) -> None:
    """Montessori primary schools within 3 km of 3511AB, nearest first; then by postcode."""
    lat, lon = raw.pc4["3511"]
    distances = raw.distances(lat, lon)
    montessori = {
        a.onderwijslocatie_code
        for a in raw.aanbod
        if valid(a) and a.sector == "PO" and a.onderwijsconcept == "MONTESSORI"
    }
    expected = {c: d for c, d in distances.items() if d <= 3 and c in montessori}
    assert len(expected) >= 2
    filter = {
        "nabij": {"postcode": "3511AB", "straalKm": 3},
        "sector": ["PO"],
        "onderwijsconcept": ["MONTESSORI"],
    }
    nodes = await all_pages(api, LOCATIES, "onderwijslocaties", {"filter": filter})
    assert [n["code"] for n in nodes] == sorted(expected, key=lambda c: (expected[c], c))
    by_postcode = await all_pages(
        api, LOCATIES, "onderwijslocaties", {"filter": filter, "orderBy": "POSTCODE"}
    )
    assert [n["code"] for n in by_postcode] == sorted(
        expected, key=lambda c: (raw.locaties[c].postcode or "", c)
    )


async def test_pages_by_distance_follow_each_other(api: Api) -> None:
    variables: dict[str, Any] = {"filter": {"nabij": {"postcode": "1012", "straalKm": 4}}}
    whole = await all_pages(api, LOCATIES, "onderwijslocaties", variables)
    walked: list[Any] = []
    after = None
    while True:
        page = (await api.data(LOCATIES, {**variables, "first": 7, "after": after}))[
            "onderwijslocaties"
        ]
        walked += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(whole) > 20
    assert walked == whole


AANBIEDERS = """
query($filter: OnderwijsaanbiederFilter, $first: Int, $after: String) {
  onderwijsaanbieders(filter: $filter, first: $first, after: $after, peildatum: "2025-10-01") {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { code afstandKm } }
  }
}
"""


@pytest.mark.parametrize("postcode", ["3511", "9711"])
async def test_aanbieders_count_at_their_nearest_location(
    api: Api, raw: Raw, postcode: str
) -> None:
    lat, lon = raw.pc4[postcode]
    distances = raw.distances(lat, lon)
    expected = {}
    for aanbieder, codes in raw.aanbieder_locaties.items():
        near = [distances[c] for c in codes if c in distances]
        if near and min(near) <= 2.5:
            expected[aanbieder] = min(near)
    nodes = await all_pages(
        api,
        AANBIEDERS,
        "onderwijsaanbieders",
        {"filter": {"nabij": {"postcode": postcode, "straalKm": 2.5}}},
    )
    assert [n["code"] for n in nodes] == sorted(expected, key=lambda c: (expected[c], c))
    for node in nodes:
        assert node["afstandKm"] == pytest.approx(expected[node["code"]], abs=1e-6)


AANBOD = """
query($filter: AangebodenOpleidingFilter, $first: Int, $after: String) {
  aangebodenOpleidingen(filter: $filter, first: $first, after: $after, peildatum: "2025-10-01") {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { code afstandKm } }
  }
}
"""


async def test_aanbod_within_a_radius_of_a_point(api: Api, raw: Raw) -> None:
    lat, lon = 52.0908, 5.1217  # Domtoren, Utrecht
    distances = raw.distances(lat, lon)
    expected = {
        a.code: distances[a.onderwijslocatie_code]
        for a in raw.aanbod
        if valid(a)
        and a.onderwijslocatie_code in distances
        and distances[a.onderwijslocatie_code] <= 2
    }
    nodes = await all_pages(
        api,
        AANBOD,
        "aangebodenOpleidingen",
        {"filter": {"nabij": {"punt": {"lat": lat, "lon": lon}, "straalKm": 2}}},
    )
    assert [n["code"] for n in nodes] == sorted(expected, key=lambda c: (expected[c], c))
    for node in nodes:
        assert node["afstandKm"] == pytest.approx(expected[node["code"]], abs=1e-6)


UTRECHT_BOX = {"minLon": 5.05, "minLat": 52.05, "maxLon": 5.15, "maxLat": 52.12}


async def test_bbox_holds_the_locaties_and_aanbod_inside_it(api: Api, raw: Raw) -> None:
    def inside(row: Any) -> bool:
        return (
            row.latitude is not None
            and UTRECHT_BOX["minLat"] <= row.latitude <= UTRECHT_BOX["maxLat"]
            and UTRECHT_BOX["minLon"] <= row.longitude <= UTRECHT_BOX["maxLon"]
        )

    locaties = {c for c, row in raw.locaties.items() if valid(row) and inside(row)}
    nodes = await all_pages(api, LOCATIES, "onderwijslocaties", {"filter": {"bbox": UTRECHT_BOX}})
    assert sorted(n["code"] for n in nodes) == sorted(locaties)
    assert all(n["afstandKm"] is None for n in nodes)
    aanbod = {a.code for a in raw.aanbod if valid(a) and a.onderwijslocatie_code in locaties}
    nodes = await all_pages(api, AANBOD, "aangebodenOpleidingen", {"filter": {"bbox": UTRECHT_BOX}})
    assert {n["code"] for n in nodes} == aanbod


@pytest.mark.parametrize(
    ("filter", "message"),
    [
        (
            {"nabij": {"postcode": "1234", "straalKm": 2}},
            "nabij.postcode: '1234' is not in a known PC4 area",
        ),
        ({"nabij": {"postcode": "12", "straalKm": 2}}, "nabij.postcode: '12' is not a PC4"),
        ({"nabij": {"postcode": "3511", "straalKm": 150}}, "nabij.straalKm: 150.0 is out of range"),
        ({"nabij": {"postcode": "3511", "straalKm": 0}}, "nabij.straalKm: 0.0 is out of range"),
        ({"nabij": {"straalKm": 2}}, "nabij: give either postcode or punt"),
        (
            {"nabij": {"postcode": "3511", "punt": {"lat": 52, "lon": 5}, "straalKm": 2}},
            "nabij: give either postcode or punt",
        ),
        ({"nabij": {"punt": {"lat": 95, "lon": 5}, "straalKm": 2}}, "nabij.punt.lat: 95"),
        ({"bbox": {"minLon": 6, "minLat": 52, "maxLon": 5, "maxLat": 53}}, "bbox: minLon 6"),
    ],
)
async def test_bad_geo_input_is_named(sqlite_api: Api, filter: Any, message: str) -> None:
    error = await sqlite_api.error(LOCATIES, {"filter": filter})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert message in error["message"]


async def test_ordering_by_distance_needs_nabij(sqlite_api: Api) -> None:
    error = await sqlite_api.error(LOCATIES, {"orderBy": "AFSTAND"})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "give nabij" in error["message"]


async def test_candidates_come_from_the_latitude_longitude_index(seeded_sqlite: Target) -> None:
    """The candidate query is a range on the (latitude, longitude) index, not a table scan."""
    app = create_app(
        Settings(
            database_url=seeded_sqlite.url,
            database_schema=seeded_sqlite.schema,
            seed_data_dir=DATA_DIR,
        )
    )
    executed: list[tuple[str, Any]] = []

    def record(_conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        executed.append((statement, parameters))

    event.listen(app.state.engine.sync_engine, "before_cursor_execute", record)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.post(
                "/graphql",
                json={
                    "query": LOCATIES,
                    "variables": {"filter": {"nabij": {"postcode": "3511", "straalKm": 5}}},
                },
            )
    assert "errors" not in response.json()
    ((statement, parameters),) = [(s, p) for s, p in executed if "latitude BETWEEN" in s]
    with sqlite3.connect(make_url(seeded_sqlite.url).database or "") as conn:
        plan = " ".join(
            row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
    assert "USING INDEX ix_onderwijslocatie_latitude_longitude (latitude>? AND latitude<?)" in plan
