"""The change feed, end to end: two seeds of fixture folders that differ in known ways (a
school opened, one closed, one reopened, a long closed one renamed, an HO opleiding renamed, a
school moved, a bestuur, a gemeente and a provincie renamed) give exactly those changes; a sync
client that applies the feed to the first copy of the data ends with the second, value for value,
and one that applies it to yesterday's bulk export of every list writes today's, byte for byte;
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
ENDED = "2026-11-01"  # CLOSED's einddatum today: after P, so it is still in the export on P
REOPENED, ONCE_ENDED = "07IZ", "2026-08-01"  # closed before P yesterday, open today
HISTORIC = "10VV01"  # a vestiging closed in 1997, renamed today: not valid on P either day
BESTUUR = ("Stichting Voortgezet Onderwijs Zeeuws-Vlaanderen", "Stichting VO Zeeuws-Vlaanderen")
GEMEENTE = ("0060", "Ameland", "Amelân")  # CLOSED, MOVED and REOPENED are in it
PROVINCIE = ("22", "Drenthe", "Drinte")
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
    ENDED, reopens REOPENED (yesterday closed on ONCE_ENDED), renames HISTORIC, the HO opleiding
    Watermanagement, the bestuur BESTUUR, the gemeente GEMEENTE and the provincie PROVINCIE, and
    moves MOVED to another address; tomorrow renames the opleiding once more."""
    root = tmp_path_factory.mktemp("feed")
    yesterday, today, tomorrow = root / "yesterday", root / "today", root / "tomorrow"
    for folder in (yesterday, today):
        shutil.copytree(SMALL_DIR, folder)
    _without(yesterday, OPENED)
    _opgeheven(yesterday, REOPENED, ONCE_ENDED)
    _opgeheven(today, CLOSED, ENDED)
    brin6 = today / "duo/dec_instellingscode_vestiging_brin6.csv"
    _replace(
        brin6,
        f"{HISTORIC[:4]},{HISTORIC[4:]},Basisschool De Kirreweie,",
        f"{HISTORIC[:4]},{HISTORIC[4:]},Basisschool Kirreweie,",
    )
    _replace(
        today / "duo/historische_leerlingen_po_per_vestiging_1996_2025.csv",
        f"{HISTORIC[:4]};{HISTORIC};Basisschool De Kirreweie;",
        f"{HISTORIC[:4]};{HISTORIC};Basisschool Kirreweie;",
    )
    _replace(today / "duo/bevoegde_gezagen_vo_2023.csv", f";{BESTUUR[0]};", f";{BESTUUR[1]};")
    gemeenten = today / "cbs/gemeenten_alfabetisch_2023.csv"
    code, oud, nieuw = GEMEENTE
    _replace(gemeenten, f"{code},GM{code},{oud},", f"{code},GM{code},{nieuw},")
    code, oud, nieuw = PROVINCIE
    text = gemeenten.read_text(encoding="utf-8")
    assert f",{code},PV{code},{oud}\n" in text
    gemeenten.write_text(
        text.replace(f",{code},PV{code},{oud}\n", f",{code},PV{code},{nieuw}\n"), "utf-8"
    )
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


def _opgeheven(folder: Path, brin4: str, datum: str) -> None:
    """The vestiging ``brin4`` 00 closed on ``datum`` (its datum_opheffing, empty before)."""
    brin6 = folder / "duo/dec_instellingscode_vestiging_brin6.csv"
    (line,) = [x for x in brin6.read_text().splitlines() if x.startswith(f"{brin4},00,")]
    fields = line.split(",")
    assert fields[6] == ""  # datum_opheffing
    fields[6] = datum.replace("-", "")
    _replace(brin6, line, ",".join(fields))


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
    bulk_before: dict[str, bytes]
    bulk_after: dict[str, bytes]


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


P = dt.date(2026, 10, 1)  # the peildatum of the bulk export files


async def bulk(target: Target, files: Path) -> dict[str, bytes]:
    """The bulk export of every list on P: the body of ``/export/<lijst>.jsonl``."""
    found = {}
    async with serving(target, export_dir=files) as api:
        for lijst in EXPORTS:
            response = await api.client.get(f"/export/{lijst}.jsonl", params={"peildatum": str(P)})
            assert response.status_code == 200, response.text
            found[lijst] = response.content
    return found


