"""RIO value lists the seed checks codes against (names as in DUO's RIO LOD API v2.13.0), and
the two translations the seed makes: DUO's denominatie labels to RIO Denominatie codes, and a
school's name to the onderwijsconcept it announces."""

from __future__ import annotations

import re

from onderwijsgraaf.db.zoeknaam import zoeknaam

NIVEAUCODE = frozenset(
    [
        "PO-VVE",
        "PO-BAO",
        "PO-SBAO",
        "PO-SO",
        "PO-VSO",
        "PO-ARBEIDSMARKT",
        "PO-DAGBESTEDING",
        "VO-PRO",
        "VO-VMBO-BB",
        "VO-VMBO-KB",
        "VO-VMBO-GL",
        "VO-VMBO-TL",
        "VO-HAVO",
        "VO-VWO",
        "VO-VBO",
        "MBO",
        "MBO-1",
        "MBO-2",
        "MBO-3",
        "MBO-4",
        "NT2-I",
        "NT2-II",
        "EDUCATIE",
        "HBO-AD",
        "HBO-BA",
        "HBO-MA",
        "HBO-PM",
        "HBO-O",
        "WO-BA",
        "WO-MA",
        "WO-PM",
        "WO-O",
        "ONBEPAALD",
    ]
)
GRAAD_HO = frozenset({"ASSOCIATE_DEGREE", "BACHELOR", "MASTER"})
HO_OPLEIDINGSOORT = frozenset({"OPLEIDING", "VARIANT"})
OPLEIDINGSEENHEIDERKENNER = frozenset(
    {"BRANCHE", "EZ", "NKC_EVC", "NLQF", "NUFFIC", "NVAO", "OCW", "SBB", "SNRO", "SZW"}
)
SOORT_WAARDEDOCUMENT = frozenset(
    {
        "CERTIFICAAT",
        "DIPLOMA",
        "GEEN_OFFICIEEL_DOCUMENT",
        "GETUIGSCHRIFT",
        "SCHOOLADVIES",
        "VAKBEKWAAMHEIDSBEWIJS",
    }
)
ONDERWIJSINTENSITEIT = frozenset({"VOLTIJD", "DEELTIJD", "DUAAL"})
TAALCODE = frozenset(
    [
        "ARA",
        "CHI",
        "DEU",
        "ENG",
        "FRA",
        "HRV",
        "ITA",
        "JPN",
        "NLD",
        "NOR",
        "PAP",
        "POL",
        "POR",
        "RON",
        "RUS",
        "SPA",
        "SWE",
        "TUR",
    ]
)
PROPEDEUTISCHE_FASE = frozenset(
    {"GEEN_PROPEDEUTISCHE_FASE", "PROPEDEUTISCHE_FASE_EXAMEN", "PROPEDEUTISCHE_FASE_ZONDER_EXAMEN"}
)
STUDIEKEUZECHECK = frozenset(
    {"GEEN_STUDIEKEUZE_CHECK", "STUDIEKEUZE_CHECK_VAN_TOEPASSING", "STUDIEKEUZE_CHECK_VERPLICHT"}
)
DEFICIENTIE = frozenset({"DEFICIENTIES", "GEEN_DEFICIENTIES"})
EISEN_WERKZAAMHEDEN = frozenset({"EISEN", "GEEN_EISEN"})
VERSNELD_TRAJECT = frozenset({"VERSNELD_TRAJECT", "GEEN_VERSNELD_TRAJECT"})

DENOMINATIE = frozenset(
    [
        "ABZ",
        "ASF",
        "BAP",
        "BIJ",
        "EVA",
        "EVB",
        "EVL",
        "GER",
        "GEV",
        "HIN",
        "HUM",
        "IC",
        "ISL",
        "JOL",
        "JOO",
        "JOR",
        "NH",
        "OKA",
        "OPB",
        "PC",
        "REF",
        "REM",
        "RK",
        "RST",
        "RYK",
    ]
)

# DUO writes a cooperation of richtingen as one label ("Samenwerking PC, RK", "Gereformeerd
# vrijgemaakt / Eva"); RIO lists the richtingen. Labels are cut at 30 characters in DUO files.
_DENOMINATIE_DELEN = {
    "opb": "OPB",
    "openbaar": "OPB",
    "pc": "PC",
    "rk": "RK",
    "alg": "ABZ",
    "alg bijz": "ABZ",
    "alg bi": "ABZ",
    "eva": "EVA",
    "gereformeerd vrijgemaakt": "GEV",
}


def denominatie_codes(label: str, known: dict[str, str]) -> list[str] | None:
    """RIO Denominatie codes for a DUO label, or ``None`` when the label is unknown.

    ``known`` maps DUO's single labels to codes (from DUO's own BRIN4 decode table).
    """
    label = label.strip()
    code = known.get(label)
    if code in DENOMINATIE:
        return [code]
    body = label.removeprefix("Samenwerking ")
    parts = [" ".join(part.replace(".", " ").lower().split()) for part in re.split(r",|/", body)]
    codes = [_DENOMINATIE_DELEN.get(part) for part in parts]
    if len(parts) < 2 or any(code is None for code in codes):
        return None
    return [code for code in codes if code is not None]


# Onderwijsconcept (RIO OpleidingskenmerkcodePedagogischConcept) as a school's name announces
# it. The first matching concept wins; the order puts the specific names first.
_CONCEPT_IN_NAAM = (
    ("MONTESSORI", re.compile(r"montessori")),
    ("DALTON", re.compile(r"dalton")),
    ("JENAPLAN", re.compile(r"jena ?plan")),
    ("VRIJESCHOOL", re.compile(r"vrije ?school|rudolf steiner|antroposofi")),
    ("FREINET", re.compile(r"freinet")),
    ("AGORA", re.compile(r"\bagora\b")),
    ("INTERNATIONAL_PRIMARY_CURRICULUM", re.compile(r"international primary curriculum|\bipc\b")),
    ("HBGO", re.compile(r"hoogbegaafd")),
)


def onderwijsconcept_uit_naam(naam: str) -> str | None:
    folded = zoeknaam(naam)
    for concept, pattern in _CONCEPT_IN_NAAM:
        if pattern.search(folded):
            return concept
    return None
