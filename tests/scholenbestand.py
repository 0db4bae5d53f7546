"""The 2024 school file (``seed/data/duo/scholen_po_vo_so_geocoded_20241122.geojson``) as the
tests read it, independently of the seed."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import defaultdict
from functools import cache
from typing import Any

from tests.conftest import DATA_DIR


@cache
def scholen() -> dict[str, list[dict[str, Any]]]:
    """BRIN6 → the properties of its features in the school file, in file order."""
    path = DATA_DIR / "duo" / "scholen_po_vo_so_geocoded_20241122.geojson"
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        found[feature["properties"]["vestigingscode"]].append(feature["properties"])
    return dict(found)


def _csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / "duo" / name).open(encoding="utf-8-sig", newline="") as handle:
        return [
            {k: v.strip() for k, v in row.items()} for row in csv.DictReader(handle, delimiter=";")
        ]


@cache
def bo_2026() -> dict[str, dict[str, str]]:
    """BRIN6 → its row in the 2026 PO file."""
    return {row["VESTIGINGSCODE"]: row for row in _csv("alle_schoolvestigingen_bo_2026.csv")}


@cache
def po_leerlingen() -> dict[str, dict[str, str]]:
    """BRIN6 → its row in the PO pupil file 1996–2025."""
    return {
        row["VESTIGINGSCODE"]: row
        for row in _csv("historische_leerlingen_po_per_vestiging_1996_2025.csv")
    }


def adres_2026(brin6: str) -> tuple[str, int]:
    """(postcode, huisnummer) of a school in the 2026 PO file."""
    row = bo_2026()[brin6]
    return row["POSTCODE"].replace(" ", ""), int(row["HUISNUMMER-TOEVOEGING"].split("-")[0])


@cache
def verhuisd() -> frozenset[str]:
    """BRIN6 with one feature in the 2024 file that the 2026 PO file lists at another postcode
    and huisnummer: they moved, and have their 2026 address."""
    features = scholen()
    return frozenset(
        brin6
        for brin6 in bo_2026()
        if len(features.get(brin6, [])) == 1
        and adres_2026(brin6)
        != (str(features[brin6][0]["postcode"]).replace(" ", ""), features[brin6][0]["huisnummer"])
    )


def nieuwste_naam(brin6: str) -> str:
    """The name of a school in the newest file that lists it (2026 PO, pupils 2025, 2024)."""
    for found, veld in ((bo_2026(), "VESTIGINGSNAAM"), (po_leerlingen(), "NAAM_VESTIGING")):
        if found.get(brin6, {}).get(veld):
            return found[brin6][veld]
    return str(scholen()[brin6][0]["naam"])


@cache
def bevoegd_gezag_per_brin4() -> dict[str, str]:
    """BRIN4 → its bevoegd-gezagnummer in the newest file naming one for any of its BRIN6:
    2026 PO, pupils 2025, VO 2022, VO 2021, the 2020 address files."""
    bestanden = [
        (bo_2026().values(), "VESTIGINGSCODE", "BEVOEGD GEZAG NUMMER"),
        (po_leerlingen().values(), "VESTIGINGSCODE", "BEVOEGD_GEZAG_NUMMER"),
        (
            _csv("leerlingen_vo_per_vestiging_en_bestuur_2022.csv"),
            "VESTIGINGSNUMMER",
            "BEVOEGD GEZAG NUMMER",
        ),
        (
            _csv("leerlingen_vo_per_vestiging_en_bestuur_2021.csv"),
            "VESTIGINGSNUMMER",
            "BEVOEGD GEZAG NUMMER",
        ),
        (
            _csv("alle_vestigingen_bo_2020.csv") + _csv("alle_vestigingen_vo_2020.csv"),
            "VESTIGINGSNUMMER",
            "BEVOEGD GEZAG NUMMER",
        ),
    ]
    found: dict[str, str] = {}
    for rows, brin6, nummer in bestanden:
        per_brin4: dict[str, str] = {}
        for row in rows:
            if len(row[nummer]) == 5:
                per_brin4.setdefault(row[brin6][:4], row[nummer])
        for brin4, value in per_brin4.items():
            found.setdefault(brin4, value)
    return found


# the peildata of the per-vestiging files (seed/data/SOURCES.md)
BO_2026_DAG = dt.date(2026, 8, 1)
TELDAG_2025 = dt.date(2025, 10, 1)


@cache
def gezien() -> dict[str, set[dt.date]]:
    """BRIN6 → the dates on which a per-vestiging file lists it (the pupil file: each
    1 October it counted pupils)."""
    found: dict[str, set[dt.date]] = defaultdict(set)
    for brin6 in bo_2026():
        found[brin6].add(BO_2026_DAG)
    for brin6, row in po_leerlingen().items():
        for jaar in range(1996, 2026):
            if row[f"LEERLINGEN_{jaar}"] not in ("", "0"):
                found[brin6].add(dt.date(jaar, 10, 1))
    for jaar in (2021, 2022):
        for row in _csv(f"leerlingen_vo_per_vestiging_en_bestuur_{jaar}.csv"):
            found[row["VESTIGINGSNUMMER"]].add(dt.date(jaar, 10, 1))
    for name in ("alle_vestigingen_bo_2020.csv", "alle_vestigingen_vo_2020.csv"):
        for row in _csv(name):
            found[row["VESTIGINGSNUMMER"]].add(dt.date(2020, 12, 1))
    for row in _csv("leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"):
        found[row["BRIN NUMMER"] + row["VESTIGINGSNUMMER"]].add(dt.date(2019, 10, 1))
    return dict(found)


def actueel(brin6: str) -> bool:
    """Listed by a current file: the 2024 school file, the 2026 PO file, the 2025 count."""
    return brin6 in scholen() or bool(gezien().get(brin6, set()) & {BO_2026_DAG, TELDAG_2025})


def einde_na_laatst_gezien(brin6: str) -> dt.date:
    """1 August after the school year of the last file listing it."""
    laatst = max(gezien()[brin6])
    return dt.date(laatst.year + 1 if laatst.month >= 8 else laatst.year, 8, 1)


@cache
def nieuwste_adressen() -> dict[str, tuple[str, int, str | None, str]]:
    """BRIN6 → (postcode, huisnummer, toevoeging, straat) of its newest address file (2026 PO,
    else 2020)."""
    found: dict[str, tuple[str, int, str | None, str]] = {}
    for name in (
        "alle_schoolvestigingen_bo_2026.csv",
        "alle_vestigingen_bo_2020.csv",
        "alle_vestigingen_vo_2020.csv",
    ):
        for row in _csv(name):
            brin6 = row.get("VESTIGINGSCODE") or row["VESTIGINGSNUMMER"]
            nummer = re.match(r"\s*([0-9]+)\s*(?:-\s*)?(.*?)\s*$", row["HUISNUMMER-TOEVOEGING"])
            if brin6 in found or not (nummer and row["STRAATNAAM"] and row["POSTCODE"]):
                continue
            postcode = row["POSTCODE"].replace(" ", "")
            toevoeging = nummer.group(2) or None
            found[brin6] = (postcode, int(nummer.group(1)), toevoeging, row["STRAATNAAM"])
    return found


def adressen_elders() -> dict[str, tuple[str, int, str | None, str]]:
    """The newest addresses of the vestigingen the 2024 file lacks and of those that moved."""
    return {
        brin6: adres
        for brin6, adres in nieuwste_adressen().items()
        if brin6 not in scholen() or brin6 in verhuisd()
    }


@cache
def straten_in_adresbestanden() -> dict[tuple[str, int], set[str]]:
    """(postcode, huisnummer) → the streets the newest address file of each school gives there
    (2026 PO, else 2020)."""
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    for postcode, huisnummer, _, straat in nieuwste_adressen().values():
        found[(postcode, huisnummer)].add(straat)
    return found


@cache
def vo_totalen(jaar: int) -> dict[str, dict[str, str]]:
    """BRIN6 → its row in the VO pupil file per vestiging and bestuur of ``jaar`` (2021, 2022)."""
    return {
        row["VESTIGINGSNUMMER"]: row
        for row in _csv(f"leerlingen_vo_per_vestiging_en_bestuur_{jaar}.csv")
    }


@cache
def vo_onderwijstype() -> tuple[dict[str, str], ...]:
    """The rows of the VO pupil file per vestiging and onderwijstype (2019)."""
    return tuple(_csv("leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"))
