"""The toezichtrapport over GraphQL and as CSV: only for the Inspectie; on real besturen its
objects, addresses, BRIN codes, contactpunt and pupil counts agree with the register's rows and
DUO's pupil file; it follows the objects the Inspectie adopted; its statements do not grow with
the number of objects."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from onderwijsgraaf.db.models import (
    Code,
    Communicatiecontext,
    Leerlingaantal,
    Onderwijslocatie,
    geldig_op,
)
from onderwijsgraaf.devkeys import JWKS
from tests.conftest import Api, Target, copy_of, serving
from tests.schema.test_private import AUDIENCE, ISSUER
from tests.schema.test_toezicht import MUTATIES, als
from tests.scholenbestand import po_leerlingen

P = "2025-11-01"
DAY = dt.date.fromisoformat(P)
SO = "907B777"  # one SBO school and one SO/VSO school, in one building in Kampen
PO = "906B194"
LARGEST = "920B602"  # VO, hundreds of objects
RAPPORT = """query R($b: String!, $a: String, $p: Date) {
  toezichtrapport(onderwijsbestuurCode: $b, onderwijsaanbiederCode: $a, peildatum: $p) {
    peildatum voorgesteld teldata onderwijsbestuur { code naam }
    objecten {
      code vervallen onderwijsaanbieder { code naam } erkenningen { soort code }
      locaties { code adres } aanbod { code naam } toezichtContactpunt { email telefoon }
      leerlingaantallen { teldatum aantal verschil gemaskeerd }
    }
  }
}"""
VOORSTEL = """query V($b: String!, $p: Date) {
  voorstelObjectenVanToezicht(onderwijsbestuurCode: $b, peildatum: $p) {
    code onderwijsaanbiederCode
    combinaties { onderwijsaanbiederCode onderwijslocatieCode aangebodenOpleidingCode }
  }
}"""


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def database(request: pytest.FixtureRequest) -> Target:
    target: Target = request.getfixturevalue(f"seeded_{request.param}")
    return target


@pytest.fixture(scope="module")
async def inspecteur(database: Target, dev_keys: Path) -> AsyncIterator[Api]:
    async with serving(
        database, auth_jwks=str(dev_keys / JWKS), auth_issuer=ISSUER, auth_audience=AUDIENCE
    ) as api:
        yield api


async def report(api: Api, bestuur: str, aanbieder: str | None = None) -> dict[str, Any]:
    data = await api.data(RAPPORT, {"b": bestuur, "a": aanbieder, "p": P})
    found: dict[str, Any] = data["toezichtrapport"]
    return found


async def raw(target: Target, statement: Any) -> list[Any]:
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(statement)).all())
    finally:
        await engine.dispose()


def expected_series(
    objecten: list[dict[str, Any]], rows: list[Any]
) -> dict[str, dict[dt.date, int]]:
    """Per object, pupils per teldatum from the raw rows: a row of an aangeboden opleiding goes
    to the object holding that combination, a vestiging's total to the one object holding its
    aanbieder × locatie (to none when several do)."""
    houders: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    for o in objecten:
        for c in o["combinaties"]:
            a, loc, ao = (
                c["onderwijsaanbiederCode"],
                c["onderwijslocatieCode"],
                c["aangebodenOpleidingCode"],
            )
            houders[(a, loc, ao)].add(o["code"])
            houders[(a, loc, None)].add(o["code"])
    found: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        key = (r.onderwijsaanbieder_code, r.onderwijslocatie_code, r.aangeboden_opleiding_code)
        codes = houders.get(key, set())
        if r.aangeboden_opleiding_code is None and len(codes) > 1:
            continue
        for code in codes:
            found[code][r.teldatum] += r.aantal
    return found


@pytest.mark.parametrize("roles", [(), ("duo",), ("gemeente:0344",), (f"bestuur:{SO}",)])
async def test_only_the_inspectie_gets_the_report(
    inspecteur: Api, dev_keys: Path, roles: tuple[str, ...]
) -> None:
    body = await als(inspecteur, dev_keys, *roles).post(RAPPORT, {"b": SO, "p": P})
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert "inspectie" in body["errors"][0]["message"]


async def test_a_bad_code_is_named(inspecteur: Api, dev_keys: Path) -> None:
    body = await als(inspecteur, dev_keys, "inspectie").post(RAPPORT, {"b": "907-B-777"})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "907-B-777" in body["errors"][0]["message"]


@pytest.mark.parametrize("bestuur", [SO, PO])
async def test_the_proposal_report_agrees_with_the_register(
    inspecteur: Api, dev_keys: Path, database: Target, bestuur: str
) -> None:
    api = als(inspecteur, dev_keys, "inspectie")
    found = await report(api, bestuur)
    voorstel = (await api.data(VOORSTEL, {"b": bestuur, "p": P}))["voorstelObjectenVanToezicht"]
    assert found["voorgesteld"] is True
    assert [o["code"] for o in found["objecten"]] == [v["code"] for v in voorstel]
    assert len(voorstel) >= 2

    aanbieders = {v["onderwijsaanbiederCode"] for v in voorstel}
    rows = await raw(
        database,
        select(Leerlingaantal).where(Leerlingaantal.onderwijsaanbieder_code.in_(aanbieders)),
    )
    series = expected_series(voorstel, rows)
    newest = max(d for s in series.values() for d in s if d <= DAY)
    teldata = sorted(
        {d for s in series.values() for d in s if newest.year - 5 < d.year <= newest.year},
        reverse=True,
    )
    assert found["teldata"] == [d.isoformat() for d in teldata]
    locaties = {
        r.code: r
        for r in await raw(
            database, select(Onderwijslocatie).where(geldig_op(Onderwijslocatie, DAY))
        )
    }
    codes = await raw(
        database,
        select(Code).where(
            Code.soort.in_(["ERKENDE_ONDERWIJSINSTELLING", "ERKENDE_VESTIGING"]),
            geldig_op(Code, DAY),
        ),
    )
    contacten = await raw(
        database,
        select(Communicatiecontext).where(
            Communicatiecontext.soort == "TOEZICHT", geldig_op(Communicatiecontext, DAY)
        ),
    )
    for obj, v in zip(found["objecten"], voorstel, strict=True):
        aanbieder = v["onderwijsaanbiederCode"]
        assert obj["onderwijsaanbieder"]["code"] == aanbieder
        assert obj["vervallen"] is False
        eigen = series.get(obj["code"], {})
        assert obj["leerlingaantallen"] == [
            {
                "teldatum": d.isoformat(),
                "aantal": eigen[d],
                "verschil": eigen[d] - eigen[d.replace(year=d.year - 1)]
                if d.replace(year=d.year - 1) in eigen
                else None,
                "gemaskeerd": False,
            }
            for d in teldata
            if d in eigen
        ], obj["code"]
        locatiecodes = list(dict.fromkeys(c["onderwijslocatieCode"] for c in v["combinaties"]))
        assert [loc["code"] for loc in obj["locaties"]] == locatiecodes
        for loc in obj["locaties"]:
            row = locaties[loc["code"]]
            assert str(row.postcode) in loc["adres"]
            assert str(row.plaatsnaam) in loc["adres"]
            assert loc["adres"].startswith(f"{row.straatnaam} {row.huisnummer}")
        brin4 = {
            c.code for c in codes if c.onderwijsaanbieder_code == aanbieder and len(c.code) == 4
        }
        brin6_aanbieder = {
            c.code for c in codes if c.onderwijsaanbieder_code == aanbieder and len(c.code) == 6
        }
        brin6_locaties = {
            c.code for c in codes if c.onderwijslocatie_code in locatiecodes and len(c.code) == 6
        }
        assert {e["code"] for e in obj["erkenningen"]} == brin4 | (brin6_aanbieder & brin6_locaties)
        toezicht = [c for c in contacten if c.onderwijsaanbieder_code == aanbieder] or [
            c
            for c in contacten
            if c.onderwijsbestuur_code == bestuur and not c.onderwijsaanbieder_code
        ]
        assert obj["toezichtContactpunt"] == (
            {"email": toezicht[0].email, "telefoon": toezicht[0].telefoon} if toezicht else None
        )


async def test_a_basisschools_series_is_duos_pupil_file(inspecteur: Api, dev_keys: Path) -> None:
    """SBO Prisma (02WY00) is one object on its own: its series is the PO file's row."""
    found = await report(als(inspecteur, dev_keys, "inspectie"), SO)
    sbo = next(o for o in found["objecten"] if o["code"] == "PO-903A465")
    assert {e["code"] for e in sbo["erkenningen"]} == {"02WY", "02WY00"}
    file = po_leerlingen()["02WY00"]
    expected = [
        (f"{year}-10-01", int(file[f"LEERLINGEN_{year}"])) for year in range(2025, 2020, -1)
    ]
    assert [(t["teldatum"], t["aantal"]) for t in sbo["leerlingaantallen"]] == expected
    assert [t["verschil"] for t in sbo["leerlingaantallen"]] == [
        expected[i][1] - expected[i + 1][1] for i in range(4)
    ] + [int(file["LEERLINGEN_2021"]) - int(file["LEERLINGEN_2020"])]
    # the SO and VSO objects share one vestiging total: it goes to neither
    assert all(o["leerlingaantallen"] == [] for o in found["objecten"] if o["code"] != "PO-903A465")


