"""The change feed, end to end: two seeds of fixture folders that differ in known ways (a
school opened, one closed, an HO opleiding renamed, a school moved) give exactly those changes;
a sync client that applies the feed to the first export ends with the second, value for value;
paging by cursor loses and repeats nothing; old versions are pruned. On SQLite and PostgreSQL,
each on a database of its own seeded from ``tests/fixtures/small``."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from onderwijsgraaf.db.models import GEVOLGD, Gegevensversie, Versielog, Wijziging
from resolvers.export import LIJSTEN as EXPORTS
from seed.load import seed_database
from seed.wijzigingen import rij_id, waarde
from tests.conftest import SMALL_DIR, Target, _postgres_url, drop_schemas, serving

OPENED, CLOSED, MOVED = "06SC", "09DN", "08DC"  # basisscholen on Ameland, one vestiging each
ENDED = "2026-11-01"
Export = dict[str, dict[str, dict[str, Any]]]  # objecttype → code → column → value


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _without(folder: Path, brin4: str) -> None:
    """Every record of BRIN4 ``brin4`` removed from the folder's files."""
    for path in folder.rglob("*.csv"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text(lines[0] + "".join(x for x in lines[1:] if brin4 not in x), "utf-8")
    geojson = folder / "duo/scholen_po_vo_so_geocoded_20241122.geojson"
    collection = json.loads(geojson.read_text(encoding="utf-8"))
    collection["features"] = [
        f for f in collection["features"] if f["properties"]["brin_nummer"] != brin4
    ]
    geojson.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(yesterday, today, tomorrow): today opens OPENED (yesterday lacks it), closes CLOSED on
    ENDED, renames the HO opleiding Watermanagement and moves MOVED to another address;
    tomorrow renames it once more."""
    root = tmp_path_factory.mktemp("feed")
    yesterday, today, tomorrow = root / "yesterday", root / "today", root / "tomorrow"
    for folder in (yesterday, today):
        shutil.copytree(SMALL_DIR, folder)
    _without(yesterday, OPENED)
    brin6 = today / "duo/dec_instellingscode_vestiging_brin6.csv"
    (line,) = [x for x in brin6.read_text().splitlines() if x.startswith(f"{CLOSED},00,")]
    fields = line.split(",")
    assert fields[6] == ""  # datum_opheffing
    fields[6] = ENDED.replace("-", "")
    _replace(brin6, line, ",".join(fields))
    _replace(
        today / "duo/ho_opleidingsoverzicht_rio_2026.csv", '"Watermanagement"', '"Waterbeheer"'
    )
    _replace(
        today / "duo/alle_schoolvestigingen_bo_2026.csv",
        f"{MOVED};{MOVED}00;Openbare Basisschool De Schakel;Schoolstraat;5;",
        f"{MOVED};{MOVED}00;Openbare Basisschool De Schakel;Schoolstraat;7;",
    )
    shutil.copytree(today, tomorrow)
    _replace(tomorrow / "duo/ho_opleidingsoverzicht_rio_2026.csv", '"Waterbeheer"', '"Waterbouw"')
    return yesterday, today, tomorrow


@asynccontextmanager
async def database(backend: str, directory: Path) -> AsyncIterator[Target]:
    """A database of its own, not seeded yet: an SQLite file in ``directory`` or a PostgreSQL
    schema (dropped afterwards)."""
    if backend == "sqlite":
        yield Target("sqlite", f"sqlite+aiosqlite:///{directory / 'feed.sqlite'}", "onderwijsgraaf")
        return
    url = await _postgres_url()
    schema = f"og_feed_{uuid.uuid4().hex[:8]}"
    try:
        yield Target("postgres", url, schema)
    finally:
        await drop_schemas(url, schema, f"{schema}__bouw", f"{schema}__oud")


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
async def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Target]:
    async with database(request.param, tmp_path) as target:
        yield target


@dataclass(frozen=True)
class Synced:
    """A database seeded from yesterday's folder and then today's, with after each seed the
    export of its objects (``export``) and the bulk export files of their lists (``bulk``)."""

    target: Target
    before: Export
    after: Export
    bulk_before: dict[str, list[dict[str, Any]]]
    bulk_after: dict[str, list[dict[str, Any]]]


@pytest.fixture(scope="module", params=BACKENDS)
async def synced(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    folders: tuple[Path, Path, Path],
) -> AsyncIterator[Synced]:
    yesterday, today, _ = folders
    files = tmp_path_factory.mktemp("export")
    async with database(request.param, tmp_path_factory.mktemp("synced")) as target:
        await target.seed(yesterday, check_minimums=False)
        before, bulk_before = await export(target), await bulk(target, files)
        await target.seed(today, check_minimums=False)
        yield Synced(target, before, await export(target), bulk_before, await bulk(target, files))


async def export(target: Target) -> Export:
    """The full export a sync client holds: every followed object, every column the change
    feed carries (its row ids aside), as JSON values."""
    engine = target.engine()
    found: Export = {}
    try:
        async with engine.connect() as conn:
            for objecttype, model in GEVOLGD.items():
                columns = [c for c in model.__table__.columns if not rij_id(c)]
                rows = await conn.execute(select(*columns))
                found[objecttype] = {
                    str(row.code): {c.name: waarde(v) for c, v in zip(columns, row, strict=True)}
                    for row in rows
                }
            versie = await conn.scalar(select(Gegevensversie.versie))
    finally:
        await engine.dispose()
    found["versie"] = {"": {"versie": versie}}
    return found


# the lists of the followed objects, and the peildatum their bulk export files are asked on
LIJSTEN = {
    "Onderwijsbestuur": "onderwijsbesturen",
    "Onderwijsaanbieder": "onderwijsaanbieders",
    "Onderwijslocatie": "onderwijslocaties",
    "Opleidingseenheid": "opleidingseenheden",
    "AangebodenOpleiding": "aangebodenOpleidingen",
}
P = dt.date(2026, 10, 1)


async def bulk(target: Target, files: Path) -> dict[str, list[dict[str, Any]]]:
    """The bulk export (``/export/<lijst>.jsonl``) on P of every list of the followed objects."""
    found = {}
    async with serving(target, export_dir=files) as api:
        for lijst in LIJSTEN.values():
            response = await api.client.get(f"/export/{lijst}.jsonl", params={"peildatum": str(P)})
            assert response.status_code == 200, response.text
            found[lijst] = [json.loads(line) for line in response.text.splitlines()]
    return found


def own_columns(lijst: str) -> list[str]:
    """The columns of a list's bulk export read straight from the object's own row (the others
    name related objects, which the feed reports as changes to those objects)."""
    described = EXPORTS[lijst]
    kolommen, _ = described.kolommen(P)
    return [
        k.naam
        for k in kolommen
        if getattr(k.waarde, "class_", None) is described.tabel and k.waarde.key == k.naam
    ]


def apply(old: Export, lines: list[dict[str, Any]]) -> Export:
    """What a sync client does with the feed: each change, in order, on its copy."""
    new: Export = json.loads(json.dumps(old))
    for change in lines:
        objects = new[change["objecttype"]]
        if change["soort"] == "VERWIJDERD":
            del objects[change["code"]]
            continue
        row = objects.setdefault(change["code"], {})
        for veld in change["velden"]:
            assert row.get(veld["kolom"]) == veld["oud"], (change, veld)
            row[veld["kolom"]] = veld["nieuw"]
    return new


def one(export: Export, objecttype: str, **values: Any) -> str:
    """The code of the one object of ``objecttype`` with ``values``."""
    (code,) = [
        c for c, row in export[objecttype].items() if all(row[k] == v for k, v in values.items())
    ]
    return code


def expected(before: Export, after: Export) -> set[tuple[str, str, str]]:
    """The changes the folders' differences must give, found by what the objects are."""
    opened = one(after, "Onderwijsaanbieder", eigen_sleutel=f"{OPENED}00")
    closed = one(after, "Onderwijsaanbieder", eigen_sleutel=f"{CLOSED}00")
    moved = one(after, "Onderwijsaanbieder", eigen_sleutel=f"{MOVED}00")

    def of(aanbieder: str, export: Export) -> set[str]:
        return {
            c
            for c, row in export["AangebodenOpleiding"].items()
            if row["onderwijsaanbieder_code"] == aanbieder
        }

    def locaties(codes: set[str], export: Export) -> set[str]:
        return {export["AangebodenOpleiding"][c]["onderwijslocatie_code"] for c in codes}

    changes = {
        (
            "Onderwijsbestuur",
            after["Onderwijsaanbieder"][opened]["onderwijsbestuur_code"],
            "AANGEMAAKT",
        )
    }
    changes |= {("Onderwijsaanbieder", opened, "AANGEMAAKT")}
    changes |= {("AangebodenOpleiding", c, "AANGEMAAKT") for c in of(opened, after)}
    changes |= {("Onderwijslocatie", c, "AANGEMAAKT") for c in locaties(of(opened, after), after)}
    changes |= {("Onderwijsaanbieder", closed, "BEEINDIGD")}
    changes |= {("AangebodenOpleiding", c, "BEEINDIGD") for c in of(closed, after)}
    changes |= {("Onderwijslocatie", c, "BEEINDIGD") for c in locaties(of(closed, after), after)}
    renamed = one(before, "Opleidingseenheid", naam_lang="Watermanagement")
    changes |= {("Opleidingseenheid", renamed, "GEWIJZIGD")}
    gone, new = of(moved, before) - of(moved, after), of(moved, after) - of(moved, before)
    changes |= {("AangebodenOpleiding", c, "VERWIJDERD") for c in gone}
    changes |= {("AangebodenOpleiding", c, "AANGEMAAKT") for c in new}
    changes |= {("Onderwijslocatie", c, "VERWIJDERD") for c in locaties(gone, before)}
    changes |= {("Onderwijslocatie", c, "AANGEMAAKT") for c in locaties(new, after)}
    return changes


async def feed_etag(target: Target) -> str:
    """The ETag of every change since 2000 (an answer that only grows)."""
    async with serving(target) as api:
        response = await api.client.get("/wijzigingen.jsonl", params={"sinds": "2000-01-01"})
    assert response.status_code == 200
    return response.headers["etag"]


async def feed(target: Target, **params: str) -> list[dict[str, Any]]:
    async with serving(target) as api:
        response = await api.client.get("/wijzigingen.jsonl", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/jsonl")
    return [json.loads(line) for line in response.text.splitlines()]


async def test_the_feed_holds_exactly_the_changes_and_turns_one_export_into_the_next(
    synced: Synced,
) -> None:
    fresh, before, after = synced.target, synced.before, synced.after
    assert before["versie"] != after["versie"]

    lines = await feed(fresh, sinds=before["versie"][""]["versie"])
    assert {(c["objecttype"], c["code"], c["soort"]) for c in lines} == expected(before, after)
    assert len(lines) == len(expected(before, after))
    assert [c["volgnummer"] for c in lines] == sorted(c["volgnummer"] for c in lines)
    assert {c["versie"] for c in lines} == {after["versie"][""]["versie"]}
    closed = one(after, "Onderwijsaanbieder", eigen_sleutel=f"{CLOSED}00")
    (ended,) = [c for c in lines if c["code"] == closed]
    # its validity changed: every field, only the einddatum changed
    assert {v["kolom"] for v in ended["velden"]} == set(after["Onderwijsaanbieder"][closed])
    assert [
        (v["kolom"], v["oud"], v["nieuw"]) for v in ended["velden"] if v["oud"] != v["nieuw"]
    ] == [("einddatum", None, ENDED)]

    applied = apply(before, lines)
    applied["versie"] = after["versie"]
    assert applied == after

    # the same from a date: every change of today's seed
    assert await feed(fresh, sinds="2000-01-01") == lines
    assert [c["soort"] for c in await feed(fresh, sinds="2000-01-01", soorten="BEEINDIGD")] == [
        "BEEINDIGD"
    ] * 3


async def test_the_feed_turns_yesterdays_bulk_export_into_todays(synced: Synced) -> None:
    """A client keeping the bulk export files of the five lists on a peildatum applies the feed
    to yesterday's (create, set each kolom, delete; then keeps what is valid on that date): the
    columns of the objects' own rows come out as today's files have them, line for line."""
    lines = await feed(synced.target, sinds=synced.before["versie"][""]["versie"])
    for objecttype, lijst in LIJSTEN.items():
        own = own_columns(lijst)
        assert {"code", "begindatum", "einddatum"} <= set(own)
        rows = {row["code"]: dict(row) for row in synced.bulk_before[lijst]}
        for change in (c for c in lines if c["objecttype"] == objecttype):
            if change["soort"] == "VERWIJDERD":
                rows.pop(change["code"], None)
                continue
            row = rows.setdefault(change["code"], {})
            row.update({veld["kolom"]: veld["nieuw"] for veld in change["velden"]})
        valid = [
            row
            for _, row in sorted(rows.items())
            if (row["begindatum"] or "") <= str(P) < (row["einddatum"] or "9999")
        ]
        applied = [json.dumps({k: row[k] for k in own}) for row in valid]
        today = [json.dumps({k: row[k] for k in own}) for row in synced.bulk_after[lijst]]
        assert applied == today, lijst
        assert synced.bulk_before[lijst] != synced.bulk_after[lijst] or lijst == "onderwijsbesturen"


async def test_paging_by_cursor_and_resuming_lose_and_repeat_nothing(
    synced: Synced,
) -> None:
    fresh, before = synced.target, synced.before
    since = before["versie"][""]["versie"]
    everything = await feed(fresh, sinds=since)
    query = """query W($s: String!, $after: String) {
      wijzigingen(sinds: $s, first: 5, after: $after) {
        totalCount edges { node { volgnummer code soort velden { kolom oud nieuw } } }
        pageInfo { hasNextPage endCursor }
      }
    }"""
    seen: list[dict[str, Any]] = []
    after = None
    async with serving(fresh) as api:
        while True:
            page, statements = await api.counted(query, {"s": since, "after": after})
            connection = page["wijzigingen"]
            assert connection["totalCount"] == len(everything)
            assert statements <= 2  # the page and its total
            seen += [edge["node"] for edge in connection["edges"]]
            if not connection["pageInfo"]["hasNextPage"]:
                break
            after = connection["pageInfo"]["endCursor"]
    assert [n["volgnummer"] for n in seen] == [c["volgnummer"] for c in everything]
    assert [[v["kolom"] for v in n["velden"]] for n in seen] == [
        [v["kolom"] for v in c["velden"]] for c in everything
    ]
    fifth = everything[4]["volgnummer"]
    assert await feed(fresh, sinds=since, na=str(fifth)) == everything[5:]


async def test_versions_are_listed_pruned_and_a_pruned_one_is_refused(
    fresh: Target, folders: tuple[Path, Path, Path]
) -> None:
    yesterday, today, tomorrow = folders
    await fresh.seed(yesterday, check_minimums=False)
    first = (await export(fresh))["versie"][""]["versie"]
    first_etag = await feed_etag(fresh)
    await fresh.seed(today, check_minimums=False)
    second = (await export(fresh))["versie"][""]["versie"]
    lines = await feed(fresh, sinds=first)
    await fresh.seed(today, check_minimums=False)  # the same content: no new version
    async with serving(fresh) as api:
        versies = (await api.data("{ meta { versies { versie vorige wijzigingen } } }"))["meta"]
    assert [(v["versie"], v["vorige"]) for v in versies["versies"]] == [
        (first, None),
        (second, first),
    ]
    assert versies["versies"][0]["wijzigingen"] == 0

    # data seeded before its database kept a history: its version becomes the first held
    engine = fresh.engine()
    async with engine.begin() as conn:
        await conn.execute(delete(Versielog))
        await conn.execute(delete(Wijziging))
    await engine.dispose()
    await fresh.seed(yesterday, check_minimums=False)
    assert len(await feed(fresh, sinds=second)) == len(lines)
    # the first version is back, with a longer history: not the answer cached for it before
    assert (await export(fresh))["versie"][""]["versie"] == first
    assert await feed_etag(fresh) != first_etag

    # no retention: only the version replaced and the new one stay
    await fresh.seed(today, check_minimums=False)
    await seed_database(fresh.url, fresh.schema, tomorrow, check_minimums=False, bewaardagen=0)
    third = (await export(fresh))["versie"][""]["versie"]
    async with serving(fresh) as api:
        versies = (await api.data("{ meta { versies { versie } } }"))["meta"]
        assert [v["versie"] for v in versies["versies"]] == [second, third]
        refused = await api.client.get("/wijzigingen.jsonl", params={"sinds": first})
        assert refused.status_code == 400
        assert f"the data version {first} is not held" in refused.text
        error = await api.error(
            "query W($s: String!) { wijzigingen(sinds: $s) { totalCount } }", {"s": first}
        )
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
    (renamed,) = await feed(fresh, sinds=second)
    assert [(v["kolom"], v["oud"], v["nieuw"]) for v in renamed["velden"]][:1] == [
        ("naam_lang", "Waterbeheer", "Waterbouw")
    ]


async def test_the_feed_over_http_has_an_etag_and_refuses_bad_input(small: Target) -> None:
    async with serving(small) as api:
        version = (await api.data("{ meta { versie } }"))["meta"]["versie"]
        first = await api.client.get("/wijzigingen.jsonl", params={"sinds": version})
        assert first.status_code == 200
        assert first.text == ""  # nothing changed after the version now serving
        again = await api.client.get(
            "/wijzigingen.jsonl",
            params={"sinds": version},
            headers={"If-None-Match": first.headers["etag"]},
        )
        assert again.status_code == 304
        other = await api.client.get("/wijzigingen.jsonl", params={"sinds": "2000-01-01"})
        assert other.headers["etag"] != first.headers["etag"]
        cases: list[tuple[Any, str]] = [
            ({}, "sinds: required"),
            ({"sinds": "gisteren"}, "sinds: 'gisteren' is neither a data version"),
            ({"sinds": version, "soorten": "VERPLAATST"}, "soorten: unknown ['VERPLAATST']"),
            ({"sinds": version, "na": "x"}, "na: 'x' is not a volgnummer"),
            ({"sinds": version, "na": "9" * 19}, "is not a volgnummer"),
            ({"sinds": version, "na": "\uff11"}, "is not a volgnummer"),
            ({"sinds": "20261130"}, "sinds: '20261130' is neither a data version"),
            ({"sinds": "2026-W48-1"}, "is neither a data version"),
            ({"sinds": version, "soorten": ""}, "soorten: '' holds an empty value"),
            ({"sinds": version, "soorten": "GEWIJZIGD,,BEEINDIGD"}, "holds an empty value"),
            ({"sinds": version, "first": "10"}, "first: not a parameter of the feed"),
            ([("sinds", version), ("sinds", "2000-01-01")], "sinds: given more than once"),
        ]
        for params, named in cases:
            bad = await api.client.get("/wijzigingen.jsonl", params=params)
            assert bad.status_code == 400, params
            assert named in bad.json()["errors"][0]["message"]
        refused = await api.client.get(
            "/wijzigingen.jsonl",
            params={"sinds": version},
            headers={"Authorization": "Bearer not-a-token"},
        )
        assert refused.status_code == 401
