"""``tellingen`` against counts made here in Python from the raw rows of the tables (read with
plain selects of their columns): five groupings and the totals on two dates, a filter, paging,
one statement per request, bad input and the cost."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from loaders.paging import encode_cursor
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Gemeente,
    Leerlingaantal,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
)
from onderwijsgraaf.peildatum import vandaag
from onderwijsgraaf.settings import ROOT
from schema.limits import DEFAULT_BUDGET
from tests.conftest import Api, Target, valid_on

README = (ROOT / "README.md").read_text(encoding="utf-8")
DATES = [dt.date(2016, 1, 1), vandaag()]
COUNTS = (
    "aantalOnderwijsaanbieders aantalOnderwijslocaties aantalAangebodenOpleidingen aantalLeerlingen"
)
Key = tuple[str | None, ...]
Counts = tuple[int, int, int, int]


@dataclass
class Tables:
    aanbieders: list[Any]
    gebruik: list[Any]
    locaties: dict[str, Any]
    aanbod: list[Any]
    niveaus: dict[str, str | None]
    tellingen: list[Any]
    gemeenten: dict[str, str]
    besturen: dict[str, str]


TABLES: dict[Target, Tables] = {}


async def tables(target: Target) -> Tables:
    """The raw rows, read once per database."""
    if target in TABLES:
        return TABLES[target]
    engine = target.engine()
    try:
        async with engine.connect() as conn:

            async def rows(*columns: Any) -> list[Any]:
                return list((await conn.execute(select(*columns))).all())

            a, g, lo, o = (
                Onderwijsaanbieder,
                Onderwijslocatiegebruik,
                Onderwijslocatie,
                AangebodenOpleiding,
            )
            found = Tables(
                aanbieders=await rows(
                    a.code, a.onderwijsbestuur_code, a.denominatie, a.begindatum, a.einddatum
                ),
                gebruik=await rows(
                    g.onderwijsaanbieder_code, g.onderwijslocatie_code, g.begindatum, g.einddatum
                ),
                locaties={
                    r.code: r
                    for r in await rows(
                        lo.code, lo.gemeente_code, lo.provincie_code, lo.begindatum, lo.einddatum
                    )
                },
                aanbod=await rows(
                    o.code,
                    o.onderwijsaanbieder_code,
                    o.onderwijslocatie_code,
                    o.opleidingseenheid_code,
                    o.sector,
                    o.onderwijsconcept,
                    o.begindatum,
                    o.einddatum,
                ),
                niveaus=dict(await rows(Opleidingseenheid.code, Opleidingseenheid.niveau)),
                tellingen=await rows(
                    Leerlingaantal.onderwijsaanbieder_code,
                    Leerlingaantal.onderwijslocatie_code,
                    Leerlingaantal.aangeboden_opleiding_code,
                    Leerlingaantal.teldatum,
                    Leerlingaantal.aantal,
                ),
                gemeenten=dict(await rows(Gemeente.code, Gemeente.naam)),
                besturen=dict(await rows(Onderwijsbestuur.code, Onderwijsbestuur.naam)),
            )
    finally:
        await engine.dispose()
    TABLES[target] = found
    return found


def expected(
    t: Tables, day: dt.date, groups: list[str], aanbieders: set[str] | None = None
) -> dict[Key, Counts]:
    """The counts per group as the README defines them, in Python: the telrijen of the
    aanbieders valid on ``day`` (of ``aanbieders`` only, when given), each group counting the
    distinct objects of the telrijen that have every object its keys belong to."""
    counted = {
        r.code: r
        for r in t.aanbieders
        if valid_on(r, day) and (aanbieders is None or r.code in aanbieders)
    }
    locaties = {code: r for code, r in t.locaties.items() if valid_on(r, day)}
    aanbod = {
        r.code: r for r in t.aanbod if valid_on(r, day) and r.onderwijsaanbieder_code in counted
    }
    # telrijen: (aanbieder, locatie, aanbod, teldatum, aantal, is_telling)
    telrijen: list[tuple[str, str | None, str | None, dt.date | None, int, bool]] = []
    telrijen += [(code, None, None, None, 0, False) for code in counted]
    telrijen += [
        (r.onderwijsaanbieder_code, r.onderwijslocatie_code, None, None, 0, False)
        for r in t.gebruik
        if r.onderwijsaanbieder_code in counted
        and valid_on(r, day)
        and r.onderwijslocatie_code in locaties
    ]
    telrijen += [
        (
            r.onderwijsaanbieder_code,
            r.onderwijslocatie_code if r.onderwijslocatie_code in locaties else None,
            r.code,
            None,
            0,
            False,
        )
        for r in aanbod.values()
    ]
    per_teldatum = "TELDATUM" in groups
    newest: dict[str, dt.date] = {}
    for r in t.tellingen:
        if r.onderwijsaanbieder_code in counted and r.teldatum <= day:
            newest[r.onderwijsaanbieder_code] = max(
                r.teldatum, newest.get(r.onderwijsaanbieder_code, r.teldatum)
            )
    telrijen += [
        (
            r.onderwijsaanbieder_code,
            r.onderwijslocatie_code if r.onderwijslocatie_code in locaties else None,
            r.aangeboden_opleiding_code if r.aangeboden_opleiding_code in aanbod else None,
            r.teldatum,
            r.aantal,
            True,
        )
        for r in t.tellingen
        if r.onderwijsaanbieder_code in counted
        and r.teldatum <= day
        and (per_teldatum or r.teldatum == newest[r.onderwijsaanbieder_code])
    ]

    def values(group: str, row: tuple[Any, ...]) -> list[str | None] | None:
        """The key values of one telrij (None: it has not the object the key belongs to)."""
        a, lo, o, teldatum = row[:4]
        if group in ("GEMEENTE", "PROVINCIE"):
            column = "gemeente_code" if group == "GEMEENTE" else "provincie_code"
            return None if lo is None else [getattr(locaties[lo], column)]
        if group in ("SECTOR", "ONDERWIJSCONCEPT", "NIVEAU"):
            if o is None:
                return None
            if group == "NIVEAU":
                return [t.niveaus[aanbod[o].opleidingseenheid_code]]
            return [getattr(aanbod[o], group.lower())]
        if group == "BESTUUR":
            return [counted[a].onderwijsbestuur_code]
        if group == "DENOMINATIE":
            d = counted[a].denominatie
            return d.split(",") if d else [None]
        return None if teldatum is None else [teldatum.isoformat()]

    sets: dict[Key, tuple[set[str], set[str], set[str], list[int]]] = defaultdict(
        lambda: (set(), set(), set(), [0])
    )
    for row in telrijen:
        keys: list[Key] = [()]
        for group in groups:
            found = values(group, row)
            if found is None:
                keys = []
                break
            keys = [(*k, v) for k in keys for v in found]
        for key in keys:
            a_set, l_set, o_set, total = sets[key]
            if per_teldatum or not row[5]:
                a_set.add(row[0])
                l_set.update([row[1]] if row[1] else [])
                o_set.update([row[2]] if row[2] else [])
            total[0] += row[4]
    if not groups:
        sets[()]  # the totals, also of nothing
    return {k: (len(a), len(lo), len(o), n[0]) for k, (a, lo, o, n) in sets.items()}


async def answered(
    api: Api, groups: list[str], day: dt.date, filter: str = ""
) -> tuple[dict[Key, Counts], list[Any]]:
    """Every page of ``tellingen``; the counts per key and the groups as answered. Every page
    is one statement."""
    found: dict[Key, Counts] = {}
    nodes: list[Any] = []
    after = None
    while True:
        arguments = f'groeperenOp: [{", ".join(groups)}], peildatum: "{day}", first: 100'
        arguments += f", filter: {filter}" if filter else ""
        arguments += f', after: "{after}"' if after else ""
        query = (
            f"{{ tellingen({arguments}) {{ totalCount pageInfo {{ hasNextPage endCursor }} "
            f"edges {{ node {{ sleutels {{ groepering code naam }} {COUNTS} }} }} }} }}"
        )
        data, statements = await api.counted(query)
        assert statements == 1, query
        page = data["tellingen"]
        for edge in page["edges"]:
            node = edge["node"]
            assert [s["groepering"] for s in node["sleutels"]] == groups
            key = tuple(s["code"] for s in node["sleutels"])
            assert key not in found
            found[key] = tuple(node[c] for c in COUNTS.split())
            nodes.append(node)
        if not page["pageInfo"]["hasNextPage"]:
            assert page["totalCount"] == len(found)
            return found, nodes
        after = page["pageInfo"]["endCursor"]


@pytest.mark.parametrize("day", DATES, ids=str)
@pytest.mark.parametrize(
    "groups",
    [
        [],
        ["GEMEENTE"],
        ["SECTOR"],
        ["DENOMINATIE"],
        ["PROVINCIE", "NIVEAU"],
        ["SECTOR", "TELDATUM"],
    ],
    ids=lambda g: "-".join(g) or "totaal",
)
async def test_counts_are_those_of_the_raw_rows(
    api: Api, seeded: Target, groups: list[str], day: dt.date
) -> None:
    found, _ = await answered(api, groups, day)
    assert found == expected(await tables(seeded), day, groups)
    assert sum(counts[0] for counts in found.values()) > 0


async def test_the_totals_count_the_aanbieders_the_list_counts(api: Api) -> None:
    filter = '{provincie: ["UT"], sector: [PO]}'
    data = await api.data(
        f"{{ tellingen(filter: {filter}) {{ edges {{ node {{ {COUNTS} }} }} }} "
        f"onderwijsaanbieders(filter: {filter}) {{ totalCount }} }}"
    )
    [edge] = data["tellingen"]["edges"]
    assert edge["node"]["aantalOnderwijsaanbieders"] == data["onderwijsaanbieders"]["totalCount"]
    assert edge["node"]["aantalOnderwijsaanbieders"] > 100


async def test_the_filter_chooses_the_aanbieders_as_the_list_does(api: Api, seeded: Target) -> None:
    day = DATES[0]
    filter = '{provincie: ["UT"], sector: [PO], denominatie: [RK, PC]}'
    codes = set(await listed(api, filter, day))
    assert len(codes) > 20
    t = await tables(seeded)
    for groups in (["BESTUUR", "ONDERWIJSCONCEPT"], ["GEMEENTE"]):
        found, nodes = await answered(api, groups, day, filter)
        assert found == expected(t, day, groups, codes)
    # the gemeenten have the names of the table
    for node in nodes:
        [sleutel] = node["sleutels"]
        assert sleutel["naam"] == t.gemeenten[sleutel["code"]]


async def listed(api: Api, filter: str, day: dt.date) -> dict[str, int]:
    """The aanbieders ``onderwijsaanbieders(filter:)`` lists, with their leerlingaantal."""
    found: dict[str, int] = {}
    after = None
    while True:
        page = (
            await api.data(
                f'{{ onderwijsaanbieders(filter: {filter}, peildatum: "{day}", first: 100'
                + (f', after: "{after}"' if after else "")
                + ") { pageInfo { hasNextPage endCursor } "
                "edges { node { code leerlingaantal { aantal } } } } }"
            )
        )["onderwijsaanbieders"]
        for edge in page["edges"]:
            telling = edge["node"]["leerlingaantal"]
            found[edge["node"]["code"]] = telling["aantal"] if telling else 0
        if not page["pageInfo"]["hasNextPage"]:
            return found
        after = page["pageInfo"]["endCursor"]


async def test_the_readme_example_and_its_leerlingen(api: Api, seeded: Target) -> None:
    start = README.index("# Per gemeente in Utrecht")
    query = README[README.index("{", start) : README.index("```", start)]
    data, statements = await api.counted(query)
    assert statements == 1
    day = dt.date(2025, 10, 1)
    filter = '{provincie: ["UT"], sector: [PO]}'
    aanbieders = await listed(api, filter, day)
    verwacht = expected(await tables(seeded), day, ["GEMEENTE"], set(aanbieders))
    page = data["tellingen"]
    assert page["totalCount"] == len(verwacht) > 20
    for edge in page["edges"]:
        node = edge["node"]
        key = (node["sleutels"][0]["code"],)
        assert tuple(node[c] for c in COUNTS.split()) == verwacht[key]
    # the total of leerlingen is the sum of the aanbieders' leerlingaantal on the peildatum
    totaal = await api.data(
        f'{{ tellingen(filter: {filter}, peildatum: "{day}") {{ edges {{ node {{ {COUNTS} }} }} }} }}'
    )
    [edge] = totaal["tellingen"]["edges"]
    assert edge["node"]["aantalOnderwijsaanbieders"] == len(aanbieders)
    assert edge["node"]["aantalLeerlingen"] == sum(aanbieders.values()) > 50_000


async def test_keys_have_their_names(api: Api, seeded: Target) -> None:
    t = await tables(seeded)
    data = await api.data(
        "{ tellingen(groeperenOp: [BESTUUR, SECTOR], first: 3) { edges { node { sleutels { "
        "groepering code naam } } } } waardelijsten { sector { code label } } }"
    )
    labels = {w["code"]: w["label"] for w in data["waardelijsten"]["sector"]}
    for edge in data["tellingen"]["edges"]:
        bestuur, sector = edge["node"]["sleutels"]
        assert bestuur["naam"] == t.besturen[bestuur["code"]]
        assert sector["naam"] == labels[sector["code"]]


async def test_bad_input_is_named(api: Api) -> None:
    error = await api.error("{ tellingen(groeperenOp: [GEMENTE]) { totalCount } }")
    assert error["message"] == (
        "Value 'GEMENTE' does not exist in 'Groepering' enum. "
        "Did you mean the enum value 'GEMEENTE'?"
    )
    error = await api.error(
        "{ tellingen(groeperenOp: [GEMEENTE, SECTOR, GEMEENTE]) { totalCount } }"
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"] == "groeperenOp: GEMEENTE is given twice; give each key once"
    error = await api.error('{ tellingen(peildatum: "2016-13-01") { totalCount } }')
    assert "2016-13-01" in error["message"]
    assert "Date" in error["message"]
    error = await api.error(
        '{ tellingen(filter: {nabij: {postcode: "3511", straalKm: 2}}) { totalCount } }'
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "filter.nabij" in error["message"]
    assert "bbox" in error["message"]
    error = await api.error('{ tellingen(filter: {provincie: ["Utrech"]}) { totalCount } }')
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Utrech" in error["message"]
    page = await api.data(
        "{ tellingen(groeperenOp: [SECTOR], first: 1) { pageInfo { endCursor } } }"
    )
    cursor = page["tellingen"]["pageInfo"]["endCursor"]
    error = await api.error(
        f'{{ tellingen(groeperenOp: [GEMEENTE], after: "{cursor}") {{ totalCount }} }}'
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith("after:")
    # a cursor of this grouping whose key has another shape
    forged = encode_cursor("tellingen/GEMEENTE", ("0344", "extra"))
    error = await api.error(
        f'{{ tellingen(groeperenOp: [GEMEENTE], after: "{forged}") {{ totalCount }} }}'
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith("after: this cursor's sort key does not fit")


async def test_pages_follow_each_other(api: Api) -> None:
    query = (
        "query($after: String) { tellingen(groeperenOp: [PROVINCIE, SECTOR], first: 7, "
        "after: $after) { totalCount pageInfo { hasNextPage endCursor } "
        "edges { node { sleutels { code } } } } }"
    )
    keys = []
    after = None
    while True:
        page = (await api.data(query, {"after": after}))["tellingen"]
        keys += [tuple(s["code"] for s in e["node"]["sleutels"]) for e in page["edges"]]
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
    assert len(keys) == page["totalCount"] == len(set(keys)) > 7
    assert keys == sorted(keys, key=lambda k: tuple(c or "" for c in k))
    empty = (await api.data(query, {"after": after}))["tellingen"]
    assert empty["edges"] == []
    assert empty["totalCount"] == len(keys)


async def test_the_cost_counts_the_grouping(api: Api) -> None:
    body = await api.post(
        "{ tellingen(groeperenOp: [GEMEENTE], first: 10) { totalCount "
        "edges { node { sleutels { code } aantalOnderwijsaanbieders } } } }"
    )
    # the list and its weight, its total, 10 edges and nodes, 8 sleutels per node
    cost = 1 + 1_000 + 1 + 10 + 10 + 10 * 8
    assert body["extensions"]["cost"] == {"requested": cost, "budget": DEFAULT_BUDGET}
    aliases = " ".join(f"t{i}: tellingen(first: 0) {{ totalCount }}" for i in range(25))
    api.statements.clear()
    error = await api.error(f"{{ {aliases} }}")
    assert error["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    assert error["extensions"]["cost"] == 25 * (1 + 1_000 + 1)
    assert api.statements == []