# A sync client's reading of the bulk export's documented columns (README, "Bulk export": the
# columns table and the rule above it), not of the export's code. Per list: its objecttype and
# its columns in order, each (name, steps, kolom): the value of ``kolom`` of the object reached
# from the row by ``steps``; no steps: the row's own column (the client's copy of the object
# holds these); each step a reference column and the objecttype it names, giving nothing when the
# client holds no such object valid on P.
Stap = tuple[str, str]
Kolom = tuple[str, tuple[Stap, ...], str]
BESTUUR_VAN: Stap = ("onderwijsbestuur_code", "Onderwijsbestuur")
GROEP_VAN: Stap = ("onderwijsaanbiedersgroep_code", "Onderwijsaanbiedersgroep")
AANBIEDER_VAN: Stap = ("onderwijsaanbieder_code", "Onderwijsaanbieder")
EENHEID_VAN: Stap = ("opleidingseenheid_code", "Opleidingseenheid")
LOCATIE_VAN: Stap = ("onderwijslocatie_code", "Onderwijslocatie")
EIGENAAR_VAN: Stap = ("eigenaar_code", "Onderwijsbestuur")
GEMEENTE_VAN: Stap = ("gemeente_code", "Gemeente")
PROVINCIE_VAN: Stap = ("provincie_code", "Provincie")


def eigen(*namen: str) -> list[Kolom]:
    return [(naam, (), naam) for naam in namen]


def via(naam: str, kolom: str, *stappen: Stap) -> list[Kolom]:
    return [(naam, stappen, kolom)]


def locatie(*stappen: Stap) -> list[Kolom]:
    """The columns of a locatie, reached by ``stappen`` (none: the locatie itself)."""
    adres = ("straatnaam", "huisnummer", "huisnummertoevoeging", "postcode", "plaatsnaam")
    return [
        *[(k, stappen, k) for k in (*adres, "gemeente_code")],
        *via("gemeente_naam", "naam", *stappen, GEMEENTE_VAN),
        ("provincie_code", stappen, "provincie_code"),
        *via("provincie_naam", "naam", *stappen, PROVINCIE_VAN),
        ("latitude", stappen, "latitude"),
        ("longitude", stappen, "longitude"),
    ]


GELDIG = eigen("begindatum", "einddatum")
KLANT: dict[str, tuple[str, list[Kolom]]] = {
    "onderwijsbesturen": (
        "Onderwijsbestuur",
        eigen("code", "naam", "bevoegd_gezag_nummer", "kvk_nummer", "rsin") + GELDIG,
    ),
    "onderwijsaanbieders": (
        "Onderwijsaanbieder",
        eigen("code", "naam", "internationale_naam", "denominatie", "onderwijsbestuur_code")
        + via("onderwijsbestuur_naam", "naam", BESTUUR_VAN)
        + eigen("onderwijsaanbiedersgroep_code")
        + via("onderwijsaanbiedersgroep_naam", "naam", GROEP_VAN)
        + GELDIG,
    ),
    "onderwijslocaties": (
        "Onderwijslocatie",
        eigen("code") + locatie() + eigen("bag_id") + GELDIG,
    ),
    "aangebodenOpleidingen": (
        "AangebodenOpleiding",
        eigen(
            "code",
            "type",
            "sector",
            "eigen_naam",
            "vorm",
            "onderwijsconcept",
            "leertraject",
            "website",
            "eerste_instroomdatum",
            "laatste_instroomdatum",
            "opleidingseenheid_code",
        )
        + via("opleidingseenheid_naam", "naam_lang", EENHEID_VAN)
        + via("erkende_opleidingscode", "erkende_opleidingscode", EENHEID_VAN)
        + via("niveau", "niveau", EENHEID_VAN)
        + eigen("onderwijsaanbieder_code")
        + via("onderwijsaanbieder_naam", "naam", AANBIEDER_VAN)
        + via("onderwijsbestuur_code", "onderwijsbestuur_code", AANBIEDER_VAN)
        + via("onderwijsbestuur_naam", "naam", AANBIEDER_VAN, BESTUUR_VAN)
        + eigen("onderwijslocatie_code")
        + locatie(LOCATIE_VAN)
        + GELDIG,
    ),
    "opleidingseenheden": (
        "Opleidingseenheid",
        eigen(
            "code",
            "type",
            "sector",
            "soort",
            "naam_lang",
            "naam_kort",
            "internationale_naam",
            "niveau",
            "graad",
            "studielast",
            "studielasteenheid",
            "eqf",
            "nlqf",
            "isced",
            "erkende_opleidingscode",
            "opleidingsstelsel",
            "variant_van",
            "eigenaar_code",
        )
        + via("eigenaar_naam", "naam", EIGENAAR_VAN)
        + GELDIG,
    ),
    "onderwijsaanbiedersgroepen": (
        "Onderwijsaanbiedersgroep",
        eigen("code", "naam", "onderwijsbestuur_code")
        + via("onderwijsbestuur_naam", "naam", BESTUUR_VAN)
        + GELDIG,
    ),
    "samenwerkingsverbanden": ("Samenwerkingsverband", eigen("code", "soort", "naam") + GELDIG),
    "onderwijsbegeleidingsaanbieders": (
        "Onderwijsbegeleidingsaanbieder",
        eigen("code", "naam", "internationale_naam", "expertise", "onderwijsbestuur_code")
        + via("onderwijsbestuur_naam", "naam", BESTUUR_VAN)
        + GELDIG,
    ),
    "gemeenten": (
        "Gemeente",
        eigen("code", "naam", "provincie_code") + via("provincie_naam", "naam", PROVINCIE_VAN),
    ),
    "provincies": ("Provincie", eigen("code", "naam")),
}
GELDIGHEID = {"begindatum", "einddatum"}


