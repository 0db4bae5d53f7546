"""PO, SO and VO: every vestiging DUO's files know, present and past, with bevoegd gezag,
bestuur names and erkenningen.

What is real and what is derived:
- the school records (``seed.schoolhistorie``): the features of DUO's geocoded school file of
  2024 (address and BAG point), brought up to date by the newer files, and a record for every
  vestiging only other files list (closed schools since 1996, schools opened since 2024).
  Records at the same address (postcode, huisnummer, toevoeging) share one onderwijslocatie, as
  in RIO; its code is derived, and its gemeente is the gemeente of its PC4 (DUO's PC4 table),
  so ``gemeente_code`` is marked derived. Where the records at one address name different
  streets, the address has the street DUO's address files (2026, 2020) give a school at that
  postcode and huisnummer (``straatnaam`` marked derived): a postcode and huisnummer are one BAG
  address with one street, and the features there carry one BAG point.
- each BRIN6 is one onderwijsaanbieder with the school's name; its code is derived, its dates
  are those of the BRIN6 in DUO's decode table (``seed.erkenningen``). A BRIN6 the decode table
  closed before the school file's peildatum, but which a current file (2024 school file, 2026
  PO file, 2025 pupil count) lists, is in use again (DUO reissued the number): it is open
  (``einddatum`` of its erkenning derived). A BRIN6 the decode table leaves open that no current
  file lists ends on 1 August after the last file listing it; one the decode table lacks runs
  from the first to the last file listing it (dates derived, ``Schoolhistorie.periode``).
- the onderwijsbestuur of a BRIN4 is its bevoegd gezag in the newest file that names one for
  any of its vestigingen (2026 PO, pupil counts 2025, VO 2022/2021, 2020); the number is real,
  the RIO code derived. Its name, KvK number, address, phone and website are DUO's where the
  file of VO besturen (2023) has it; elsewhere the name "Bevoegd gezag NNNNN" is derived. A
  BRIN4 no file gives a bevoegd gezag gets a derived bestuur of its own. A bestuur all of whose
  vestigingen have closed ends with the last of them (dates derived).
- the VO offering of a vestiging DUO counted pupils for in 2019 is real: one aangeboden
  opleiding per elementcode (``seed.vo_aanbod``), at each of its locaties whose
  onderwijsstructuur includes a level the opleiding leads to (the first locatie for the rest);
  the opleidingseenheid of an elementcode has DUO's name (code derived).
- any other offering is derived from the school type: basisschool → basisonderwijs (PO-BAO), SBAO →
  speciaal basisonderwijs (PO-SBAO), SO/VSO/(V)SO → SO and/or VSO, and VO per onderwijsstructuur:
  PRO → VO-PRO, VBO → VO-VMBO-BB and VO-VMBO-KB, MAVO → VO-VMBO-TL, HAVO → VO-HAVO, VWO → VO-VWO;
  a BRUGJAAR location offers what the other locations of its BRIN4 offer.
- onderwijsconcept is read from the school's name (derived); denominatie is DUO's label in RIO's
  codes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
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
from seed.besturen import Bestuur, read_besturen
from seed.dataset import Dataset
from seed.erkenningen import INSTELLING, VESTIGING, Erkenningen, add_erkenning
from seed.referentie import Referentie
from seed.schoolbestand import (
    AANBOD_TYPE,
    ADRES_KOLOMMEN,
    LICENTIE_TYPE,
    PROGRAMMAS,
    Programma,
    School,
    read_scholen,
)
from seed.schoolhistorie import Schoolhistorie
from seed.vestigingen import Adres, Vestiging, read_vestigingen, veldbronnen
from seed.vo_aanbod import read_vo_aanbod
from seed.waardelijsten import onderwijsconcept_uit_naam

# (postcode, huisnummer) → the streets DUO's address files give a school there
Straten = dict[tuple[str, int], set[str]]
PEILDATUM = {bron.code: bron.peildatum for bron in bronnen.ALLE}


class ScholenBuilder:
    def __init__(
        self, data_dir: Path, dataset: Dataset, ref: Referentie, erkenningen: Erkenningen
    ) -> None:
        self.data_dir = data_dir
        self.dataset = dataset
        self.ref = ref
        self.erkenningen = erkenningen
        features = self.features = read_scholen(data_dir, ref, erkenningen)
        self.vestigingen = read_vestigingen(data_dir)
        self.besturen_vo = read_besturen(data_dir)
        self.vo = read_vo_aanbod(data_dir)
        self._nieuwe_instellingen()
        self.historie = Schoolhistorie(self.vestigingen, ref, erkenningen)
        self.besturen: dict[str, str] = {}  # the bestuur code of each BRIN4, once built
        self.aanbieders: dict[str, str] = {}  # the aanbieder code of each BRIN6, once built
        self.scholen = self.historie.scholen(features)
        self.straten = _straten(self.vestigingen.values())
        self.per_brin6: dict[str, list[School]] = defaultdict(list)
        for school in self.scholen:
            self.per_brin6[school.brin6].append(school)
        in_2024 = {school.brin6 for school in features}
        self.actueel = {b for b in self.per_brin6 if self.historie.actueel(b, in_2024)}
        self.brugjaar = _brugjaar_niveaus(self.scholen)
        self._nieuwe_vestigingen()
        self._heropende_vestigingen()
        self._verdwenen_vestigingen()

    def _nieuwe_instellingen(self) -> None:
        """A BRIN4 newer than DUO's decode table, of a school the 2026 PO file lists, gets its
        instellingserkenning from that file (named after its first vestiging: derived)."""
        nieuw = bronnen.VESTIGINGEN_BO_2026.code
        for _, vestiging in sorted(self.vestigingen.items()):
            if vestiging.bron("naam") == nieuw and vestiging.brin4 not in self.erkenningen.brin4:
                self.erkenningen.brin4[vestiging.brin4] = add_erkenning(
                    self.dataset,
                    INSTELLING,
                    vestiging.brin4,
                    naam=str(vestiging.waarde("naam")),
                    bron=nieuw,
                    afgeleid=["naam"],
                )

    def _nieuwe_vestigingen(self) -> None:
        """A BRIN6 newer than DUO's decode table gets its vestigingserkenning from the newest
        file listing it; one no current file lists gets the period the files show (derived)."""
        for brin6 in sorted(set(self.per_brin6) - set(self.erkenningen.brin6)):
            school = self.per_brin6[brin6][0]
            begin, einde = self.historie.periode(brin6)
            if brin6 in self.actueel:
                begin, einde = None, None
            self.erkenningen.brin6[brin6] = add_erkenning(
                self.dataset,
                VESTIGING,
                brin6,
                naam=school.naam,
                bron=school.bron,
                parent=self.erkenningen.brin4[school.brin4].erkenning_id,
                begindatum=begin,
                einddatum=einde,
                afgeleid=[
                    veld for veld, datum in (("begindatum", begin), ("einddatum", einde)) if datum
                ],
            )

    def _heropende_vestigingen(self) -> None:
        """A BRIN6 the decode table closed before a current file's peildatum is in use again
        there: its erkenning is open (einddatum derived)."""
        for brin6 in sorted(self.actueel):
            vestiging = self.erkenningen.brin6[brin6]
            if vestiging.einddatum is None or vestiging.einddatum > bronnen.SCHOLEN.peildatum:
                continue
            self._einde(brin6, None)

    def _verdwenen_vestigingen(self) -> None:
        """A BRIN6 the decode table leaves open that no current file lists ends on 1 August
        after the last file listing it (einddatum derived)."""
        for brin6 in sorted(set(self.per_brin6) - self.actueel):
            vestiging = self.erkenningen.brin6[brin6]
            if vestiging.einddatum is None:
                self._einde(brin6, self.historie.periode(brin6)[1])

    def _einde(self, brin6: str, einddatum: dt.date | None) -> None:
        vestiging = self.erkenningen.brin6[brin6]
        erkenning = self.dataset.rows[Erkenning.__tablename__][vestiging.erkenning_id - 1]
        assert erkenning["id"] == vestiging.erkenning_id
        erkenning["einddatum"] = einddatum
        if "einddatum" not in erkenning["afgeleid"].split(","):
            erkenning["afgeleid"] = ",".join(filter(None, [erkenning["afgeleid"], "einddatum"]))
        self.erkenningen.brin6[brin6] = replace(vestiging, einddatum=einddatum)

    def build(self) -> dict[str, str]:
        """Adds all PO/SO/VO rows; returns the gemeente of each aanbieder (its first location)."""
        besturen = self.besturen = self._besturen()
        groepen = self._groepen(besturen)
        locaties = self._locaties()
        opleidingseenheden = self._opleidingseenheden()
        licenties = self._licenties(opleidingseenheden)
        gemeenten = self._aanbieders(besturen, groepen, locaties, opleidingseenheden, licenties)
        self._bestuursperioden(set(besturen.values()))
        return gemeenten

    def _bestuursperioden(self, codes: set[str]) -> None:
        """A bestuur all of whose vestigingen have closed is valid from the first begindatum
        to the last einddatum of its aanbieders (both derived); the others stay open."""
        begins: dict[str, list[dt.date | None]] = defaultdict(list)
        eindes: dict[str, list[dt.date | None]] = defaultdict(list)
        for row in self.dataset.rows[Onderwijsaanbieder.__tablename__]:
            if row["onderwijsbestuur_code"] in codes:
                begins[row["onderwijsbestuur_code"]].append(row["begindatum"])
                eindes[row["onderwijsbestuur_code"]].append(row["einddatum"])
        for row in self.dataset.rows[Onderwijsbestuur.__tablename__]:
            einde = _laatste(eindes.get(row["code"], [None]))
            if row["code"] in codes and einde is not None:
                row["begindatum"], row["einddatum"] = _vroegste(begins[row["code"]]), einde
                if row["afgeleid"] != "*":
                    row["afgeleid"] = ",".join(
                        filter(None, [row["afgeleid"], "begindatum,einddatum"])
                    )

    def _bevoegde_gezagen(self) -> dict[str, tuple[str, str]]:
        """(bevoegd-gezagnummer, source) of each BRIN4: the newest file naming one for any of
        its vestigingen."""
        gevonden: dict[str, tuple[dt.date, str, str]] = {}
        for brin6 in sorted(self.per_brin6):
            vestiging = self.vestigingen.get(brin6)
            nummer = vestiging.waarde("bevoegd_gezag") if vestiging else None
            if vestiging is None or nummer is None:
                continue
            bron = str(vestiging.bron("bevoegd_gezag"))
            kandidaat = (PEILDATUM[bron], nummer, bron)
            if brin6[:4] not in gevonden or kandidaat[0] > gevonden[brin6[:4]][0]:
                gevonden[brin6[:4]] = kandidaat
        return {brin4: (nummer, bron) for brin4, (_, nummer, bron) in gevonden.items()}

    def _besturen(self) -> dict[str, str]:
        """The bestuur code of each BRIN4."""
        gezagen = self._bevoegde_gezagen()
        sleutel = {}
        for school in self.scholen:
            gezag = gezagen.get(school.brin4)
            sleutel[school.brin4] = f"BGN:{gezag[0]}" if gezag else f"BRIN4:{school.brin4}"
        bestuurcodes = self.dataset.derive_codes(codes.BESTUUR, list(sleutel.values()))
        bron_van_bgn = {nummer: bron for nummer, bron in sorted(gezagen.values(), reverse=True)}
        for key, code in sorted(bestuurcodes.items(), key=lambda item: item[1]):
            soort, nummer = key.split(":")
            if soort == "BGN":
                self._bestuur(code, nummer, bron_van_bgn[nummer])
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

    def _bestuur(self, code: str, nummer: str, bron_nummer: str) -> None:
        """A bestuur with a bevoegd-gezagnummer: DUO's name and contact details where the file
        of VO besturen has them, a derived name elsewhere."""
        gegevens: Bestuur | None = self.besturen_vo.get(nummer)
        if gegevens is not None:
            bron = bronnen.BESTUREN_VO.code
            naam, afgeleid = gegevens.naam, "code"
        else:
            bron, naam, afgeleid = bron_nummer, f"Bevoegd gezag {nummer}", "code,naam"
        nummer_bron = None if gegevens else bron_nummer  # the VO besturen file lists it too
        self.dataset.add(
            Onderwijsbestuur,
            code=code,
            naam=naam,
            zoeknaam=zoeknaam(naam),
            bevoegd_gezag_nummer=nummer,
            kvk_nummer=gegevens.kvk_nummer if gegevens else None,
            bron=bron,
            afgeleid=afgeleid,
            veldbronnen=veldbronnen(bron, {"bevoegd_gezag_nummer": nummer_bron}),
        )
        erkenning = self.dataset.add(
            Erkenning,
            soort="BEVOEGD_GEZAG",
            code=nummer,
            naam=gegevens.naam if gegevens else None,
            erkenner="OCW",
            bron=bron_nummer,
            afgeleid="erkenner",
            veldbronnen=veldbronnen(bron_nummer, {"naam": bron if gegevens else None}),
        )
        self.dataset.add(
            JuridischeRelatie,
            onderwijsbestuur_code=code,
            erkenning_id=erkenning["id"],
            bron=bron_nummer,
        )
        if gegevens is not None and (gegevens.telefoon or gegevens.website or gegevens.adres):
            adres = gegevens.adres
            gemeente = (
                gegevens.gemeente if gegevens.gemeente in self.ref.provincie_van_gemeente else None
            )
            self.dataset.add(
                Communicatiecontext,
                soort="ALGEMEEN",
                openbaar=True,
                onderwijsbestuur_code=code,
                gemeente_code=gemeente,
                telefoon=gegevens.telefoon,
                website=gegevens.website,
                **_contactadres(adres),
                bron=bron,
            )

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
            if school.adres is None or school.lat is None or self._gemeente(school) is None:
                continue
            eerste.setdefault(school.adres, school)
            if school.straat and school.straat not in straten[school.adres]:
                straten[school.adres].append(school.straat)
        locatiecodes = self.dataset.derive_codes(codes.LOCATIE, list(eerste))
        perioden = self._perioden_per_adres()
        for adres in sorted(eerste, key=locatiecodes.__getitem__):
            school = eerste[adres]
            begin, einde = perioden[adres]
            gemeente = str(self._gemeente(school))
            straat = school.straat
            afgeleid = ["code", "gemeente_code", "provincie_code", *school.afgeleid]
            if len(straten[adres]) > 1 and school.postcode and school.huisnummer:
                in_bestanden = self.straten.get((school.postcode, school.huisnummer), set())
                bevestigd = [s for s in straten[adres] if s in in_bestanden]
                straat = bevestigd[0] if len(bevestigd) == 1 else straat
                afgeleid.append("straatnaam")
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
                begindatum=begin,
                einddatum=einde,
                bron=school.bron,
                afgeleid=",".join([*afgeleid, "begindatum", "einddatum"]),
                veldbronnen=_veldbronnen(school, ADRES_KOLOMMEN),
            )
        return locatiecodes

    def _perioden_per_adres(self) -> dict[str | None, tuple[dt.date | None, dt.date | None]]:
        """A locatie is valid while a vestiging teaches there: from the earliest begindatum to
        the latest einddatum of the vestigingen at its address (open when one is open)."""
        begins: dict[str | None, list[dt.date | None]] = defaultdict(list)
        eindes: dict[str | None, list[dt.date | None]] = defaultdict(list)
        for school in self.scholen:
            vestiging = self.erkenningen.brin6[school.brin6]
            begins[school.adres].append(vestiging.begindatum)
            eindes[school.adres].append(vestiging.einddatum)
        return {adres: (_vroegste(begins[adres]), _laatste(eindes[adres])) for adres in begins}

    def _gemeente(self, school: School) -> str | None:
        """The gemeente of a school's PC4 (DUO's table), else the one its file names."""
        found = self.ref.gemeente_van_pc4.get(school.postcodecijfers or "") or school.gemeente
        return found if found in self.ref.provincie_van_gemeente else None

    def _opleidingseenheden(self) -> dict[str, str]:
        """The opleidingseenheid code per programme key (a niveau, or ``VO:<elementcode>``)."""
        niveaus = sorted({niveau for school in self.scholen for niveau in school.niveaus})
        elementen = sorted(f"VO:{code}" for code in self.vo.opleidingen)
        oecodes = self.dataset.derive_codes(codes.OPLEIDINGSEENHEID, niveaus + elementen)
        for sleutel in elementen:
            opleiding = self.vo.opleidingen[sleutel[3:]]
            self.dataset.add(
                Opleidingseenheid,
                code=oecodes[sleutel],
                type="VOOPLEIDING",
                sector="VO",
                naam_lang=opleiding.naam,
                zoeknaam=zoeknaam(opleiding.naam),
                niveau=opleiding.niveau,
                bron=bronnen.LEERLINGEN_VO_ONDERWIJSTYPE.code,
                afgeleid="code,niveau",
            )
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
        licenties: dict[tuple[str, str], str],
    ) -> dict[str, str]:
        aanbiedercodes = self.dataset.derive_codes(codes.AANBIEDER, list(self.per_brin6))
        gemeenten: dict[str, str] = {}
        rmc_deelnemers: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for brin6 in sorted(self.per_brin6, key=aanbiedercodes.__getitem__):
            scholen = self.per_brin6[brin6]
            first = scholen[0]
            code = self.aanbieders[brin6] = aanbiedercodes[brin6]
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
                bron=first.bron,
                afgeleid="code,onderwijsbestuur_code,eigen_sleutel,begindatum,einddatum",
                veldbronnen=_veldbronnen(first, ("naam", "denominatie")),
            )
            self.dataset.add(
                JuridischeRelatie,
                onderwijsaanbieder_code=code,
                erkenning_id=self.erkenningen.brin4[first.brin4].erkenning_id,
                **geldig,
                bron=first.bron,
                afgeleid="begindatum,einddatum",
            )
            gemeente = self._gemeente(first)
            if gemeente is not None:
                gemeenten[code] = gemeente
            self._aanbod(
                code,
                bestuur,
                scholen,
                locaties,
                opleidingseenheden,
                licenties,
                geldig,
                vestiging.erkenning_id,
            )
            if first.website or first.straat or first.telefoon:
                self.dataset.add(
                    Communicatiecontext,
                    soort="ALGEMEEN",
                    openbaar=True,
                    onderwijsaanbieder_code=code,
                    gemeente_code=gemeenten.get(code),
                    website=first.website,
                    telefoon=first.telefoon,
                    straatnaam=first.straat,
                    huisnummer=first.huisnummer,
                    huisnummertoevoeging=first.toevoeging,
                    postcode=first.postcode,
                    plaatsnaam=first.plaats,
                    **geldig,
                    bron=first.bron,
                    veldbronnen=_veldbronnen(first, CONTEXT_KOLOMMEN),
                )
            rmc = self.vestigingen[brin6].waarde("rmc") if brin6 in self.vestigingen else None
            if rmc and brin6 in self.actueel:
                rmc_deelnemers[rmc[0]].add((code, str(self.vestigingen[brin6].bron("rmc"))))
        self._rmc_regios(rmc_deelnemers)
        return gemeenten

    def _aanbod(
        self,
        aanbieder: str,
        bestuur: str,
        scholen: list[School],
        locaties: dict[str, str],
        opleidingseenheden: dict[str, str],
        licenties: dict[tuple[str, str], str],
        geldig: Mapping[str, dt.date | None],
        vestigingserkenning: int,
    ) -> None:
        gezien: set[tuple[str, str]] = set()
        for school in scholen:
            locatie = locaties.get(school.adres or "")
            if locatie is None:
                continue
            if (locatie, "") not in gezien:
                gezien.add((locatie, ""))
                self.dataset.add(
                    Onderwijslocatiegebruik,
                    onderwijsbestuur_code=bestuur,
                    onderwijsaanbieder_code=aanbieder,
                    onderwijslocatie_code=locatie,
                    vestigingserkenning_id=vestigingserkenning,
                    **geldig,
                    bron=school.bron,
                    afgeleid="begindatum,einddatum",
                )
            concept = onderwijsconcept_uit_naam(school.naam)
            for niveau in self._programmas(school, school is scholen[0]):
                if (locatie, niveau) in gezien:
                    continue
                gezien.add((locatie, niveau))
                programma = self._programma(niveau)
                echt = niveau.startswith("VO:")
                self.dataset.add(
                    AangebodenOpleiding,
                    code=codes.uuid_code("aanbod", school.brin6, locatie, niveau),
                    type=AANBOD_TYPE[programma.type],
                    sector=programma.sector,
                    onderwijsaanbieder_code=aanbieder,
                    opleidingseenheid_code=opleidingseenheden[niveau],
                    onderwijslocatie_code=locatie,
                    onderwijslicentie_code=licenties[(school.brin4, niveau)],
                    eigen_naam=school.naam,
                    zoeknaam=zoeknaam(school.naam),
                    website=school.website,
                    onderwijsconcept=concept,
                    **geldig,
                    bron=school.bron,
                    afgeleid="code,onderwijslicentie_code,onderwijsconcept,begindatum,einddatum"
                    + ("" if echt else ",opleidingseenheid_code"),
                    veldbronnen=veldbronnen(
                        school.bron,
                        {
                            "eigen_naam": school.velden.get("naam"),
                            "website": school.velden.get("website"),
                            "opleidingseenheid_code": (
                                bronnen.LEERLINGEN_VO_ONDERWIJSTYPE.code if echt else None
                            ),
                        },
                    ),
                )

    def _programmas(self, school: School, eerste: bool) -> list[str]:
        """The programme keys a school record offers: the elementcodes DUO counted pupils for
        in 2019 (at the locaties whose structure includes a level they lead to; the rest at
        the first), else the niveaus of its structure."""
        niveaus = school.niveaus or self.brugjaar.get(school.brin4, ())
        elementen = self.vo.aanbod.get(school.brin6)
        if not elementen:
            return list(niveaus)
        return [
            f"VO:{code}"
            for code in sorted(elementen)
            if eerste or set(self.vo.opleidingen[code].niveaus) & set(niveaus)
        ]

    def _programma(self, sleutel: str) -> Programma:
        if sleutel.startswith("VO:"):
            opleiding = self.vo.opleidingen[sleutel[3:]]
            return Programma(opleiding.niveau or "", opleiding.naam, "VOOPLEIDING", "VO")
        return PROGRAMMAS[sleutel]

    def _licenties(self, opleidingseenheden: dict[str, str]) -> dict[tuple[str, str], str]:
        """Each BRIN4 holds an onderwijslicentie for every programme its vestigingen offer
        (derived); returns the licentie code per (BRIN4, niveau)."""
        paren = sorted(
            {
                (school.brin4, niveau)
                for school in self.scholen
                for niveau in self._programmas(school, True)
            }
        )
        result = {}
        for brin4, niveau in paren:
            programma = self._programma(niveau)
            code = codes.uuid_code("licentie", brin4, niveau)
            instelling = self.erkenningen.brin4[brin4]
            self.dataset.add(
                Licentie,
                code=code,
                type=LICENTIE_TYPE[programma.type],
                instellingserkenning_id=instelling.erkenning_id,
                opleidingseenheid_code=opleidingseenheden[niveau],
                stadium="STANDAARD",
                begindatum=instelling.begindatum,
                einddatum=instelling.einddatum,
                bron=bronnen.AFGELEID,
                afgeleid="*",
            )
            result[(brin4, niveau)] = code
        return result

    def _rmc_regios(self, deelnemers: dict[str, set[tuple[str, str]]]) -> None:
        """RMC regions (ErkendeSamenwerkingssoort RMC) as the newest address file names them;
        their deelnemers are the current vestigingen in them."""
        namen: dict[str, tuple[str | None, str]] = {}
        for _, vestiging in sorted(self.vestigingen.items()):
            rmc = vestiging.waarde("rmc")
            if rmc and (
                rmc[0] not in namen or vestiging.bron("rmc") == bronnen.VESTIGINGEN_BO_2026.code
            ):
                namen[rmc[0]] = (rmc[1], str(vestiging.bron("rmc")))
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
            for aanbieder, van in sorted(deelnemers[rmc]):  # each from its own file
                self.dataset.add(
                    SamenwerkingsverbandDeelname,
                    samenwerkingsverband_code=code,
                    onderwijsaanbieder_code=aanbieder,
                    bron=van,
                )


CONTEXT_KOLOMMEN = ("telefoon", "website", *ADRES_KOLOMMEN)


def _vroegste(datums: list[dt.date | None]) -> dt.date | None:
    return None if None in datums else min(d for d in datums if d is not None)


def _laatste(datums: list[dt.date | None]) -> dt.date | None:
    return None if None in datums else max(d for d in datums if d is not None)


def _veldbronnen(school: School, kolommen: tuple[str, ...]) -> str:
    return veldbronnen(school.bron, {k: school.velden.get(k) for k in kolommen})


def _contactadres(adres: Adres | None) -> dict[str, object]:
    if adres is None:
        return {}
    return {
        "straatnaam": adres.straat,
        "huisnummer": adres.huisnummer,
        "huisnummertoevoeging": adres.toevoeging,
        "postcode": adres.postcode,
        "plaatsnaam": adres.plaats,
    }


def _straten(vestigingen: Iterable[Vestiging]) -> Straten:
    """The streets the address files give a school at each (postcode, huisnummer)."""
    result: Straten = defaultdict(set)
    for vestiging in vestigingen:
        adres = vestiging.waarde("adres")
        if adres is not None:
            result[(adres.postcode, adres.huisnummer)].add(adres.straat)
    return result


def _brugjaar_niveaus(scholen: list[School]) -> dict[str, tuple[str, ...]]:
    """What the non-BRUGJAAR locations of each BRIN4 offer (a BRUGJAAR location offers that)."""
    per_brin4: dict[str, set[str]] = defaultdict(set)
    for school in scholen:
        if school.sector == "VO":
            per_brin4[school.brin4].update(school.niveaus)
    return {brin4: tuple(sorted(niveaus)) for brin4, niveaus in per_brin4.items()}
