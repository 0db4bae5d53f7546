"""The catalogue of source files the seed reads, with publisher, licence and peildatum.

``AFGELEID`` is the pseudo-source of rows the seed generates itself (derived MBO, cohorten,
private contactpunten); such rows carry ``afgeleid = "*"``.

``minimum_rijen`` is the fewest records (CSV lines after the header, GeoJSON features) a complete
copy of a file can plausibly hold; fewer means a cut-off or wrong file, and the seed refuses it.
Each lies at 60–90 % of what the file holds now: close to the real number for the files that
list every gemeente (342 in 2023) or PC4 area (about 4,000 in use), about two thirds for the
others. ``seed/data/SOURCES.md`` lists them with the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

DUO = "DUO (Dienst Uitvoering Onderwijs)"
DUO_LICENTIE = "Open data, CC BY 4.0 — Bron: DUO"
AFGELEID = "afgeleid"


@dataclass(frozen=True)
class Bronbestand:
    code: str
    bestand: str
    titel: str
    uitgever: str
    licentie: str
    peildatum: dt.date
    minimum_rijen: int
    scheidingsteken: str = ","  # CSV only

    def path(self, data_dir: Path) -> Path:
        return data_dir / self.bestand

    def sha256(self, data_dir: Path) -> str:
        return hashlib.sha256(self.path(data_dir).read_bytes()).hexdigest()


SCHOLEN = Bronbestand(
    "duo-scholen-2024",
    "duo/scholen_po_vo_so_geocoded_20241122.geojson",
    "DUO vestigingen PO, SO en VO, met BAG-coördinaten",
    DUO,
    DUO_LICENTIE,
    dt.date(2024, 11, 22),
    minimum_rijen=6_000,
)
VESTIGINGEN_BO = Bronbestand(
    "duo-vestigingen-bo-2020",
    "duo/alle_vestigingen_bo_2020.csv",
    "DUO alle vestigingen basisonderwijs",
    DUO,
    DUO_LICENTIE,
    dt.date(2020, 12, 1),
    minimum_rijen=4_000,
    scheidingsteken=";",
)
VESTIGINGEN_VO = Bronbestand(
    "duo-vestigingen-vo-2020",
    "duo/alle_vestigingen_vo_2020.csv",
    "DUO alle vestigingen voortgezet onderwijs",
    DUO,
    DUO_LICENTIE,
    dt.date(2020, 12, 1),
    minimum_rijen=1_000,
    scheidingsteken=";",
)
BRIN4 = Bronbestand(
    "duo-brin4",
    "duo/dec_instellingscode_brin4.csv",
    "DUO decodetabel instellingscodes (BRIN4)",
    DUO,
    DUO_LICENTIE,
    dt.date(2025, 8, 1),
    minimum_rijen=15_000,
)
BRIN6 = Bronbestand(
    "duo-brin6",
    "duo/dec_instellingscode_vestiging_brin6.csv",
    "DUO decodetabel vestigingen (BRIN6)",
    DUO,
    DUO_LICENTIE,
    dt.date(2024, 8, 1),
    minimum_rijen=20_000,
)
CROHO = Bronbestand(
    "duo-croho",
    "duo/dec_opleidingscode_croho.csv",
    "DUO decodetabel opleidingscodes (CROHO)",
    DUO,
    DUO_LICENTIE,
    dt.date(2026, 3, 19),
    minimum_rijen=3_000,
)
HO = Bronbestand(
    "duo-ho-opleidingsoverzicht",
    "duo/ho_opleidingsoverzicht_rio_2026.csv",
    "DUO HO opleidingsoverzicht (RIO)",
    DUO,
    DUO_LICENTIE,
    dt.date(2026, 8, 4),
    minimum_rijen=4_000,
)
BESTUREN_VO = Bronbestand(
    "duo-besturen-vo-2023",
    "duo/bevoegde_gezagen_vo_2023.csv",
    "DUO bevoegde gezagen voortgezet onderwijs",
    DUO,
    DUO_LICENTIE,
    dt.date(2023, 8, 1),
    minimum_rijen=200,
    scheidingsteken=";",
)
VESTIGINGEN_BO_2026 = Bronbestand(
    "duo-vestigingen-bo-2026",
    "duo/alle_schoolvestigingen_bo_2026.csv",
    "DUO alle schoolvestigingen basisonderwijs",
    DUO,
    DUO_LICENTIE,
    dt.date(2026, 8, 1),
    minimum_rijen=5_000,
    scheidingsteken=";",
)
LEERLINGEN_PO = Bronbestand(
    "duo-leerlingen-po-1996-2025",
    "duo/historische_leerlingen_po_per_vestiging_1996_2025.csv",
    "DUO historisch overzicht leerlingen per schoolvestiging (PO, SBO, SO, VSO), 1996–2025",
    DUO,
    DUO_LICENTIE,
    dt.date(2025, 10, 1),
    minimum_rijen=7_000,
    scheidingsteken=";",
)
LEERLINGEN_VO_ONDERWIJSTYPE = Bronbestand(
    "duo-leerlingen-vo-onderwijstype-2019",
    "duo/leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
    "DUO leerlingen VO per vestiging naar onderwijstype",
    DUO,
    DUO_LICENTIE,
    dt.date(2019, 10, 1),
    minimum_rijen=16_000,
    scheidingsteken=";",
)
LEERLINGEN_VO_2021 = Bronbestand(
    "duo-leerlingen-vo-bestuur-2021",
    "duo/leerlingen_vo_per_vestiging_en_bestuur_2021.csv",
    "DUO leerlingen VO per vestiging en bestuur (vavo apart), 2021",
    DUO,
    DUO_LICENTIE,
    dt.date(2021, 10, 1),
    minimum_rijen=1_000,
    scheidingsteken=";",
)
LEERLINGEN_VO_2022 = Bronbestand(
    "duo-leerlingen-vo-bestuur-2022",
    "duo/leerlingen_vo_per_vestiging_en_bestuur_2022.csv",
    "DUO leerlingen VO per vestiging en bestuur (vavo apart), 2022",
    DUO,
    DUO_LICENTIE,
    dt.date(2022, 10, 1),
    minimum_rijen=1_000,
    scheidingsteken=";",
)
HO_VESTIGINGEN = Bronbestand(
    "duo-ho-vestigingen-2025",
    "duo/dec_vestnr_ho_gemeente_2025.csv",
    "DUO decodetabel HO-vestigingsnummers naar gemeente",
    DUO,
    DUO_LICENTIE,
    dt.date(2025, 1, 1),
    minimum_rijen=700,
)
GEMEENTEN = Bronbestand(
    "cbs-gemeenten-2023",
    "cbs/gemeenten_alfabetisch_2023.csv",
    "CBS gemeenten alfabetisch",
    "CBS (Centraal Bureau voor de Statistiek)",
    "CC BY 4.0 — Bron: CBS",
    dt.date(2023, 1, 1),
    minimum_rijen=300,
)
PC4_GEMEENTE = Bronbestand(
    "duo-pc4-gemeente-2024",
    "postcode/duo_pc4_gemeente_2024.csv",
    "DUO decodetabel postcodecijfers naar gemeente",
    DUO,
    DUO_LICENTIE,
    dt.date(2024, 1, 1),
    minimum_rijen=4_000,
)
PC4_GEONAMES = Bronbestand(
    "geonames-pc4-2024",
    "postcode/geonames_nl_pc4_2024.csv",
    "GeoNames postal codes NL (PC4 met benaderd punt)",
    "GeoNames (geonames.org)",
    "CC BY 4.0 — GeoNames",
    dt.date(2024, 4, 12),
    minimum_rijen=3_500,
)

ALLE = (
    SCHOLEN,
    VESTIGINGEN_BO_2026,
    VESTIGINGEN_BO,
    VESTIGINGEN_VO,
    BESTUREN_VO,
    LEERLINGEN_PO,
    LEERLINGEN_VO_ONDERWIJSTYPE,
    LEERLINGEN_VO_2021,
    LEERLINGEN_VO_2022,
    BRIN4,
    BRIN6,
    CROHO,
    HO,
    HO_VESTIGINGEN,
    GEMEENTEN,
    PC4_GEMEENTE,
    PC4_GEONAMES,
)
