"""The school records the seed builds PO, SO and VO from: DUO's geocoded school file of 2024
(one record per feature, with the BAG point), read here, and the records ``seed.schoolhistorie``
adds for vestigingen that file lacks; the programmes their structure stands for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from seed import bronnen
from seed.erkenningen import Erkenningen
from seed.read import read_geojson_points
from seed.referentie import Referentie
from seed.vestigingen import BRIN6_CODE
from seed.waardelijsten import denominatie_codes

# the columns of an address, in onderwijslocatie and communicatiecontext alike
ADRES_KOLOMMEN = ("straatnaam", "huisnummer", "huisnummertoevoeging", "postcode", "plaatsnaam")

PROPERTIES = [
    "naam",
    "type",
    "denominatie",
    "internetadres",
    "straat",
    "huisnummer",
    "huisletter",
    "huisnummertoevoeging",
    "postcode",
    "plaats",
    "gemeente",
    "provincie",
    "brin_nummer",
    "vestigingscode",
]


@dataclass(frozen=True)
class Programma:
    """A PO/SO/VO opleidingseenheid the seed derives (RIO has a handful of national ones)."""

    niveau: str
    naam: str
    type: str
    sector: str


PROGRAMMAS = {
    p.niveau: p
    for p in (
        Programma("PO-BAO", "Basisonderwijs", "BOOPLEIDING", "PO"),
        Programma("PO-SBAO", "Speciaal basisonderwijs", "BOOPLEIDING", "PO"),
        Programma("PO-SO", "Speciaal onderwijs", "SOOPLEIDING", "SO"),
        Programma("PO-VSO", "Voortgezet speciaal onderwijs", "VSOOPLEIDING", "VSO"),
        Programma("VO-PRO", "Praktijkonderwijs", "VOOPLEIDING", "VO"),
        Programma("VO-VMBO-BB", "VMBO basisberoepsgerichte leerweg", "VOOPLEIDING", "VO"),
        Programma("VO-VMBO-KB", "VMBO kaderberoepsgerichte leerweg", "VOOPLEIDING", "VO"),
        Programma("VO-VMBO-TL", "VMBO theoretische leerweg (mavo)", "VOOPLEIDING", "VO"),
        Programma("VO-HAVO", "Hoger algemeen voortgezet onderwijs (havo)", "VOOPLEIDING", "VO"),
        Programma("VO-VWO", "Voorbereidend wetenschappelijk onderwijs (vwo)", "VOOPLEIDING", "VO"),
    )
}
NIVEAUS_PER_STRUCTUUR = {
    "basisschool": ["PO-BAO"],
    "SBAO": ["PO-SBAO"],
    "SO": ["PO-SO"],
    "VSO": ["PO-VSO"],
    "(V)SO": ["PO-SO", "PO-VSO"],
    "PRO": ["VO-PRO"],
    "VBO": ["VO-VMBO-BB", "VO-VMBO-KB"],
    "MAVO": ["VO-VMBO-TL"],
    "HAVO": ["VO-HAVO"],
    "VWO": ["VO-VWO"],
    "BRUGJAAR": [],
}
AANBOD_TYPE = {
    "BOOPLEIDING": "AANGEBODENBOOPLEIDING",
    "SOOPLEIDING": "AANGEBODENSOOPLEIDING",
    "VSOOPLEIDING": "AANGEBODENVSOOPLEIDING",
    "VOOPLEIDING": "AANGEBODENVOOPLEIDING",
}
LICENTIE_TYPE = {
    "BOOPLEIDING": "BOONDERWIJSLICENTIE",
    "SOOPLEIDING": "SOONDERWIJSLICENTIE",
    "VSOOPLEIDING": "VSOONDERWIJSLICENTIE",
    "VOOPLEIDING": "VOONDERWIJSLICENTIE",
}


SECTOR_VAN_STRUCTUUR = {"basisschool": "PO", "SBAO": "PO", "SO": "SO", "VSO": "SO", "(V)SO": "SO"}


@dataclass(frozen=True)
class School:
    """One school location: a feature of the 2024 file, or a vestiging only other files list.

    ``bron`` is the file the record comes from; ``velden`` names the source of each field
    (column name) another file gave, newest first (``seed.vestigingen``); ``afgeleid`` the
    fields of its onderwijslocatie the seed derived (a point from the PC4 area). ``adres`` is
    the key of its onderwijslocatie (None: no address known)."""

    brin4: str
    brin6: str
    naam: str
    sector: str
    niveaus: tuple[str, ...]  # empty for a BRUGJAAR location
    denominatie: str | None
    website: str | None
    adres: str | None  # postcode|huisnummer|toevoeging: the key of its onderwijslocatie
    postcode: str | None
    huisnummer: int | None
    toevoeging: str | None
    straat: str | None
    plaats: str | None
    lat: float | None
    lon: float | None
    bron: str = bronnen.SCHOLEN.code
    telefoon: str | None = None
    velden: Mapping[str, str] = field(default_factory=dict)
    afgeleid: tuple[str, ...] = ()
    pc4: str | None = None  # the PC4 of a record without a full postcode
    gemeente: str | None = None  # the CBS gemeente its file names, for a PC4 DUO's table lacks
    leerlingen: int | None = None  # pupils of its BRIN6 in the 2024 file ("<5" read as 2 there)

    @property
    def postcodecijfers(self) -> str | None:
        return self.postcode[:4] if self.postcode else self.pc4


def adres_sleutel(postcode: str, huisnummer: int, toevoeging: str | None) -> str:
    return f"{postcode}|{huisnummer}|{toevoeging or ''}"


def read_scholen(data_dir: Path, ref: Referentie, erkenningen: Erkenningen) -> list[School]:
    """The features of the 2024 school file. Raises ``SeedError`` naming feature and field."""
    scholen = []
    for row, lon, lat in read_geojson_points(bronnen.SCHOLEN.path(data_dir), PROPERTIES):
        brin6 = row.matching("vestigingscode", BRIN6_CODE, "a BRIN6 code")
        brin4 = row.required("brin_nummer")
        if brin6 is None or not brin6.startswith(brin4):
            raise row.error("vestigingscode", f"{brin6!r} is not a vestiging of BRIN4 {brin4!r}")
        if brin4 not in erkenningen.brin4:
            raise row.error("brin_nummer", f"unknown BRIN4 {brin4!r} (not in DUO's decode table)")
        postcode = row.postcode("postcode")
        if postcode is None:
            raise row.error("postcode", "is empty")
        if postcode[:4] not in ref.gemeente_van_pc4:
            raise row.error("postcode", f"unknown PC4 {postcode[:4]!r} (not in DUO's PC4 table)")
        huisnummer = row.integer("huisnummer", minimum=1, maximum=99999)
        if huisnummer is None:
            raise row.error("huisnummer", "is empty")
        toevoeging = (
            "-".join(t for t in (row.text("huisletter"), row.text("huisnummertoevoeging")) if t)
            or None
        )
        structuur = row.required("type")
        niveaus: list[str] = []
        for deel in structuur.split("/"):
            if deel not in NIVEAUS_PER_STRUCTUUR:
                raise row.error(
                    "type",
                    f"unknown school type {deel!r}; known: "
                    f"{', '.join(sorted(NIVEAUS_PER_STRUCTUUR))}",
                )
            niveaus.extend(NIVEAUS_PER_STRUCTUUR[deel])
        label = row.text("denominatie")
        denominatie = None
        if label:
            found = denominatie_codes(label, erkenningen.denominatie_labels)
            if found is None:
                raise row.error("denominatie", f"unknown denominatie {label!r}")
            denominatie = ",".join(found)
        scholen.append(
            School(
                brin4=brin4,
                brin6=brin6,
                naam=row.required("naam"),
                sector=SECTOR_VAN_STRUCTUUR.get(structuur, "VO"),
                niveaus=tuple(niveaus),
                denominatie=denominatie,
                website=row.text("internetadres"),
                adres=adres_sleutel(postcode, huisnummer, toevoeging),
                postcode=postcode,
                huisnummer=huisnummer,
                toevoeging=toevoeging,
                straat=row.text("straat"),
                plaats=row.text("plaats"),
                lat=lat,
                lon=lon,
                leerlingen=row.integer("leerlingen"),
            )
        )
    return scholen
