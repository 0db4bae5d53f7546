"""The code crosswalk on both databases: every BRIN6 of the 2024 school file, every CROHO code
of the HO file and every bevoegd-gezagnummer resolves to the object the files say (which code
leads to which object, and how many, from the files; on which days, as the seed reads their
dates), through the root field's own conditions (``resolvers.codes``); through the API:
``codes(code:)``, the ``erkenningscode`` and ``erkendeOpleidingscode`` filters (CROHO variants
included), every object's ``codes``, bad input, and the statements each costs."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

import pytest
from sqlalchemy import and_, select

from onderwijsgraaf.db.models import (
    Code,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Opleidingseenheid,
    geldig_op,
)
from onderwijsgraaf.settings import ROOT
from resolvers import codes
from tests.conftest import DATA_DIR, Api, Target, serving
from tests.scholenbestand import (
    adres_2026,
    bevoegd_gezag_per_brin4,
    nieuwste_naam,
    scholen,
    verhuisd,
)

SCHOOLDAG = dt.date(2024, 11, 22)  # the peildatum of the school file
HO_DAG = dt.date(2026, 8, 4)  # the peildatum of the HO file
CHUNK = 1000  # codes per statement, well below the databases' limits on parameters


# -- the source files ---------------------------------------------------------------------
def _datum(value: str) -> dt.date | None:
    return dt.datetime.strptime(value, "%Y%m%d").date() if value.strip() else None


@cache
def brin6_perioden() -> dict[str, tuple[dt.date | None, dt.date | None]]:
    """BRIN6 → (datum_oprichting, datum_opheffing) in DUO's decode table."""
    path = DATA_DIR / "duo" / "dec_instellingscode_vestiging_brin6.csv"
    with path.open(encoding="utf-8", newline="") as file:
        return {
            row["instellingscode"] + row["vestigingsnummer"]: (
                _datum(row["datum_oprichting"]),
                _datum(row["datum_opheffing"]),
            )
            for row in csv.DictReader(file)
        }


def geldig(periode: tuple[dt.date | None, dt.date | None], dag: dt.date) -> bool:
    begin, end = periode
    return (begin is None or begin <= dag) and (end is None or end > dag)


