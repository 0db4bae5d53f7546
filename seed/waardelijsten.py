"""The two translations the seed makes: DUO's denominatie labels to RIO Denominatie codes, and
a school's name to the onderwijsconcept it announces. The value lists themselves are in
``onderwijsgraaf.db.waardelijsten``."""

from __future__ import annotations

import re

from onderwijsgraaf.db.waardelijsten import DENOMINATIE
from onderwijsgraaf.db.zoeknaam import zoeknaam

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