def geldig(row: dict[str, Any]) -> bool:
    """Valid on P (a gemeente or provincie has no validity: always)."""
    return bool((row.get("begindatum") or "") <= str(P) < (row.get("einddatum") or "9999"))


def sync(
    bulk: dict[str, bytes], lines: list[dict[str, Any]]
) -> tuple[dict[str, bytes], dict[str, int]]:
    """What a sync client does: a copy per objecttype of the objects' own columns from the bulk
    export, each change applied in order (VERWIJDERD: drop it; else set each kolom to nieuw; a
    change to a code the copy lacks is taken only when whole, AANGEMAAKT or a changed
    begindatum or einddatum: else the object was not valid on P and still is not), then each
    list written again from the copies: the objects valid on P, by code, each column read as
    ``KLANT`` says, as JSON Lines. Also how many changes it took whole and passed over."""
    kopie: dict[str, dict[str, dict[str, Any]]] = {}
    for lijst, (objecttype, kolommen) in KLANT.items():
        own = [naam for naam, stappen, _ in kolommen if not stappen]
        rows = map(json.loads, bulk[lijst].decode("utf-8").splitlines())
        kopie[objecttype] = {row["code"]: {k: row[k] for k in own} for row in rows}
    seen = {"heel": 0, "overgeslagen": 0}
    for change in lines:
        objects, code = kopie[change["objecttype"]], change["code"]
        if change["soort"] == "VERWIJDERD":
            objects.pop(code, None)
            continue
        velden = {v["kolom"]: v for v in change["velden"]}
        row = objects.get(code)
        if row is None:
            if change["soort"] != "AANGEMAAKT" and not GELDIGHEID & velden.keys():
                seen["overgeslagen"] += 1
                continue
            seen["heel"] += change["soort"] != "AANGEMAAKT"
            row = objects.setdefault(code, {})
        for kolom, veld in velden.items():
            assert row.get(kolom, veld["oud"]) == veld["oud"], (change, veld)
            row[kolom] = veld["nieuw"]

    def lees(row: dict[str, Any] | None, stappen: tuple[Stap, ...], kolom: str) -> Any:
        for referentie, objecttype in stappen:
            assert row is not None
            row = kopie[objecttype].get(row[referentie])
            if row is None or not geldig(row):
                return None
        assert row is not None
        return row[kolom]

    written = {}
    for lijst, (objecttype, kolommen) in KLANT.items():
        valid = [row for _, row in sorted(kopie[objecttype].items()) if geldig(row)]
        written[lijst] = "".join(
            json.dumps(
                {naam: lees(row, stappen, kolom) for naam, stappen, kolom in kolommen},
                ensure_ascii=False,
                separators=(",", ":"),
            )
            + "\n"
            for row in valid
        ).encode("utf-8")
    return written, seen


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


def of(aanbieder: str, export: Export) -> set[str]:
    """The codes of the aanbod of ``aanbieder``."""
    return {
        c
        for c, row in export["AangebodenOpleiding"].items()
        if row["onderwijsaanbieder_code"] == aanbieder
    }


