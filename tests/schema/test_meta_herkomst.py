"""``meta { tabellen }`` reports per table and field how many values are real and derived, per
source, as the tables themselves hold them; ``herkomst { velden }`` names each field read from
another file than its object, compiled and field by field alike; the README's table of what is
derived is what ``python -m onderwijsgraaf herkomst`` prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, select, text, update

from onderwijsgraaf import herkomst
from onderwijsgraaf.cli import main
from onderwijsgraaf.db.models import Base
from onderwijsgraaf.graph.veldnamen import Veldbron, veldbronnen
from onderwijsgraaf.peildatum import vandaag
from onderwijsgraaf.settings import ROOT
from tests.conftest import Api, Target, copy_of, serving, valid_on

TABELLEN = """{ meta { tabellen {
  tabel rijen bronnen { bron echt afgeleid }
  velden { veld kolom echt afgeleid bronnen { bron echt afgeleid } }
} } }"""
# not data but bookkeeping: never counted
NIET_GETELD = {"bron", "afgeleid", "veldbronnen", "id", "zoeknaam"}

BESTUUR = Base.metadata.tables["onderwijsbestuur"]
LOCATIE = Base.metadata.tables["onderwijslocatie"]
AANBOD = Base.metadata.tables["aangeboden_opleiding"]
Aantallen = dict[str, list[int]]  # bron → [echt, afgeleid]


def herkomsttabellen() -> list[Table]:
    return [
        t
        for t in Base.metadata.sorted_tables
        if {"bron", "afgeleid", "veldbronnen"} <= set(t.c.keys())
    ]


def _nonempty(column: str) -> str:
    return f"({column} IS NOT NULL AND CAST({column} AS VARCHAR) <> '')"


def _derived(column: str) -> str:
    escaped = column.replace("_", "\\_")
    return f"(afgeleid = '*' OR ',' || afgeleid || ',' LIKE '%,{escaped},%' ESCAPE '\\')"


async def raw_counts(
    target: Target,
) -> tuple[dict[str, Aantallen], dict[tuple[str, str], Aantallen]]:
    """Rows per table and values per (table, column), per source, [real, derived], counted by
    the database from the tables' own bron, afgeleid and veldbronnen."""
    rows: dict[str, Aantallen] = {}
    values: dict[tuple[str, str], Aantallen] = {}
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            for table in herkomsttabellen():
                columns = [c.name for c in table.c if c.name not in NIET_GETELD]
                sums = ", ".join(
                    f"SUM(CASE WHEN {_nonempty(c)} AND NOT {_derived(c)} THEN 1 ELSE 0 END), "
                    f"SUM(CASE WHEN {_nonempty(c)} AND {_derived(c)} THEN 1 ELSE 0 END)"
                    for c in columns
                )
                statement = (
                    f"SELECT bron, veldbronnen, CASE WHEN afgeleid = '*' THEN 1 ELSE 0 END, "
                    f"COUNT(*), {sums} FROM {table.name} "
                    f"GROUP BY bron, veldbronnen, CASE WHEN afgeleid = '*' THEN 1 ELSE 0 END"
                )
                for found in await conn.execute(text(statement)):
                    bron, own, whole, count, *sums_found = found
                    rows.setdefault(table.name, {}).setdefault(bron, [0, 0])[whole] += count
                    for i, column in enumerate(columns):
                        match = re.search(rf"(?:^|,){column}=([^,]*)", own)
                        source = match.group(1) if match else bron
                        counted = values.setdefault((table.name, column), {})
                        for derived in (0, 1):
                            if sums_found[2 * i + derived]:
                                pair = counted.setdefault(source, [0, 0])
                                pair[derived] += int(sums_found[2 * i + derived])
    finally:
        await engine.dispose()
    return rows, {key: found for key, found in values.items() if found}


def camel(column: str) -> str:
    first, *rest = column.split("_")
    return first + "".join(word.capitalize() for word in rest)


def as_counts(bronnen: list[dict[str, Any]]) -> Aantallen:
    return {b["bron"]: [b["echt"], b["afgeleid"]] for b in bronnen}


