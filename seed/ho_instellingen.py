"""What makes every HO aanbieder complete: the instellingserkenning it rests on, a locatie for
those the HO file places nowhere, and its public communicatiecontext. All of it is derived.

- **Juridische relatie**: each aanbieder rests on the BRIN4 ``seed.ho_brin4`` finds for it
  (``afgeleid = "*"``), for as long as that BRIN4 is valid.
- **Locaties from the HO vestigingen**: an aanbieder with no locatie with a point (the HO file
  leaves the locatie of all aanbod of TU Delft, Erasmus and five others empty) uses one locatie
  per vestiging of its BRIN4 in DUO's HO vestigingsnummer table (``bron`` that table): in the
  gemeente the table gives (``gemeentecode_20250101``), at the middle point (the median latitude
  and the median longitude) of the gemeente's PC4 areas (GeoNames) named after the gemeente
  (``Rotterdam``, not ``Hoek van Holland``), or of all its PC4 areas where none is: a median, so
  that one misplaced PC4 point (GeoNames puts 3062 Rotterdam in the sea) moves it nowhere. Its code, plaatsnaam, provincie and point are derived. The
  table's vestigingsnummer is DUO's HO numbering, which is not always the BRIN6's
  (21PF01 is a Den Haag vestiging there and an Amsterdam one in the BRIN6 table), so the BRIN6
  of the same number is its vestigingserkenning only where the BRIN6 decode table places it in
  the same gemeente; a vestiging whose BRIN6 is so confirmed but closed on the HO file's
  peildatum is left out, and so is one outside the CBS gemeenten (Saba, België).
- **Communicatiecontext ALGEMEEN** (public): ``website`` is the scheme and host most of the
  aanbieder's aanbod names in WEBSITE (``https://www.han.nl``; a value without a scheme counts
  as https, one without a host not at all; a tie goes to the first in order); the address
  (``straatnaam``, ``plaatsnaam``) is that of its main locatie: the one with most of its aanbod,
  else its first derived one. Where the aanbod names no website, it has none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from urllib.parse import urlsplit

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Communicatiecontext,
    JuridischeRelatie,
    Onderwijsaanbieder,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
)
from onderwijsgraaf.db.zoeknaam import zoeknaam
from seed import bronnen, codes
from seed.dataset import Dataset, Rij
from seed.erkenningen import BRIN4_CODE, VESTIGINGSNUMMER, Erkenningen, Instelling
from seed.errors import SeedError
from seed.ho_brin4 import HoAanbieder, brin4_van_aanbieders
from seed.read import read_csv
from seed.referentie import GEMEENTECODE, Referentie

HEADER = [
    "instellingscode",
    "vestigingsnummer",
    "gemeentenaam_rio",
    "gemeentecode_20250101",
    "gemeentenaam_20250101",
]
HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


@dataclass(frozen=True)
class Vestiging:
    """One row of the HO vestigingsnummer table."""

    brin4: str
    nummer: str
    gemeente: str
    gemeentenaam: str


def build_ho_instellingen(
    data_dir: Path,
    dataset: Dataset,
    ref: Referentie,
    erkenningen: Erkenningen,
    aanbieders: Mapping[str, HoAanbieder],
) -> dict[str, str]:
    """Adds the rows of the module docstring for ``aanbieders`` (the HO aanbieders already in
    ``dataset``, by code); returns the gemeente of each aanbieder that had no locatie with a
    point (that of its first derived locatie). Raises ``SeedError``."""
    vestigingen = _vestigingen(data_dir)
    open_op = bronnen.HO.peildatum
    instellingen = {
        brin4: erkenningen.brin4[brin4].naam
        for brin4 in vestigingen
        if brin4 in erkenningen.brin4 and _open(erkenningen.brin4[brin4], open_op)
    }
    brin4s = brin4_van_aanbieders(aanbieders, instellingen, bronnen.HO.path(data_dir))
    for code, brin4 in sorted(brin4s.items()):
        instelling = erkenningen.brin4[brin4]
        dataset.add(
            JuridischeRelatie,
            onderwijsaanbieder_code=code,
            erkenning_id=instelling.erkenning_id,
            begindatum=instelling.begindatum,
            einddatum=instelling.einddatum,
            bron=bronnen.HO.code,
            afgeleid="*",
        )
    zonder = sorted(set(aanbieders) - _met_punt(dataset))
    hoofdlocatie = _vestigingslocaties(
        data_dir, dataset, ref, erkenningen, {c: brin4s[c] for c in zonder}, vestigingen
    )
    _communicatiecontexten(dataset, aanbieders, hoofdlocatie)
    locaties = {row["code"]: row for row in dataset.rows[Onderwijslocatie.__tablename__]}
    return {code: locaties[locatie]["gemeente_code"] for code, locatie in hoofdlocatie.items()}


def _open(instelling: Instelling, dag: dt.date) -> bool:
    return instelling.einddatum is None or instelling.einddatum > dag


def _vestigingen(data_dir: Path) -> dict[str, list[Vestiging]]:
    """BRIN4 → its vestigingen in the HO vestigingsnummer table, by number."""
    found: dict[str, list[Vestiging]] = defaultdict(list)
    for row in read_csv(bronnen.HO_VESTIGINGEN.path(data_dir), HEADER):
        brin4 = row.code("instellingscode", BRIN4_CODE, "a BRIN4 code (4 letters/digits)")
        found[brin4].append(
            Vestiging(
                brin4,
                row.code("vestigingsnummer", VESTIGINGSNUMMER, "a 2-character volgnummer"),
                row.code("gemeentecode_20250101", GEMEENTECODE, "a 4-digit CBS gemeentecode"),
                row.required("gemeentenaam_20250101"),
            )
        )
    return {brin4: sorted(rows, key=lambda v: v.nummer) for brin4, rows in found.items()}


def _met_punt(dataset: Dataset) -> set[str]:
    """The aanbieders that use a locatie with a point."""
    punten = {
        row["code"]
        for row in dataset.rows[Onderwijslocatie.__tablename__]
        if row["latitude"] is not None
    }
    return {
        row["onderwijsaanbieder_code"]
        for row in dataset.rows[Onderwijslocatiegebruik.__tablename__]
        if row["onderwijslocatie_code"] in punten
    }


def _vestigingslocaties(
    data_dir: Path,
    dataset: Dataset,
    ref: Referentie,
    erkenningen: Erkenningen,
    brin4s: Mapping[str, str],
    vestigingen: Mapping[str, list[Vestiging]],
) -> dict[str, str]:
    """A locatie per vestiging of the BRIN4 of each of ``brin4s`` (aanbieder → BRIN4) and the
    aanbieder's gebruik of it; returns each aanbieder's first locatie."""
    pc4s_van: dict[str, list[str]] = defaultdict(list)
    for pc4, gemeente in sorted(ref.gemeente_van_pc4.items()):
        if pc4 in ref.punt_van_pc4:
            pc4s_van[gemeente].append(pc4)
    besturen = {
        row["code"]: row["onderwijsbestuur_code"]
        for row in dataset.rows[Onderwijsaanbieder.__tablename__]
    }
    gebruikt = sorted(
        {
            (v, _vestigingserkenning(v, erkenningen, ref))
            for brin4 in brin4s.values()
            for v in vestigingen[brin4]
            if pc4s_van.get(v.gemeente)
        },
        key=lambda item: (item[0].brin4, item[0].nummer),
    )
    gebruikt = [
        (v, erkenning)
        for v, erkenning in gebruikt
        if erkenning is None or _open(erkenning, bronnen.HO.peildatum)
    ]
    locatiecodes = dataset.derive_codes(
        codes.LOCATIE, [f"HO-vestiging {v.brin4}{v.nummer}" for v, _ in gebruikt]
    )
    per_brin4: dict[str, list[tuple[str, Instelling | None]]] = defaultdict(list)
    for vestiging, erkenning in gebruikt:
        code = locatiecodes[f"HO-vestiging {vestiging.brin4}{vestiging.nummer}"]
        _locatie(dataset, ref, code, vestiging, pc4s_van[vestiging.gemeente], erkenning)
        per_brin4[vestiging.brin4].append((code, erkenning))
    hoofdlocatie: dict[str, str] = {}
    for aanbieder, brin4 in sorted(brin4s.items()):
        if not per_brin4[brin4]:
            raise SeedError(
                bronnen.HO_VESTIGINGEN.path(data_dir),
                f"HO aanbieder {aanbieder} has no locatie in the HO file, and its BRIN4 {brin4} "
                "has no open vestiging in a CBS gemeente here",
                field="instellingscode",
            )
        for locatie, erkenning in per_brin4[brin4]:
            dataset.add(
                Onderwijslocatiegebruik,
                onderwijsbestuur_code=besturen[aanbieder],
                onderwijsaanbieder_code=aanbieder,
                onderwijslocatie_code=locatie,
                vestigingserkenning_id=erkenning.erkenning_id if erkenning else None,
                begindatum=erkenning.begindatum if erkenning else None,
                einddatum=erkenning.einddatum if erkenning else None,
                bron=bronnen.HO_VESTIGINGEN.code,
                afgeleid="*",
            )
        hoofdlocatie[aanbieder] = per_brin4[brin4][0][0]
    return hoofdlocatie


def _vestigingserkenning(
    vestiging: Vestiging, erkenningen: Erkenningen, ref: Referentie
) -> Instelling | None:
    """The BRIN6 of the vestiging's number, where the BRIN6 table has it in the same gemeente."""
    brin6 = erkenningen.brin6.get(vestiging.brin4 + vestiging.nummer)
    if brin6 is None or brin6.postcodecijfers is None:
        return None
    return brin6 if ref.gemeente_van_pc4.get(brin6.postcodecijfers) == vestiging.gemeente else None


