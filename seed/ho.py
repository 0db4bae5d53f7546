"""HO from DUO's "HO opleidingsoverzicht": real RIO codes for besturen, aanbieders,
opleidingseenheden, aangeboden opleidingen and locaties, loaded as they are.

Derived: an aanbieder listed under several besturen belongs to the one it is listed under most
(the others own some of its opleidingseenheden); a locatie has only a street and a plaatsnaam,
so its gemeente and an approximate point come from the PC4 areas of that plaatsnaam (GeoNames);
studielasteenheid is ECTS_PUNT and the opleidingsstelsel of a CROHO code is ISAT; the first of
two rows for the same aangeboden opleiding wins. The file names no BRIN and no contact details:
each aanbieder's instellingserkenning, the locaties of those it places nowhere and their public
communicatiecontext are derived in ``seed.ho_instellingen``.

An opleidingseenheid lasts at least as long as its aangeboden opleidingen: the file's
BEGINDATUM and EINDDATUM of an eenheid are those of its current period, not its lifetime (RIO's
startdatum and opheffingsdatum, which the file lacks), and RIO requires every aangeboden
opleiding to lie within the validity of its opleidingseenheid (fout codes N09410, P01410). So an
eenheid that starts after, or ends before, one of its offerings is widened to cover them
(``begindatum``/``einddatum`` marked derived); the offerings keep their own dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

from onderwijsgraaf.db import waardelijsten as wl
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    AangebodenOpleidingVoertaal,
    Erkenning,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
)
from onderwijsgraaf.db.zoeknaam import zoeknaam
from seed import bronnen
from seed.dataset import Dataset
from seed.erkenningen import Erkenningen
from seed.ho_brin4 import HoAanbieder
from seed.ho_instellingen import build_ho_instellingen
from seed.read import Row, read_csv
from seed.referentie import Referentie

BESTUURCODE = re.compile(r"^[0-9]{3}B[0-9]{3}$")
AANBIEDERCODE = re.compile(r"^[0-9]{3}A[0-9]{3}$")
LOCATIECODE = re.compile(r"^[0-9]{3}X[0-9]{3}$")
OPLEIDINGSEENHEIDCODE = re.compile(r"^[0-9]{4}O[0-9]{4}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
ERKENDE_CODE = re.compile(r"^[0-9A-Z]{1,8}$")
AANBIEDERCODES = re.compile(r"^[0-9]{3}A[0-9]{3}(,[0-9]{3}A[0-9]{3})*$")

HEADER = [
    "ONDERWIJSBESTUURID",
    "ONDERWIJSBESTUUR_NAAM",
    "ONDERWIJSAANBIEDERID",
    "ONDERWIJSAANBIEDER_NAAM",
    "SOORT",
    "OPLEIDINGSEENHEIDCODE",
    "ERKENDEOPLEIDINGSCODE",
    "VARIANT_VAN",
    "ERKENNER",
    "NAAM_LANG",
    "INTERNATIONALE_NAAM",
    "BEGINDATUM",
    "EINDDATUM",
    "NIVEAU",
    "GRAAD",
    "STUDIELAST",
    "EQF",
    "ISCED",
    "NLQF",
    "WAARDEDOCUMENTSOORT",
    "PENVOERDER",
    "EIGENNAAM",
    "EIGENNAAM_DUITS",
    "EIGENNAAM_ENGELS",
    "VORM",
    "VOERTAAL",
    "AANGEBODEN_OPLEIDING_BEGINDATUM",
    "AANGEBODEN_OPLEIDING_EINDDATUM",
    "EERSTE_INSTROOMDATUM",
    "LAATSTE_INSTROOMDATUM",
    "WEBSITE",
    "SAMENWERKEND_MET",
    "BUITENLANDSEPARTNER",
    "DEFICIENTIE",
    "EISEN_WERKZAAMHEDEN",
    "PROPEDEUTISCHE_FASE",
    "STUDIEKEUZECHECK",
    "VERSNELD_TRAJECT",
    "AANGEBODEN_OPLEIDINGCODE",
    "EIGEN_AANGEBODEN_OPLEIDINGSLEUTEL",
    "ONDERWIJSLOCATIECODE",
    "ONDERWIJSLOCATIESTRAAT",
    "ONDERWIJSLOCATIEPLAATS",
    "OMSCHRIJVING",
]


def build_ho(
    data_dir: Path, dataset: Dataset, ref: Referentie, erkenningen: Erkenningen
) -> dict[str, str]:
    """Adds all HO rows, with the erkenning, locaties and communicatiecontext of each aanbieder
    (``seed.ho_instellingen``); returns the gemeente of each aanbieder (where its locaties are).
    Raises ``SeedError``."""
    rows = list(read_csv(bronnen.HO.path(data_dir), HEADER))
    croho = _croho_namen(data_dir)
    bron = bronnen.HO.code

    besturen: dict[str, str] = {}
    aanbieder_naam: dict[str, str] = {}
    aanbieder_regel: dict[str, str] = {}
    aanbieder_besturen: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        bestuur = row.code("ONDERWIJSBESTUURID", BESTUURCODE, "an onderwijsbestuurcode (NNNBNNN)")
        besturen.setdefault(bestuur, row.required("ONDERWIJSBESTUUR_NAAM"))
        aanbieder = row.matching(
            "ONDERWIJSAANBIEDERID", AANBIEDERCODE, "an aanbiedercode (NNNANNN)"
        )
        if aanbieder:
            aanbieder_naam.setdefault(aanbieder, row.required("ONDERWIJSAANBIEDER_NAAM"))
            aanbieder_regel.setdefault(aanbieder, row.where)
            aanbieder_besturen[aanbieder][bestuur] += 1
    for code, naam in sorted(besturen.items()):
        dataset.add(Onderwijsbestuur, code=code, naam=naam, zoeknaam=zoeknaam(naam), bron=bron)
    ho_aanbieders: dict[str, HoAanbieder] = {}
    for code, naam in sorted(aanbieder_naam.items()):
        counts = aanbieder_besturen[code]
        bestuur = min(counts, key=lambda b: (-counts[b], b))
        ho_aanbieders[code] = HoAanbieder(naam, bestuur, besturen[bestuur], aanbieder_regel[code])
        dataset.add(
            Onderwijsaanbieder,
            code=code,
            naam=naam,
            zoeknaam=zoeknaam(naam),
            onderwijsbestuur_code=bestuur,
            bron=bron,
            afgeleid="onderwijsbestuur_code" if len(counts) > 1 else "",
        )

    opleidingserkenningen = _opleidingserkenningen(rows, croho, dataset)
    _opleidingseenheden(rows, opleidingserkenningen, dataset)
    locatie_gemeente = _locaties(rows, ref, dataset)
    gemeenten = _aangeboden_opleidingen(rows, locatie_gemeente, dataset)
    _eenheden_dekken_aanbod(dataset)
    _locatiegebruik(dataset)
    return build_ho_instellingen(data_dir, dataset, ref, erkenningen, ho_aanbieders) | gemeenten


def _croho_namen(data_dir: Path) -> dict[str, str]:
    return {
        row.required("opleidingscode"): row.required("naam_opleiding")
        for row in read_csv(bronnen.CROHO.path(data_dir), ["opleidingscode", "naam_opleiding"])
    }


def _opleidingserkenningen(
    rows: list[Row], croho: dict[str, str], dataset: Dataset
) -> dict[str, int]:
    erkenners: dict[str, str | None] = {}
    for row in rows:
        code = row.matching("ERKENDEOPLEIDINGSCODE", ERKENDE_CODE, "an erkende opleidingscode")
        if code:
            erkenners.setdefault(code, row.one_of("ERKENNER", wl.OPLEIDINGSEENHEIDERKENNER))
    ids = {}
    for code, erkenner in sorted(erkenners.items()):
        erkenning = dataset.add(
            Erkenning,
            soort="OPLEIDINGSERKENNING",
            code=code,
            naam=croho.get(code),
            erkenner=erkenner,
            opleidingsstelsel="ISAT",
            bron=bronnen.HO.code,
            afgeleid="opleidingsstelsel",
        )
        ids[code] = erkenning["id"]
    return ids


def _opleidingseenheden(rows: list[Row], erkenningen: dict[str, int], dataset: Dataset) -> None:
    seen: set[str] = set()
    for row in sorted(rows, key=lambda r: r.values["OPLEIDINGSEENHEIDCODE"]):
        code = row.code(
            "OPLEIDINGSEENHEIDCODE",
            OPLEIDINGSEENHEIDCODE,
            "an opleidingseenheidcode (NNNNONNNN)",
        )
        if code in seen:
            continue
        seen.add(code)
        naam = row.required("NAAM_LANG")
        erkende_code = row.text("ERKENDEOPLEIDINGSCODE")
        studielast = row.integer("STUDIELAST", minimum=1, maximum=1000)
        dataset.add(
            Opleidingseenheid,
            code=code,
            type="HOOPLEIDING",
            sector="HO",
            soort=row.one_of("SOORT", wl.HO_OPLEIDINGSOORT),
            naam_lang=naam,
            internationale_naam=row.text("INTERNATIONALE_NAAM"),
            zoeknaam=zoeknaam(naam),
            niveau=row.one_of("NIVEAU", wl.NIVEAUCODE),
            graad=row.one_of("GRAAD", wl.GRAAD_HO),
            studielast=studielast,
            studielasteenheid="ECTS_PUNT" if studielast else None,
            eqf=row.text("EQF"),
            nlqf=row.text("NLQF"),
            isced=row.text("ISCED"),
            waardedocumentsoort=row.one_of("WAARDEDOCUMENTSOORT", wl.SOORT_WAARDEDOCUMENT),
            erkende_opleidingscode=erkende_code,
            opleidingsstelsel="ISAT" if erkende_code else None,
            variant_van=row.text("VARIANT_VAN"),
            eigenaar_code=row.required("ONDERWIJSBESTUURID"),
            opleidingserkenning_id=erkenningen.get(erkende_code) if erkende_code else None,
            begindatum=row.date("BEGINDATUM"),
            einddatum=row.date("EINDDATUM"),
            bron=bronnen.HO.code,
            afgeleid="studielasteenheid,opleidingsstelsel",
        )


def _locaties(rows: list[Row], ref: Referentie, dataset: Dataset) -> dict[str, str | None]:
    """HO locaties, with gemeente and point from the PC4 areas of their plaatsnaam."""
    adressen: dict[str, tuple[str | None, str | None]] = {}
    for row in rows:
        code = row.matching(
            "ONDERWIJSLOCATIECODE", LOCATIECODE, "an onderwijslocatiecode (NNNXNNN)"
        )
        if code:
            straat, plaats = row.text("ONDERWIJSLOCATIESTRAAT"), row.text("ONDERWIJSLOCATIEPLAATS")
            known = adressen.get(code, (None, None))
            adressen[code] = (known[0] or straat, known[1] or plaats)
    gemeente_van: dict[str, str | None] = {}
    for code, (straat, plaats) in sorted(adressen.items()):
        pc4s = [
            p
            for p in ref.pc4_van_plaats.get(zoeknaam(plaats or ""), [])
            if p in ref.gemeente_van_pc4
        ]
        gemeente = lat = lon = provincie = None
        if pc4s:
            gemeenten = Counter(ref.gemeente_van_pc4[p] for p in pc4s)
            gemeente = min(gemeenten, key=lambda g: (-gemeenten[g], g))
            provincie = ref.provincie_van_gemeente[gemeente]
            punten = [ref.punt_van_pc4[p] for p in pc4s if ref.gemeente_van_pc4[p] == gemeente]
            lat = round(sum(p[0] for p in punten) / len(punten), 6)
            lon = round(sum(p[1] for p in punten) / len(punten), 6)
        dataset.add(
            Onderwijslocatie,
            code=code,
            straatnaam=straat,
            plaatsnaam=plaats,
            gemeente_code=gemeente,
            provincie_code=provincie,
            latitude=lat,
            longitude=lon,
            bron=bronnen.HO.code,
            afgeleid="gemeente_code,provincie_code,latitude,longitude" if gemeente else "",
        )
        gemeente_van[code] = gemeente
    return gemeente_van


def _aangeboden_opleidingen(
    rows: list[Row], locatie_gemeente: dict[str, str | None], dataset: Dataset
) -> dict[str, str]:
    eerste: dict[str, Row] = {}
    for row in rows:
        code = row.matching("AANGEBODEN_OPLEIDINGCODE", UUID, "a UUID")
        if code:
            if not row.text("ONDERWIJSAANBIEDERID"):
                raise row.error("ONDERWIJSAANBIEDERID", "is empty for an aangeboden opleiding")
            eerste.setdefault(code, row)
    gemeenten: dict[str, Counter[str]] = defaultdict(Counter)
    for code, row in sorted(eerste.items()):
        aanbieder = row.required("ONDERWIJSAANBIEDERID")
        locatie = row.text("ONDERWIJSLOCATIECODE")
        naam = row.text("EIGENNAAM") or row.required("NAAM_LANG")
        samenwerkend = row.matching(
            "SAMENWERKEND_MET", AANBIEDERCODES, "aanbiedercodes, comma-separated"
        )
        dataset.add(
            AangebodenOpleiding,
            code=code,
            type="AANGEBODENHOOPLEIDING",
            sector="HO",
            onderwijsaanbieder_code=aanbieder,
            opleidingseenheid_code=row.required("OPLEIDINGSEENHEIDCODE"),
            onderwijslocatie_code=locatie,
            eigen_naam=row.text("EIGENNAAM"),
            eigen_naam_engels=row.text("EIGENNAAM_ENGELS"),
            eigen_naam_duits=row.text("EIGENNAAM_DUITS"),
            zoeknaam=zoeknaam(naam),
            omschrijving=row.text("OMSCHRIJVING"),
            website=row.text("WEBSITE"),
            vorm=row.one_of("VORM", wl.ONDERWIJSINTENSITEIT),
            propedeutische_fase=row.one_of("PROPEDEUTISCHE_FASE", wl.PROPEDEUTISCHE_FASE),
            studiekeuzecheck=row.one_of("STUDIEKEUZECHECK", wl.STUDIEKEUZECHECK),
            deficientie=row.one_of("DEFICIENTIE", wl.DEFICIENTIE),
            eisen_werkzaamheden=row.one_of("EISEN_WERKZAAMHEDEN", wl.EISEN_WERKZAAMHEDEN),
            versneld_traject=row.one_of("VERSNELD_TRAJECT", wl.VERSNELD_TRAJECT),
            samenwerkend_met=samenwerkend,
            eigen_sleutel=row.text("EIGEN_AANGEBODEN_OPLEIDINGSLEUTEL"),
            begindatum=row.date("AANGEBODEN_OPLEIDING_BEGINDATUM"),
            einddatum=row.date("AANGEBODEN_OPLEIDING_EINDDATUM"),
            eerste_instroomdatum=row.date("EERSTE_INSTROOMDATUM"),
            laatste_instroomdatum=row.date("LAATSTE_INSTROOMDATUM"),
            bron=bronnen.HO.code,
        )
        for taal in sorted(set((row.text("VOERTAAL") or "").split(",")) - {""}):
            if taal not in wl.TAALCODE:
                raise row.error(
                    "VOERTAAL", f"unknown code {taal!r}; known: {', '.join(sorted(wl.TAALCODE))}"
                )
            dataset.add(AangebodenOpleidingVoertaal, aangeboden_opleiding_code=code, voertaal=taal)
        gemeente = locatie_gemeente.get(locatie) if locatie else None
        if gemeente:
            gemeenten[aanbieder][gemeente] += 1
    return {a: min(c, key=lambda g: (-c[g], g)) for a, c in gemeenten.items()}


def _eenheden_dekken_aanbod(dataset: Dataset) -> None:
    """Widens each HO opleidingseenheid to the period of its aangeboden opleidingen (see the
    module docstring); None is open."""
    perioden: dict[str, list[tuple[dt.date | None, dt.date | None]]] = defaultdict(list)
    for aanbod in dataset.rows[AangebodenOpleiding.__tablename__]:
        if aanbod["sector"] == "HO":
            perioden[aanbod["opleidingseenheid_code"]].append(
                (aanbod["begindatum"], aanbod["einddatum"])
            )
    for eenheid in dataset.rows[Opleidingseenheid.__tablename__]:
        periods = perioden.get(eenheid["code"])
        if not periods or eenheid["bron"] != bronnen.HO.code:
            continue
        begins = [b for b, _ in periods]
        ends = [e for _, e in periods]
        eerste = None if None in begins else min(b for b in begins if b)
        laatste = None if None in ends else max(e for e in ends if e)
        afgeleid = []
        begin, end = eenheid["begindatum"], eenheid["einddatum"]
        if begin is not None and (eerste is None or eerste < begin):
            eenheid["begindatum"] = eerste
            afgeleid.append("begindatum")
        if end is not None and (laatste is None or laatste > end):
            eenheid["einddatum"] = laatste
            afgeleid.append("einddatum")
        if afgeleid:
            eenheid["afgeleid"] = ",".join([eenheid["afgeleid"], *afgeleid])


def _locatiegebruik(dataset: Dataset) -> None:
    """The file has no onderwijslocatiegebruik; an aanbieder uses the locaties it offers at,
    from its first offering there until its last one ends (derived)."""
    besturen = {
        row["code"]: row["onderwijsbestuur_code"]
        for row in dataset.rows[Onderwijsaanbieder.__tablename__]
        if row["bron"] == bronnen.HO.code
    }
    perioden: dict[tuple[str, str], list[tuple[dt.date | None, dt.date | None]]] = defaultdict(list)
    for aanbod in dataset.rows[AangebodenOpleiding.__tablename__]:
        if aanbod["sector"] == "HO" and aanbod["onderwijslocatie_code"]:
            key = (aanbod["onderwijsaanbieder_code"], aanbod["onderwijslocatie_code"])
            perioden[key].append((aanbod["begindatum"], aanbod["einddatum"]))
    for (aanbieder, locatie), periods in sorted(perioden.items()):
        begins = [begin for begin, _ in periods]
        ends = [end for _, end in periods]
        dataset.add(
            Onderwijslocatiegebruik,
            onderwijsbestuur_code=besturen[aanbieder],
            onderwijsaanbieder_code=aanbieder,
            onderwijslocatie_code=locatie,
            begindatum=None if None in begins else min(b for b in begins if b),
            einddatum=None if None in ends else max(e for e in ends if e),
            bron=bronnen.HO.code,
            afgeleid="*",
        )