async def test_meta_counts_what_the_tables_hold(api: Api, seeded: Target) -> None:
    rows, values = await raw_counts(seeded)
    tabellen = (await api.data(TABELLEN))["meta"]["tabellen"]
    assert [t["tabel"] for t in tabellen] == sorted(t.name for t in herkomsttabellen())
    assert "cohort" in rows
    for tabel in tabellen:
        name = tabel["tabel"]
        assert as_counts(tabel["bronnen"]) == rows.get(name, {}), name
        assert tabel["rijen"] == sum(sum(pair) for pair in rows.get(name, {}).values())
        found = {v["kolom"]: v for v in tabel["velden"]}
        assert set(found) == {c for (t, c) in values if t == name}, name
        for kolom, veld in found.items():
            expected = values[(name, kolom)]
            assert as_counts(veld["bronnen"]) == expected, (name, kolom)
            assert veld["echt"] == sum(pair[0] for pair in expected.values())
            assert veld["afgeleid"] == sum(pair[1] for pair in expected.values())
        order = [c.name for c in Base.metadata.tables[name].c]
        assert [v["kolom"] for v in tabel["velden"]] == [c for c in order if c in found]
    by_column = {(t["tabel"], v["kolom"]): v["veld"] for t in tabellen for v in t["velden"]}
    assert by_column[("onderwijsbestuur", "bevoegd_gezag_nummer")] == "bevoegdGezagNummer"
    assert by_column[("onderwijslocatie", "gemeente_code")] == "adres.gemeente"


async def test_meta_reads_the_counts_in_one_statement(api: Api) -> None:
    _, without = await api.counted("{ meta { licentie } }")
    data, statements = await api.counted(TABELLEN)
    assert data["meta"]["tabellen"]
    assert statements == without + 1


def test_a_field_is_named_as_the_api_names_it() -> None:
    assert veldbronnen("", "onderwijslocatie") == []
    assert veldbronnen("straatnaam=a,latitude=b,gemeente_code=c,bag_id=d", "onderwijslocatie") == [
        Veldbron("adres.straatnaam", "a"),
        Veldbron("coordinaten.lat", "b"),
        Veldbron("adres.gemeente", "c"),
        Veldbron("bagId", "d"),
    ]
    assert veldbronnen("plaatsnaam=a", "erkenning") == [Veldbron("plaatsnaam", "a")]
    assert veldbronnen("eigen_sleutel=a,eigen_naam=b", "aangeboden_opleiding") == [
        Veldbron("eigen_sleutel", "a"),  # no field reads it
        Veldbron("eigenNaam", "b"),
    ]


VELDEN = """
query($bestuur: String!, $locatie: String!, $aanbod: String!) {
  onderwijsbestuur(code: $bestuur) { code herkomst { bron afgeleid velden { veld bron } } }
  onderwijslocatie(code: $locatie) {
    herkomst { velden { __typename b: bron veld } }
    aangebodenOpleidingen(first: 2) { edges { node { herkomst { velden { veld } } } } }
  }
  aangebodenOpleiding(code: $aanbod) {
    herkomst { bron afgeleid velden { veld bron } }
    ... on AangebodenHoOpleiding { herkomst { velden { bron } } }
  }
  onderwijsbesturen(first: 5) { edges { node { code herkomst { velden { veld bron } } } } }
}
"""


async def _first_valid(target: Target, table: Table, **where: Any) -> Any:
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            query = select(table).where(*(table.c[k] == v for k, v in where.items()))
            rows = (await conn.execute(query.order_by(table.c.code))).all()
    finally:
        await engine.dispose()
    return next(row for row in rows if valid_on(row, vandaag()))


async def test_herkomst_velden_names_each_field_from_another_file(
    seeded: Target, tmp_path: Path
) -> None:
    async with copy_of(seeded, tmp_path / "kopie") as copy:
        bestuur = await _first_valid(copy, BESTUUR)
        locatie = await _first_valid(copy, LOCATIE)
        aanbod = await _first_valid(copy, AANBOD, type="AANGEBODENHOOPLEIDING")
        marked = {
            BESTUUR: (
                bestuur.code,
                "bevoegd_gezag_nummer=duo-vestigingen-vo-2020,kvk_nummer=duo-besturen-vo-2023",
            ),
            LOCATIE: (
                locatie.code,
                "latitude=geonames-pc4-2024,straatnaam=duo-vestigingen-bo-2026,"
                "gemeente_code=duo-pc4-gemeente-2024",
            ),
            AANBOD: (
                aanbod.code,
                "eigen_sleutel=duo-croho,eigen_naam=duo-vestigingen-bo-2020",
            ),
        }
        engine = copy.engine()
        try:
            async with engine.begin() as conn:
                for table, (code, value) in marked.items():
                    await conn.execute(
                        update(table).where(table.c.code == code).values(veldbronnen=value)
                    )
        finally:
            await engine.dispose()
        variables = {"bestuur": bestuur.code, "locatie": locatie.code, "aanbod": aanbod.code}
        engine = copy.engine()
        try:
            async with engine.connect() as conn:
                found = await conn.execute(select(BESTUUR.c.code, BESTUUR.c.veldbronnen))
                veldbronnen_of = {code: value for code, value in found}
        finally:
            await engine.dispose()
        async with serving(copy) as api:
            assert api.plan(VELDEN, variables) is not None  # compiled (and resolved: same bytes)
            data = await api.data(VELDEN, variables)
    assert data["onderwijsbestuur"]["herkomst"] == {
        "bron": bestuur.bron,
        "afgeleid": [w for w in bestuur.afgeleid.split(",") if w],
        "velden": [
            {"veld": "bevoegdGezagNummer", "bron": "duo-vestigingen-vo-2020"},
            {"veld": "kvkNummer", "bron": "duo-besturen-vo-2023"},
        ],
    }
    assert data["onderwijslocatie"]["herkomst"]["velden"] == [
        {"__typename": "Veldherkomst", "b": "geonames-pc4-2024", "veld": "coordinaten.lat"},
        {"__typename": "Veldherkomst", "b": "duo-vestigingen-bo-2026", "veld": "adres.straatnaam"},
        {"__typename": "Veldherkomst", "b": "duo-pc4-gemeente-2024", "veld": "adres.gemeente"},
    ]
    assert data["aangebodenOpleiding"]["herkomst"]["velden"] == [
        {"veld": "eigen_sleutel", "bron": "duo-croho"},
        {"veld": "eigenNaam", "bron": "duo-vestigingen-bo-2020"},
    ]
    # the other besturen as their rows say (a bestuur's columns are named in camelCase)
    for edge in data["onderwijsbesturen"]["edges"]:
        code, velden = edge["node"]["code"], edge["node"]["herkomst"]["velden"]
        if code != bestuur.code:
            pairs = [p.split("=") for p in veldbronnen_of[code].split(",") if p]
            assert velden == [{"veld": camel(c), "bron": b} for c, b in pairs]


