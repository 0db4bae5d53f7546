"""The MBO instellingen: the open BRIN4s of the derived list ``seed/mbo_instellingen.py``, each
once, checked against DUO's BRIN4 decode table (read here with csv, not the seed's code) and in
the seeded database with SQL on SQLite and PostgreSQL; and the rule refusing a listed BRIN4 that
the decode table lacks or has closed."""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from functools import cache

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Erkenning,
    JuridischeRelatie,
    Licentie,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
)
from seed.erkenningen import Erkenningen, Instelling
from seed.errors import SeedError
from seed.mbo import mbo_instellingen
from seed.mbo_instellingen import MBO_INSTELLINGEN, NIET_OPGENOMEN, MboInstelling
from tests.conftest import DATA_DIR, Target

LIJST = {entry.brin4: entry for entry in MBO_INSTELLINGEN}


@cache
def decodetabel() -> dict[str, dict[str, str]]:
    """DUO's BRIN4 decode table: instellingscode → row."""
    path = DATA_DIR / "duo" / "dec_instellingscode_brin4.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["instellingscode"]: row for row in csv.DictReader(handle)}


def is_open(row: dict[str, str]) -> bool:
    return row["datum_opheffing"].strip() == ""


def dag(value: str) -> dt.date:
    return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def naamvorm(naam: str) -> str:
    """A name without case, accents, spaces and punctuation: 'ROC A-12' and 'roc a12' are one."""
    plain = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]", "", plain.casefold())


# -- the list against the decode table ------------------------------------------------------
def test_every_listed_brin4_is_open_in_the_decode_table_under_the_name_it_has_there() -> None:
    tabel = decodetabel()
    for entry in MBO_INSTELLINGEN:
        assert entry.brin4 in tabel, entry
        assert is_open(tabel[entry.brin4]), entry
        assert tabel[entry.brin4]["naam"] == entry.naam, entry
        assert entry.soort in {"ROC", "AOC", "vakinstelling"}, entry


def test_no_institution_is_listed_twice() -> None:
    brin4s = [entry.brin4 for entry in MBO_INSTELLINGEN]
    namen = [naamvorm(entry.naam) for entry in MBO_INSTELLINGEN]
    assert len(set(brin4s)) == len(brin4s)
    assert len(set(namen)) == len(namen)


@pytest.mark.parametrize(
    ("brin4", "naam"), [("00GT", "Albeda"), ("25LP", "Zadkine"), ("25MB", "Summa College")]
)
def test_the_big_three_are_listed_once(brin4: str, naam: str) -> None:
    assert [e.brin4 for e in MBO_INSTELLINGEN if naamvorm(naam) in naamvorm(e.naam)] == [brin4]
    assert decodetabel()[brin4]["naam"] == naam


def test_every_open_brin4_named_roc_aoc_or_mbo_is_listed_or_explained() -> None:
    """No gap against the old rule (an open BRIN4 whose name says ROC, AOC or MBO): each such
    BRIN4 is listed, or ``NIET_OPGENOMEN`` says why not; a second BRIN4 of an institution
    names the listed one."""
    tabel = decodetabel()
    genoemd = {
        code
        for code, row in tabel.items()
        if is_open(row) and re.search(r"\b(ROC|AOC|MBO)\b", row["naam"])
    }
    assert genoemd - LIJST.keys() == NIET_OPGENOMEN.keys()
    for code, reden in NIET_OPGENOMEN.items():
        assert reden, code
        for verwezen in re.findall(r"listed as ([0-9A-Z]{4})", reden):
            assert verwezen in LIJST, (code, reden)


# -- the rule, on erkenningen made here ---------------------------------------------------
def instelling(erkenning_id: int, naam: str, einddatum: dt.date | None = None) -> Instelling:
    return Instelling(erkenning_id, naam, dt.date(1996, 8, 1), einddatum, "3068", "ROTTERDAM")


def test_the_rule_takes_the_open_listed_brin4s_in_brin4_order() -> None:
    erkenningen = Erkenningen(
        brin4={
            "25LP": instelling(1, "Zadkine"),
            "00GT": instelling(2, "Albeda"),
            "25RA": instelling(3, "Regio College", dt.date(2024, 8, 1)),
        }
    )
    lijst = [MboInstelling("25LP", "Zadkine", "ROC"), MboInstelling("00GT", "Albeda", "ROC")]
    found = mbo_instellingen(erkenningen, lijst)
    assert list(found) == ["00GT", "25LP"]
    assert found["25LP"] == erkenningen.brin4["25LP"]


