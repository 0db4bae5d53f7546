"""``controle`` and ``controleOverzicht`` over the real, session-seeded register, through the
app over HTTP, on SQLite and PostgreSQL: national counts, three besturen written out, statement
counts flat in the size of the bestuur, paging, bad input, and who sees the private rule C21."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Communicatiecontext,
    Onderwijsaanbieder,
    Onderwijslocatiegebruik,
)
from tests.conftest import Api, Target, valid_on
from tests.schema.test_private import as_roles, private_api  # noqa: F401 (fixtures)

P = "2026-10-01"
DAY = dt.date.fromisoformat(P)
LARGEST = "990B440"  # 96 aanbieders on P, the most of any bestuur
SMALL = "107B489"
# national findings and besturen on P, per rule; C21 for the Inspectie only
NATIONAAL = {
    "C02": (18, 7),
    "C14": (165, 114),
    "C20": (1033, 344),
}
PRIVE_C21 = (6229, 937)
FINDING = (
    "regel ernst objecttype objectcode onderwijsbestuurCode melding message rioBasis peildatum"
)
CONTROLE = (
    "query($b: String!, $r: [String!], $e: [Ernst!], $first: Int, $after: String) {"
    f' controle(onderwijsbestuurCode: $b, peildatum: "{P}", regels: $r, ernst: $e, first: $first, after: $after)'
    f" {{ totalCount pageInfo {{ hasNextPage endCursor }} samenvatting {{ regel ernst aantal }}"
    f" edges {{ node {{ {FINDING} }} }} }} }}"
)


async def test_the_national_overview_counts_each_rule(api: Api) -> None:
    data = await api.data(
        f'{{ controleOverzicht(peildatum: "{P}") {{ regel ernst aantalBevindingen aantalBesturen }} }}'
    )
    rows = {
        r["regel"]: (r["aantalBevindingen"], r["aantalBesturen"]) for r in data["controleOverzicht"]
    }
    assert "C21" not in rows  # private: not for anonymous callers
    assert {k: v for k, v in rows.items() if v != (0, 0)} == NATIONAAL
    assert len(rows) == 18


async def test_c02_and_c21_counted_independently_from_the_raw_rows(seeded: Target) -> None:
    engine = seeded.engine()
    async with engine.connect() as conn:
        gebruik = [
            r
            for r in (await conn.execute(select(Onderwijslocatiegebruik.__table__))).all()
            if valid_on(r, DAY)
        ]
        aanbod = [
            r
            for r in (await conn.execute(select(AangebodenOpleiding.__table__))).all()
            if valid_on(r, DAY)
        ]
        aanbieders = [
            r
            for r in (await conn.execute(select(Onderwijsaanbieder.__table__))).all()
            if valid_on(r, DAY)
        ]
        contexten = [
            r
            for r in (await conn.execute(select(Communicatiecontext.__table__))).all()
            if valid_on(r, DAY)
        ]
    await engine.dispose()
    taught = {(o.onderwijsaanbieder_code, o.onderwijslocatie_code) for o in aanbod}
    c02 = [g for g in gebruik if (g.onderwijsaanbieder_code, g.onderwijslocatie_code) not in taught]
    assert (len(c02), len({g.onderwijsbestuur_code for g in c02})) == NATIONAAL["C02"]
    heeft = {(c.onderwijsaanbieder_code or c.onderwijsbestuur_code, c.soort) for c in contexten}
    leerplichtig = {
        o.onderwijsaanbieder_code for o in aanbod if o.sector in ("PO", "SO", "VSO", "VO", "MBO")
    }
    c21 = []
    for a in aanbieders:
        for soort in ("TOEZICHT", "LEERPLICHT"):
            if soort == "LEERPLICHT" and a.code not in leerplichtig:
                continue
            if (a.code, soort) not in heeft and (a.onderwijsbestuur_code, soort) not in heeft:
                c21.append(a)
    assert (len(c21), len({a.onderwijsbestuur_code for a in c21})) == PRIVE_C21


async def test_three_besturen_written_out(api: Api) -> None:
    expected = {
        SMALL: [
            ("C02", "Onderwijslocatiegebruik", "108A976/900X719"),
            ("C02", "Onderwijslocatiegebruik", "108A976/923X227"),
            ("C02", "Onderwijslocatiegebruik", "108A976/974X340"),
            ("C14", "Onderwijsaanbieder", "108A976"),
        ],
        "107B493": [
            ("C02", "Onderwijslocatiegebruik", "114A797/928X270"),
            ("C02", "Onderwijslocatiegebruik", "114A797/929X679"),
            ("C02", "Onderwijslocatiegebruik", "114A797/959X214"),
            ("C14", "Onderwijsaanbieder", "114A797"),
        ],
    }
    expected[LARGEST] = [
        ("C14", "Onderwijsaanbieder", code)
        for code in ["924A078", "932A132", "949A557", "971A413", "978A753", "980A491"]
    ] + [
        ("C20", "Onderwijslocatiegebruik", code)
        for code in [
            "900A886/970X648",
            "900A886/989X734",
            "903A077/989X306",
            "904A204/918X744",
            "924A078/924X121",
            "938A636/963X752",
            "952A434/963X752",
            "956A758/989X306",
            "961A704/937X020",
            "971A413/924X121",
            "975A489/937X020",
        ]
    ]
    for bestuur, findings in expected.items():
        data = await api.data(CONTROLE, {"b": bestuur, "first": 100})
        nodes = [e["node"] for e in data["controle"]["edges"]]
        assert [(n["regel"], n["objecttype"], n["objectcode"]) for n in nodes] == findings
        assert {n["onderwijsbestuurCode"] for n in nodes} == {bestuur}
        c14 = next(n for n in nodes if n["regel"] == "C14")
        assert c14["melding"].startswith(f"Onderwijsaanbieder {c14['objectcode']} begint vóór")
        assert c14["rioBasis"][:2] == ["J06410", "J06020"]
        assert {n["peildatum"] for n in nodes} == {P}
    data = await api.data(CONTROLE, {"b": LARGEST, "first": 100})
    counts = {s["regel"]: s["aantal"] for s in data["controle"]["samenvatting"] if s["aantal"]}
    assert counts == {"C14": 6, "C20": 11}
    assert data["controle"]["totalCount"] == 17


async def test_statements_are_flat_in_the_size_of_the_bestuur(api: Api) -> None:
    _, small = await api.counted(CONTROLE, {"b": SMALL})
    _, large = await api.counted(CONTROLE, {"b": LARGEST})
    assert small == large == 1
    _, overview = await api.counted(
        f'{{ controleOverzicht(peildatum: "{P}") {{ regel aantalBevindingen }} }}'
    )
    assert overview == 1


async def test_pages_follow_each_other_and_filters_pick_rules(api: Api) -> None:
    whole = await api.data(CONTROLE, {"b": LARGEST, "first": 100})
    seen = []
    after = None
    while True:
        page = (await api.data(CONTROLE, {"b": LARGEST, "first": 5, "after": after}))["controle"]
        seen += [e["node"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [e["node"] for e in whole["controle"]["edges"]]
    c20 = await api.data(CONTROLE, {"b": LARGEST, "r": ["C20"]})
    assert c20["controle"]["samenvatting"] == [
        {"regel": "C20", "ernst": "WAARSCHUWING", "aantal": 11}
    ]
    fout = await api.data(CONTROLE, {"b": LARGEST, "e": ["FOUT"]})
    assert {n["node"]["regel"] for n in fout["controle"]["edges"]} == {"C14"}


async def test_bad_input_names_the_argument(api: Api) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"b": "990X440"}, "onderwijsbestuurCode"),
        ({"b": LARGEST, "r": ["C99"]}, "regels"),
        ({"b": LARGEST, "first": 101}, "first"),
        ({"b": LARGEST, "after": "xyz"}, "after"),
    ]
    for variables, wrong in cases:
        error = await api.error(CONTROLE, variables)
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert error["message"].startswith(wrong), error


async def test_c21_only_for_the_bestuur_itself_and_the_inspectie(
    private_api: Api,  # noqa: F811 (the fixture imported above)
    dev_keys: Path,
) -> None:
    def c21(data: dict[str, Any]) -> int:
        return sum(e["node"]["regel"] == "C21" for e in data["controle"]["edges"])

    counts = {}
    for name, roles in {
        "anoniem": (),
        "eigen bestuur": (f"bestuur:{LARGEST}",),
        "ander bestuur": (f"bestuur:{SMALL}",),
        "inspectie": ("inspectie",),
        "gemeente": ("gemeente:0363",),
    }.items():
        api = as_roles(private_api, dev_keys, *roles)
        data = await api.data(CONTROLE, {"b": LARGEST, "r": None, "first": 100})
        samenvatting = {s["regel"]: s["aantal"] for s in data["controle"]["samenvatting"]}
        counts[name] = (c21(data), samenvatting.get("C21"))
        overview = await api.data(
            f'{{ controleOverzicht(peildatum: "{P}") {{ regel aantalBevindingen }} }}'
        )
        assert ("C21" in json.dumps(overview)) == (name == "inspectie"), name
    assert counts["eigen bestuur"] == counts["inspectie"]
    assert counts["eigen bestuur"][0] > 0
    assert counts["eigen bestuur"][1] == counts["eigen bestuur"][0]
    for name in ("anoniem", "ander bestuur", "gemeente"):
        assert counts[name] == (0, None), name