async def test_the_report_reads_as_many_statements_for_a_large_bestuur(
    inspecteur: Api, dev_keys: Path
) -> None:
    api = als(inspecteur, dev_keys, "inspectie")
    counts = []
    sizes = []
    for bestuur in (SO, LARGEST):
        inspecteur.statements.clear()
        found = await report(api, bestuur)
        counts.append(len(inspecteur.statements))
        sizes.append(len(found["objecten"]))
    assert sizes[1] > 50 * sizes[0]
    assert counts[0] == counts[1] <= 14


async def test_the_csv_is_the_report_and_only_for_the_inspectie(
    inspecteur: Api, dev_keys: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = f"/rapporten/toezicht/{PO}.csv"
    missing = await inspecteur.client.get(path, params={"peildatum": P})
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    bad = await inspecteur.client.get(path, headers={"Authorization": "Bearer garbage"})
    assert bad.status_code == 401
    duo = als(inspecteur, dev_keys, "duo")
    forbidden = await inspecteur.client.get(path, headers=duo.headers)
    assert forbidden.status_code == 403
    assert forbidden.headers["cache-control"] == "no-store"

    api = als(inspecteur, dev_keys, "inspectie")
    with caplog.at_level(logging.INFO, logger="onderwijsgraaf.audit"):
        answer = await inspecteur.client.get(path, params={"peildatum": P}, headers=api.headers)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"] == (
        f'attachment; filename="toezichtrapport-{PO}-{P}.csv"'
    )
    assert answer.headers["cache-control"] == "no-store"
    text = answer.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    found = await report(api, PO)
    assert [r["object"] for r in rows] == [o["code"] for o in found["objecten"]]
    for row, obj in zip(rows, found["objecten"], strict=True):
        assert row["onderwijsaanbiedercode"] == obj["onderwijsaanbieder"]["code"]
        assert row["brin"].split() == [e["code"] for e in obj["erkenningen"]]
        assert row["voorgesteld"] == "ja"
        per_datum = {t["teldatum"]: t for t in obj["leerlingaantallen"]}
        for datum in found["teldata"]:
            t = per_datum.get(datum)
            assert row[f"leerlingen_{datum}"] == (str(t["aantal"]) if t else "")
            verschil = t["verschil"] if t else None
            assert row[f"verschil_{datum}"] == ("" if verschil is None else f"{verschil:+d}")
    audited = [json.loads(r.getMessage()) for r in caplog.records]
    if any(o["toezichtContactpunt"] for o in found["objecten"]):
        assert any(o["contexten"] == ["TOEZICHT"] for line in audited for o in line["objecten"]), (
            audited
        )