def expected(before: Export, after: Export) -> set[tuple[str, str, str]]:
    """The changes the folders' differences must give, found by what the objects are."""
    opened = one(after, "Onderwijsaanbieder", eigen_sleutel=f"{OPENED}00")
    closed = one(after, "Onderwijsaanbieder", eigen_sleutel=f"{CLOSED}00")
    moved = one(after, "Onderwijsaanbieder", eigen_sleutel=f"{MOVED}00")

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
    reopened = one(after, "Onderwijsaanbieder", eigen_sleutel=f"{REOPENED}00")
    changes |= {("Onderwijsaanbieder", reopened, "GEWIJZIGD")}
    changes |= {("AangebodenOpleiding", c, "GEWIJZIGD") for c in of(reopened, after)}
    changes |= {("Onderwijslocatie", c, "GEWIJZIGD") for c in locaties(of(reopened, after), after)}
    historic = one(after, "Onderwijsaanbieder", eigen_sleutel=HISTORIC)
    changes |= {("Onderwijsaanbieder", historic, "GEWIJZIGD")}
    changes |= {("AangebodenOpleiding", c, "GEWIJZIGD") for c in of(historic, after)}
    changes |= {("Onderwijsbestuur", one(before, "Onderwijsbestuur", naam=BESTUUR[0]), "GEWIJZIGD")}
    changes |= {("Gemeente", GEMEENTE[0], "GEWIJZIGD"), ("Provincie", PROVINCIE[0], "GEWIJZIGD")}
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
    # closed and reopened: their validity changed, so every field, only the einddatum changed
    for brin4, changed in [(CLOSED, (None, ENDED)), (REOPENED, (ONCE_ENDED, None))]:
        code = one(after, "Onderwijsaanbieder", eigen_sleutel=f"{brin4}00")
        (change,) = [c for c in lines if c["code"] == code]
        assert {v["kolom"] for v in change["velden"]} == set(after["Onderwijsaanbieder"][code])
        assert [
            (v["kolom"], v["oud"], v["nieuw"]) for v in change["velden"] if v["oud"] != v["nieuw"]
        ] == [("einddatum", *changed)]

    applied = apply(before, lines)
    applied["versie"] = after["versie"]
    assert applied == after

    # the same from a date: every change of today's seed
    assert await feed(fresh, sinds="2000-01-01") == lines
    assert [c["soort"] for c in await feed(fresh, sinds="2000-01-01", soorten="BEEINDIGD")] == [
        "BEEINDIGD"
    ] * 3


async def test_a_sync_client_turns_yesterdays_bulk_export_into_todays_byte_for_byte(
    synced: Synced,
) -> None:
    """The client (``sync``) holds yesterday's bulk export of every list on P and applies the
    feed since yesterday's version: what it writes is today's ``/export/<lijst>.jsonl``, byte
    for byte. The folders' changes move columns that name related objects (a bestuur, a gemeente
    and a provincie renamed) and the validity on P (a school reopened: the client did not hold
    it; a long closed one renamed: still not valid on P)."""
    assert set(KLANT) == set(EXPORTS)
    lines = await feed(synced.target, sinds=synced.before["versie"][""]["versie"])
    written, seen = sync(synced.bulk_before, lines)
    for lijst in KLANT:
        assert written[lijst] == synced.bulk_after[lijst], lijst
    historic = one(synced.after, "Onderwijsaanbieder", eigen_sleutel=HISTORIC)
    assert seen == {
        "heel": len(expected_reopened(synced.after)),
        "overgeslagen": 1 + len(of(historic, synced.after)),  # its aanbod has its name
    }

    reopened = expected_reopened(synced.after)
    assert not reopened & codes(synced.bulk_before)
    assert reopened <= codes(synced.bulk_after)

    unchanged = {"samenwerkingsverbanden", "onderwijsbegeleidingsaanbieders"}
    changed = {lijst for lijst in KLANT if synced.bulk_before[lijst] != synced.bulk_after[lijst]}
    assert changed == set(KLANT) - unchanged
    # rows that changed only in a column of a related object
    assert {"onderwijsbestuur_naam"} in only(synced, "onderwijsaanbieders")
    assert {"onderwijsbestuur_naam"} in only(synced, "onderwijsaanbiedersgroepen")
    assert {"onderwijsbestuur_naam"} in only(synced, "aangebodenOpleidingen")
    assert {"gemeente_naam"} in only(synced, "aangebodenOpleidingen")
    assert {"provincie_naam"} in only(synced, "onderwijslocaties")
    assert {"provincie_naam"} in only(synced, "gemeenten")


def expected_reopened(after: Export) -> set[str]:
    """The codes of REOPENED's aanbieder, aanbod and locaties."""
    aanbieder = one(after, "Onderwijsaanbieder", eigen_sleutel=f"{REOPENED}00")
    aanbod = of(aanbieder, after)
    return (
        {aanbieder}
        | aanbod
        | {after["AangebodenOpleiding"][c]["onderwijslocatie_code"] for c in aanbod}
    )


def codes(bulk: dict[str, bytes]) -> set[str]:
    """The codes of every row of every list."""
    return {
        json.loads(line)["code"]
        for body in bulk.values()
        for line in body.decode("utf-8").splitlines()
    }


def only(synced: Synced, lijst: str) -> list[set[str]]:
    """Per object in both files of ``lijst``: the columns its rows differ in."""

    def rows(body: bytes) -> dict[str, dict[str, Any]]:
        return {r["code"]: r for r in map(json.loads, body.decode("utf-8").splitlines())}

    before, after = rows(synced.bulk_before[lijst]), rows(synced.bulk_after[lijst])
    return [
        {k for k in after[code] if before[code][k] != after[code][k]}
        for code in before.keys() & after.keys()
    ]


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
