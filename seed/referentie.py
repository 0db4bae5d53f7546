"""Provincies and gemeenten (CBS) and PC4 areas (DUO's gemeente, GeoNames' point)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from onderwijsgraaf.db.models import Gemeente, Postcodegebied, Provincie
from onderwijsgraaf.db.zoeknaam import zoeknaam
from seed import bronnen
from seed.dataset import Dataset
from seed.read import PC4, read_csv

GEMEENTECODE = re.compile(r"^[0-9]{4}$")
PROVINCIECODE = re.compile(r"^[0-9]{2}$")
# DUO's PC4 table has pseudo-gemeenten for "abroad" and "unknown" (99xx); they are no gemeente.
BUITENLAND_OF_ONBEKEND = re.compile(r"^99[0-9]{2}$")


@dataclass
class Referentie:
    """Lookups the other builders need: gemeente → provincie, PC4 → gemeente and point,
    and plaatsnaam → PC4s (for addresses that have only a plaatsnaam)."""

    provincie_van_gemeente: dict[str, str] = field(default_factory=dict)
    gemeente_van_pc4: dict[str, str] = field(default_factory=dict)
    punt_van_pc4: dict[str, tuple[float, float]] = field(default_factory=dict)
    pc4_van_plaats: dict[str, list[str]] = field(default_factory=dict)


def build_referentie(data_dir: Path, dataset: Dataset) -> Referentie:
    ref = Referentie()
    _gemeenten(data_dir, dataset, ref)
    _postcodegebieden(data_dir, dataset, ref)
    return ref


def _gemeenten(data_dir: Path, dataset: Dataset, ref: Referentie) -> None:
    header = [
        "Gemeentecode",
        "GemeentecodeGM",
        "Gemeentenaam",
        "Provinciecode",
        "ProvinciecodePV",
        "Provincienaam",
    ]
    provincies: dict[str, str] = {}
    gemeenten = []
    for row in read_csv(bronnen.GEMEENTEN.path(data_dir), header):
        code = row.code("Gemeentecode", GEMEENTECODE, "a 4-digit CBS gemeentecode")
        provincie = row.code("Provinciecode", PROVINCIECODE, "a 2-digit provinciecode")
        naam = row.required("Gemeentenaam")
        if code in ref.provincie_van_gemeente:
            raise row.error("Gemeentecode", f"gemeente {code} appears twice")
        provincies.setdefault(provincie, row.required("Provincienaam"))
        ref.provincie_van_gemeente[code] = provincie
        gemeenten.append((code, naam, provincie))
    for code, naam in sorted(provincies.items()):
        dataset.add(Provincie, code=code, naam=naam, bron=bronnen.GEMEENTEN.code)
    for code, naam, provincie in sorted(gemeenten):
        dataset.add(
            Gemeente, code=code, naam=naam, provincie_code=provincie, bron=bronnen.GEMEENTEN.code
        )


def _postcodegebieden(data_dir: Path, dataset: Dataset, ref: Referentie) -> None:
    header = ["postcodecijfers", "postbus", "gemeentecode_20240101", "gemeentenaam_20240101"]
    for row in read_csv(bronnen.PC4_GEMEENTE.path(data_dir), header):
        gemeente = row.required("gemeentecode_20240101")
        if BUITENLAND_OF_ONBEKEND.match(gemeente):
            continue
        pc4 = row.matching("postcodecijfers", PC4, "4 postcode digits")
        if pc4 is None:
            raise row.error("postcodecijfers", "is empty for a real gemeente")
        if gemeente not in ref.provincie_van_gemeente:
            raise row.error("gemeentecode_20240101", f"unknown gemeente code {gemeente!r}")
        if pc4 in ref.gemeente_van_pc4:
            raise row.error("postcodecijfers", f"PC4 {pc4} appears twice")
        ref.gemeente_van_pc4[pc4] = gemeente

    geonames_header = [
        "country_code",
        "postal_code",
        "place_name",
        "admin_name1_province",
        "admin_code1",
        "admin_name2_municipality",
        "admin_code2_cbs_gemeentecode",
        "admin_name3",
        "admin_code3",
        "latitude",
        "longitude",
        "accuracy",
    ]
    plaats_van_pc4: dict[str, str] = {}
    for row in read_csv(bronnen.PC4_GEONAMES.path(data_dir), geonames_header):
        pc4 = row.matching("postal_code", PC4, "4 postcode digits")
        lat = row.number("latitude", minimum=50.5, maximum=53.8)
        lon = row.number("longitude", minimum=3.0, maximum=7.5)
        plaats = row.required("place_name")
        if pc4 is None or lat is None or lon is None:
            raise row.error("postal_code", "a PC4 row needs postal_code, latitude and longitude")
        # One PC4 can be listed under several place names; the first row gives its point.
        if pc4 not in ref.punt_van_pc4:
            ref.punt_van_pc4[pc4] = (lat, lon)
            plaats_van_pc4[pc4] = plaats
        ref.pc4_van_plaats.setdefault(zoeknaam(plaats), []).append(pc4)

    for pc4, gemeente in sorted(ref.gemeente_van_pc4.items()):
        punt = ref.punt_van_pc4.get(pc4)
        dataset.add(
            Postcodegebied,
            postcodecijfers=pc4,
            gemeente_code=gemeente,
            plaatsnaam=plaats_van_pc4.get(pc4),
            latitude=punt[0] if punt else None,
            longitude=punt[1] if punt else None,
            bron=bronnen.PC4_GEMEENTE.code,
            coordinaten_bron=bronnen.PC4_GEONAMES.code if punt else None,
        )