def _locatie(
    dataset: Dataset,
    ref: Referentie,
    code: str,
    vestiging: Vestiging,
    pc4s: list[str],
    erkenning: Instelling | None,
) -> None:
    """The locatie of one vestiging, at the middle point of its gemeente's PC4 areas named after
    the gemeente (else of all of them)."""
    naam = zoeknaam(vestiging.gemeentenaam)
    in_plaats = [p for p in pc4s if p in set(ref.pc4_van_plaats.get(naam, []))]
    punten = [ref.punt_van_pc4[p] for p in in_plaats or pc4s]
    afgeleid = "code,plaatsnaam,provincie_code,latitude,longitude"
    dataset.add(
        Onderwijslocatie,
        code=code,
        plaatsnaam=vestiging.gemeentenaam if in_plaats else None,
        gemeente_code=vestiging.gemeente,
        provincie_code=ref.provincie_van_gemeente[vestiging.gemeente],
        latitude=round(median(p[0] for p in punten), 6),
        longitude=round(median(p[1] for p in punten), 6),
        begindatum=erkenning.begindatum if erkenning else None,
        einddatum=erkenning.einddatum if erkenning else None,
        bron=bronnen.HO_VESTIGINGEN.code,
        afgeleid=afgeleid + (",begindatum,einddatum" if erkenning else ""),
    )


