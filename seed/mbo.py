"""MBO, derived: the files hold no MBO offering, so the seed derives a plausible one and marks
all of it derived (``afgeleid``).

- The MBO instellingen are the open BRIN4s of the derived list ``seed.mbo_instellingen``: the 49
  bekostigde MBO instellingen (34 ROC's, 5 AOC's, 10 vakinstellingen), one BRIN4 per
  institution, compiled by Onderwijsgraaf from public knowledge (MBO Raad, DUO) and checked
  against DUO's BRIN4 decode table. ROC's: Albeda, Stichting Landstede, ROC Rivor, Koning
  Willem I College, Firda, ROC Da Vinci College, ROC Graafschap College, Rijn IJssel, ROC Midden
  Nederland, ROC Ter AA, mboRijnland, Zadkine, ROC van Flevoland, ROC Gilde Opleidingen,
  Alfa-college, Noorderpoort, Curio, Yonder, Summa College, Deltion College, VISTA College, ROC
  A12, ROC Nijmegen eo, Talland College, Scalda, Drenthe College Terra, ROC Nova College, ROC van
  Amsterdam, ROC AVENTUS, ROC Mondriaan, ROC van Twente, ROC TOP, MBO Utrecht, MBO Amersfoort.
  AOC's: Yuverta, Lentiz, Vonk, Aeres (V) MBO, Zone.college. Vakinstellingen: Mediacollege
  Amsterdam, HMC (Hout- en Meubileringscollege), Nimeto, CIBAP, STC, Hoornbeeck College, Grafisch
  Lyceum Rotterdam, Grafisch Lyceum Utrecht, SG De Rooi Pannen, SintLucas. A listed BRIN4 that
  the decode table lacks or has closed stops the seed with a ``SeedError`` naming it
  (``mbo_instellingen``).
- Each is an onderwijsaanbieder (name and dates as DUO's decode table gives them, code derived)
  under the open bestuur DUO's school files give its BRIN4 (the bevoegd gezag of its VO or PO
  vestigingen, e.g. Stichting ROC Summa College), else under a derived bestuur of its own;
  resting on its BRIN4 (a juridische relatie).
- Its locaties are its open BRIN6 vestigingen (or the BRIN4 itself), at the PC4 and plaats DUO
  records, with the approximate point of that PC4 (GeoNames).
- It offers the four MBO levels (generic opleidingseenheden MBO-1..MBO-4) in BOL and BBL at
  each locatie, each under a derived MBO onderwijslicentie of its BRIN4 for that level.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    JuridischeRelatie,
    Licentie,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
)
from onderwijsgraaf.db.zoeknaam import zoeknaam
from seed import bronnen, codes
from seed.dataset import Dataset
from seed.erkenningen import Erkenningen, Instelling
from seed.errors import SeedError
from seed.mbo_instellingen import MBO_INSTELLINGEN, MboInstelling
from seed.referentie import Referentie

LEERTRAJECTEN = ("BOL", "BBL")
LIJST = "seed/mbo_instellingen.py"


@dataclass(frozen=True)
class Niveau:
    niveau: str
    naam: str


NIVEAUS = (
    Niveau("MBO-1", "Entreeopleiding (mbo niveau 1)"),
    Niveau("MBO-2", "Basisberoepsopleiding (mbo niveau 2)"),
    Niveau("MBO-3", "Vakopleiding (mbo niveau 3)"),
    Niveau("MBO-4", "Middenkaderopleiding (mbo niveau 4)"),
)


def mbo_instellingen(
    erkenningen: Erkenningen, lijst: Sequence[MboInstelling] = MBO_INSTELLINGEN
) -> dict[str, Instelling]:
    """BRIN4 → its instelling in DUO's decode table, for every BRIN4 of ``lijst``, in BRIN4
    order. Raises ``SeedError`` (on the decode table, field instellingscode) naming the BRIN4
    when the list holds it twice, or the decode table lacks it or has closed it."""
    found: dict[str, Instelling] = {}
    for entry in lijst:
        subject = f"BRIN4 {entry.brin4} ({entry.naam}), an MBO instelling in {LIJST},"
        instelling = erkenningen.brin4.get(entry.brin4)
        if entry.brin4 in found:
            message = f"{subject} is listed twice"
        elif instelling is None:
            message = f"{subject} is not in the decode table"
        elif instelling.einddatum is not None:
            message = f"{subject} is closed in the decode table (on {instelling.einddatum})"
        else:
            found[entry.brin4] = instelling
            continue
        raise SeedError(bronnen.BRIN4.bestand, message, field="instellingscode")
    return dict(sorted(found.items()))


def build_mbo(
    dataset: Dataset, ref: Referentie, erkenningen: Erkenningen, besturen: Mapping[str, str]
) -> dict[str, str]:
    """Adds the derived MBO rows; returns the gemeente of each aanbieder. ``besturen``: the
    bestuur of each BRIN4 the school files name one for; an instelling whose BRIN4 has an open
    one belongs to it, the others get a derived bestuur of their own. Raises ``SeedError``
    (``mbo_instellingen``)."""
    instellingen = mbo_instellingen(erkenningen)
    open_besturen = {
        row["code"]
        for row in dataset.rows[Onderwijsbestuur.__tablename__]
        if row["einddatum"] is None
    }
    bekend = {
        brin4: besturen[brin4] for brin4 in instellingen if besturen.get(brin4) in open_besturen
    }
    oecodes = dataset.derive_codes(codes.OPLEIDINGSEENHEID, [f"MBO|{n.niveau}" for n in NIVEAUS])
    for niveau in NIVEAUS:
        dataset.add(
            Opleidingseenheid,
            code=oecodes[f"MBO|{niveau.niveau}"],
            type="MBOKWALIFICATIE",
            sector="MBO",
            naam_lang=niveau.naam,
            zoeknaam=zoeknaam(niveau.naam),
            niveau=niveau.niveau,
            bron=bronnen.AFGELEID,
            afgeleid="*",
        )
    bestuurcodes = dataset.derive_codes(
        codes.BESTUUR, [f"MBO:{b}" for b in instellingen if b not in bekend]
    )
    bestuurcodes |= {f"MBO:{brin4}": code for brin4, code in bekend.items()}
    aanbiedercodes = dataset.derive_codes(codes.AANBIEDER, [f"MBO:{b}" for b in instellingen])
    vestigingen = {brin4: _vestigingen(brin4, erkenningen, ref) for brin4 in instellingen}
    locatiecodes = dataset.derive_codes(
        codes.LOCATIE, [f"MBO:{v}" for vs in vestigingen.values() for v, _ in vs]
    )
    gemeenten: dict[str, str] = {}
    for brin4, instelling in instellingen.items():
        bestuur, aanbieder = bestuurcodes[f"MBO:{brin4}"], aanbiedercodes[f"MBO:{brin4}"]
        geldig = {"begindatum": instelling.begindatum, "einddatum": None}
        if brin4 not in bekend:
            naam = f"Bestuur van {instelling.naam}"
            dataset.add(
                Onderwijsbestuur,
                code=bestuur,
                naam=naam,
                zoeknaam=zoeknaam(naam),
                bron=bronnen.AFGELEID,
                afgeleid="*",
            )
        dataset.add(
            Onderwijsaanbieder,
            code=aanbieder,
            naam=instelling.naam,
            zoeknaam=zoeknaam(instelling.naam),
            onderwijsbestuur_code=bestuur,
            eigen_sleutel=brin4,
            **geldig,
            bron=bronnen.BRIN4.code,
            afgeleid="code,onderwijsbestuur_code,eigen_sleutel",
        )
        dataset.add(
            JuridischeRelatie,
            onderwijsaanbieder_code=aanbieder,
            erkenning_id=instelling.erkenning_id,
            **geldig,
            bron=bronnen.BRIN4.code,
        )
        licenties = {
            niveau.niveau: codes.uuid_code("licentie", brin4, niveau.niveau) for niveau in NIVEAUS
        }
        for niveau in NIVEAUS:
            dataset.add(
                Licentie,
                code=licenties[niveau.niveau],
                type="MBOONDERWIJSLICENTIE",
                instellingserkenning_id=instelling.erkenning_id,
                opleidingseenheid_code=oecodes[f"MBO|{niveau.niveau}"],
                stadium="STANDAARD",
                **geldig,
                bron=bronnen.AFGELEID,
                afgeleid="*",
            )
        for vestigingscode, vestiging in vestigingen[brin4]:
            locatie = locatiecodes[f"MBO:{vestigingscode}"]
            assert vestiging.postcodecijfers is not None  # _vestigingen keeps only those
            gemeente = ref.gemeente_van_pc4[vestiging.postcodecijfers]
            gemeenten.setdefault(aanbieder, gemeente)
            punt = ref.punt_van_pc4.get(vestiging.postcodecijfers)
            dataset.add(
                Onderwijslocatie,
                code=locatie,
                postcode=None,
                plaatsnaam=vestiging.plaatsnaam,
                gemeente_code=gemeente,
                provincie_code=ref.provincie_van_gemeente[gemeente],
                latitude=punt[0] if punt else None,
                longitude=punt[1] if punt else None,
                bron=bronnen.BRIN6.code if len(vestigingscode) == 6 else bronnen.BRIN4.code,
                afgeleid="code,gemeente_code,provincie_code,latitude,longitude",
            )
            dataset.add(
                Onderwijslocatiegebruik,
                onderwijsbestuur_code=bestuur,
                onderwijsaanbieder_code=aanbieder,
                onderwijslocatie_code=locatie,
                vestigingserkenning_id=(
                    vestiging.erkenning_id if len(vestigingscode) == 6 else None
                ),
                **geldig,
                bron=bronnen.AFGELEID,
                afgeleid="*",
            )
            for niveau in NIVEAUS:
                for leertraject in LEERTRAJECTEN:
                    eigen_naam = f"{niveau.naam}, {leertraject}"
                    dataset.add(
                        AangebodenOpleiding,
                        code=codes.uuid_code("mbo", vestigingscode, niveau.niveau, leertraject),
                        type="AANGEBODENMBOOPLEIDING",
                        sector="MBO",
                        onderwijsaanbieder_code=aanbieder,
                        opleidingseenheid_code=oecodes[f"MBO|{niveau.niveau}"],
                        onderwijslocatie_code=locatie,
                        onderwijslicentie_code=licenties[niveau.niveau],
                        eigen_naam=eigen_naam,
                        zoeknaam=zoeknaam(eigen_naam),
                        leertraject=leertraject,
                        **geldig,
                        bron=bronnen.AFGELEID,
                        afgeleid="*",
                    )
    return gemeenten


def _vestigingen(
    brin4: str, erkenningen: Erkenningen, ref: Referentie
) -> list[tuple[str, Instelling]]:
    """The open vestigingen of a BRIN4 in a known PC4; the BRIN4 itself when it has none."""
    found = [
        (code, vestiging)
        for code, vestiging in sorted(erkenningen.brin6.items())
        if code.startswith(brin4)
        and vestiging.einddatum is None
        and vestiging.postcodecijfers in ref.gemeente_van_pc4
    ]
    instelling = erkenningen.brin4[brin4]
    if not found and instelling.postcodecijfers in ref.gemeente_van_pc4:
        found = [(brin4, instelling)]
    return found
