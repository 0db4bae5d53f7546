"""The BRIN4 (instellingserkenning) each HO aanbieder rests on.

The HO opleidingsoverzicht names no BRIN, so an aanbieder is matched by name against the open
HO instellingen: the BRIN4s of DUO's HO vestigingsnummer table (``duo-ho-vestigingen-2025``)
that the BRIN4 decode table has without a datum_opheffing on the HO file's peildatum. The first
rule that finds exactly one of them decides:

1. ``UITZONDERINGEN``: the aanbieders whose BRIN4 goes by another name (an acronym, a shorter
   name), by aanbiedercode;
2. the aanbieder's name is the name of the instelling;
3. the name of its bestuur is the name of the instelling;
4. the other aanbieders of its bestuur all rest on one BRIN4: that one (the academies of the
   Amsterdamse Hogeschool voor de Kunsten, the pabo's of the Marnix Academie's bestuur).

Names are compared by the words they hold, in any order, in the search form (``zoekvorm``), the words of DUO's
abbreviations written out (``Hs``, ``Hogesch`` → hogeschool; ``Univ``, ``University`` →
universiteit; ``Techn`` → technische; ``Chr``, ``Christel`` → christelijke) and without the
little words (van, voor, de, der, het, en, …): ``Hs vd Kunsten Utrecht`` is ``Hogeschool voor de
Kunsten Utrecht``, ``Hogeschool Thomas More`` is ``Thomas More Hogeschool``; a legal form in
front (``Stichting``, ``Stg.``, ``Het College van Bestuur van de``) does not count.

An aanbieder no rule places, a name that fits more than one instelling, or an exception that
names no open HO instelling stops the seed with a ``SeedError`` naming the aanbieder.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from onderwijsgraaf.db.zoeknaam import zoekvorm
from seed.errors import SeedError

# aanbiedercode → BRIN4, where the names differ beyond the rules (checked against
# seed/data/duo/dec_instellingscode_brin4.csv: the decode table's name after the arrow).
UITZONDERINGEN = {
    "113A881": "21MI",  # HZ University of Applied Sciences → HZ
    "114A797": "21UG",  # Hogeschool IPABO → Hs IPABO Amsterdam Alkma
    "113A908": "00DV",  # Protestantse Theologische Universiteit → P TH U
    "114A792": "14NI",  # Stichting Codarts, Hogeschool voor de Kunsten → Codarts
    "114A554": "25AV",  # Theologische Universiteit Utrecht → TUU
    "109A997": "23BF",  # Universiteit voor Humanistiek → U V H
    "111A136": "21PL",  # VU - Vrije Universiteit Amsterdam → Vrije Universiteit Amsterdam
    "114A640": "21PI",  # Wageningen University → WU
}
AFKORTINGEN = {
    "hs": "hogeschool",
    "hogesch": "hogeschool",
    "univ": "universiteit",
    "university": "universiteit",
    "techn": "technische",
    "chr": "christelijke",
    "christel": "christelijke",
}
KLEINE_WOORDEN = frozenset(
    {"van", "voor", "de", "der", "den", "het", "te", "en", "vd", "v", "the", "of", "and"}
)
# words in front of a name that give its legal form ("Het College van Bestuur van de …")
RECHTSVORM = frozenset({"stichting", "stg", "sticht", "stiching", "college", "bestuur"})


@dataclass(frozen=True)
class HoAanbieder:
    """What the matching needs of an HO aanbieder; ``where``: its first line in the HO file."""

    naam: str
    bestuur: str
    bestuur_naam: str
    where: str


def woorden(naam: str) -> tuple[str, ...]:
    """The words a name is compared by, sorted, without a legal form in front:
    ``"Stichting Hs vd Kunsten Utrecht"`` → ``("hogeschool", "kunsten", "utrecht")``."""
    found = [AFKORTINGEN.get(word, word) for word in zoekvorm(naam).split()]
    found = [word for word in found if word not in KLEINE_WOORDEN]
    while found and found[0] in RECHTSVORM:
        found.pop(0)
    return tuple(sorted(found))


def brin4_van_aanbieders(
    aanbieders: Mapping[str, HoAanbieder], instellingen: Mapping[str, str], path: Path | str
) -> dict[str, str]:
    """The BRIN4 of every aanbieder (by aanbiedercode). ``instellingen``: the open HO
    instellingen, BRIN4 → name in the decode table; ``path``: the HO file, for errors.
    Raises ``SeedError`` (see the module docstring)."""
    per_naam: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for brin4, naam in sorted(instellingen.items()):
        per_naam[woorden(naam)].append(brin4)

    def enige(code: str, sleutel: tuple[str, ...]) -> str | None:
        found = per_naam.get(sleutel, [])
        if len(found) > 1:
            raise _fout(path, code, aanbieders[code], f"fits several BRIN4s: {', '.join(found)}")
        return found[0] if found else None

    gevonden: dict[str, str] = {}
    for code, aanbieder in sorted(aanbieders.items()):
        uitzondering = UITZONDERINGEN.get(code)
        if uitzondering is not None:
            if uitzondering not in instellingen:
                raise _fout(path, code, aanbieder, f"its BRIN4 {uitzondering} is no open HO BRIN4")
            gevonden[code] = uitzondering
            continue
        op_naam = enige(code, woorden(aanbieder.naam)) or enige(
            code, woorden(aanbieder.bestuur_naam)
        )
        if op_naam is not None:
            gevonden[code] = op_naam
    per_bestuur: dict[str, set[str]] = defaultdict(set)
    for code, brin4 in gevonden.items():
        per_bestuur[aanbieders[code].bestuur].add(brin4)
    for code, aanbieder in sorted(aanbieders.items()):
        if code in gevonden:
            continue
        van_bestuur = per_bestuur.get(aanbieder.bestuur, set())
        if len(van_bestuur) != 1:
            raise _fout(
                path,
                code,
                aanbieder,
                "matches no open HO BRIN4 by its name or its bestuur's, and the other aanbieders "
                f"of its bestuur rest on {len(van_bestuur)} BRIN4s; add it to "
                "seed.ho_brin4.UITZONDERINGEN",
            )
        gevonden[code] = next(iter(van_bestuur))
    return gevonden


def _fout(path: Path | str, code: str, aanbieder: HoAanbieder, message: str) -> SeedError:
    return SeedError(
        path,
        f"HO aanbieder {code} ({aanbieder.naam}) {message}",
        where=aanbieder.where,
        field="ONDERWIJSAANBIEDER_NAAM",
    )
