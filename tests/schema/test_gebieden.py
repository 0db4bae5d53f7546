"""Gemeenten and provincies: every spelling people write leads to the right one, in the root
lists ``gemeenten`` and ``provincies`` and in the filters of the other lists; an unknown one is
BAD_USER_INPUT naming the nearest; the counts on a peildatum agree with the filtered lists; a
new data version loads them again. The right answers come from the CBS file the seed reads and
from ISO 3166-2:NL."""

from __future__ import annotations

import csv
import json
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import event

from onderwijsgraaf.auth import ANONYMOUS
from onderwijsgraaf.compiler.operations import Compiler
from onderwijsgraaf.db.gebieden import GebiedenCache
from onderwijsgraaf.peildatum import vandaag
from schema.query import build_schema
from tests.conftest import DATA_DIR, Api, Target, serving

CBS = DATA_DIR / "cbs" / "gemeenten_alfabetisch_2023.csv"
with CBS.open(encoding="utf-8", newline="") as file:
    ROWS = list(csv.DictReader(file))
GEMEENTE = {row["Gemeentenaam"]: row["Gemeentecode"] for row in ROWS}
PROVINCIE = {row["Provincienaam"]: row["Provinciecode"] for row in ROWS}
# ISO 3166-2:NL: the subdivision code of each provincie
ISO = {
    "DR": "Drenthe",
    "FL": "Flevoland",
    "FR": "Fryslân",
    "GE": "Gelderland",
    "GR": "Groningen",
    "LI": "Limburg",
    "NB": "Noord-Brabant",
    "NH": "Noord-Holland",
    "OV": "Overijssel",
    "UT": "Utrecht",
    "ZE": "Zeeland",
    "ZH": "Zuid-Holland",
}
PEILDATUM = "2025-10-01"

# what people write → the gemeente (its CBS name)
GEMEENTE_SPELLINGS = [
    ("0307", "Amersfoort"),
    ("307", "Amersfoort"),
    ("GM0307", "Amersfoort"),
    ("gm307", "Amersfoort"),
    ("Amersfoort", "Amersfoort"),
    ("AMERSFOORT", "Amersfoort"),
    (" amersfoort ", "Amersfoort"),
    ("363", "Amsterdam"),
    ("'s-Gravenhage", "'s-Gravenhage"),
    ("’s-Gravenhage", "'s-Gravenhage"),
    ("s Gravenhage", "'s-Gravenhage"),
    ("Den Haag", "'s-Gravenhage"),
    ("den-haag", "'s-Gravenhage"),
    ("Den Bosch", "'s-Hertogenbosch"),
    ("‘s-Hertogenbosch", "'s-Hertogenbosch"),
    ("Súdwest-Fryslân", "Súdwest-Fryslân"),
    ("Sudwest Fryslan", "Súdwest-Fryslân"),
    ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
    ("nuenen gerwen en nederwetten", "Nuenen, Gerwen en Nederwetten"),
    ("Bergen (NH.)", "Bergen (NH.)"),
    ("Bergen NH", "Bergen (NH.)"),
    ("bergen (l)", "Bergen (L.)"),
    ("Utrecht", "Utrecht"),
    ("Alphen aan den Rijn", "Alphen aan den Rijn"),
    ("alphen-aan-den-rijn", "Alphen aan den Rijn"),
]
# what people write → the provincie (its CBS name); every ISO 3166-2:NL code, with and without NL-
PROVINCIE_SPELLINGS = [
    *((iso, naam) for iso, naam in ISO.items()),
    ("NL-UT", "Utrecht"),
    ("nl-nh", "Noord-Holland"),
    ("ut", "Utrecht"),
    ("Utrecht", "Utrecht"),
    ("UTRECHT", "Utrecht"),
    ("PV26", "Utrecht"),
    ("pv26", "Utrecht"),
    ("26", "Utrecht"),
    ("Fryslân", "Fryslân"),
    ("Fryslan", "Fryslân"),
    ("Friesland", "Fryslân"),
    ("Noord-Holland", "Noord-Holland"),
    ("noord holland", "Noord-Holland"),
    ("zuid-holland", "Zuid-Holland"),
]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def database(request: pytest.FixtureRequest) -> Target:
    """The seeded database, once on SQLite and once on PostgreSQL (``tests.conftest.seeded``)."""
    target: Target = request.getfixturevalue(f"seeded_{request.param}")
    return target


