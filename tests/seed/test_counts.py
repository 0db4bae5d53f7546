"""The seeded database holds what the source files hold: counts computed here straight from the
files (csv/json, not the seed's code) against the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import pytest
from sqlalchemy import func, select

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    AangebodenOpleidingVoertaal,
    Erkenning,
    Gemeente,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Opleidingseenheid,
    Postcodegebied,
)
from tests import scholenbestand
from tests.conftest import DATA_DIR, Target

SCHOLEN = json.loads((DATA_DIR / "duo/scholen_po_vo_so_geocoded_20241122.geojson").read_text())
PO_TYPES = {"basisschool", "SBAO"}


def _csv(name: str, delimiter: str = ",") -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


HO = _csv("duo/ho_opleidingsoverzicht_rio_2026.csv")
PC4_GEMEENTE = {
    r["postcodecijfers"]: r["gemeentecode_20240101"]
    for r in _csv("postcode/duo_pc4_gemeente_2024.csv")
}


def _adres(props: dict[str, object]) -> tuple[object, ...]:
    return (
        props["postcode"],
        props["huisnummer"],
        props["huisletter"],
        props["huisnummertoevoeging"],
    )


def _sleutel(adres: tuple[object, ...]) -> tuple[object, ...]:
    """(postcode, huisnummer, toevoeging) with huisletter and toevoeging joined by a hyphen."""
    postcode, huisnummer, *delen = adres
    return postcode, huisnummer, "-".join(str(d) for d in delen if d) or None


async def test_po_locaties_per_gemeente_match_the_school_file(seeded: Target) -> None:
    verhuisd = scholenbestand.verhuisd()
    expected: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    for feature in SCHOLEN["features"]:
        props = feature["properties"]
        if props["type"] in PO_TYPES and props["vestigingscode"] not in verhuisd:
            expected[PC4_GEMEENTE[props["postcode"][:4]]].add(_adres(props))
    aanbod, locatie, aanbieder = AangebodenOpleiding, Onderwijslocatie, Onderwijsaanbieder
    query = (
        select(locatie.gemeente_code, func.count(func.distinct(locatie.code)))
        .join(aanbod, aanbod.onderwijslocatie_code == locatie.code)
        .join(aanbieder, aanbieder.code == aanbod.onderwijsaanbieder_code)
        .where(
            aanbod.sector == "PO",
            aanbod.bron == "duo-scholen-2024",
            aanbieder.eigen_sleutel.not_in(sorted(verhuisd)),
        )
        .group_by(locatie.gemeente_code)
    )
    engine = seeded.engine()
    async with engine.connect() as conn:
        found = dict((await conn.execute(query)).all())
    await engine.dispose()
    assert found == {gemeente: len(adressen) for gemeente, adressen in expected.items()}
    assert found["0363"] > 150  # Amsterdam has well over 150 primary school addresses
    assert 50 < len(verhuisd) < 500


async def test_ho_offerings_per_aanbieder_match_the_ho_file(seeded: Target) -> None:
    expected: dict[str, set[str]] = defaultdict(set)
    for row in HO:
        if row["AANGEBODEN_OPLEIDINGCODE"]:
            expected[row["ONDERWIJSAANBIEDERID"]].add(row["AANGEBODEN_OPLEIDINGCODE"])
    query = (
        select(AangebodenOpleiding.onderwijsaanbieder_code, func.count())
        .where(AangebodenOpleiding.sector == "HO")
        .group_by(AangebodenOpleiding.onderwijsaanbieder_code)
    )
    engine = seeded.engine()
    async with engine.connect() as conn:
        found = dict((await conn.execute(query)).all())
    await engine.dispose()
    assert found == {aanbieder: len(codes) for aanbieder, codes in expected.items()}


async def test_totals_match_the_source_files(seeded: Target) -> None:
    brin4 = _csv("duo/dec_instellingscode_brin4.csv")
    brin6 = {
        r["instellingscode"] + r["vestigingsnummer"]
        for r in _csv("duo/dec_instellingscode_vestiging_brin6.csv")
    }
    school_brin6 = {f["properties"]["vestigingscode"] for f in SCHOLEN["features"]}
    bo_2026 = _csv("duo/alle_schoolvestigingen_bo_2026.csv", ";")
    # a BRIN4 newer than the decode table gets its erkenning from the 2026 PO file, and every
    # BRIN6 any per-vestiging file lists (under a known BRIN4) gets a vestigingserkenning
    alle_brin4 = {r["instellingscode"] for r in brin4} | {r["INSTELLINGSCODE"] for r in bo_2026}
    alle_brin6 = {r["VESTIGINGSCODE"] for r in bo_2026}
    alle_brin6 |= {
        r["VESTIGINGSCODE"]
        for r in _csv("duo/historische_leerlingen_po_per_vestiging_1996_2025.csv", ";")
    }
    for name in ("2021", "2022"):
        alle_brin6 |= {
            r["VESTIGINGSNUMMER"]
            for r in _csv(f"duo/leerlingen_vo_per_vestiging_en_bestuur_{name}.csv", ";")
        }
    alle_brin6 |= {
        r["BRIN NUMMER"] + r["VESTIGINGSNUMMER"]
        for r in _csv("duo/leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv", ";")
    }
    for name in ("bo", "vo"):
        alle_brin6 |= {
            r["VESTIGINGSNUMMER"] for r in _csv(f"duo/alle_vestigingen_{name}_2020.csv", ";")
        }
    alle_brin6 = {code for code in alle_brin6 | school_brin6 if code[:4] in alle_brin4}
    verhuisd = scholenbestand.verhuisd()
    adressen = {
        _adres(f["properties"])
        for f in SCHOLEN["features"]
        if f["properties"]["vestigingscode"] not in verhuisd
    }
    for row in bo_2026:
        if row["VESTIGINGSCODE"] in verhuisd:
            nummer, _, toevoeging = row["HUISNUMMER-TOEVOEGING"].partition("-")
            adressen.add((row["POSTCODE"].replace(" ", ""), int(nummer), toevoeging or None, None))
    expected = {
        "gemeenten": len(_csv("cbs/gemeenten_alfabetisch_2023.csv")),
        "postcodegebieden": sum(1 for code in PC4_GEMEENTE.values() if not code.startswith("99")),
        "school locaties": len({_sleutel(adres) for adres in adressen}),
        "school aanbieders": len(school_brin6),
        "BRIN4": len(alle_brin4),
        "BRIN6": len(brin6 | alle_brin6),
        "HO besturen": len({r["ONDERWIJSBESTUURID"] for r in HO}),
        "HO aanbieders": len({r["ONDERWIJSAANBIEDERID"] for r in HO} - {""}),
        "HO opleidingseenheden": len({r["OPLEIDINGSEENHEIDCODE"] for r in HO}),
        "HO locaties": len({r["ONDERWIJSLOCATIECODE"] for r in HO} - {""}),
        "HO aanbod in het Engels": len(
            {r["AANGEBODEN_OPLEIDINGCODE"] for r in HO if "ENG" in r["VOERTAAL"].split(",")} - {""}
        ),
    }
    queries = {
        "gemeenten": select(func.count()).select_from(Gemeente),
        "postcodegebieden": select(func.count()).select_from(Postcodegebied),
        "school locaties": select(func.count()).where(Onderwijslocatie.bron == "duo-scholen-2024"),
        "school aanbieders": select(func.count()).where(
            Onderwijsaanbieder.bron == "duo-scholen-2024"
        ),
        "BRIN4": select(func.count()).where(Erkenning.soort == "ERKENDE_ONDERWIJSINSTELLING"),
        "BRIN6": select(func.count()).where(Erkenning.soort == "ERKENDE_VESTIGING"),
        "HO besturen": select(func.count()).where(
            Onderwijsbestuur.bron == "duo-ho-opleidingsoverzicht"
        ),
        "HO aanbieders": select(func.count()).where(
            Onderwijsaanbieder.bron == "duo-ho-opleidingsoverzicht"
        ),
        "HO opleidingseenheden": select(func.count()).where(Opleidingseenheid.sector == "HO"),
        "HO locaties": select(func.count()).where(
            Onderwijslocatie.bron == "duo-ho-opleidingsoverzicht"
        ),
        "HO aanbod in het Engels": select(func.count()).where(
            AangebodenOpleidingVoertaal.voertaal == "ENG"
        ),
    }
    engine = seeded.engine()
    async with engine.connect() as conn:
        found = {name: await conn.scalar(query) for name, query in queries.items()}
    await engine.dispose()
    assert found == expected


async def test_a_known_ho_programme_is_loaded_as_duo_publishes_it(seeded: Target) -> None:
    engine = seeded.engine()
    async with engine.connect() as conn:
        aanbod = (
            await conn.execute(
                select(AangebodenOpleiding).where(
                    AangebodenOpleiding.code == "7e2f59f9-d2af-4c36-8c4e-81476a3858d9"
                )
            )
        ).one()
        eenheid = (
            await conn.execute(
                select(Opleidingseenheid).where(
                    Opleidingseenheid.code == aanbod.opleidingseenheid_code
                )
            )
        ).one()
        locatie = (
            await conn.execute(
                select(Onderwijslocatie).where(
                    Onderwijslocatie.code == aanbod.onderwijslocatie_code
                )
            )
        ).one()
        talen = (
            await conn.scalars(
                select(AangebodenOpleidingVoertaal.voertaal).where(
                    AangebodenOpleidingVoertaal.aangeboden_opleiding_code == aanbod.code
                )
            )
        ).all()
    await engine.dispose()
    assert (aanbod.onderwijsaanbieder_code, aanbod.vorm, aanbod.sector) == (
        "113A881",
        "VOLTIJD",
        "HO",
    )
    assert (eenheid.code, eenheid.erkende_opleidingscode, eenheid.niveau) == (
        "1001O2660",
        "30017",
        "HBO-BA",
    )
    assert eenheid.naam_lang == "Global Project and Change Management"
    assert (locatie.code, locatie.straatnaam, locatie.plaatsnaam) == (
        "113X626",
        "Het Groene Woud",
        "Middelburg",
    )
    assert locatie.gemeente_code == "0687"  # Middelburg
    assert talen == ["ENG"]


@pytest.mark.parametrize(
    ("naam", "concept"),
    [
        ("Montessorischool", "MONTESSORI"),
        ("Dalton", "DALTON"),
        ("Jenaplan", "JENAPLAN"),
        ("Vrije School", "VRIJESCHOOL"),
    ],
)
async def test_onderwijsconcept_follows_the_school_name(
    seeded: Target, naam: str, concept: str
) -> None:
    engine = seeded.engine()
    async with engine.connect() as conn:
        po = (
            await conn.execute(
                select(Onderwijsaanbieder.eigen_sleutel, AangebodenOpleiding.eigen_naam)
                .join(
                    AangebodenOpleiding,
                    AangebodenOpleiding.onderwijsaanbieder_code == Onderwijsaanbieder.code,
                )
                .where(AangebodenOpleiding.sector == "PO")
            )
        ).all()
        found = set(
            (
                await conn.scalars(
                    select(Onderwijsaanbieder.eigen_sleutel)
                    .join(
                        AangebodenOpleiding,
                        AangebodenOpleiding.onderwijsaanbieder_code == Onderwijsaanbieder.code,
                    )
                    .where(
                        AangebodenOpleiding.onderwijsconcept == concept,
                        AangebodenOpleiding.sector == "PO",
                    )
                )
            ).all()
        )
    await engine.dispose()
    # the name each offering carries (the newest file's name of its school)
    expected = {
        brin6
        for brin6, eigen_naam in po
        if naam.lower().replace(" ", "") in (eigen_naam or "").lower().replace(" ", "")
    }
    assert expected
    assert expected <= found
