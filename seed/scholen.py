"""PO, SO and VO from DUO's geocoded school locations (2024), with bevoegd gezag from the 2020
vestigingen files and erkenningen from the decode tables.

What is real and what is derived:
- every feature is a school location: its address and point are DUO's/BAG's. Features at the
  same address (postcode, huisnummer, toevoeging) share one onderwijslocatie, as in RIO; its code
  is derived, and its gemeente is the gemeente of its PC4 (DUO's PC4 table), so ``gemeente_code``
  is marked derived. Where the features at one address name different streets, the address has
  the street DUO's own address files (2020) give a school at that postcode and huisnummer
  (``straatnaam`` marked derived): a postcode and huisnummer are one BAG address with one street,
  and the features there carry one BAG point.
- each BRIN6 (vestigingscode) is one onderwijsaanbieder with the school's name; its code is
  derived, its dates are those of the BRIN6 in DUO's decode table (``seed.erkenningen``). A BRIN6
  the decode table closed before the school file's peildatum, but which the school file lists, is
  in use again (DUO reissued the number): it is open (``einddatum`` of its erkenning derived).
- the onderwijsbestuur of a BRIN4 is its bevoegd gezag in the 2020 files (the number is real, the
  RIO code and the name "Bevoegd gezag NNNNN" are derived); a BRIN4 not in those files (most
  (V)SO and SBO schools, and schools founded since) gets a derived bestuur of its own.
- the offering is derived from the school type: basisschool → basisonderwijs (PO-BAO), SBAO →
  speciaal basisonderwijs (PO-SBAO), SO/VSO/(V)SO → SO and/or VSO, and VO per onderwijsstructuur:
  PRO → VO-PRO, VBO → VO-VMBO-BB and VO-VMBO-KB, MAVO → VO-VMBO-TL, HAVO → VO-HAVO, VWO → VO-VWO;
  a BRUGJAAR location offers what the other locations of its BRIN4 offer.
- onderwijsconcept is read from the school's name (derived); denominatie is DUO's label in RIO's
  codes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Communicatiecontext,
    Erkenning,
    JuridischeRelatie,
    Licentie,
    Onderwijsaanbieder,
    Onderwijsaanbiedersgroep,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
    Samenwerkingsverband,
    SamenwerkingsverbandDeelname,
)
from onderwijsgraaf.db.zoeknaam import zoeknaam
from seed import bronnen, codes
from seed.dataset import Dataset
from seed.erkenningen import VESTIGING, Erkenningen, add_erkenning
from seed.read import read_csv, read_geojson_points
from seed.referentie import Referentie
from seed.waardelijsten import denominatie_codes, onderwijsconcept_uit_naam

BRIN6_CODE = re.compile(r"^[0-9A-Z]{4}[0-9A-Z]{2}$")
BGN = re.compile(r"^[0-9]{5}$")
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
    """One feature of the geocoded file, checked."""

    brin4: str
    brin6: str
    naam: str
    sector: str
    niveaus: tuple[str, ...]  # empty for a BRUGJAAR location
    denominatie: str | None
    website: str | None
    adres: str  # postcode|huisnummer|toevoeging: the key of its onderwijslocatie
    postcode: str
    huisnummer: int
    toevoeging: str | None
    straat: str | None
    plaats: str | None
    lat: float
    lon: float


@dataclass(frozen=True)
class Vestiging2020:
    bevoegd_gezag: str
    rmc_code: str | None
    rmc_naam: str | None
    bron: str


# (postcode, huisnummer) → the streets DUO's 2020 address files give a school there
Straten = dict[tuple[str, int], set[str]]
HUISNUMMER = re.compile(r"^\s*([0-9]+)")


class ScholenBuilder:
    def __init__(
        self, data_dir: Path, dataset: Dataset, ref: Referentie, erkenningen: Erkenningen
    ) -> None:
        self.dataset = dataset
        self.ref = ref
        self.erkenningen = erkenningen
        self.scholen = _read_scholen(data_dir, ref, erkenningen)
        self.vestigingen, self.straten_2020 = _read_vestigingen_2020(data_dir)
        self.per_brin6: dict[str, list[School]] = defaultdict(list)
        for school in self.scholen:
            self.per_brin6[school.brin6].append(school)
        self.brugjaar = _brugjaar_niveaus(self.scholen)
        self._nieuwe_vestigingen()
        self._heropende_vestigingen()

    def _nieuwe_vestigingen(self) -> None:
        """A BRIN6 newer than DUO's decode table gets its vestigingserkenning from this file."""
        for brin6 in sorted(set(self.per_brin6) - set(self.erkenningen.brin6)):
            school = self.per_brin6[brin6][0]
            self.erkenningen.brin6[brin6] = add_erkenning(
                self.dataset,
                VESTIGING,
                brin6,
                naam=school.naam,
                bron=bronnen.SCHOLEN.code,
                parent=self.erkenningen.brin4[school.brin4].erkenning_id,
            )

    def _heropende_vestigingen(self) -> None:
        """A BRIN6 the decode table closed before the school file's peildatum is in use again
        there: its erkenning is open (einddatum derived)."""
        erkenningen = self.dataset.rows[Erkenning.__tablename__]
        for brin6 in sorted(self.per_brin6):
            vestiging = self.erkenningen.brin6[brin6]
            if vestiging.einddatum is None or vestiging.einddatum > bronnen.SCHOLEN.peildatum:
                continue
            erkenning = erkenningen[vestiging.erkenning_id - 1]
            assert erkenning["id"] == vestiging.erkenning_id
            erkenning["einddatum"] = None
            if "einddatum" not in erkenning["afgeleid"].split(","):
                erkenning["afgeleid"] += ",einddatum"
            self.erkenningen.brin6[brin6] = replace(vestiging, einddatum=None)

    def build(self) -> dict[str, str]:
        """Adds all PO/SO/VO rows; returns the gemeente of each aanbieder (its first location)."""
        besturen = self._besturen()
        groepen = self._groepen(besturen)
        locaties = self._locaties()
        opleidingseenheden = self._opleidingseenheden()
        gemeenten = self._aanbieders(besturen, groepen, locaties, opleidingseenheden)
        self._licenties(opleidingseenheden)
        return gemeenten

    def _besturen(self) -> dict[str, str]:
        """The bestuur code of each BRIN4."""
        sleutel = {}
        for school in self.scholen:
            vestiging = self.vestigingen.get(school.brin4)
            sleutel[school.brin4] = (
                f"BGN:{vestiging.bevoegd_gezag}" if vestiging else f"BRIN4:{school.brin4}"
            )
        bestuurcodes = self.dataset.derive_codes(codes.BESTUUR, list(sleutel.values()))
        bron_van_bgn = {v.bevoegd_gezag: v.bron for _, v in sorted(self.vestigingen.items())}
        for key, code in sorted(bestuurcodes.items(), key=lambda item: item[1]):
            soort, nummer = key.split(":")
            if soort == "BGN":
                bron = bron_van_bgn[nummer]
                naam = f"Bevoegd gezag {nummer}"
                self.dataset.add(
                    Onderwijsbestuur,
                    code=code,
                    naam=naam,
                    zoeknaam=zoeknaam(naam),
                    bevoegd_gezag_nummer=nummer,
                    bron=bron,
                    afgeleid="code,naam",
                )
                erkenning = self.dataset.add(
                    Erkenning,
                    soort="BEVOEGD_GEZAG",
                    code=nummer,
                    erkenner="OCW",
                    bron=bron,
                    afgeleid="erkenner",
                )
                self.dataset.add(
                    JuridischeRelatie,
                    onderwijsbestuur_code=code,
                    erkenning_id=erkenning["id"],
                    bron=bron,
                )
            else:
                naam = f"Bestuur van {self.erkenningen.brin4[nummer].naam}"
                self.dataset.add(
                    Onderwijsbestuur,
                    code=code,
                    naam=naam,
                    zoeknaam=zoeknaam(naam),
                    bron=bronnen.AFGELEID,
                    afgeleid="*",
                )
        return {brin4: bestuurcodes[key] for brin4, key in sleutel.items()}

    def _groepen(self, besturen: dict[str, str]) -> dict[str, str]:
        """A VO BRIN4 with several vestigingen (aanbieders) is an onderwijsaanbiedersgroep."""
        vo_vestigingen: dict[str, set[str]] = defaultdict(set)
        for school in self.scholen:
            if school.sector == "VO":
                vo_vestigingen[school.brin4].add(school.brin6)
        brin4s = sorted(brin4 for brin4, brin6s in vo_vestigingen.items() if len(brin6s) > 1)
        groepcodes = self.dataset.derive_codes(codes.GROEP, brin4s)
        for brin4 in sorted(brin4s, key=groepcodes.__getitem__):
            instelling = self.erkenningen.brin4[brin4]
            self.dataset.add(
                Onderwijsaanbiedersgroep,
                code=groepcodes[brin4],
                naam=instelling.naam,
                onderwijsbestuur_code=besturen[brin4],
                begindatum=instelling.begindatum,
                einddatum=instelling.einddatum,
                bron=bronnen.BRIN4.code,
                afgeleid="code,onderwijsbestuur_code",
            )
        return groepcodes

    def _locaties(self) -> dict[str, str]:
        """The locatie code of each address; the first school at an address gives its details,
        but for a street the schools there disagree on (see the module docstring)."""
        eerste: dict[str, School] = {}
        straten: dict[str, list[str]] = defaultdict(list)
        for school in self.scholen:
            eerste.setdefault(school.adres, school)
            if school.straat and school.straat not in straten[school.adres]:
                straten[school.adres].append(school.straat)
        locatiecodes = self.dataset.derive_codes(codes.LOCATIE, list(eerste))
        for adres in sorted(eerste, key=locatiecodes.__getitem__):
            school = eerste[adres]
            gemeente = self.ref.gemeente_van_pc4[school.postcode[:4]]
            straat, afgeleid = school.straat, "code,gemeente_code,provincie_code"
            if len(straten[adres]) > 1:
                in_2020 = self.straten_2020.get((school.postcode, school.huisnummer), set())
                bevestigd = [s for s in straten[adres] if s in in_2020]
                straat = bevestigd[0] if len(bevestigd) == 1 else straat
                afgeleid += ",straatnaam"
            self.dataset.add(
                Onderwijslocatie,
                code=locatiecodes[adres],
                straatnaam=straat,
                huisnummer=school.huisnummer,
                huisnummertoevoeging=school.toevoeging,
                postcode=school.postcode,
                plaatsnaam=school.plaats,
                gemeente_code=gemeente,
                provincie_code=self.ref.provincie_van_gemeente[gemeente],
                latitude=school.lat,
                longitude=school.lon,
                bron=bronnen.SCHOLEN.code,
                afgeleid=afgeleid,
            )
        return locatiecodes

    def _opleidingseenheden(self) -> dict[str, str]:
        niveaus = sorted({niveau for school in self.scholen for niveau in school.niveaus})
        oecodes = self.dataset.derive_codes(codes.OPLEIDINGSEENHEID, niveaus)
        for niveau in niveaus:
            programma = PROGRAMMAS[niveau]
            self.dataset.add(
                Opleidingseenheid,
                code=oecodes[niveau],
                type=programma.type,
                sector=programma.sector,
                naam_lang=programma.naam,
                zoeknaam=zoeknaam(programma.naam),
                niveau=niveau,
                bron=bronnen.AFGELEID,
                afgeleid="*",
            )
        return oecodes

    def _aanbieders(
        self,
        besturen: dict[str, str],
        groepen: dict[str, str],
        locaties: dict[str, str],
        opleidingseenheden: dict[str, str],
    ) -> dict[str, str]:
        aanbiedercodes = self.dataset.derive_codes(codes.AANBIEDER, list(self.per_brin6))
        gemeenten: dict[str, str] = {}
        rmc_deelnemers: dict[str, set[str]] = defaultdict(set)
        for brin6 in sorted(self.per_brin6, key=aanbiedercodes.__getitem__):
            scholen = self.per_brin6[brin6]
            first = scholen[0]
            code = aanbiedercodes[brin6]
            vestiging = self.erkenningen.brin6[brin6]
            geldig = {"begindatum": vestiging.begindatum, "einddatum": vestiging.einddatum}
            bestuur = besturen[first.brin4]
            self.dataset.add(
                Onderwijsaanbieder,
                code=code,
                naam=first.naam,
                zoeknaam=zoeknaam(first.naam),
                onderwijsbestuur_code=bestuur,
                onderwijsaanbiedersgroep_code=groepen.get(first.brin4),
                denominatie=first.denominatie,
                eigen_sleutel=brin6,
                **geldig,
                bron=bronnen.SCHOLEN.code,
                afgeleid="code,onderwijsbestuur_code,eigen_sleutel,begindatum,einddatum",
            )
            self.dataset.add(
                JuridischeRelatie,
                onderwijsaanbieder_code=code,
                erkenning_id=self.erkenningen.brin4[first.brin4].erkenning_id,
                **geldig,
                bron=bronnen.SCHOLEN.code,
                afgeleid="begindatum,einddatum",
            )
            gemeenten[code] = self.ref.gemeente_van_pc4[first.postcode[:4]]
            self._aanbod(
                code, bestuur, scholen, locaties, opleidingseenheden, geldig, vestiging.erkenning_id
            )
            if first.website or first.straat:
                self.dataset.add(
                    Communicatiecontext,
                    soort="ALGEMEEN",
                    openbaar=True,
                    onderwijsaanbieder_code=code,
                    gemeente_code=gemeenten[code],
                    website=first.website,
                    straatnaam=first.straat,
                    huisnummer=first.huisnummer,
                    postcode=first.postcode,
                    plaatsnaam=first.plaats,
                    bron=bronnen.SCHOLEN.code,
                )
            in_2020 = self.vestigingen.get(brin6)
            if in_2020 and in_2020.rmc_code:
                rmc_deelnemers[in_2020.rmc_code].add(code)
        self._rmc_regios(rmc_deelnemers)
        return gemeenten

    def _aanbod(
        self,
        aanbieder: str,
        bestuur: str,
        scholen: list[School],
        locaties: dict[str, str],
        opleidingseenheden: dict[str, str],
        geldig: Mapping[str, dt.date | None],
        vestigingserkenning: int,
    ) -> None:
        gezien: set[tuple[str, str]] = set()
        for school in scholen:
            locatie = locaties[school.adres]
            if (locatie, "") not in gezien:
                gezien.add((locatie, ""))
                self.dataset.add(
                    Onderwijslocatiegebruik,
                    onderwijsbestuur_code=bestuur,
                    onderwijsaanbieder_code=aanbieder,
                    onderwijslocatie_code=locatie,
                    vestigingserkenning_id=vestigingserkenning,
                    **geldig,
                    bron=bronnen.SCHOLEN.code,
                    afgeleid="begindatum,einddatum",
                )
            concept = onderwijsconcept_uit_naam(school.naam)
            for niveau in school.niveaus or self.brugjaar.get(school.brin4, ()):
                if (locatie, niveau) in gezien:
                    continue
                gezien.add((locatie, niveau))
                programma = PROGRAMMAS[niveau]
                self.dataset.add(
                    AangebodenOpleiding,
                    code=codes.uuid_code("aanbod", school.brin6, locatie, niveau),
                    type=AANBOD_TYPE[programma.type],
                    sector=programma.sector,
                    onderwijsaanbieder_code=aanbieder,
                    opleidingseenheid_code=opleidingseenheden[niveau],
                    onderwijslocatie_code=locatie,
                    eigen_naam=school.naam,
                    zoeknaam=zoeknaam(school.naam),
                    website=school.website,
                    onderwijsconcept=concept,
                    **geldig,
                    bron=bronnen.SCHOLEN.code,
                    afgeleid="code,opleidingseenheid_code,onderwijsconcept,begindatum,einddatum",
                )

    def _licenties(self, opleidingseenheden: dict[str, str]) -> None:
        """Each BRIN4 holds an onderwijslicentie for every programme its vestigingen offer."""
        paren = sorted(
            {
                (school.brin4, niveau)
                for school in self.scholen
                for niveau in school.niveaus or self.brugjaar.get(school.brin4, ())
            }
        )
        for brin4, niveau in paren:
            programma = PROGRAMMAS[niveau]
            self.dataset.add(
                Licentie,
                code=codes.uuid_code("licentie", brin4, niveau),
                type=LICENTIE_TYPE[programma.type],
                instellingserkenning_id=self.erkenningen.brin4[brin4].erkenning_id,
                opleidingseenheid_code=opleidingseenheden[niveau],
                stadium="STANDAARD",
                bron=bronnen.AFGELEID,
                afgeleid="*",
            )

    def _rmc_regios(self, deelnemers: dict[str, set[str]]) -> None:
        """RMC regions (ErkendeSamenwerkingssoort RMC) as the 2020 files name them."""
        namen = {v.rmc_code: (v.rmc_naam, v.bron) for _, v in sorted(self.vestigingen.items())}
        for rmc in sorted(deelnemers):
            naam, bron = namen[rmc]
            code = f"RMC{rmc}"
            self.dataset.add(
                Samenwerkingsverband,
                code=code,
                soort="RMC",
                naam=naam or code,
                bron=bron,
                afgeleid="code",
            )
            for aanbieder in sorted(deelnemers[rmc]):
                self.dataset.add(
                    SamenwerkingsverbandDeelname,
                    samenwerkingsverband_code=code,
                    onderwijsaanbieder_code=aanbieder,
                    bron=bron,
                )