@pytest.mark.parametrize(
    ("lijst", "melding"),
    [
        (
            [MboInstelling("25RA", "Regio College", "ROC")],
            r"BRIN4 25RA \(Regio College\).* is closed in the decode table \(on 2024-08-01\)",
        ),
        (
            [MboInstelling("99ZZ", "Nergens College", "ROC")],
            r"BRIN4 99ZZ \(Nergens College\).* is not in the decode table",
        ),
        (
            [MboInstelling("25LP", "Zadkine", "ROC"), MboInstelling("25LP", "Zadkine", "ROC")],
            r"BRIN4 25LP \(Zadkine\).* is listed twice",
        ),
    ],
    ids=["closed", "missing", "twice"],
)
def test_the_rule_refuses_a_listed_brin4_it_cannot_take(
    lijst: list[MboInstelling], melding: str
) -> None:
    erkenningen = Erkenningen(
        brin4={
            "25LP": instelling(1, "Zadkine"),
            "25RA": instelling(3, "Regio College", dt.date(2024, 8, 1)),
        }
    )
    with pytest.raises(SeedError, match=melding) as refused:
        mbo_instellingen(erkenningen, [MboInstelling("25LP", "Zadkine", "ROC"), *lijst])
    assert refused.value.path == "duo/dec_instellingscode_brin4.csv"
    assert refused.value.field == "instellingscode"


# -- the seeded database --------------------------------------------------------------------
async def test_the_mbo_aanbieders_are_the_list_each_once(seeded: Target) -> None:
    mbo = select(AangebodenOpleiding.onderwijsaanbieder_code).where(
        AangebodenOpleiding.sector == "MBO"
    )
    engine = seeded.engine()
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                select(
                    Onderwijsaanbieder.code,
                    Onderwijsaanbieder.naam,
                    Onderwijsaanbieder.eigen_sleutel,
                    Onderwijsaanbieder.begindatum,
                    Onderwijsaanbieder.einddatum,
                ).where(Onderwijsaanbieder.code.in_(mbo))
            )
        ).all()
        uit_brin4 = set(
            await conn.scalars(
                select(Onderwijsaanbieder.code).where(Onderwijsaanbieder.bron == "duo-brin4")
            )
        )
        relaties = (
            await conn.execute(
                select(JuridischeRelatie.onderwijsaanbieder_code, Erkenning.soort, Erkenning.code)
                .join(Erkenning, Erkenning.id == JuridischeRelatie.erkenning_id)
                .where(JuridischeRelatie.onderwijsaanbieder_code.in_(mbo))
            )
        ).all()
    await engine.dispose()
    tabel = decodetabel()
    assert len(rows) == len(MBO_INSTELLINGEN)
    assert {row.eigen_sleutel for row in rows} == set(LIJST)
    assert len({naamvorm(row.naam) for row in rows}) == len(rows)
    assert uit_brin4 == {row.code for row in rows}  # no MBO instelling without offering
    for row in rows:
        bron = tabel[row.eigen_sleutel]
        assert row.naam == bron["naam"], row
        assert row.begindatum == dag(bron["datum_oprichting"]), row
        assert row.einddatum is None, row
    for brin4 in ("00GT", "25LP", "25MB"):
        assert [row.naam for row in rows if row.eigen_sleutel == brin4] == [tabel[brin4]["naam"]]
    sleutel = {row.code: row.eigen_sleutel for row in rows}
    assert sorted((r.onderwijsaanbieder_code, r.soort, r.code) for r in relaties) == sorted(
        (code, "ERKENDE_ONDERWIJSINSTELLING", brin4) for code, brin4 in sleutel.items()
    )