@pytest.fixture(scope="module")
async def api(database: Target) -> AsyncIterator[Api]:
    """The API on ``database`` as ``tests.conftest.api`` serves it, started once for this module
    (its queries are all different, so none is answered from the response cache)."""
    async with serving(database) as api:
        yield api


def aliased(template: str, values: list[str]) -> str:
    """One query asking ``template`` once per value, as a0, a1, …"""
    return (
        "{ " + " ".join(f"a{i}: " + template % json.dumps(v) for i, v in enumerate(values)) + " }"
    )


def nodes(data: dict[str, dict[str, list[dict[str, dict[str, str]]]]], i: int) -> list[str]:
    return [edge["node"]["code"] for edge in data[f"a{i}"]["edges"]]


async def test_every_spelling_of_a_gemeente_is_that_gemeente(api: Api) -> None:
    values = [written for written, _ in GEMEENTE_SPELLINGS]
    found = await api.data(
        aliased("gemeenten(filter: {gemeentecode: [%s]}) { edges { node { code } } }", values)
    )
    for i, (written, naam) in enumerate(GEMEENTE_SPELLINGS):
        assert nodes(found, i) == [GEMEENTE[naam]], written
    # the filters of the other lists take the same spellings: the same rows as the code gives
    for template in (
        "onderwijsaanbieders(filter: {gemeentecode: [%s]}) { totalCount }",
        "onderwijslocaties(filter: {gemeentecode: [%s]}) { totalCount }",
    ):
        by_spelling = await api.data(aliased(template, values))
        by_code = await api.data(aliased(template, [GEMEENTE[n] for _, n in GEMEENTE_SPELLINGS]))
        assert by_spelling == by_code
        assert all(answer["totalCount"] > 0 for answer in by_code.values())


async def test_every_spelling_of_a_provincie_is_that_provincie(api: Api) -> None:
    values = [written for written, _ in PROVINCIE_SPELLINGS]
    found = await api.data(
        aliased("provincies(filter: {provincie: [%s]}) { edges { node { code } } }", values)
    )
    for i, (written, naam) in enumerate(PROVINCIE_SPELLINGS):
        assert nodes(found, i) == [PROVINCIE[naam]], written
    template = "aangebodenOpleidingen(filter: {provincie: [%s]}) { totalCount }"
    by_spelling = await api.data(aliased(template, values))
    by_code = await api.data(aliased(template, [PROVINCIE[n] for _, n in PROVINCIE_SPELLINGS]))
    assert by_spelling == by_code
    assert all(answer["totalCount"] > 0 for answer in by_code.values())


async def test_the_lists_show_every_gemeente_and_provincie_with_all_their_codes(api: Api) -> None:
    provincies = await api.data(
        "{ provincies(orderBy: CODE) { totalCount edges { node { code pvCode afkorting naam "
        "aantalGemeenten } } } }"
    )
    expected = [
        {
            "code": code,
            "pvCode": f"PV{code}",
            "afkorting": next(iso for iso, n in ISO.items() if n == naam),
            "naam": naam,
            "aantalGemeenten": sum(row["Provinciecode"] == code for row in ROWS),
        }
        for naam, code in sorted(PROVINCIE.items(), key=lambda item: item[1])
    ]
    assert provincies["provincies"]["totalCount"] == len(expected)
    assert [edge["node"] for edge in provincies["provincies"]["edges"]] == expected

    seen: list[dict[str, object]] = []
    after = None
    while True:
        page = await api.data(
            "query($after: String) { gemeenten(first: 100, after: $after) { totalCount "
            "pageInfo { hasNextPage endCursor } edges { node { code gmCode naam provincie { code } } } } }",
            {"after": after},
        )
        gemeenten = page["gemeenten"]
        assert gemeenten["totalCount"] == len(ROWS)
        seen += [edge["node"] for edge in gemeenten["edges"]]
        if not gemeenten["pageInfo"]["hasNextPage"]:
            break
        after = gemeenten["pageInfo"]["endCursor"]
    assert sorted(seen, key=lambda g: str(g["code"])) == [
        {
            "code": row["Gemeentecode"],
            "gmCode": row["GemeentecodeGM"],
            "naam": row["Gemeentenaam"],
            "provincie": {"code": row["Provinciecode"]},
        }
        for row in sorted(ROWS, key=lambda row: row["Gemeentecode"])
    ]
    # by name, "'s-Gravenhage" as "s gravenhage"
    names = [g["naam"] for g in seen]
    assert names.index("Rotterdam") < names.index("'s-Gravenhage") < names.index("Schagen")

    found = await api.data(
        '{ gemeenten(filter: {provincie: ["UT"]}, orderBy: CODE, first: 100) '
        "{ totalCount edges { node { code } } } }"
    )
    utrecht = sorted(row["Gemeentecode"] for row in ROWS if row["Provincienaam"] == "Utrecht")
    assert found["gemeenten"]["totalCount"] == len(utrecht)
    assert [edge["node"]["code"] for edge in found["gemeenten"]["edges"]] == utrecht


