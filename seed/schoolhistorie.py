"""The school records of every PO, SO and VO vestiging DUO's files know, present and past.

- A feature of the 2024 school file keeps its address and BAG point; its name, website,
  denominatie and phone come from a newer file where one has them (the 2026 PO file, the 2025
  pupil file; ``seed.vestigingen``), or from an older one where the 2024 file has none, with
  that file as their source. A basisschool with one
  feature that the 2026 file lists at another address has moved: it gets the 2026 address.
- A vestiging the 2024 file lacks (closed before it, or opened since) gets a record from the
  newest file that lists it: its address from the 2026 or 2020 address files, else only the
  PC4 and place of DUO's BRIN6 decode table. Its point is the BAG point of a 2024 feature at the
  same postcode and huisnummer, else the approximate point of its PC4 area (GeoNames), marked
  derived (``latitude``, ``longitude``). A vestiging with neither address nor PC4 has no
  onderwijslocatie.
- Its offering follows its kind: basisschool (BO) → PO-BAO, SBO → PO-SBAO, SO → PO-SO, VSO →
  PO-VSO, SO/VSO → both, VO → its onderwijsstructuur of 2020 (``seed.schoolbestand``).
- A vestiging whose BRIN4 is in no decode table is left out: a vestiging
  rests on its instellingserkenning.

Denominatie labels RIO has no code for ("onbekend", "Rest") are left out; the next file's
label is used.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from seed import bronnen
from seed.erkenningen import Erkenningen, Instelling
from seed.referentie import Referentie
from seed.schoolbestand import ADRES_KOLOMMEN, NIVEAUS_PER_STRUCTUUR, School, adres_sleutel
from seed.vestigingen import Adres, Vestiging, Vestigingen
from seed.waardelijsten import denominatie_codes

# the files newer than the 2024 school file
NIEUWER = frozenset({bronnen.VESTIGINGEN_BO_2026.code, bronnen.LEERLINGEN_PO.code})
NIVEAUS_PER_SOORT = {
    "BO": ("PO-BAO",),
    "SBO": ("PO-SBAO",),
    "SO": ("PO-SO",),
    "VSO": ("PO-VSO",),
    "SO/VSO": ("PO-SO", "PO-VSO"),
}
SECTOR_PER_SOORT = {"BO": "PO", "SBO": "PO", "SO": "SO", "VSO": "SO", "SO/VSO": "SO"}
Punten = dict[tuple[str, int], tuple[float, float]]
ACTUEEL = frozenset({bronnen.VESTIGINGEN_BO_2026.peildatum, bronnen.LEERLINGEN_PO.peildatum})


def _schooljaar(datum: dt.date) -> dt.date:
    """1 August that starts the school year of ``datum``."""
    return dt.date(datum.year if datum.month >= 8 else datum.year - 1, 8, 1)


class Schoolhistorie:
    """Builds the school records."""

    def __init__(self, vestigingen: Vestigingen, ref: Referentie, erkenningen: Erkenningen) -> None:
        self.vestigingen = vestigingen
        self.ref = ref
        self.erkenningen = erkenningen

    def scholen(self, features: list[School]) -> list[School]:
        """The 2024 features brought up to date, then a record per vestiging they lack."""
        punten: Punten = {}
        per_brin6: dict[str, list[School]] = defaultdict(list)
        for school in features:
            if school.postcode and school.huisnummer and school.lat and school.lon:
                punten.setdefault((school.postcode, school.huisnummer), (school.lat, school.lon))
            per_brin6[school.brin6].append(school)
        result = [
            self._bijgewerkt(school, len(per_brin6[school.brin6]) == 1, punten)
            for school in features
        ]
        for brin6 in sorted(self.vestigingen.keys() - per_brin6.keys()):
            vestiging = self.vestigingen[brin6]
            if vestiging.brin4 not in self.erkenningen.brin4:
                continue
            aanvulling = self._aanvulling(vestiging, punten)
            if aanvulling is not None:
                result.append(aanvulling)
        return result

    def actueel(self, brin6: str, features: set[str]) -> bool:
        """Listed by the 2024 school file, the 2026 PO file or the pupil count of 2025."""
        gezien = self.vestigingen[brin6].gezien if brin6 in self.vestigingen else set()
        return brin6 in features or bool(gezien & ACTUEEL)

    def periode(self, brin6: str) -> tuple[dt.date | None, dt.date | None]:
        """The period a vestiging is seen in the files, for one the decode tables do not date:
        from 1 August of the school year of the first file listing it to 1 August after the
        last (the end only when no current file lists it)."""
        gezien = sorted(self.vestigingen[brin6].gezien) if brin6 in self.vestigingen else []
        if not gezien:
            return None, None
        einde = _schooljaar(gezien[-1])
        return _schooljaar(gezien[0]), einde.replace(year=einde.year + 1)

    def _denominatie(self, vestiging: Vestiging) -> tuple[str | None, str | None]:
        label, bron = vestiging.waarde("denominatie"), vestiging.bron("denominatie")
        if label is None:
            return None, None
        codes = denominatie_codes(label, self.erkenningen.denominatie_labels)
        return (",".join(codes), bron) if codes else (None, None)

    def _bijgewerkt(self, school: School, enige: bool, punten: Punten) -> School:
        vestiging = self.vestigingen.get(school.brin6)
        if vestiging is None:
            return school
        velden: dict[str, str] = {}
        denominatie, denominatie_bron = self._denominatie(vestiging)
        nieuw = {
            veld: (waarde, str(bron))
            for veld, waarde, bron in (
                ("naam", vestiging.waarde("naam"), vestiging.bron("naam")),
                ("website", vestiging.waarde("website"), vestiging.bron("website")),
                ("denominatie", denominatie, denominatie_bron),
                ("telefoon", vestiging.waarde("telefoon"), vestiging.bron("telefoon")),
            )
            if waarde and (bron in NIEUWER or getattr(school, veld) is None)
        }
        velden = {veld: bron for veld, (_, bron) in nieuw.items()}

        def nieuwste(veld: str) -> Any:
            return nieuw[veld][0] if veld in nieuw else getattr(school, veld)

        school = replace(
            school,
            naam=nieuwste("naam"),
            website=nieuwste("website"),
            denominatie=nieuwste("denominatie"),
            telefoon=nieuwste("telefoon"),
            velden={**school.velden, **velden},
        )
        adres: Adres | None = vestiging.waarde("adres")
        if (
            enige
            and adres is not None
            and vestiging.bron("adres") == bronnen.VESTIGINGEN_BO_2026.code
            and (adres.postcode, adres.huisnummer) != (school.postcode, school.huisnummer)
        ):  # moved since 2024
            school = _op(school, self._plek(adres, punten), str(vestiging.bron("adres")))
            school = replace(school, gemeente=vestiging.waarde("gemeente"))
        return school

    def _plek(self, adres: Adres, punten: Punten) -> Plek:
        lat, lon, afgeleid = self._punt(adres.postcode, adres.huisnummer, punten)
        return Plek(
            adres=adres_sleutel(adres.postcode, adres.huisnummer, adres.toevoeging),
            postcode=adres.postcode,
            huisnummer=adres.huisnummer,
            toevoeging=adres.toevoeging,
            straat=adres.straat,
            plaats=adres.plaats,
            pc4=None,
            lat=lat,
            lon=lon,
            afgeleid=afgeleid,
        )

    def _punt(
        self, postcode: str, huisnummer: int | None, punten: Punten
    ) -> tuple[float | None, float | None, tuple[str, ...]]:
        """The BAG point of a 2024 feature at this address, else the PC4 area's point."""
        if huisnummer is not None and (postcode, huisnummer) in punten:
            lat, lon = punten[(postcode, huisnummer)]
            return lat, lon, ()
        found = self.ref.punt_van_pc4.get(postcode[:4])
        if found is None:
            return None, None, ()
        return found[0], found[1], ("latitude", "longitude")

    def _aanvulling(self, vestiging: Vestiging, punten: Punten) -> School | None:
        soort = vestiging.waarde("soort")
        if soort in SECTOR_PER_SOORT:
            sector, niveaus = SECTOR_PER_SOORT[soort], NIVEAUS_PER_SOORT[soort]
        else:
            sector, niveaus = "VO", _vo_niveaus(vestiging.waarde("structuur"))
        denominatie, denominatie_bron = self._denominatie(vestiging)
        bron = vestiging.bron("naam") or bronnen.BRIN6.code
        velden = {
            "website": vestiging.bron("website"),
            "telefoon": vestiging.bron("telefoon"),
            "denominatie": denominatie_bron,
        }
        school = School(
            brin4=vestiging.brin4,
            brin6=vestiging.brin6,
            naam=vestiging.waarde("naam") or self._decode(vestiging).naam,
            sector=sector,
            niveaus=niveaus,
            denominatie=denominatie,
            website=vestiging.waarde("website"),
            telefoon=vestiging.waarde("telefoon"),
            bron=bron,
            velden={k: v for k, v in velden.items() if v and v != bron},
            gemeente=vestiging.waarde("gemeente"),
            adres=None,
            postcode=None,
            huisnummer=None,
            toevoeging=None,
            straat=None,
            plaats=None,
            lat=None,
            lon=None,
        )
        adres: Adres | None = vestiging.waarde("adres")
        if adres is not None:
            return _op(school, self._plek(adres, punten), str(vestiging.bron("adres")))
        decode = self._decode(vestiging)  # no address: the PC4 and place of the decode table
        pc4 = decode.postcodecijfers
        if pc4 is None or pc4 not in self.ref.gemeente_van_pc4:
            return None
        lat, lon, afgeleid = self._punt(pc4, None, punten)
        plek = Plek(
            adres=f"{pc4}|{decode.plaatsnaam or ''}",
            postcode=None,
            huisnummer=None,
            toevoeging=None,
            straat=None,
            plaats=decode.plaatsnaam,
            pc4=pc4,
            lat=lat,
            lon=lon,
            afgeleid=afgeleid,
        )
        return _op(school, plek, bronnen.BRIN6.code)

    def _decode(self, vestiging: Vestiging) -> Instelling:
        found = self.erkenningen.brin6.get(vestiging.brin6)
        return found if found is not None else self.erkenningen.brin4[vestiging.brin4]