@cache
def ho_rijen() -> list[dict[str, str]]:
    path = DATA_DIR / "duo" / "ho_opleidingsoverzicht_rio_2026.csv"
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _iso(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@cache
def ho_eenheden() -> dict[str, dict[str, str]]:
    """opleidingseenheidcode → its first row in the HO file."""
    found: dict[str, dict[str, str]] = {}
    for row in ho_rijen():
        found.setdefault(row["OPLEIDINGSEENHEIDCODE"], row)
    return found


def croho_codes() -> dict[str, set[tuple[str, str]]]:
    """CROHO code → {(soort, opleidingseenheid)}: its own programmes and their variants."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for eenheid, row in ho_eenheden().items():
        if row["ERKENDEOPLEIDINGSCODE"]:
            found[row["ERKENDEOPLEIDINGSCODE"]].add(("ERKENDEOPLEIDINGSCODE", eenheid))
        if row["VARIANT_VAN"]:
            found[row["VARIANT_VAN"]].add(("VARIANT_VAN", eenheid))
    return dict(found)


Periode = tuple[dt.date | None, dt.date | None]
PERIODEN: dict[Target, dict[str, Periode]] = {}


async def eenheid_perioden(target: Target) -> dict[str, Periode]:
    """opleidingseenheid → its period as the seed reads the HO file (which widens an eenheid to
    cover its offerings)."""
    if target not in PERIODEN:
        engine = target.engine()
        try:
            async with engine.connect() as conn:
                o = Opleidingseenheid
                rows = await conn.execute(select(o.code, o.begindatum, o.einddatum))
                PERIODEN[target] = {code: (begin, end) for code, begin, end in rows}
        finally:
            await engine.dispose()
    return PERIODEN[target]


@cache
def bestuursnummers() -> dict[str, set[str]]:
    """bevoegd-gezagnummer → the BRIN4s of the school file it is the bestuur of (the newest
    file naming one)."""
    brin4s = {school["brin_nummer"] for found in scholen().values() for school in found}
    found: dict[str, set[str]] = defaultdict(set)
    for brin4, nummer in bevoegd_gezag_per_brin4().items():
        if brin4 in brin4s:
            found[nummer].add(brin4)
    return dict(found)


def chunks(values: Sequence[str]) -> Iterator[list[str]]:
    ordered = sorted(values)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


async def crosswalk(
    target: Target, found: Sequence[str], soort: list[str], dag: dt.date, *columns: Any
) -> list[Any]:
    """The rows of ``codes(code: found, soort: soort, peildatum: dag)`` as the root field selects
    them (its conditions), with ``columns`` of the objects valid on ``dag`` they lead to."""
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            rows: list[Any] = []
            for part in chunks(found):
                where = codes.conditions(codes.CodeFilter(code=part, soort=soort), dag)
                query = (
                    select(Code.code, Code.soort, Code.hoofd_neven_vestiging, *columns)
                    .select_from(Code)
                    .where(*where)
                )
                for model, column in (
                    (Onderwijsbestuur, Code.onderwijsbestuur_code),
                    (Onderwijsaanbieder, Code.onderwijsaanbieder_code),
                    (Onderwijslocatie, Code.onderwijslocatie_code),
                    (Opleidingseenheid, Code.opleidingseenheid_code),
                ):
                    on = and_(model.code == column, geldig_op(model, dag))
                    query = query.outerjoin(model, on)
                rows += (await conn.execute(query)).all()
            return rows
    finally:
        await engine.dispose()


# -- completeness against the files -------------------------------------------------------
async def test_every_brin6_of_the_school_file_resolves(seeded: Target) -> None:
    files = scholen()
    expected = set(files)  # every one: the file lists the schools of its peildatum
    rows = await crosswalk(
        seeded,
        list(files),
        ["ERKENDE_VESTIGING"],
        SCHOOLDAG,
        Onderwijsaanbieder.eigen_sleutel,
        Onderwijsaanbieder.naam,
        Onderwijslocatie.postcode,
        Onderwijslocatie.huisnummer,
    )
    aanbieders: dict[str, list[tuple[str, str]]] = defaultdict(list)
    locaties: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for row in rows:
        assert row.soort == "ERKENDE_VESTIGING"
        hoofd = row.code.endswith("00")
        assert row.hoofd_neven_vestiging == ("HOOFDVESTIGING" if hoofd else "NEVENVESTIGING")
        if row.eigen_sleutel is not None:
            aanbieders[row.code].append((row.eigen_sleutel, row.naam))
        if row.postcode is not None:
            locaties[row.code].add((row.postcode, row.huisnummer))
    assert set(aanbieders) == expected
    assert set(locaties) == expected
    for brin6 in expected:
        features = files[brin6]
        # the vestiging, with its name in the newest file; besides it only the (derived) MBO
        # instelling of the same BRIN4 where that teaches at this vestiging too
        assert (brin6, nieuwste_naam(brin6)) in aanbieders[brin6], brin6
        assert {sleutel for sleutel, _ in aanbieders[brin6]} <= {brin6, brin6[:4]}, brin6
        # its locaties with an address: the addresses of its features (an MBO locatie has none),
        # or its 2026 address where it moved since
        adressen = {(f["postcode"].replace(" ", "").upper(), f["huisnummer"]) for f in features}
        if brin6 in verhuisd():
            adressen = {adres_2026(brin6)}
        assert locaties[brin6] == adressen, brin6


async def test_every_croho_code_of_the_ho_file_resolves(seeded: Target) -> None:
    perioden = await eenheid_perioden(seeded)
    per_code = croho_codes()
    assert (
        len(per_code)
        == len(
            {r["ERKENDEOPLEIDINGSCODE"] for r in ho_rijen()}
            | {r["VARIANT_VAN"] for r in ho_rijen()}
        )
        - 1
    )  # every code but the empty one
    # each code on the file's peildatum, or (when all its programmes have ended by then) on the
    # first day of its newest programme, so that every one resolves
    per_dag: dict[dt.date, list[str]] = defaultdict(list)
    for code, eenheden in per_code.items():
        if any(geldig(perioden[e], HO_DAG) for _, e in eenheden):
            per_dag[HO_DAG].append(code)
        else:
            per_dag[max(b for _, e in eenheden if (b := perioden[e][0]))].append(code)
    resolved: dict[str, set[tuple[str, str]]] = defaultdict(set)
    expected: dict[str, set[tuple[str, str]]] = {}
    for dag, found in per_dag.items():
        rows = await crosswalk(
            seeded, found, list(codes.OPLEIDING), dag, Opleidingseenheid.code.label("eenheid")
        )
        for row in rows:
            assert row.eenheid is not None, row
            resolved[row.code].add((row.soort, row.eenheid))
        for code in found:
            expected[code] = {(s, e) for s, e in per_code[code] if geldig(perioden[e], dag)}
            assert expected[code], code
    assert len(resolved) == len(per_code)
    assert resolved == expected


async def test_every_bestuursnummer_resolves(seeded: Target) -> None:
    nummers = bestuursnummers()
    rows = await crosswalk(
        seeded,
        list(nummers),
        ["BEVOEGD_GEZAG"],
        SCHOOLDAG,
        Onderwijsbestuur.code.label("bestuur"),
        Onderwijsbestuur.bevoegd_gezag_nummer,
    )
    bestuur: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        assert row.bevoegd_gezag_nummer == row.code
        bestuur[row.code].append(row.bestuur)
    assert set(bestuur) == set(nummers)
    assert all(len(found) == 1 for found in bestuur.values())
    # the right bestuur: the one of the aanbieders of its BRIN4s (each BRIN4 has one number)
    van_brin4 = {brin4: nummer for nummer, brin4s in nummers.items() for brin4 in brin4s}
    assert len(van_brin4) == sum(len(brin4s) for brin4s in nummers.values())
    aanbieders = await crosswalk(
        seeded,
        list(van_brin4),
        ["ERKENDE_ONDERWIJSINSTELLING"],
        SCHOOLDAG,
        Onderwijsaanbieder.onderwijsbestuur_code,
        Onderwijsaanbieder.eigen_sleutel,
    )
    assert {row.code for row in aanbieders} == {b[:4] for b in scholen() if b[:4] in van_brin4}
    for row in aanbieders:
        if row.eigen_sleutel != row.code:  # not the derived MBO instelling of the BRIN4
            assert row.onderwijsbestuur_code == bestuur[van_brin4[row.code]][0], row


# -- through the API ----------------------------------------------------------------------
CODE_FIELDS = """soort code hoofdNevenVestiging begindatum einddatum herkomst { bron }
  erkenning { __typename code } onderwijsbestuur { code bevoegdGezagNummer }
  onderwijsaanbieder { code naam eigenSleutel } onderwijslocatie { adres { postcode huisnummer } }
  opleidingseenheid { code naamLang } aangebodenOpleiding { code }"""


async def test_a_school_by_brin(api: Api) -> None:
    school = scholen()["31EW01"][0]
    nummer = next(n for n, brin4s in bestuursnummers().items() if "31EW" in brin4s)
    brin6s = sorted(b for b in scholen() if b.startswith("31EW"))
    data = await api.data(
        f"""{{
      codes(code: " 31ew01 ", peildatum: "{SCHOOLDAG}") {{
        totalCount edges {{ node {{ {CODE_FIELDS} }} }}
      }}
      brin4: onderwijsaanbieders(filter: {{erkenningscode: ["31ew"]}}, peildatum: "{SCHOOLDAG}") {{
        totalCount edges {{ node {{ eigenSleutel }} }}
      }}
      brin6: onderwijsaanbieders(filter: {{erkenningscode: ["31EW01"]}}, peildatum: "{SCHOOLDAG}") {{
        edges {{ node {{
          code eigenSleutel
          codes(first: 10) {{ edges {{ node {{ soort code hoofdNevenVestiging }} }} }}
          onderwijsbestuur {{ codes(first: 10) {{ edges {{ node {{ soort code }} }} }} }}
          onderwijslocaties(first: 5) {{ edges {{ node {{ codes(first: 10) {{ edges {{ node {{ soort code }} }} }} }} }} }}
        }} }}
      }}
      locaties: onderwijslocaties(filter: {{erkenningscode: ["31EW", "31EW01"]}}, peildatum: "{SCHOOLDAG}") {{
        totalCount
      }}
    }}"""
    )
    found = [edge["node"] for edge in data["codes"]["edges"]]
    assert data["codes"]["totalCount"] == 2 == len(found)
    aanbieder = next(n["onderwijsaanbieder"] for n in found if n["onderwijsaanbieder"])
    assert aanbieder["eigenSleutel"] == "31EW01"
    assert aanbieder["naam"] == school["naam"]
    locatie = next(n["onderwijslocatie"] for n in found if n["onderwijslocatie"])
    assert locatie["adres"] == {"postcode": school["postcode"], "huisnummer": school["huisnummer"]}
    for node in found:
        assert (node["soort"], node["code"]) == ("ERKENDE_VESTIGING", "31EW01")
        assert node["hoofdNevenVestiging"] == "NEVENVESTIGING"
        assert node["erkenning"] == {"__typename": "Vestigingserkenning", "code": "31EW01"}
        assert node["herkomst"]["bron"] == "duo-scholen-2024"
    assert data["brin4"]["totalCount"] == len(brin6s)
    assert sorted(e["node"]["eigenSleutel"] for e in data["brin4"]["edges"]) == brin6s
    [vestiging] = [edge["node"] for edge in data["brin6"]["edges"]]
    assert {(c["node"]["soort"], c["node"]["code"]) for c in vestiging["codes"]["edges"]} == {
        ("ONDERWIJSAANBIEDERCODE", vestiging["code"]),
        ("ERKENDE_ONDERWIJSINSTELLING", "31EW"),
        ("ERKENDE_VESTIGING", "31EW01"),
    }
    bestuur = {
        (c["node"]["soort"], c["node"]["code"]) for c in _codes(vestiging["onderwijsbestuur"])
    }
    assert ("BEVOEGD_GEZAG", nummer) in bestuur
    [locatie_codes] = [_codes(e["node"]) for e in vestiging["onderwijslocaties"]["edges"]]
    assert ("ERKENDE_VESTIGING", "31EW01") in {
        (c["node"]["soort"], c["node"]["code"]) for c in locatie_codes
    }
    # the locaties of the BRIN4's vestigingen: one address each in the file
    adressen = {(f["postcode"], f["huisnummer"]) for b in brin6s for f in scholen()[b]}
    assert data["locaties"]["totalCount"] == len(adressen)


async def test_the_readme_example_finds_the_school(api: Api) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Een school vinden op BRIN of andere code", 1)[1]
    query = section.split("```graphql", 1)[1].split("```", 1)[0]
    data = await api.data(query)
    [aanbieder] = [
        e["node"]["onderwijsaanbieder"]
        for e in data["codes"]["edges"]
        if e["node"]["onderwijsaanbieder"]
    ]
    assert aanbieder["naam"] == scholen()["31EW01"][0]["naam"]


def _codes(node: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = node["codes"]["edges"]
    return found


async def test_a_croho_code_includes_its_variants(api: Api, seeded: Target) -> None:
    dag = dt.date(2026, 10, 1)
    perioden = await eenheid_perioden(seeded)
    per_code = croho_codes()["34116"]
    eenheden = {e for _, e in per_code if geldig(perioden[e], dag)}
    aanbod = {
        r["AANGEBODEN_OPLEIDINGCODE"]
        for r in ho_rijen()
        if r["OPLEIDINGSEENHEIDCODE"] in eenheden
        and r["AANGEBODEN_OPLEIDINGCODE"]
        and geldig(
            (_iso(r["AANGEBODEN_OPLEIDING_BEGINDATUM"]), _iso(r["AANGEBODEN_OPLEIDING_EINDDATUM"])),
            dag,
        )
    }
    # the issue: "the source has 51 offerings for Social Work on 2026-10-01, the API finds 32"
    # (those of the programmes with the code itself; the other 19 are of variants)
    assert len(aanbod) == 51
    eigen = {e for s, e in per_code if s == "ERKENDEOPLEIDINGSCODE"}
    assert (
        len(
            {
                r["AANGEBODEN_OPLEIDINGCODE"]
                for r in ho_rijen()
                if r["AANGEBODEN_OPLEIDINGCODE"] in aanbod and r["OPLEIDINGSEENHEIDCODE"] in eigen
            }
        )
        == 32
    )
    varianten = {e for s, e in per_code if s == "VARIANT_VAN" and e in eenheden}
    data = await api.data(
        f"""{{
      aangebodenOpleidingen(filter: {{erkendeOpleidingscode: ["34116"]}}, peildatum: "{dag}", first: 100) {{
        totalCount edges {{ node {{ code codes(first: 5) {{ edges {{ node {{ soort code }} }} }} }} }}
      }}
      opleidingseenheden(filter: {{erkendeOpleidingscode: ["34116"]}}, peildatum: "{dag}", first: 100) {{
        totalCount edges {{ node {{ code codes(first: 5) {{ edges {{ node {{ soort code }} }} }} }} }}
      }}
      codes(code: "34116", soort: [VARIANT_VAN], peildatum: "{dag}", first: 100) {{
        totalCount edges {{ node {{ opleidingseenheid {{ code ... on HoOpleiding {{ variantVan }} }} }} }}
      }}
    }}"""
    )
    found = data["aangebodenOpleidingen"]
    assert found["totalCount"] == len(aanbod)
    assert {e["node"]["code"] for e in found["edges"]} == aanbod
    for edge in found["edges"]:  # an offering's only code is its own
        assert _codes(edge["node"]) == [
            {"node": {"soort": "AANGEBODENOPLEIDINGCODE", "code": edge["node"]["code"]}}
        ]
    assert data["opleidingseenheden"]["totalCount"] == len(eenheden)
    for edge in data["opleidingseenheden"]["edges"]:
        own = ("OPLEIDINGSEENHEIDCODE", edge["node"]["code"])
        croho = (
            "VARIANT_VAN" if edge["node"]["code"] in varianten else "ERKENDEOPLEIDINGSCODE",
            "34116",
        )
        assert {(c["node"]["soort"], c["node"]["code"]) for c in _codes(edge["node"])} == {
            own,
            croho,
        }
    assert data["codes"]["totalCount"] == len(varianten) > 0
    for edge in data["codes"]["edges"]:
        assert edge["node"]["opleidingseenheid"]["variantVan"] == "34116"


async def test_codes_bad_input_and_peildatum(api: Api) -> None:
    for query, argument in (
        (
            '{ onderwijsaanbieders(filter: {erkenningscode: ["31EW0"]}) { totalCount } }',
            "erkenningscode",
        ),
        (
            '{ onderwijslocaties(filter: {erkenningscode: ["100A001"]}) { totalCount } }',
            "erkenningscode",
        ),
        (
            '{ opleidingseenheden(filter: {erkendeOpleidingscode: ["34 116"]}) { totalCount } }',
            "erkendeOpleidingscode",
        ),
        ('{ codes(code: ["31EW01", " "]) { totalCount } }', "code"),
        ("{ codes(code: []) { totalCount } }", "code"),
    ):
        error = await api.error(query)
        assert error["extensions"]["code"] == "BAD_USER_INPUT", query
        assert error["message"].startswith(f"{argument}: "), error
    error = await api.error('{ onderwijsaanbieder(code: "31EW01") { code } }')
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert 'codes(code: "31EW01")' in error["message"]
    begin = brin6_perioden()["31EW01"][0]
    assert begin is not None
    data = await api.data(
        f"""{{ onbekend: codes(code: "XX99") {{ totalCount edges {{ cursor }} }}
        ervoor: codes(code: "31EW01", peildatum: "{begin - dt.timedelta(days=1)}") {{ totalCount }}
        erop: codes(code: "31EW01", peildatum: "{begin}") {{ totalCount }} }}"""
    )
    assert data == {
        "onbekend": {"totalCount": 0, "edges": []},
        "ervoor": {"totalCount": 0},
        "erop": {"totalCount": 2},
    }


# -- statements ---------------------------------------------------------------------------
LOOKUP = f"""query($code: [String!]!) {{
  codes(code: $code, peildatum: "{SCHOOLDAG}", first: 100) {{
    totalCount edges {{ node {{ soort code erkenning {{ code }} onderwijsaanbieder {{ naam }} onderwijslocatie {{ code }} }} }}
  }}
}}"""
NESTED = f"""query($first: Int!) {{
  onderwijsaanbieders(filter: {{provincie: ["Utrecht"]}}, first: $first, peildatum: "{SCHOOLDAG}") {{
    edges {{ node {{ naam codes(first: 10) {{ totalCount edges {{ node {{ soort code erkenning {{ code }} }} }} }} }} }}
  }}
}}"""


@pytest.mark.parametrize("size", [1, 40])
async def test_statements_do_not_grow_with_the_answer(seeded: Target, size: int) -> None:
    brin6s = sorted(scholen())[:size]
    async with serving(seeded, query_compiler=False) as resolving:
        data, statements = await resolving.counted(LOOKUP, {"code": brin6s})
        # each BRIN6 leads to its aanbieder and its locaties
        assert data["codes"]["totalCount"] >= 2 * size
        # the rows, their total, then one per link: erkenning, aanbieder, locatie
        assert statements == 5
        data, statements = await resolving.counted(NESTED, {"first": size})
        assert len(data["onderwijsaanbieders"]["edges"]) == size
        # the aanbieders, then their codes and the erkenningen of those
        assert statements == 3
    async with serving(seeded) as api:
        data, statements = await api.counted(NESTED, {"first": size})
        assert len(data["onderwijsaanbieders"]["edges"]) == size
        assert statements == 1  # compiled: one statement, codes and erkenningen included