COUNTS = "aantalOnderwijsaanbieders aantalOnderwijslocaties aantalAangebodenOpleidingen"
TOTALS = (
    ("aantalOnderwijsaanbieders", "onderwijsaanbieders"),
    ("aantalOnderwijslocaties", "onderwijslocaties"),
    ("aantalAangebodenOpleidingen", "aangebodenOpleidingen"),
)


def totals(filter_name: str, codes: list[str]) -> str:
    """For each code, the totalCount of each list filtered on it, on the peildatum."""
    return (
        "{ "
        + " ".join(
            f'{lijst}_{code}: {lijst}(filter: {{{filter_name}: ["{code}"]}}, '
            f'peildatum: "{PEILDATUM}") {{ totalCount }}'
            for code in codes
            for _, lijst in TOTALS
        )
        + " }"
    )


async def test_the_counts_are_those_of_the_lists_filtered_on_the_gemeente(api: Api) -> None:
    codes = [GEMEENTE["Amersfoort"], GEMEENTE["Utrecht"], GEMEENTE["Vlieland"]]
    found = await api.data(
        "query($codes: [String!]) { gemeenten(filter: {gemeentecode: $codes}, "
        f'peildatum: "{PEILDATUM}") {{ edges {{ node {{ code {COUNTS} '
        f"provincie {{ code {COUNTS} }} }} }} }} }}",
        {"codes": codes},
    )
    gemeenten = {e["node"]["code"]: e["node"] for e in found["gemeenten"]["edges"]}
    expected = await api.data(totals("gemeentecode", codes))
    provincie = gemeenten[codes[0]]["provincie"]
    expected_provincie = await api.data(totals("provincie", [provincie["code"]]))
    for code in codes:
        for field, lijst in TOTALS:
            assert gemeenten[code][field] == expected[f"{lijst}_{code}"]["totalCount"], field
            assert (
                provincie[field] == expected_provincie[f"{lijst}_{provincie['code']}"]["totalCount"]
            )
    assert all(gemeenten[codes[0]][field] > 0 for field, _ in TOTALS)
    assert provincie[TOTALS[0][0]] > gemeenten[codes[0]][TOTALS[0][0]]


async def test_the_counts_of_the_provincies_add_up_to_every_location(api: Api) -> None:
    found = await api.data(
        f'{{ provincies(peildatum: "{PEILDATUM}") {{ edges {{ node {{ {COUNTS} }} }} }} '
        f'onderwijslocaties(peildatum: "{PEILDATUM}") {{ totalCount }} '
        f'aangebodenOpleidingen(peildatum: "{PEILDATUM}") {{ totalCount }} }}'
    )
    provincies = [edge["node"] for edge in found["provincies"]["edges"]]
    for field, lijst in TOTALS[1:]:
        # every location has a provincie, and every offering at a location is counted there
        assert 0 < sum(p[field] for p in provincies) <= found[lijst]["totalCount"]


