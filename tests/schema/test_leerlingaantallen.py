"""Leerlingaantallen through the API against DUO's pupil files, read here with csv and json:
totals per gemeente and bestuur, whole series of ten vestigingen, VO per onderwijstype, the
masked "<5", the bounds and their error, the count on a peildatum, and the statements."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select

from onderwijsgraaf.db.models import Code, Leerlingaantal, Onderwijsaanbieder
from onderwijsgraaf.settings import ROOT
from seed import bronnen
from tests.conftest import Api, Target
from tests.scholenbestand import po_leerlingen, scholen, vo_onderwijstype, vo_totalen

PO_JAREN = range(1996, 2026)
REEKS = "leerlingaantallen { teldatum aantal gemaskeerd vestigingen bronnen }"
Verwacht = dict[dt.date, tuple[int, bool, str]]  # teldatum → (aantal, gemaskeerd, bron)


def teldatum(jaar: int) -> dt.date:
    return dt.date(jaar, 10, 1)


def po_telling(waarde: str) -> tuple[int, bool]:
    """A cell of the PO file: "<5" is masked and counted as 2."""
    return (2, True) if waarde == "<5" else (int(waarde), False)


def vo_2019(brin6: str) -> list[dict[str, str]]:
    return [r for r in vo_onderwijstype() if r["BRIN NUMMER"] + r["VESTIGINGSNUMMER"] == brin6]


def pupils(row: dict[str, str]) -> int:
    return sum(int(v) for k, v in row.items() if k.startswith("LEER- OF VERBLIJFSJAAR"))


def verwacht(brin6: str) -> Verwacht:
    """The series of one vestiging from the files, the first source in the README's order of
    precedence giving the count of a teldatum."""
    found: Verwacht = {}
    detail = sum(pupils(r) for r in vo_2019(brin6))
    if detail:
        found[teldatum(2019)] = (detail, False, bronnen.LEERLINGEN_VO_ONDERWIJSTYPE.code)
    po = po_leerlingen().get(brin6)
    for jaar in PO_JAREN if po else ():
        aantal, masked = po_telling(po[f"LEERLINGEN_{jaar}"]) if po else (0, False)
        if aantal:
            found.setdefault(teldatum(jaar), (aantal, masked, bronnen.LEERLINGEN_PO.code))
    for jaar, bron in ((2021, bronnen.LEERLINGEN_VO_2021), (2022, bronnen.LEERLINGEN_VO_2022)):
        row = vo_totalen(jaar).get(brin6)
        if row and int(row["TOTAAL AANTAL LEERLINGEN"]):
            found.setdefault(
                teldatum(jaar), (int(row["TOTAAL AANTAL LEERLINGEN"]), False, bron.code)
            )
    features = [f for f in scholen().get(brin6, []) if f["leerlingen"] is not None]
    if features and features[0]["leerlingen"]:
        aantal = features[0]["leerlingen"]
        found.setdefault(teldatum(2023), (aantal, aantal == 2, bronnen.SCHOLEN.code))
    return found


async def rows(target: Target, query: Any) -> list[Any]:
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(query)).all())
    finally:
        await engine.dispose()


async def open_aanbieders(target: Target, brin6s: set[str]) -> dict[str, str]:
    """BRIN6 → the code of its aanbieder, for those open now."""
    a = Onderwijsaanbieder
    found = await rows(
        target,
        select(a.eigen_sleutel, a.code).where(a.eigen_sleutel.in_(brin6s), a.einddatum.is_(None)),
    )
    return dict(found)


def spread(items: list[str], n: int) -> list[str]:
    """``n`` items spread over the sorted list."""
    items = sorted(items)
    return [items[i * len(items) // n] for i in range(n)]


async def series_of(api: Api, codes: list[str], peildatum: str) -> dict[str, Any]:
    fields = " ".join(
        f'a{i}: onderwijsaanbieder(code: "{code}", peildatum: "{peildatum}") '
        f"{{ eigenSleutel {REEKS} }}"
        for i, code in enumerate(codes)
    )
    data = await api.data(f"{{ {fields} }}")
    return {node["eigenSleutel"]: node["leerlingaantallen"] for node in data.values()}


def as_api(found: Verwacht) -> list[dict[str, Any]]:
    return [
        {
            "teldatum": day.isoformat(),
            "aantal": aantal,
            "gemaskeerd": masked,
            "vestigingen": 1,
            "bronnen": [bron],
        }
        for day, (aantal, masked, bron) in sorted(found.items(), reverse=True)
    ]


async def test_ten_vestigingen_have_their_whole_series(api: Api, seeded: Target) -> None:
    po = [b for b, r in po_leerlingen().items() if r["LEERLINGEN_2025"] not in ("0", "<5")]
    vo = [b for b in vo_totalen(2022) if b in scholen() and vo_2019(b)]
    po_open = await open_aanbieders(seeded, set(po))
    vo_open = await open_aanbieders(seeded, set(vo))
    chosen = spread(list(po_open), 7) + spread(list(vo_open), 3)
    codes = [po_open.get(b) or vo_open[b] for b in chosen]
    found = await series_of(api, codes, "2025-10-01")
    assert sorted(found) == sorted(chosen)
    for brin6 in chosen:
        assert found[brin6] == as_api(verwacht(brin6)), brin6
    sources = {b for brin6 in chosen for entry in found[brin6] for b in entry["bronnen"]}
    assert len(sources) == 5, sources  # every source is in the sample


async def test_totals_per_gemeente_in_two_years(seeded: Target) -> None:
    gemeente = {b: r["GEMEENTECODE_VESTIGING"] for b, r in po_leerlingen().items()}
    for jaar in (2012, 2025):
        expected: dict[str, int] = defaultdict(int)
        for brin6, row in po_leerlingen().items():
            expected[gemeente[brin6]] += po_telling(row[f"LEERLINGEN_{jaar}"])[0]
        t = Leerlingaantal
        stored = await rows(
            seeded,
            select(t.vestiging, func.sum(t.aantal))
            .where(t.teldatum == teldatum(jaar))
            .group_by(t.vestiging),
        )
        got: dict[str, int] = defaultdict(int)
        for brin6, aantal in stored:
            got[gemeente[brin6]] += aantal
        assert {g: n for g, n in got.items()} == {g: n for g, n in expected.items() if n}, jaar
        assert len(got) > 300


async def test_totals_per_bestuur_in_two_years(api: Api, seeded: Target) -> None:
    per_bgn: dict[str, int] = defaultdict(int)
    for row in po_leerlingen().values():
        if row["LEERLINGEN_2025"] != "0":
            per_bgn[row["BEVOEGD_GEZAG_NUMMER"]] += 1
    bgns = spread([b for b, n in per_bgn.items() if 5 <= n <= 40], 2)
    c = Code
    besturen = await rows(
        seeded,
        select(c.code, c.onderwijsbestuur_code).where(
            c.soort == "BEVOEGD_GEZAG", c.code.in_(bgns), c.onderwijsbestuur_code.is_not(None)
        ),
    )
    assert len({code for code, _ in besturen}) == 2
    for _, bestuur in besturen:
        for jaar in (2016, 2025):
            day = teldatum(jaar).isoformat()
            data = await api.data(
                f'{{ onderwijsbestuur(code: "{bestuur}", peildatum: "2025-10-01") {{ '
                "onderwijsaanbieders(first: 100) { totalCount edges { node { eigenSleutel "
                f'leerlingaantallen(vanaf: "{day}", tot: "{day}") {{ aantal }} }} }} }} }} }}'
            )
            aanbieders = data["onderwijsbestuur"]["onderwijsaanbieders"]
            assert 5 <= aanbieders["totalCount"] <= 100
            nodes = [e["node"] for e in aanbieders["edges"]]
            got = sum(x["aantal"] for n in nodes for x in n["leerlingaantallen"])
            expected = sum(
                po_telling(po_leerlingen()[n["eigenSleutel"]][f"LEERLINGEN_{jaar}"])[0]
                for n in nodes
                if n["eigenSleutel"] in po_leerlingen()
            )
            assert got == expected > 0, (bestuur, jaar)


async def test_vo_per_onderwijstype_is_on_the_aanbod(api: Api, seeded: Target) -> None:
    vo = {r["BRIN NUMMER"] + r["VESTIGINGSNUMMER"] for r in vo_onderwijstype()}
    open_ = await open_aanbieders(seeded, vo)
    for brin6 in spread(list(open_), 5):
        data = await api.data(
            f'{{ onderwijsaanbieder(code: "{open_[brin6]}") {{ '
            'leerlingaantallen(vanaf: "2019-10-01", tot: "2019-10-01") { aantal vestigingen } '
            "aangebodenOpleidingen(first: 100) { totalCount edges { node { "
            "opleidingseenheid { naamLang } "
            'leerlingaantallen(vanaf: "2019-10-01", tot: "2019-10-01") { aantal gemaskeerd } '
            "} } } } }"
        )
        aanbieder = data["onderwijsaanbieder"]
        assert aanbieder["aangebodenOpleidingen"]["totalCount"] <= 100
        got: dict[str, int] = defaultdict(int)
        for edge in aanbieder["aangebodenOpleidingen"]["edges"]:
            for entry in edge["node"]["leerlingaantallen"]:
                got[edge["node"]["opleidingseenheid"]["naamLang"]] += entry["aantal"]
                assert entry["gemaskeerd"] is False
        expected: dict[str, int] = defaultdict(int)
        for row in vo_2019(brin6):
            expected[row["OPLEIDINGSNAAM"]] += pupils(row)
        assert dict(got) == dict(expected), brin6
        total = sum(expected.values())
        assert aanbieder["leerlingaantallen"] == [{"aantal": total, "vestigingen": 1}]


async def test_a_masked_count_is_two_and_marked(api: Api, seeded: Target) -> None:
    cells = sorted(
        (brin6, jaar)
        for brin6, row in po_leerlingen().items()
        for jaar in PO_JAREN
        if row[f"LEERLINGEN_{jaar}"] == "<5"
    )
    t = Leerlingaantal
    assert await rows(seeded, select(func.count()).where(t.gemaskeerd)) == [(len(cells),)]
    open_ = await open_aanbieders(seeded, {b for b, _ in cells})
    brin6, jaar = next((b, j) for b, j in cells if b in open_)
    found = (await series_of(api, [open_[brin6]], "2025-10-01"))[brin6]
    by_day = {entry["teldatum"]: entry for entry in found}
    assert by_day[teldatum(jaar).isoformat()]["aantal"] == 2
    assert by_day[teldatum(jaar).isoformat()]["gemaskeerd"] is True
    plain = [e for day, e in by_day.items() if day != teldatum(jaar).isoformat()]
    assert plain
    assert all(e["gemaskeerd"] is (e["aantal"] == 2) for e in plain)
    assert found == as_api(verwacht(brin6))


async def test_vanaf_and_tot_are_inclusive_bounds(api: Api, seeded: Target) -> None:
    po = [
        b for b, r in po_leerlingen().items() if all(r[f"LEERLINGEN_{j}"] != "0" for j in PO_JAREN)
    ]
    open_ = await open_aanbieders(seeded, set(po))
    brin6 = sorted(open_)[0]
    query = (
        f'{{ onderwijsaanbieder(code: "{open_[brin6]}") {{ '
        "leerlingaantallen(vanaf: $vanaf, tot: $tot) { teldatum } } }"
    )
    query = "query($vanaf: Date, $tot: Date) " + query
    for vanaf, tot, jaren in (
        ("2019-10-01", "2021-10-01", [2021, 2020, 2019]),
        ("2019-10-02", "2021-09-30", [2020]),
        (None, "1997-10-01", [1997, 1996]),
        ("2024-10-01", None, [2025, 2024]),
        ("2021-10-01", "2021-10-01", [2021]),
    ):
        data = await api.data(query, {"vanaf": vanaf, "tot": tot})
        found = [e["teldatum"] for e in data["onderwijsaanbieder"]["leerlingaantallen"]]
        assert found == [teldatum(j).isoformat() for j in jaren], (vanaf, tot)
    error = await api.error(query, {"vanaf": "2022-10-01", "tot": "2021-10-01"})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "vanaf" in error["message"]
    assert "tot" in error["message"]


async def test_leerlingaantal_is_the_latest_on_the_peildatum(api: Api, seeded: Target) -> None:
    po = [
        b for b, r in po_leerlingen().items() if all(r[f"LEERLINGEN_{j}"] != "0" for j in PO_JAREN)
    ]
    open_ = await open_aanbieders(seeded, set(po))
    brin6 = sorted(open_)[-1]
    a = Onderwijsaanbieder
    [(begin,)] = await rows(seeded, select(a.begindatum).where(a.code == open_[brin6]))
    assert begin is None or begin <= dt.date(2020, 1, 1)
    reeks = verwacht(brin6)
    query = (
        "query($d: Date) { onderwijsaanbieder(code: $code, peildatum: $d) { "
        "leerlingaantal { teldatum aantal } "
        "onderwijslocaties(first: 1) { edges { node { leerlingaantal { teldatum } } } } } }"
    ).replace("$code", f'"{open_[brin6]}"')
    for peildatum, jaar in (("2021-09-30", 2020), ("2021-10-01", 2021), ("2026-11-30", 2025)):
        data = await api.data(query, {"d": peildatum})
        found = data["onderwijsaanbieder"]["leerlingaantal"]
        assert found == {"teldatum": teldatum(jaar).isoformat(), "aantal": reeks[teldatum(jaar)][0]}
    data = await api.data(
        '{ onderwijsaanbieder(code: "' + open_[brin6] + '", peildatum: "1996-09-30") '
        "{ leerlingaantal { aantal } } }"
    )
    assert (
        data["onderwijsaanbieder"] is None or data["onderwijsaanbieder"]["leerlingaantal"] is None
    )


STATEMENTS = """
query($first: Int!) {
  onderwijsaanbieders(filter: {provincie: ["Utrecht"]}, first: $first, peildatum: "2025-10-01") {
    edges { node {
      leerlingaantallen(vanaf: "2015-10-01") { teldatum aantal gemaskeerd vestigingen bronnen }
      leerlingaantal { aantal }
      onderwijslocaties(first: 3) { edges { node { leerlingaantal { aantal } leerlingaantallen { aantal } } } }
      aangebodenOpleidingen(first: 3) { edges { node { leerlingaantallen { aantal } } } }
    } }
  }
}
"""


async def test_statements_do_not_grow_with_the_parents(api: Api) -> None:
    assert api.plan(STATEMENTS, {"first": 2}) is None  # answered by the resolvers
    counts = []
    for first in (2, 60):
        data, statements = await api.counted(STATEMENTS, {"first": first})
        nodes = [e["node"] for e in data["onderwijsaanbieders"]["edges"]]
        assert len(nodes) == first
        assert sum(len(n["leerlingaantallen"]) for n in nodes) >= first
        counts.append(statements)
    # the page, the locaties, the aanbod, and one series statement per field's parent type
    assert counts == [6, 6]


async def test_the_readme_example_answers_from_the_files(api: Api) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("# Leerlingen van een school sinds 2015")
    query = readme[start : readme.index("```", start)]
    school = (await api.data(query))["onderwijsaanbieder"]
    reeks = {d: v for d, v in verwacht(school["eigenSleutel"]).items() if d.year >= 2015}
    assert school["leerlingaantallen"] == as_api(reeks)
    newest = school["leerlingaantallen"][0]
    assert school["leerlingaantal"] == {"teldatum": newest["teldatum"], "aantal": newest["aantal"]}
    per_aanbod = sum(
        entry["aantal"]
        for edge in school["aangebodenOpleidingen"]["edges"]
        for entry in edge["node"]["leerlingaantallen"]
    )
    assert per_aanbod == reeks[teldatum(2019)][0]


async def test_a_series_costs_thirty_per_parent(api: Api) -> None:
    # 1 page + 2 edges + 2 nodes, each node's series counted as its 30 teldata at most
    body = await api.post(
        "{ onderwijsaanbieders(first: 2) { edges { node { leerlingaantallen { aantal } } } } }"
    )
    assert body["extensions"]["cost"]["requested"] == 1 + 2 + 2 + 2 * 30
    assert all(
        len(e["node"]["leerlingaantallen"]) <= 30
        for e in body["data"]["onderwijsaanbieders"]["edges"]
    )
