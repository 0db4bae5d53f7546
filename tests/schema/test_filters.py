"""Every filter of every root list, on both databases: the API's totalCount against the same
selection computed here in Python from the raw tables."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import select

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    AangebodenOpleidingVoertaal,
    Cohort,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
    Provincie,
)
from tests.conftest import Api, Target, valid_on
from tests.name_search import NameSearch, name_search

PEILDATUM = dt.date(2025, 10, 1)
Row = Any


def valid(row: Row) -> bool:
    return valid_on(row, PEILDATUM)


def finds(world: World, row: Row, zoek: str) -> bool:
    """Name search finds ``row`` (tests.name_search: every name of it, one typo allowed)."""
    return world.namen.finds(row.code, zoek)


# no generated repr: the task running an async fixture formats its result, and a repr of
# every row would take seconds per test
@dataclass(repr=False)
class World:
    """The raw tables, loaded once per database."""

    besturen: list[Row]
    aanbieders: list[Row]
    locaties: dict[str, Row]
    gebruik: list[Row]
    eenheden: dict[str, Row]
    aanbod: list[Row]
    voertalen: dict[str, set[str]]
    cohorten: dict[str, list[Row]]
    provincies: dict[str, str]
    namen: NameSearch = field(default_factory=NameSearch)
    aanbieder: dict[str, Row] = field(default_factory=dict)
    aanbieder_locaties: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    locatie_aanbieders: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    locatie_besturen: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


WORLDS: dict[Target, World] = {}


@pytest.fixture
async def world(seeded: Target) -> World:
    if seeded not in WORLDS:
        engine = seeded.engine()
        async with engine.connect() as conn:

            async def rows(model: Any) -> list[Row]:
                return list((await conn.execute(select(model.__table__))).all())

            voertalen: dict[str, set[str]] = defaultdict(set)
            for row in await rows(AangebodenOpleidingVoertaal):
                voertalen[row.aangeboden_opleiding_code].add(row.voertaal)
            cohorten: dict[str, list[Row]] = defaultdict(list)
            for row in await rows(Cohort):
                cohorten[row.aangeboden_opleiding_code].append(row)
            aanbieders = {row.code: row for row in await rows(Onderwijsaanbieder)}
            locaties = {row.code: row for row in await rows(Onderwijslocatie)}
            world = World(
                besturen=await rows(Onderwijsbestuur),
                aanbieders=list(aanbieders.values()),
                locaties=locaties,
                gebruik=await rows(Onderwijslocatiegebruik),
                eenheden={row.code: row for row in await rows(Opleidingseenheid)},
                aanbod=await rows(AangebodenOpleiding),
                voertalen=voertalen,
                cohorten=cohorten,
                provincies={row.code: row.naam for row in await rows(Provincie)},
            )
        await engine.dispose()
        for g in world.gebruik:
            if valid(g) and valid(locaties[g.onderwijslocatie_code]):
                world.aanbieder_locaties[g.onderwijsaanbieder_code].add(g.onderwijslocatie_code)
            if valid(g) and valid(aanbieders[g.onderwijsaanbieder_code]):
                world.locatie_aanbieders[g.onderwijslocatie_code].add(g.onderwijsaanbieder_code)
                world.locatie_besturen[g.onderwijslocatie_code].add(g.onderwijsbestuur_code)
        world.aanbieder = aanbieders
        world.namen = await name_search(seeded)
        WORLDS[seeded] = world
    return WORLDS[seeded]


async def total(api: Api, field_name: str, filter: str) -> int:
    data = await api.data(
        f'{{ {field_name}(filter: {filter}, peildatum: "{PEILDATUM}", first: 0) {{ totalCount }} }}'
    )
    count: int = data[field_name]["totalCount"]
    return count


_SETS: dict[tuple[int, str], set[str]] = {}


def aanbod_of(world: World, name: str, predicate: Callable[[Row], bool]) -> set[str]:
    """Aanbieders with a valid offering meeting ``predicate`` (computed once per world)."""
    key = (id(world), f"of:{name}")
    if key not in _SETS:
        _SETS[key] = {a.onderwijsaanbieder_code for a in world.aanbod if valid(a) and predicate(a)}
    return _SETS[key]


def aanbod_at(world: World, name: str, predicate: Callable[[Row], bool]) -> set[str]:
    """Locaties with a valid offering meeting ``predicate`` (computed once per world)."""
    key = (id(world), f"at:{name}")
    if key not in _SETS:
        _SETS[key] = {a.onderwijslocatie_code for a in world.aanbod if valid(a) and predicate(a)}
    return _SETS[key]


AANBIEDER_FILTERS: dict[str, tuple[str, Callable[[World, Row], bool]]] = {
    "zoek": ('{zoek: "montessori"}', lambda w, a: finds(w, a, "montessori")),
    "zoek accents": ('{zoek: "ARIËNS"}', lambda w, a: "ariens" in a.zoeknaam),
    "gemeentecode": (
        '{gemeentecode: ["0363", "0599"]}',
        lambda w, a: any(
            w.locaties[c].gemeente_code in {"0363", "0599"} for c in w.aanbieder_locaties[a.code]
        ),
    ),
    "provincie by name": (
        '{provincie: ["Zeeland"]}',
        lambda w, a: any(
            w.locaties[c].provincie_code == "29" for c in w.aanbieder_locaties[a.code]
        ),
    ),
    "provincie by code": (
        '{provincie: ["PV22"]}',
        lambda w, a: any(
            w.locaties[c].provincie_code == "22" for c in w.aanbieder_locaties[a.code]
        ),
    ),
    "sector": (
        "{sector: [HO, MBO]}",
        lambda w, a: a.code in aanbod_of(w, "ho-mbo", lambda x: x.sector in {"HO", "MBO"}),
    ),
    "onderwijsconcept": (
        "{onderwijsconcept: [DALTON]}",
        lambda w, a: a.code in aanbod_of(w, "dalton", lambda x: x.onderwijsconcept == "DALTON"),
    ),
    "denominatie": (
        "{denominatie: [ISL, HIN]}",
        lambda w, a: bool({"ISL", "HIN"} & set((a.denominatie or "").split(","))),
    ),
    "onderwijsbestuurCode": (
        '{onderwijsbestuurCode: "107B484"}',
        lambda w, a: a.onderwijsbestuur_code == "107B484",
    ),
}


@pytest.mark.parametrize("name", list(AANBIEDER_FILTERS))
async def test_aanbieder_filter(api: Api, world: World, name: str) -> None:
    filter, predicate = AANBIEDER_FILTERS[name]
    expected = sum(1 for a in world.aanbieders if valid(a) and predicate(world, a))
    assert expected > 0
    assert await total(api, "onderwijsaanbieders", filter) == expected


LOCATIE_FILTERS: dict[str, tuple[str, Callable[[World, Row], bool]]] = {
    "zoek": (
        '{zoek: "jenaplan"}',
        lambda w, x: any(
            finds(w, w.aanbieder[c], "jenaplan") for c in w.locatie_aanbieders[x.code]
        ),
    ),
    "gemeentecode": ('{gemeentecode: ["0344"]}', lambda w, x: x.gemeente_code == "0344"),
    "provincie": ('{provincie: ["groningen"]}', lambda w, x: x.provincie_code == "20"),
    "postcode PC4": ('{postcode: "3511"}', lambda w, x: (x.postcode or "").startswith("3511")),
    "postcode full": ('{postcode: "2516 PV"}', lambda w, x: x.postcode == "2516PV"),
    "plaats": ('{plaats: "AMSTERDAM"}', lambda w, x: (x.plaatsnaam or "").lower() == "amsterdam"),
    "sector": (
        "{sector: [VSO]}",
        lambda w, x: x.code in aanbod_at(w, "vso", lambda a: a.sector == "VSO"),
    ),
    "onderwijsconcept": (
        "{onderwijsconcept: [VRIJESCHOOL]}",
        lambda w, x: (
            x.code in aanbod_at(w, "vrijeschool", lambda a: a.onderwijsconcept == "VRIJESCHOOL")
        ),
    ),
    "denominatie": (
        "{denominatie: [REF]}",
        lambda w, x: any(
            "REF" in (w.aanbieder[c].denominatie or "").split(",")
            for c in w.locatie_aanbieders[x.code]
        ),
    ),
    "onderwijsaanbiederCode": (
        '{onderwijsaanbiederCode: "108A827"}',
        lambda w, x: "108A827" in w.locatie_aanbieders[x.code],
    ),
    "onderwijsbestuurCode": (
        '{onderwijsbestuurCode: "106B216"}',
        lambda w, x: "106B216" in w.locatie_besturen[x.code],
    ),
}


@pytest.mark.parametrize("name", list(LOCATIE_FILTERS))
async def test_locatie_filter(api: Api, world: World, name: str) -> None:
    filter, predicate = LOCATIE_FILTERS[name]
    expected = sum(1 for x in world.locaties.values() if valid(x) and predicate(world, x))
    assert expected > 0
    assert await total(api, "onderwijslocaties", filter) == expected


def _loc(w: World, a: Row) -> Row | None:
    locatie = w.locaties.get(a.onderwijslocatie_code) if a.onderwijslocatie_code else None
    return locatie if locatie is not None and valid(locatie) else None


def _eenheid(w: World, a: Row) -> Row | None:
    eenheid = w.eenheden[a.opleidingseenheid_code]
    return eenheid if valid(eenheid) else None


AANBOD_FILTERS: dict[str, tuple[str, Callable[[World, Row], bool]]] = {
    "zoek": ('{zoek: "data science"}', lambda w, a: finds(w, a, "data science")),
    "gemeentecode": (
        '{gemeentecode: ["0363"]}',
        lambda w, a: (loc := _loc(w, a)) is not None and loc.gemeente_code == "0363",
    ),
    "provincie": (
        '{provincie: ["Limburg"]}',
        lambda w, a: (loc := _loc(w, a)) is not None and loc.provincie_code == "31",
    ),
    "postcode": (
        '{postcode: "3511"}',
        lambda w, a: (loc := _loc(w, a)) is not None and (loc.postcode or "").startswith("3511"),
    ),
    "plaats": (
        '{plaats: "groningen"}',
        lambda w, a: (
            (loc := _loc(w, a)) is not None and (loc.plaatsnaam or "").lower() == "groningen"
        ),
    ),
    "sector": ("{sector: [SO]}", lambda w, a: a.sector == "SO"),
    "onderwijsconcept": (
        "{onderwijsconcept: [MONTESSORI, JENAPLAN]}",
        lambda w, a: a.onderwijsconcept in {"MONTESSORI", "JENAPLAN"},
    ),
    "niveau": (
        "{niveau: [WO_MA]}",
        lambda w, a: (e := _eenheid(w, a)) is not None and e.niveau == "WO-MA",
    ),
    "vorm": ("{vorm: [DUAAL]}", lambda w, a: a.vorm == "DUAAL"),
    "voertaal": ("{voertaal: [DEU]}", lambda w, a: "DEU" in w.voertalen[a.code]),
    "erkendeOpleidingscode": (  # the programme's own CROHO code, or the one it is a variant of
        '{erkendeOpleidingscode: ["34808"]}',
        lambda w, a: (
            (e := _eenheid(w, a)) is not None
            and "34808" in (e.erkende_opleidingscode, e.variant_van)
        ),
    ),
    "instroomVanaf": (
        '{instroomVanaf: "2026-01-01"}',
        lambda w, a: any(
            c.instroommoment >= dt.date(2026, 1, 1) and valid(c) for c in w.cohorten[a.code]
        ),
    ),
    "onderwijsaanbiederCode": (
        '{onderwijsaanbiederCode: "113A748"}',
        lambda w, a: a.onderwijsaanbieder_code == "113A748",
    ),
    "onderwijsbestuurCode": (
        '{onderwijsbestuurCode: "107B448"}',
        lambda w, a: w.aanbieder[a.onderwijsaanbieder_code].onderwijsbestuur_code == "107B448",
    ),
}


@pytest.mark.parametrize("name", list(AANBOD_FILTERS))
async def test_aanbod_filter(api: Api, world: World, name: str) -> None:
    filter, predicate = AANBOD_FILTERS[name]
    expected = sum(1 for a in world.aanbod if valid(a) and predicate(world, a))
    assert expected > 0
    assert await total(api, "aangebodenOpleidingen", filter) == expected


EENHEID_FILTERS: dict[str, tuple[str, Callable[[World, Row], bool]]] = {
    "zoek": ('{zoek: "rechten"}', lambda w, e: finds(w, e, "rechten")),
    "sector": ("{sector: [VO]}", lambda w, e: e.sector == "VO"),
    "niveau": ("{niveau: [HBO_AD]}", lambda w, e: e.niveau == "HBO-AD"),
    "erkendeOpleidingscode": (  # own CROHO code or the one it is a variant of
        '{erkendeOpleidingscode: ["34808", "50033"]}',
        lambda w, e: bool({e.erkende_opleidingscode, e.variant_van} & {"34808", "50033"}),
    ),
}


@pytest.mark.parametrize("name", list(EENHEID_FILTERS))
async def test_opleidingseenheid_filter(api: Api, world: World, name: str) -> None:
    filter, predicate = EENHEID_FILTERS[name]
    expected = sum(1 for e in world.eenheden.values() if valid(e) and predicate(world, e))
    assert expected > 0
    assert await total(api, "opleidingseenheden", filter) == expected


async def test_bestuur_filter(api: Api, world: World) -> None:
    expected = sum(1 for b in world.besturen if valid(b) and finds(world, b, "universiteit"))
    assert expected > 5
    assert await total(api, "onderwijsbesturen", '{zoek: "Universiteit"}') == expected


async def test_filters_combine_with_and(api: Api, world: World) -> None:
    expected = sum(
        1
        for a in world.aanbod
        if valid(a)
        and a.sector == "PO"
        and a.onderwijsconcept == "MONTESSORI"
        and (loc := _loc(world, a)) is not None
        and loc.provincie_code == "27"
    )
    assert expected > 5
    assert (
        await total(
            api,
            "aangebodenOpleidingen",
            '{sector: [PO], onderwijsconcept: [MONTESSORI], provincie: ["Noord-Holland"]}',
        )
        == expected
    )
