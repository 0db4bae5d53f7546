"""The bekostigde MBO instellingen: a derived list, compiled by Onderwijsgraaf.

No source file lists which institutions are MBO instellingen, so this list says it, one entry
per institution: its BRIN4 (instellingscode), its name as DUO's BRIN4 decode table
(``seed/data/duo/dec_instellingscode_brin4.csv``) writes it, and its soort under the WEB (ROC,
AOC or vakinstelling). It is compiled from public knowledge (the member list of the MBO Raad and
DUO's list of bekostigde mbo-instellingen, as of 2025) and checked against the decode table:
every BRIN4 here is in it and open there. It is derived, not a source file: ``seed.mbo`` marks
all it builds from it ``afgeleid``.

Where an institution has more than one open BRIN4 in the decode table, the one carrying its
vestigingen is listed; ``NIET_OPGENOMEN`` says for every other open BRIN4 whose name calls it
ROC, AOC or MBO why it is not listed (a second BRIN4 of a listed institution, or a private
aanbieder). Curio has a second open BRIN4 under its name, 21CY (the former AOC West-Brabant,
vestigingen "Curio Prinsentuin"), left out likewise: one aanbieder per institution.

Mergers the decode table shows: Firda (08PG, formerly ROC Friese Poort) opened vestigingen in
Leeuwarden, Sneek, Heerenveen and Drachten when ROC Friesland College (25LG) closed in 2023;
Yuverta (01OE) has those of Helicon and Citaverde College (closed 2021), Aeres (V) MBO (25GV)
those of Nordwin College (closed 2021), Zone.college (31JC) those of AOC Oost (closed 2018); the
vestigingen of ROC Horizon College are under Talland College (25PT), those of ID College were
under mboRijnland (25LN); Terra (01NJ) and Regio College (25RA) closed on 2024-08-01.

49 instellingen: 34 ROC's, 5 AOC's and 10 vakinstellingen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Soort = Literal["ROC", "AOC", "vakinstelling"]


@dataclass(frozen=True)
class MboInstelling:
    brin4: str
    naam: str  # as DUO's BRIN4 decode table writes it
    soort: Soort


def _lijst(*rijen: tuple[str, str, Soort]) -> tuple[MboInstelling, ...]:
    return tuple(MboInstelling(brin4, naam, soort) for brin4, naam, soort in rijen)


MBO_INSTELLINGEN: tuple[MboInstelling, ...] = _lijst(
    # regionale opleidingencentra
    ("00GT", "Albeda", "ROC"),
    ("01AA", "Stichting Landstede", "ROC"),
    ("04CY", "ROC Rivor", "ROC"),
    ("04FO", "Koning Willem I College", "ROC"),
    ("08PG", "Firda", "ROC"),
    ("20MQ", "ROC Da Vinci College", "ROC"),
    ("24ZZ", "ROC Graafschap College", "ROC"),
    ("25LF", "Rijn IJssel", "ROC"),
    ("25LH", "ROC Midden Nederland", "ROC"),
    ("25LJ", "ROC Ter AA", "ROC"),
    ("25LN", "mboRijnland", "ROC"),
    ("25LP", "Zadkine", "ROC"),
    ("25LR", "ROC van Flevoland", "ROC"),
    ("25LT", "ROC Gilde Opleidingen", "ROC"),
    ("25LU", "Alfa-college", "ROC"),
    ("25LW", "Noorderpoort", "ROC"),
    ("25LX", "Curio", "ROC"),
    ("25LZ", "Yonder", "ROC"),
    ("25MB", "Summa College", "ROC"),
    ("25PJ", "Deltion College", "ROC"),
    ("25PL", "VISTA College", "ROC"),
    ("25PM", "ROC A12", "ROC"),
    ("25PN", "ROC Nijmegen eo", "ROC"),
    ("25PT", "Talland College", "ROC"),
    ("25PV", "Scalda", "ROC"),
    ("25PW", "Drenthe College Terra", "ROC"),
    ("25PX", "ROC Nova College", "ROC"),
    ("25PZ", "ROC van Amsterdam", "ROC"),
    ("27DV", "ROC AVENTUS", "ROC"),
    ("27GZ", "ROC Mondriaan", "ROC"),
    ("27YU", "ROC van Twente", "ROC"),
    ("30RM", "ROC TOP", "ROC"),
    ("30RN", "MBO Utrecht", "ROC"),
    ("30RR", "MBO Amersfoort", "ROC"),
    # agrarische opleidingscentra
    ("01OE", "Yuverta", "AOC"),
    ("14YD", "Lentiz", "AOC"),
    ("25EF", "Vonk", "AOC"),
    ("25GV", "Aeres (V) MBO", "AOC"),
    ("31JC", "Zone.college", "AOC"),
    # vakinstellingen (landelijk, for one branch or, Hoornbeeck, one denominatie)
    ("02PA", "Mediacollege Amsterdam Ma", "vakinstelling"),
    ("02PG", "HMC", "vakinstelling"),  # Hout- en Meubileringscollege
    ("02PK", "Nimeto", "vakinstelling"),
    ("02PN", "C I B A P", "vakinstelling"),
    ("05EA", "STC", "vakinstelling"),  # Scheepvaart en Transport College
    ("09MR", "Hoornbeeck College", "vakinstelling"),
    ("23JA", "Grafisch Lyceum R'dam", "vakinstelling"),
    ("23KG", "Grafisch Lyceum Utrecht", "vakinstelling"),
    ("25LV", "SG De Rooi Pannen", "vakinstelling"),
    ("30BC", "SiNTLUCAS", "vakinstelling"),
)


def _tweede(brin4: str, noot: str = "") -> str:
    tekst = (
        f"a second BRIN4 (opened 2011 or 2012, one vestiging) of the institution listed as {brin4}"
    )
    return f"{tekst}; {noot}" if noot else tekst


# Open BRIN4s whose name says ROC, AOC or MBO that are not listed, and why.
NIET_OPGENOMEN: dict[str, str] = {
    "14NZ": "its mbo vestigingen closed in 2012; its mbo runs on under Stichting Landstede "
    "(01AA80, 01AA82, 01AA83: mbo Menso Alting Zwolle)",
    "29WT": "a private aanbieder (denominatie Overige), not bekostigd",
    "31MW": "a private aanbieder (denominatie Overige), not bekostigd",
    "31RL": "a private aanbieder (denominatie Overige), not bekostigd",
    "32FH": "a private aanbieder (denominatie Overige), not bekostigd",
    "30LW": _tweede("27GZ"),
    "30LX": _tweede("27DV"),
    "30LY": _tweede("25PJ"),
    "30LZ": _tweede("25LH"),
    "30MA": _tweede("20MQ"),
    "30MB": _tweede("25MB", "ROC Eindhoven is Summa College, at the same PC4"),
    "30MC": _tweede("25LR"),
    "30MD": _tweede("25PZ"),
    "30ME": _tweede("25PW"),
    "30MF": _tweede("27YU"),
    "30MG": _tweede("25LF"),
    "30MH": _tweede("25LU"),
    "30MK": _tweede("25LJ"),
    "30NE": _tweede("25PT", "the vestigingen of ROC Horizon College are under 25PT"),
    "30NK": _tweede("25LN", "ROC Leiden (25MA) closed in 2018; 25LN is at the same PC4"),
    "30NM": _tweede("25LT"),
    "30NN": _tweede("25LN", "the vestigingen of ID College were under 25LN"),
    "30NX": _tweede("08PG", "ROC Friesland College (25LG) closed in 2023"),
    "30PJ": _tweede("25PN"),
    "30PZ": _tweede("25PM"),
}
