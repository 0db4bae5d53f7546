"""What DUO's per-vestiging files say of each BRIN6, merged newest source first.

The files (``seed.bronnen``), newest peildatum first:

1. ``VESTIGINGEN_BO_2026``: every basisschool of 2026 with address, phone, website,
   denominatie and bevoegd gezag.
2. ``LEERLINGEN_PO``: every PO/SBO/SO/VSO vestiging that had pupils on 1 October of a year
   1996–2025, with its name, soort, denominatie, bevoegd gezag and gemeente.
3. ``LEERLINGEN_VO_2022`` and ``LEERLINGEN_VO_2021``: every VO vestiging with its bevoegd gezag.
4. ``VESTIGINGEN_BO`` and ``VESTIGINGEN_VO`` (2020): address, phone, website, bevoegd gezag,
   RMC region and (VO) onderwijsstructuur.
5. ``LEERLINGEN_VO_ONDERWIJSTYPE`` (2019): every VO vestiging with its name and place.

Merge rule: for each field, the newest file that has a value for it wins, and the value keeps
that file as its source (``Gegeven.bron``); a value present in an older file only is kept with
that file as its source. DUO's school file of 2024 (with the BAG points) is read by
``seed.scholen`` and ranks between 2 and 3.

``gezien`` records the dates on which a file lists a vestiging (for the pupil file: each
1 October with pupils), so a vestiging that DUO's decode table leaves open but no newer file
lists can be given the date it was last seen (``seed.scholen``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seed import bronnen
from seed.read import Row, read_csv

BRIN6_CODE = re.compile(r"^[0-9A-Z]{4}[0-9A-Z]{2}$")
BGN = re.compile(r"^[0-9]{5}$")
HUISNUMMER = re.compile(r"^\s*([0-9]+)\s*(?:-\s*)?(.*?)\s*$")
# DUO's pupil file marks a missing bevoegd gezag with a one-digit 0
GEEN_BGN = {"0"}
EERSTE_JAAR, LAATSTE_JAAR = 1996, 2025
TELDATUM = (10, 1)  # pupils are counted on 1 October


@dataclass(frozen=True)
class Gegeven:
    """A value and the source file it was read from."""

    waarde: Any
    bron: str


@dataclass(frozen=True)
class Adres:
    """A visiting address as one value (its parts always come from one file)."""

    straat: str
    huisnummer: int
    toevoeging: str | None
    postcode: str  # 1234AB
    plaats: str | None


@dataclass
class Vestiging:
    """The fields of one BRIN6, each with its source: naam, bevoegd_gezag (5 digits),
    denominatie (DUO's label), telefoon, website, adres (``Adres``), plaats, gemeente (CBS
    code), soort (PO: BO/SBO/SO/VSO/SO/VSO), structuur (VO: the onderwijsstructuur of
    2020), sector (``VO`` for every VO vestiging), rmc (code, naam)."""

    brin6: str
    velden: dict[str, Gegeven] = field(default_factory=dict)
    gezien: set[dt.date] = field(default_factory=set)

    @property
    def brin4(self) -> str:
        return self.brin6[:4]

    def zet(self, veld: str, waarde: Any, bron: str) -> None:
        """Keeps ``waarde`` unless a newer file already gave this field a value."""
        if waarde is not None and waarde != "" and veld not in self.velden:
            self.velden[veld] = Gegeven(waarde, bron)

    def waarde(self, veld: str) -> Any:
        gegeven = self.velden.get(veld)
        return gegeven.waarde if gegeven else None

    def bron(self, veld: str) -> str | None:
        gegeven = self.velden.get(veld)
        return gegeven.bron if gegeven else None


ADRES_2020 = [
    "PROVINCIE",
    "BEVOEGD GEZAG NUMMER",
    "BRIN NUMMER",
    "VESTIGINGSNUMMER",
    "VESTIGINGSNAAM",
    "STRAATNAAM",
    "HUISNUMMER-TOEVOEGING",
    "POSTCODE",
    "PLAATSNAAM",
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
    "DENOMINATIE",
    "TELEFOONNUMMER",
    "INTERNETADRES",
]
REGIOS = [
    "STRAATNAAM CORRESPONDENTIEADRES",
    "HUISNUMMER-TOEVOEGING CORRESPONDENTIEADRES",
    "POSTCODE CORRESPONDENTIEADRES",
    "PLAATSNAAM CORRESPONDENTIEADRES",
    "NODAAL GEBIED CODE",
    "NODAAL GEBIED NAAM",
    "RPA-GEBIED CODE",
    "RPA-GEBIED NAAM",
    "WGR-GEBIED CODE",
    "WGR-GEBIED NAAM",
    "COROPGEBIED CODE",
    "COROPGEBIED NAAM",
    "ONDERWIJSGEBIED CODE",
    "ONDERWIJSGEBIED NAAM",
    "RMC-REGIO CODE",
    "RMC-REGIO NAAM",
]
BO_2026 = [
    "PROVINCIE",
    "BEVOEGD GEZAG NUMMER",
    "INSTELLINGSCODE",
    "VESTIGINGSCODE",
    *ADRES_2020[4:],
    *REGIOS,
    "VAKANTIEREGIO",
]
PO_LEERLINGEN = [
    "INSTELLINGSCODE",
    "VESTIGINGSCODE",
    "NAAM_VESTIGING",
    "SOORT_VESTIGING",
    "DENOMINATIE_VESTIGING",
    "BEVOEGD_GEZAG_NUMMER",
    "GEMEENTECODE_VESTIGING",
    "GEMEENTENAAM_VESTIGING",
    *(f"LEERLINGEN_{jaar}" for jaar in range(EERSTE_JAAR, LAATSTE_JAAR + 1)),
]
PO_SOORTEN = frozenset({"BO", "SBO", "SO", "VSO", "SO/VSO"})
VO_BESTUUR = [
    "BEVOEGD GEZAG NUMMER",
    "BRIN NUMMER",
    "VESTIGINGSNUMMER",
    "INSTELLINGSNAAM VESTIGING",
    "PLAATSNAAM",
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
    "PROVINCIE",
    "AANTAL LEERLINGEN",
    "AANTAL VO LEERLINGEN UITBESTEED AAN VAVO",
    "TOTAAL AANTAL LEERLINGEN",
]
VO_ONDERWIJSTYPE = [
    "BRIN NUMMER",
    "VESTIGINGSNUMMER",
    "INSTELLINGSNAAM VESTIGING",
    "PLAATSNAAM VESTIGING",
    "PROVINCIE VESTIGING",
    "ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR",
    "VMBO SECTOR",
    "AFDELING",
    "ELEMENTCODE",
    "OPLEIDINGSNAAM",
    *(
        f"LEER- OF VERBLIJFSJAAR {jaar} - {geslacht}"
        for jaar in range(1, 7)
        for geslacht in ("MAN", "VROUW")
    ),
]


class Vestigingen(dict[str, Vestiging]):
    """Every BRIN6 of the per-vestiging files, by BRIN6."""

    def van(self, brin6: str) -> Vestiging:
        return self.setdefault(brin6, Vestiging(brin6))


def read_vestigingen(data_dir: Path) -> Vestigingen:
    """Reads the per-vestiging files, newest first. Raises ``SeedError`` on bad input."""
    result = Vestigingen()
    _bo_2026(data_dir, result)
    _po_leerlingen(data_dir, result)
    for bron in (bronnen.LEERLINGEN_VO_2022, bronnen.LEERLINGEN_VO_2021):
        _vo_bestuur(data_dir, bron, result)
    for bron in (bronnen.VESTIGINGEN_BO, bronnen.VESTIGINGEN_VO):
        _adressen_2020(data_dir, bron, result)
    _vo_onderwijstype(data_dir, result)
    return result


def _rows(data_dir: Path, bron: bronnen.Bronbestand, header: list[str]) -> Iterator[Row]:
    return read_csv(bron.path(data_dir), header, delimiter=bron.scheidingsteken)


def _brin6(row: Row, field: str) -> str:
    return row.code(field, BRIN6_CODE, "a BRIN6 code")


def _bgn(row: Row, field: str) -> str | None:
    value = row.text(field)
    if value in GEEN_BGN:
        return None
    return row.matching(field, BGN, "a 5-digit bevoegd-gezag number")


def _adres(vestiging: Vestiging, row: Row, bron: str) -> None:
    """Street, number, postcode and place of an address file row."""
    straat = row.text("STRAATNAAM")
    nummer = HUISNUMMER.match(row.values["HUISNUMMER-TOEVOEGING"])
    postcode = row.postcode("POSTCODE")
    if not (straat and nummer and postcode):
        return
    plaats = row.text("PLAATSNAAM")
    adres = Adres(straat, int(nummer.group(1)), nummer.group(2) or None, postcode, plaats)
    vestiging.zet("adres", adres, bron)
    vestiging.zet("plaats", plaats, bron)


def _contact(vestiging: Vestiging, row: Row, bron: str) -> None:
    vestiging.zet("naam", row.text("VESTIGINGSNAAM"), bron)
    vestiging.zet("bevoegd_gezag", _bgn(row, "BEVOEGD GEZAG NUMMER"), bron)
    vestiging.zet("denominatie", row.text("DENOMINATIE"), bron)
    vestiging.zet("telefoon", row.text("TELEFOONNUMMER"), bron)
    vestiging.zet("website", row.text("INTERNETADRES"), bron)
    vestiging.zet("gemeente", row.text("GEMEENTENUMMER"), bron)
    rmc = row.text("RMC-REGIO CODE")
    if rmc:
        vestiging.zet("rmc", (rmc, row.text("RMC-REGIO NAAM")), bron)


def _bo_2026(data_dir: Path, result: Vestigingen) -> None:
    bron = bronnen.VESTIGINGEN_BO_2026
    for row in _rows(data_dir, bron, BO_2026):
        vestiging = result.van(_brin6(row, "VESTIGINGSCODE"))
        if vestiging.brin4 != row.required("INSTELLINGSCODE"):
            raise row.error(
                "VESTIGINGSCODE", f"{vestiging.brin6!r} is not a vestiging of its BRIN4"
            )
        _contact(vestiging, row, bron.code)
        _adres(vestiging, row, bron.code)
        vestiging.zet("soort", "BO", bron.code)
        vestiging.gezien.add(bron.peildatum)


def _po_leerlingen(data_dir: Path, result: Vestigingen) -> None:
    bron = bronnen.LEERLINGEN_PO
    for row in _rows(data_dir, bron, PO_LEERLINGEN):
        vestiging = result.van(_brin6(row, "VESTIGINGSCODE"))
        vestiging.zet("naam", row.text("NAAM_VESTIGING"), bron.code)
        vestiging.zet("soort", row.one_of("SOORT_VESTIGING", PO_SOORTEN), bron.code)
        vestiging.zet("denominatie", row.text("DENOMINATIE_VESTIGING"), bron.code)
        vestiging.zet("bevoegd_gezag", _bgn(row, "BEVOEGD_GEZAG_NUMMER"), bron.code)
        gemeente = row.integer("GEMEENTECODE_VESTIGING", maximum=9999)
        vestiging.zet("gemeente", f"{gemeente:04d}" if gemeente else None, bron.code)
        for jaar in range(EERSTE_JAAR, LAATSTE_JAAR + 1):
            telling = row.text(f"LEERLINGEN_{jaar}")
            if telling and telling != "0":
                vestiging.gezien.add(dt.date(jaar, *TELDATUM))


def _vo_bestuur(data_dir: Path, bron: bronnen.Bronbestand, result: Vestigingen) -> None:
    for row in _rows(data_dir, bron, VO_BESTUUR):
        vestiging = result.van(_brin6(row, "VESTIGINGSNUMMER"))
        vestiging.zet("naam", row.text("INSTELLINGSNAAM VESTIGING"), bron.code)
        vestiging.zet("bevoegd_gezag", _bgn(row, "BEVOEGD GEZAG NUMMER"), bron.code)
        gemeente = row.integer("GEMEENTENUMMER", maximum=9999)
        vestiging.zet("gemeente", f"{gemeente:04d}" if gemeente else None, bron.code)
        vestiging.zet("sector", "VO", bron.code)
        vestiging.gezien.add(bron.peildatum)


def _adressen_2020(data_dir: Path, bron: bronnen.Bronbestand, result: Vestigingen) -> None:
    vo = bron is bronnen.VESTIGINGEN_VO
    header = [*ADRES_2020, "ONDERWIJSSTRUCTUUR", *REGIOS] if vo else [*ADRES_2020, *REGIOS]
    for row in _rows(data_dir, bron, header):
        vestiging = result.van(_brin6(row, "VESTIGINGSNUMMER"))
        _contact(vestiging, row, bron.code)
        _adres(vestiging, row, bron.code)
        if vo:
            vestiging.zet("structuur", row.text("ONDERWIJSSTRUCTUUR"), bron.code)
            vestiging.zet("sector", "VO", bron.code)
        else:
            vestiging.zet("soort", "BO", bron.code)
        vestiging.gezien.add(bron.peildatum)


def _vo_onderwijstype(data_dir: Path, result: Vestigingen) -> None:
    bron = bronnen.LEERLINGEN_VO_ONDERWIJSTYPE
    for row in _rows(data_dir, bron, VO_ONDERWIJSTYPE):
        brin4 = row.required("BRIN NUMMER")
        vestiging = result.van(brin4 + row.required("VESTIGINGSNUMMER"))
        if not BRIN6_CODE.match(vestiging.brin6):
            raise row.error("VESTIGINGSNUMMER", f"{vestiging.brin6!r} is not a BRIN6 code")
        vestiging.zet("naam", row.text("INSTELLINGSNAAM VESTIGING"), bron.code)
        vestiging.zet("plaats", row.text("PLAATSNAAM VESTIGING"), bron.code)
        vestiging.zet("sector", "VO", bron.code)
        vestiging.gezien.add(bron.peildatum)


def veldbronnen(bron: str, velden: dict[str, str | None]) -> str:
    """``veld=bron,…`` for the fields (column: source) read from another file than ``bron``,
    as ``Herkomst.veldbronnen`` holds them."""
    return ",".join(f"{veld}={b}" for veld, b in sorted(velden.items()) if b and b != bron)