LIJST = """{ onderwijsaanbieders(first: 100) { edges { node {
  code herkomst { bron afgeleid velden { veld bron } }
  onderwijslocaties(first: 3) { edges { node { herkomst { velden { veld bron } } } } }
  aangebodenOpleidingen(first: 5) { edges { node { herkomst { bron velden { bron veld } } } } }
  communicatiecontexten { edges { node { herkomst { afgeleid velden { veld } } } } }
} } } }"""


async def test_velden_of_a_list_compile_to_one_statement_as_the_rows_say(
    api: Api, seeded: Target
) -> None:
    assert api.plan(LIJST) is not None
    data, statements = await api.counted(LIJST)  # and resolved: the same bytes
    assert statements == 1
    aanbieder = Base.metadata.tables["onderwijsaanbieder"]
    engine = seeded.engine()
    try:
        async with engine.connect() as conn:
            found = await conn.execute(select(aanbieder.c.code, aanbieder.c.veldbronnen))
            veldbronnen_of = {code: value for code, value in found}
    finally:
        await engine.dispose()
    for edge in data["onderwijsaanbieders"]["edges"]:
        node = edge["node"]
        pairs = [p.split("=") for p in veldbronnen_of[node["code"]].split(",") if p]
        assert [v["bron"] for v in node["herkomst"]["velden"]] == [b for _, b in pairs]


def run_herkomst(target: Target, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"DATABASE_URL": target.url, "DATABASE_SCHEMA": target.schema}
    return subprocess.run(
        [sys.executable, "-m", "onderwijsgraaf", "herkomst", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=300,
        check=False,
    )


def test_the_readme_shows_what_the_command_prints(seeded_sqlite: Target) -> None:
    printed = run_herkomst(seeded_sqlite)
    assert printed.returncode == 0, printed.stderr
    readme = herkomst.readme_table(herkomst.README.read_text(encoding="utf-8"))
    assert readme == printed.stdout, (
        f"README.md's table of what is derived is out of date; run: {herkomst.REGENERATE}"
    )
    for table in herkomsttabellen():
        assert f"**`{table.name}`**" in printed.stdout


async def test_the_command_reads_postgresql_alike(seeded: Target, seeded_sqlite: Target) -> None:
    printed = run_herkomst(seeded)
    assert printed.returncode == 0, printed.stderr
    engine = seeded_sqlite.engine()
    try:
        assert printed.stdout == await herkomst.markdown_of(engine)
    finally:
        await engine.dispose()


def test_herkomst_readme_writes_between_the_markers_and_check_compares(
    seeded_sqlite: Target, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\nvoor\n{herkomst.BEGIN}\n| oud |\n{herkomst.END}\nna\n")
    monkeypatch.setattr(herkomst, "README", readme)
    monkeypatch.setenv("DATABASE_URL", seeded_sqlite.url)
    assert main(["herkomst", "--check"]) == 1
    assert main(["herkomst", "--readme"]) == 0
    assert main(["herkomst", "--check"]) == 0
    written = readme.read_text()
    assert written.startswith(f"# x\n\nvoor\n{herkomst.BEGIN}\n| table, fields |")
    assert written.endswith(f"|\n{herkomst.END}\nna\n")
    readme.write_text("no markers\n")
    assert main(["herkomst", "--readme"]) == 1