async def test_the_page_and_its_bad_urls(inspecteur: Api) -> None:
    page = await inspecteur.client.get(f"/rapporten/toezicht/{PO}", params={"peildatum": P})
    assert page.status_code == 200
    assert "chart.umd.min.js" in page.text
    assert f'"bestuur": "{PO}"' in page.text
    assert (await inspecteur.client.get("/rapporten/toezicht/9O6B194")).status_code == 404
    wrong = await inspecteur.client.get(f"/rapporten/toezicht/{PO}", params={"peildatum": "x"})
    assert wrong.status_code == 400
    assert "peildatum" in wrong.text


@pytest.fixture(scope="module")
async def adopted(
    database: Target, dev_keys: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Api]:
    """The API on a copy whose SO/VSO objects of ``SO`` the Inspectie adopted and merged."""
    async with (
        copy_of(database, tmp_path_factory.mktemp("rapport")) as own,
        serving(
            own,
            auth_jwks=str(dev_keys / JWKS),
            auth_issuer=ISSUER,
            auth_audience=AUDIENCE,
            query_compiler=False,
        ) as api,
    ):
        inspectie = als(api, dev_keys, "inspectie")
        for name, input in [
            ("vaststellen", {"onderwijsbestuurCode": SO, "begindatum": "2025-08-01"}),
            (
                "samenvoegen",
                {
                    "codes": ["SO-929A494", "VSO-929A494"],
                    "code": "SO-VSO-PRISMA",
                    "begindatum": "2025-09-01",
                },
            ),
        ]:
            body = await inspectie.post(MUTATIES[name], {"input": input})
            assert "errors" not in body, body
        yield inspectie


async def test_the_report_follows_the_adopted_objects(adopted: Api) -> None:
    found = await report(adopted, SO)
    assert found["voorgesteld"] is False
    assert [o["code"] for o in found["objecten"]] == ["PO-903A465", "SO-VSO-PRISMA"]
    merged = found["objecten"][1]
    assert len(merged["aanbod"]) == 2
    # one object now holds the SO school's vestiging: its total is the object's
    file = po_leerlingen()["05PZ00"]
    assert [(t["teldatum"], t["aantal"]) for t in merged["leerlingaantallen"]] == [
        (f"{year}-10-01", int(file[f"LEERLINGEN_{year}"])) for year in range(2025, 2020, -1)
    ]
    # before the merge the proposal's objects are the report
    before = (await adopted.data(RAPPORT, {"b": SO, "p": "2025-08-15"}))["toezichtrapport"]
    assert [o["code"] for o in before["objecten"]] == ["PO-903A465", "SO-929A494", "VSO-929A494"]
    assert before["voorgesteld"] is False