def _read_scholen(data_dir: Path, ref: Referentie, erkenningen: Erkenningen) -> list[School]:
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
                adres=f"{postcode}|{huisnummer}|{toevoeging or ''}",
                postcode=postcode,
                huisnummer=huisnummer,
                toevoeging=toevoeging,
                straat=row.text("straat"),
                plaats=row.text("plaats"),
                lat=lat,
                lon=lon,
            )
        )
    return scholen


def _read_vestigingen_2020(data_dir: Path) -> tuple[dict[str, Vestiging2020], Straten]:
    """Bevoegd gezag and RMC region per BRIN4 and per BRIN6 from the 2020 files, and the
    streets of their addresses."""
    common = [
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
    rest = [
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
    result: dict[str, Vestiging2020] = {}
    straten: Straten = defaultdict(set)
    for bron, header in (
        (bronnen.VESTIGINGEN_BO, common + rest),
        (bronnen.VESTIGINGEN_VO, [*common, "ONDERWIJSSTRUCTUUR", *rest]),
    ):
        for row in read_csv(bron.path(data_dir), header, delimiter=bron.scheidingsteken):
            bgn = row.code("BEVOEGD GEZAG NUMMER", BGN, "a 5-digit bevoegd-gezag number")
            brin6 = row.code("VESTIGINGSNUMMER", BRIN6_CODE, "a BRIN6 code")
            vestiging = Vestiging2020(
                bgn, row.text("RMC-REGIO CODE"), row.text("RMC-REGIO NAAM"), bron.code
            )
            result.setdefault(row.required("BRIN NUMMER"), vestiging)
            result.setdefault(brin6, vestiging)
            postcode = (row.text("POSTCODE") or "").replace(" ", "")
            huisnummer = HUISNUMMER.match(row.values["HUISNUMMER-TOEVOEGING"])
            straat = row.text("STRAATNAAM")
            if straat and huisnummer:
                straten[(postcode, int(huisnummer.group(1)))].add(straat)
    return result, straten


def _brugjaar_niveaus(scholen: list[School]) -> dict[str, tuple[str, ...]]:
    """What the non-BRUGJAAR locations of each BRIN4 offer (a BRUGJAAR location offers that)."""
    per_brin4: dict[str, set[str]] = defaultdict(set)
    for school in scholen:
        if school.sector == "VO":
            per_brin4[school.brin4].update(school.niveaus)
    return {brin4: tuple(sorted(niveaus)) for brin4, niveaus in per_brin4.items()}
