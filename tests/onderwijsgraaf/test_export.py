"""Bulk export ``/export/<lijst>.<format>``: every object of a root list meeting the filter on the
peildatum, in each format read back by its standard reader, counted against the API's
``totalCount``, public columns only, with its file name, ETag and SHA-256; and the command line
writes the same bytes."""

from __future__ import annotations

import asyncio
import base64
import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from sqlalchemy import text

from onderwijsgraaf.devkeys import JWKS
from onderwijsgraaf.export import FILTERS
from onderwijsgraaf.settings import ROOT
from resolvers.export import LIJSTEN
from tests.conftest import Api, Target, serving
from tests.schema.test_private import AUDIENCE, ISSUER, as_roles

P = "2026-10-01"
# a date before most of the register began: fewer rows, so the peildatum visibly matters
EARLY = "2010-01-01"


@pytest.fixture
async def export_api(seeded: Target, dev_keys: Path, tmp_path: Path) -> AsyncIterator[Api]:
    async with serving(
        seeded,
        auth_jwks=str(dev_keys / JWKS),
        auth_issuer=ISSUER,
        auth_audience=AUDIENCE,
        export_dir=tmp_path / "export",
    ) as api:
        yield api


async def total(api: Api, lijst: str, peildatum: str, filter: dict[str, Any] | None = None) -> int:
    """The API's totalCount of ``lijst`` with ``filter`` on ``peildatum``."""
    argument = "filter: $f, " if FILTERS[lijst] is not None else ""
    declared = f"$f: {FILTERS[lijst].__name__}, " if FILTERS[lijst] is not None else ""  # type: ignore[union-attr]
    query = f"query({declared}$p: Date) {{ {lijst}({argument}peildatum: $p, first: 1) {{ totalCount }} }}"
    variables: dict[str, Any] = {"p": peildatum}
    if FILTERS[lijst] is not None:
        variables["f"] = filter
    data = await api.data(query, variables)
    count: int = data[lijst]["totalCount"]
    return count


async def get(api: Api, path: str, **params: str) -> Any:
    response = await api.client.get(path, params=params, headers=api.headers)
    assert response.status_code == 200, response.text
    return response


