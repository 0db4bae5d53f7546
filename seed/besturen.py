"""The onderwijsbesturen DUO's file of VO bevoegde gezagen (2023) describes: name, KvK number,
visiting address, phone and website (``bronnen.BESTUREN_VO``). It holds every bevoegd gezag
with VO schools; besturen with only PO schools are in no file here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from seed import bronnen
from seed.read import read_csv
from seed.vestigingen import BGN, HUISNUMMER, Adres

KVK = re.compile(r"^[0-9]{8}$")
HEADER = [
    "BEVOEGD GEZAG NUMMER",
    "BEVOEGD GEZAG NAAM",
    "STRAATNAAM",
    "HUISNUMMER-TOEVOEGING",
    "POSTCODE",
    "PLAATSNAAM",
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
    "DENOMINATIE",
    "TELEFOONNUMMER",
    "INTERNETADRES",
    "STRAATNAAM CORRESPONDENTIEADRES",
    "HUISNUMMER-TOEVOEGING CORRESPONDENTIEADRES",
    "POSTCODE CORRESPONDENTIEADRES",
    "PLAATSNAAM CORRESPONDENTIEADRES",
    "ADMINISTRATIEKANTOORNUMMER",
    "KVK-NUMMER",
]


@dataclass(frozen=True)
class Bestuur:
    """One bevoegd gezag as the file gives it; ``gemeente`` is its CBS code."""

    nummer: str
    naam: str
    kvk_nummer: str | None
    adres: Adres | None
    gemeente: str | None
    telefoon: str | None
    website: str | None


def read_besturen(data_dir: Path) -> dict[str, Bestuur]:
    """The besturen by bevoegd-gezagnummer. Raises ``SeedError`` on bad input, naming line and
    field (a number twice, a KvK number that is not 8 digits, …)."""
    bron = bronnen.BESTUREN_VO
    result: dict[str, Bestuur] = {}
    for row in read_csv(bron.path(data_dir), HEADER, delimiter=bron.scheidingsteken):
        nummer = row.code("BEVOEGD GEZAG NUMMER", BGN, "a 5-digit bevoegd-gezag number")
        if nummer in result:
            raise row.error("BEVOEGD GEZAG NUMMER", f"{nummer} is listed twice")
        straat, postcode = row.text("STRAATNAAM"), row.postcode("POSTCODE")
        huisnummer = HUISNUMMER.match(row.values["HUISNUMMER-TOEVOEGING"])
        adres = None
        if straat and postcode and huisnummer:
            toevoeging = huisnummer.group(2) or None
            adres = Adres(
                straat, int(huisnummer.group(1)), toevoeging, postcode, row.text("PLAATSNAAM")
            )
        result[nummer] = Bestuur(
            nummer=nummer,
            naam=row.required("BEVOEGD GEZAG NAAM"),
            kvk_nummer=row.matching("KVK-NUMMER", KVK, "an 8-digit KvK number"),
            adres=adres,
            gemeente=row.text("GEMEENTENUMMER"),
            telefoon=row.text("TELEFOONNUMMER"),
            website=row.text("INTERNETADRES"),
        )
    return result