def _communicatiecontexten(
    dataset: Dataset, aanbieders: Mapping[str, HoAanbieder], hoofdlocatie: Mapping[str, str]
) -> None:
    websites: dict[str, Counter[str]] = defaultdict(Counter)
    aanbod_op: dict[str, Counter[str]] = defaultdict(Counter)
    for aanbod in dataset.rows[AangebodenOpleiding.__tablename__]:
        aanbieder = aanbod["onderwijsaanbieder_code"]
        if aanbieder not in aanbieders:
            continue
        site = website(aanbod["website"])
        if site:
            websites[aanbieder][site] += 1
        if aanbod["onderwijslocatie_code"]:
            aanbod_op[aanbieder][aanbod["onderwijslocatie_code"]] += 1
    locaties = {row["code"]: row for row in dataset.rows[Onderwijslocatie.__tablename__]}
    for code in sorted(aanbieders):
        sites = websites[code]
        site = min(sites, key=lambda s: (-sites[s], s)) if sites else None
        op = aanbod_op[code]
        hoofd = min(op, key=lambda c: (-op[c], c)) if op else hoofdlocatie.get(code)
        locatie: Rij = locaties[hoofd] if hoofd else {}
        straat, plaats = locatie.get("straatnaam"), locatie.get("plaatsnaam")
        afgeleid = [f for f, v in (("website", site), ("straatnaam", straat)) if v]
        afgeleid += ["plaatsnaam"] if plaats else []
        vestiging = locatie.get("bron") == bronnen.HO_VESTIGINGEN.code
        dataset.add(
            Communicatiecontext,
            soort="ALGEMEEN",
            openbaar=True,
            onderwijsaanbieder_code=code,
            gemeente_code=locatie.get("gemeente_code"),
            website=site,
            straatnaam=straat,
            plaatsnaam=plaats,
            bron=bronnen.HO.code,
            afgeleid=",".join(afgeleid),
            veldbronnen=f"plaatsnaam={bronnen.HO_VESTIGINGEN.code}" if vestiging and plaats else "",
        )


def website(value: str | None) -> str | None:
    """The scheme and host of a WEBSITE value, lower case: ``"https://www.han.nl/studeren"`` →
    ``"https://www.han.nl"``, ``"www.codarts.nl"`` → ``"https://www.codarts.nl"``; None for a
    value with another scheme than http(s) or without a host (``"https://"``, ``"htp://x.nl"``)."""
    text = (value or "").strip()
    if not text:
        return None
    if "://" not in text and ":" not in text.split("/")[0]:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:  # a malformed host, such as an unclosed IPv6 bracket
        return None
    if parts.scheme.lower() not in ("http", "https") or not HOST.match(host):
        return None
    return f"{parts.scheme.lower()}://{host}"