def csv_rows(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"), newline="")))


async def test_every_list_has_the_rows_the_api_counts(export_api: Api) -> None:
    for lijst in LIJSTEN:
        response = await get(export_api, f"/export/{lijst}.csv", peildatum=P)
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        header = next(csv.reader(io.StringIO(response.text)))
        assert header == LIJSTEN[lijst].namen()
        rows = csv_rows(response.content)
        assert len(rows) == await total(export_api, lijst, P), lijst
        codes = [r["code"] for r in rows]
        assert codes == sorted(codes), lijst
        assert len(set(codes)) == len(codes), lijst


LOCATIE = """query($p: Date) { onderwijslocaties(peildatum: $p, first: 100, orderBy: CODE) {
  edges { node { code begindatum einddatum bagId coordinaten { lat lon }
    adres { straatnaam huisnummer huisnummertoevoeging postcode plaatsnaam
      gemeente { code naam } provincie { code naam } } } } } }"""


def as_api(row: dict[str, Any]) -> dict[str, Any]:
    """An exported onderwijslocatie in the shape of the API's answer."""
    point = None if row["latitude"] is None else {"lat": row["latitude"], "lon": row["longitude"]}
    return {
        "code": row["code"],
        "begindatum": row["begindatum"],
        "einddatum": row["einddatum"],
        "bagId": row["bag_id"],
        "coordinaten": point,
        "adres": {
            "straatnaam": row["straatnaam"],
            "huisnummer": row["huisnummer"],
            "huisnummertoevoeging": row["huisnummertoevoeging"],
            "postcode": row["postcode"],
            "plaatsnaam": row["plaatsnaam"],
            "gemeente": row["gemeente_code"]
            and {"code": row["gemeente_code"], "naam": row["gemeente_naam"]},
            "provincie": row["provincie_code"]
            and {"code": row["provincie_code"], "naam": row["provincie_naam"]},
        },
    }


async def test_each_format_reads_back_as_the_api_answers(export_api: Api) -> None:
    expected = [
        e["node"] for e in (await export_api.data(LOCATIE, {"p": P}))["onderwijslocaties"]["edges"]
    ]
    count = await total(export_api, "onderwijslocaties", P)
    kolommen = LIJSTEN["onderwijslocaties"].namen()

    lines = (await get(export_api, "/export/onderwijslocaties.jsonl", peildatum=P)).text
    found = [json.loads(line) for line in lines.splitlines()]
    assert len(found) == count
    assert all(list(row) == kolommen for row in found)
    assert [as_api(row) for row in found[:100]] == expected

    table = pq.read_table(
        io.BytesIO(
            (await get(export_api, "/export/onderwijslocaties.parquet", peildatum=P)).content
        )
    )
    assert table.num_rows == count
    assert table.column_names == kolommen
    assert str(table.schema.field("latitude").type) == "double"
    assert str(table.schema.field("huisnummer").type) == "int64"
    parquet_rows = [
        {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}
        for row in table.slice(0, 100).to_pylist()
    ]
    assert [as_api(row) for row in parquet_rows] == expected

    geo = (await get(export_api, "/export/onderwijslocaties.geojson", peildatum=P)).json()
    assert geo["type"] == "FeatureCollection"
    assert len(geo["features"]) == count
    for feature, node in zip(geo["features"], expected, strict=False):
        assert set(feature) == {"type", "id", "geometry", "properties"}
        assert feature["type"] == "Feature"
        assert feature["id"] == node["code"]
        if node["coordinaten"] is None:
            assert feature["geometry"] is None
        else:
            assert feature["geometry"] == {
                "type": "Point",
                "coordinates": [node["coordinaten"]["lon"], node["coordinaten"]["lat"]],
            }
        assert feature["properties"]["postcode"] == node["adres"]["postcode"]
        assert "latitude" not in feature["properties"]

    csv_found = csv_rows(
        (await get(export_api, "/export/onderwijslocaties.csv", peildatum=P)).content
    )
    assert [r["code"] for r in csv_found] == [r["code"] for r in found]
    # CSV writes a missing value as an empty field
    assert all(
        (r["postcode"] or None) == f["postcode"] for r, f in zip(csv_found, found, strict=True)
    )


async def test_the_filter_and_the_peildatum_choose_the_rows(export_api: Api) -> None:
    lijst = "aangebodenOpleidingen"
    alle = csv_rows((await get(export_api, f"/export/{lijst}.csv", peildatum=P)).content)
    for params, filter in [
        ({"sector": "HO"}, {"sector": ["HO"]}),
        (
            {"sector": "PO,SO", "gemeentecode": "Utrecht"},
            {"sector": ["PO", "SO"], "gemeentecode": ["Utrecht"]},
        ),
        ({"filter": json.dumps({"vorm": ["DEELTIJD"]})}, {"vorm": ["DEELTIJD"]}),
    ]:
        rows = csv_rows(
            (await get(export_api, f"/export/{lijst}.csv", peildatum=P, **params)).content
        )
        assert 0 < len(rows) < len(alle), params
        assert len(rows) == await total(export_api, lijst, P, filter), params
        if "sector" in filter:
            assert {r["sector"] for r in rows} <= set(filter["sector"])
        if "vorm" in filter:
            assert {r["vorm"] for r in rows} == {"DEELTIJD"}
        if "gemeentecode" in filter:
            assert {r["gemeente_naam"] for r in rows} == {"Utrecht"}
    vroeg = csv_rows((await get(export_api, f"/export/{lijst}.csv", peildatum=EARLY)).content)
    assert len(vroeg) == await total(export_api, lijst, EARLY)
    assert len(vroeg) != len(alle)


GEBIEDEN = """query($f: GemeenteFilter) {
  gemeenten(filter: $f, orderBy: CODE, first: 100) {
    totalCount edges { node { code naam provincie { code naam } } } }
  provincies(orderBy: CODE, first: 100) { edges { node { code naam } } } }"""


async def test_gemeenten_and_provincies_read_back_as_the_api_answers(export_api: Api) -> None:
    data = await export_api.data(GEBIEDEN, {"f": {"provincie": ["Utrecht"]}})
    gemeenten = [e["node"] for e in data["gemeenten"]["edges"]]
    assert 0 < len(gemeenten) == data["gemeenten"]["totalCount"] < 100
    lines = (await get(export_api, "/export/gemeenten.jsonl", provincie="Utrecht")).text
    assert [json.loads(line) for line in lines.splitlines()] == [
        {
            "code": g["code"],
            "naam": g["naam"],
            "provincie_code": g["provincie"]["code"],
            "provincie_naam": g["provincie"]["naam"],
        }
        for g in gemeenten
    ]
    provincies = [e["node"] for e in data["provincies"]["edges"]]
    lines = (await get(export_api, "/export/provincies.jsonl")).text
    assert [json.loads(line) for line in lines.splitlines()] == provincies
    # no validity: every peildatum gives the same rows
    for lijst in ("gemeenten", "provincies"):
        now = await get(export_api, f"/export/{lijst}.csv", peildatum=P)
        early = await get(export_api, f"/export/{lijst}.csv", peildatum=EARLY)
        assert now.content == early.content


async def test_no_private_value_and_the_same_file_for_every_viewer(
    export_api: Api, seeded: Target, dev_keys: Path
) -> None:
    engine = seeded.engine()
    try:
        async with engine.connect() as connection:
            private = {
                value
                for row in await connection.execute(
                    text(
                        "SELECT email, telefoon, contactnaam FROM communicatiecontext "
                        "WHERE openbaar = false"
                    )
                )
                for value in row
                if value
            }
    finally:
        await engine.dispose()
    assert private  # the register has private contactpunten to hide
    for lijst in ("onderwijsbesturen", "onderwijsaanbieders"):
        anonymous = (await get(export_api, f"/export/{lijst}.jsonl", peildatum=P)).text
        assert not [value for value in private if value in anonymous], lijst
        for roles in [("inspectie",), ("duo",), ("gemeente:0344",)]:
            viewer = as_roles(export_api, dev_keys, *roles)
            assert (await get(viewer, f"/export/{lijst}.jsonl", peildatum=P)).text == anonymous
    refused = await export_api.client.get(
        "/export/onderwijsbesturen.csv", headers={"Authorization": "Bearer nonsense"}
    )
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_headers_name_the_version_and_hash_the_body(export_api: Api) -> None:
    versie = (await export_api.data("{ meta { versie } }"))["meta"]["versie"]
    export_api.statements.clear()
    response = await get(export_api, "/export/onderwijslocaties.parquet", peildatum=P)
    # one statement: the rows, through one cursor (the data version and the gemeenten are known)
    assert len(export_api.statements) == 1, export_api.statements
    body = response.content
    sha = hashlib.sha256(body).digest()
    assert response.headers["content-disposition"] == (
        f'attachment; filename="onderwijslocaties-{versie[:12]}-{P}.parquet"'
    )
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    assert response.headers["etag"] == f'"{sha.hex()}"'
    assert response.headers["repr-digest"] == f"sha-256=:{base64.b64encode(sha).decode()}:"
    assert response.headers["content-length"] == str(len(body))
    export_api.statements.clear()
    again = await get(export_api, "/export/onderwijslocaties.parquet", peildatum=P)
    assert again.content == body
    assert export_api.statements == []
    not_modified = await export_api.client.get(
        "/export/onderwijslocaties.parquet",
        params={"peildatum": P},
        headers={"If-None-Match": f'"other", {response.headers["etag"]}'},
    )
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified.headers["etag"] == response.headers["etag"]
    changed = await export_api.client.get(
        "/export/onderwijslocaties.parquet",
        params={"peildatum": EARLY},
        headers={"If-None-Match": response.headers["etag"]},
    )
    assert changed.status_code == 200
    assert changed.headers["etag"] != response.headers["etag"]


async def test_older_versions_and_the_files_used_longest_ago_are_removed(
    seeded_sqlite: Target, tmp_path: Path
) -> None:
    folder = tmp_path / "export"
    (folder / "eenoudereversie").mkdir(parents=True)
    (folder / "eenoudereversie" / "oud.csv").write_text("oud")
    # no room at all: each file written removes every other one
    async with serving(seeded_sqlite, export_dir=folder, export_dir_mb=0) as api:
        first = await get(api, "/export/samenwerkingsverbanden.csv", peildatum=P)
        [versie] = list(folder.iterdir())
        assert versie.name != "eenoudereversie"
        assert len(list(versie.iterdir())) == 2  # the file and its SHA-256
        await get(api, "/export/samenwerkingsverbanden.jsonl", peildatum=P)
        assert sorted(f.suffix for f in versie.iterdir()) == [".jsonl", ".sha256"]
        api.statements.clear()
        again = await get(api, "/export/samenwerkingsverbanden.csv", peildatum=P)
        assert len(api.statements) == 1  # written again
        assert again.content == first.content
        assert again.headers["etag"] == first.headers["etag"]


@pytest.mark.parametrize(
    ("path", "wrong"),
    [
        ("/export/scholen.csv", "lijst: 'scholen' is not a root list"),
        ("/export/onderwijslocaties.xlsx", "format: 'xlsx' is not available"),
        ("/export/onderwijsaanbieders.geojson", "format: onderwijsaanbieders has no point"),
        ("/export/onderwijslocaties", "the file is /export/<lijst>.<format>"),
        (
            "/export/onderwijslocaties.csv?peildatum=1-10-2026",
            "peildatum: '1-10-2026' is not a date",
        ),
        (
            "/export/aangebodenOpleidingen.csv?sector=XX",
            "filter.sector[0]: Value 'XX' does not exist",
        ),
        ("/export/aangebodenOpleidingen.csv?kleur=rood", "kleur: not a parameter of this export"),
        ("/export/aangebodenOpleidingen.csv?filter=%7B", "filter: not JSON"),
        (
            "/export/aangebodenOpleidingen.csv?filter=%7B%22x%22%3A1%7D",
            "filter: Expected value of type 'AangebodenOpleidingFilter' not to include unknown field 'x'",
        ),
        ("/export/onderwijslocaties.csv?gemeentecode=Atlantis", "Atlantis"),
        ("/export/onderwijslocaties.csv?sector=PO&sector=SO", "sector: given more than once"),
        ("/export/onderwijsaanbieders.csv?onderwijsbestuurCode=990X440", "onderwijsbestuurCode"),
        (
            "/export/onderwijslocaties.csv?nabij=%7B%22postcode%22%3A%223511%22%2C%22straalKm%22%3A2%7D",
            "filter.nabij: not available in an export",
        ),
        (
            "/export/onderwijsbegeleidingsaanbieders.csv?zoek=x",
            "zoek: not a parameter of this export",
        ),
        (
            "/export/onderwijsaanbieders.csv?filter=%7B%22zoek%22%3A%22%5Cud800%22%7D",
            "filter: not valid Unicode (a lone surrogate)",
        ),
        (
            "/export/onderwijsaanbieders.csv?zoek=a%01b",
            "filter.zoek: control character U+0001 at position 1",
        ),
        (
            "/export/onderwijsaanbieders.csv?filter=%7B%22zoek%22%3A%22a%5Cu0000b%22%7D",
            "filter.zoek: control character U+0000",
        ),
    ],
)
async def test_bad_input_is_refused_naming_what_is_wrong(
    sqlite_api: Api, path: str, wrong: str
) -> None:
    response = await sqlite_api.client.get(path)
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert wrong in error["message"], error["message"]


def cli(seeded: Target, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m onderwijsgraaf export …`` on the seeded database, as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "onderwijsgraaf", "export", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": seeded.url, "DATABASE_SCHEMA": seeded.schema},
        timeout=120,
        check=False,
    )


async def test_the_command_line_writes_the_same_bytes(
    export_api: Api, seeded: Target, tmp_path: Path
) -> None:
    vo = json.dumps({"sector": ["VO"]})
    for lijst, soort, filter in [
        ("aangebodenOpleidingen", "parquet", vo),
        ("aangebodenOpleidingen", "geojson", vo),
        ("gemeenten", "csv", json.dumps({"provincie": ["Utrecht"]})),
    ]:
        served = await get(export_api, f"/export/{lijst}.{soort}", peildatum=P, filter=filter)
        output = tmp_path / f"{lijst}.{soort}"
        args = ["--peildatum", P, "--filter", filter, "--output", str(output)]
        done = await asyncio.to_thread(cli, seeded, lijst, soort, *args)
        assert done.returncode == 0, done.stderr
        assert output.read_bytes() == served.content, (lijst, soort)
    wrong = await asyncio.to_thread(cli, seeded, "scholen", "csv")
    assert wrong.returncode == 2
    assert "export: lijst: 'scholen' is not a root list" in wrong.stderr