UTRECHT = f"Utrecht (UT, {PROVINCIE['Utrecht']})"
# the numerically nearest codes to 0999 and to PV99
NEAR_0999 = min(GEMEENTE.items(), key=lambda item: (abs(int(item[1]) - 999), item[1]))
NEAR_99 = max(PROVINCIE.items(), key=lambda item: item[1])
UNKNOWN = [
    (
        'onderwijsaanbieders(filter: {provincie: ["Utrech"]}) { totalCount }',
        ["provincie: 'Utrech' is no provincie", UTRECHT],
    ),
    (
        'onderwijslocaties(filter: {provincie: ["Utrech"]}) { totalCount }',
        ["provincie: 'Utrech' is no provincie", UTRECHT],
    ),
    (
        'aangebodenOpleidingen(filter: {provincie: ["PV99"]}) { totalCount }',
        [
            "provincie: 'PV99' is not the CBS code of a provincie",
            f"{NEAR_99[0]} (LI, {NEAR_99[1]})",
        ],
    ),
    (
        'provincies(filter: {provincie: ["Gelderlnd"]}) { totalCount }',
        ["provincie: 'Gelderlnd' is no provincie", f"Gelderland (GE, {PROVINCIE['Gelderland']})"],
    ),
    (
        'onderwijsaanbieders(filter: {gemeentecode: ["Amersfort"]}) { totalCount }',
        ["gemeentecode: 'Amersfort' is no gemeente", f"Amersfoort ({GEMEENTE['Amersfoort']})"],
    ),
    (
        'onderwijslocaties(filter: {gemeentecode: ["0999"]}) { totalCount }',
        [
            "gemeentecode: '0999' is not the CBS code of a gemeente",
            f"{NEAR_0999[0]} ({NEAR_0999[1]})",
        ],
    ),
    (
        'gemeenten(filter: {gemeentecode: ["Bergen"]}) { totalCount }',
        [
            "more than one gemeente",
            f"Bergen (NH.) ({GEMEENTE['Bergen (NH.)']})",
            f"Bergen (L.) ({GEMEENTE['Bergen (L.)']})",
        ],
    ),
    (
        'gemeenten(filter: {provincie: [" "]}) { totalCount }',
        ["provincie: ' ' names no provincie"],
    ),
    ("gemeenten(orderBy: POSTCODE) { totalCount }", ["orderBy POSTCODE is not available"]),
]


async def test_an_unknown_gemeente_or_provincie_is_refused_with_the_nearest(api: Api) -> None:
    for query, expected in UNKNOWN:
        error = await api.error("{ " + query + " }")
        assert error["extensions"]["code"] == "BAD_USER_INPUT", query
        for part in expected:
            assert part in error["message"], (query, error["message"])


async def test_the_lists_cost_no_statement_and_their_counts_one_per_list(api: Api) -> None:
    query = "{ gemeenten(first: 100) { totalCount edges { node { code naam provincie { afkorting } } } } }"
    _, statements = await api.counted(query)
    assert statements == 0  # the gemeenten and provincies are in memory
    query = f"{{ gemeenten(first: 100) {{ edges {{ node {{ {COUNTS} provincie {{ {COUNTS} }} }} }} }} }}"
    _, statements = await api.counted(query)
    assert statements == 2  # one for the gemeenten, one for their provincies
    _, statements = await api.counted(f"{{ provincies {{ edges {{ node {{ {COUNTS} }} }} }} }}")
    assert statements == 1


async def test_a_new_data_version_loads_them_again_and_plans_anew(seeded: Target) -> None:
    engine = seeded.engine()
    statements: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    served = ["eerste"]

    async def version() -> str | None:
        return served[0]

    gebieden = GebiedenCache(engine, version)
    compiler = Compiler(build_schema(), engine.dialect, gebieden=gebieden)
    query = '{ onderwijslocaties(filter: {provincie: ["UT"]}) { totalCount } }'

    async def plan() -> object:
        return await compiler.plan_aside(query, None, None, ANONYMOUS, vandaag())

    try:
        first = await plan()
        assert first is not None
        assert len(statements) == 1  # the gemeenten and provincies, loaded once
        assert await plan() is first
        loaded = gebieden.latest
        served[0] = "tweede"
        second = await plan()
        assert len(statements) == 2
        assert gebieden.latest is not loaded
        assert second is not None
        assert second is not first  # its codes resolved against the new data
        assert await plan() is second
    finally:
        await engine.dispose()