async def test_everything_mbo_is_marked_derived(seeded: Target) -> None:
    mbo = select(AangebodenOpleiding.onderwijsaanbieder_code).where(
        AangebodenOpleiding.sector == "MBO"
    )
    engine = seeded.engine()
    async with engine.connect() as conn:
        aanbieders = (
            await conn.execute(
                select(Onderwijsaanbieder.code, Onderwijsaanbieder.afgeleid).where(
                    Onderwijsaanbieder.code.in_(mbo)
                )
            )
        ).all()
        besturen = (
            await conn.execute(
                select(Onderwijsbestuur.code, Onderwijsbestuur.bron, Onderwijsbestuur.afgeleid)
                .join(
                    Onderwijsaanbieder,
                    Onderwijsaanbieder.onderwijsbestuur_code == Onderwijsbestuur.code,
                )
                .where(Onderwijsaanbieder.code.in_(mbo))
            )
        ).all()
        onder_besturen = (
            await conn.execute(
                select(Onderwijsbestuur.code.label("bestuur"), Onderwijsaanbieder.code)
                .join(
                    Onderwijsaanbieder,
                    Onderwijsaanbieder.onderwijsbestuur_code == Onderwijsbestuur.code,
                )
                .where(Onderwijsbestuur.code.in_([b.code for b in besturen]))
            )
        ).all()
        locaties = (
            await conn.execute(
                select(
                    Onderwijslocatie.code,
                    Onderwijslocatie.afgeleid,
                    Onderwijslocatiegebruik.bron,
                    Onderwijslocatiegebruik.afgeleid.label("gebruik_afgeleid"),
                )
                .join(
                    Onderwijslocatiegebruik,
                    Onderwijslocatiegebruik.onderwijslocatie_code == Onderwijslocatie.code,
                )
                .where(Onderwijslocatiegebruik.onderwijsaanbieder_code.in_(mbo))
            )
        ).all()
        aanbod = (
            await conn.execute(
                select(
                    AangebodenOpleiding.bron,
                    AangebodenOpleiding.afgeleid,
                    Opleidingseenheid.bron.label("eenheid_bron"),
                    Opleidingseenheid.afgeleid.label("eenheid_afgeleid"),
                )
                .join(
                    Opleidingseenheid,
                    Opleidingseenheid.code == AangebodenOpleiding.opleidingseenheid_code,
                )
                .where(AangebodenOpleiding.sector == "MBO")
                .distinct()
            )
        ).all()
    await engine.dispose()
    assert len(aanbieders) == len(MBO_INSTELLINGEN)
    for aanbieder in aanbieders:
        assert aanbieder.code.startswith("9"), aanbieder
        assert {"code", "onderwijsbestuur_code"} <= set(aanbieder.afgeleid.split(",")), aanbieder
    # the bestuur of its BRIN4's school vestigingen where the school files name one, else a
    # derived bestuur of its own, with only this instelling under it
    under: dict[str, set[str]] = defaultdict(set)
    for row in onder_besturen:
        under[row.bestuur].add(row.code)
    eigen = {b.code: b for b in besturen if len(under[b.code]) == 1}
    assert all((b.bron, b.afgeleid) == ("afgeleid", "*") for b in eigen.values())
    gedeeld = {b.code for b in besturen} - set(eigen)
    assert len(eigen) + len(gedeeld) == len(aanbieders)  # one bestuur per instelling
    assert gedeeld, "Summa, Landstede, Curio, … belong to the bestuur of their VO vestigingen"
    assert locaties
    for locatie in locaties:
        assert locatie.code.startswith("9"), locatie
        assert "code" in locatie.afgeleid.split(","), locatie
        assert (locatie.bron, locatie.gebruik_afgeleid) == ("afgeleid", "*"), locatie
    assert set(aanbod) == {("afgeleid", "*", "afgeleid", "*")}


async def test_each_mbo_offering_is_under_the_derived_licentie_of_its_brin4(
    seeded: Target,
) -> None:
    eenheid = aliased(Opleidingseenheid)
    engine = seeded.engine()
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                select(
                    AangebodenOpleiding.opleidingseenheid_code,
                    AangebodenOpleiding.onderwijslicentie_code,
                    Onderwijsaanbieder.eigen_sleutel,
                    Licentie.type,
                    Licentie.opleidingseenheid_code.label("licentie_eenheid"),
                    Licentie.bron,
                    Licentie.afgeleid,
                    Erkenning.soort,
                    Erkenning.code.label("erkenning"),
                    eenheid.niveau,
                )
                .join(
                    Onderwijsaanbieder,
                    Onderwijsaanbieder.code == AangebodenOpleiding.onderwijsaanbieder_code,
                )
                .outerjoin(Licentie, Licentie.code == AangebodenOpleiding.onderwijslicentie_code)
                .outerjoin(Erkenning, Erkenning.id == Licentie.instellingserkenning_id)
                .join(eenheid, eenheid.code == AangebodenOpleiding.opleidingseenheid_code)
                .where(AangebodenOpleiding.sector == "MBO")
            )
        ).all()
        mbo_licenties = await conn.scalar(
            select(func.count()).where(Licentie.type == "MBOONDERWIJSLICENTIE")
        )
    await engine.dispose()
    assert rows
    for row in rows:
        assert row.onderwijslicentie_code is not None, row
        assert row.type == "MBOONDERWIJSLICENTIE", row
        assert row.licentie_eenheid == row.opleidingseenheid_code, row
        assert (row.soort, row.erkenning) == ("ERKENDE_ONDERWIJSINSTELLING", row.eigen_sleutel)
        assert (row.bron, row.afgeleid) == ("afgeleid", "*"), row
    # one licentie per BRIN4 and level, each used
    paren = {(row.eigen_sleutel, row.niveau) for row in rows}
    assert {brin4 for brin4, _ in paren} == set(LIJST)
    assert len({row.onderwijslicentie_code for row in rows}) == len(paren) == mbo_licenties