@dataclass(frozen=True)
class Plek:
    """Where a school record is: the key of its onderwijslocatie, the address parts, the
    point, and which of its fields are derived."""

    adres: str
    postcode: str | None
    huisnummer: int | None
    toevoeging: str | None
    straat: str | None
    plaats: str | None
    pc4: str | None
    lat: float | None
    lon: float | None
    afgeleid: tuple[str, ...]


def _op(school: School, plek: Plek, bron: str) -> School:
    """The school at ``plek``, whose address comes from ``bron``."""
    kolommen = ADRES_KOLOMMEN if plek.postcode else ("plaatsnaam",)
    return replace(
        school,
        adres=plek.adres,
        postcode=plek.postcode,
        huisnummer=plek.huisnummer,
        toevoeging=plek.toevoeging,
        straat=plek.straat,
        plaats=plek.plaats,
        pc4=plek.pc4,
        lat=plek.lat,
        lon=plek.lon,
        afgeleid=plek.afgeleid,
        velden={
            **school.velden,
            **{kolom: bron for kolom in kolommen if bron != school.bron},
        },
    )


def _vo_niveaus(structuur: str | None) -> tuple[str, ...]:
    niveaus: list[str] = []
    for deel in (structuur or "").split("/"):
        niveaus.extend(n for n in NIVEAUS_PER_STRUCTUUR.get(deel, ()) if n not in niveaus)
    return tuple(niveaus)
