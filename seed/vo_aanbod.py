"""The real VO offering per vestiging, from DUO's "Leerlingen VO per vestiging naar onderwijstype"
(2019, ``bronnen.LEERLINGEN_VO_ONDERWIJSTYPE``): which VO opleidingen (DUO elementcodes) each
BRIN6 teaches, with its pupils.

Each row of the file is one elementcode at one vestiging (BRIN NUMMER + VESTIGINGSNUMMER, the
2-digit suffix) in one ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR, with its pupils per leerjaar
(1–6) and sex. An onderwijstype is a level together with the years it covers, so five
elementcodes of the lower years appear under two of them: 0100, 0200, 0300, 0015 and 0017 under
both "Brugjaar 1-2" and "HAVO/VWO lj 3"; their pupils are added up.

What ``read_vo_aanbod`` returns:

- ``opleidingen``: one ``VoOpleiding`` per ELEMENTCODE, with OPLEIDINGSNAAM, the onderwijstypen
  it appears under, AFDELING (the profiel or leerwegprogramma) and VMBO SECTOR ("N.v.t." read
  as none). They are VO opleidingseenheden (``OPLEIDINGSEENHEIDTYPE``, ``SECTOR``). A code must
  have the same name, afdeling, sector and niveau on every row.
- ``aanbod``: per BRIN6, the elementcodes it teaches: those with at least one pupil. A row whose
  twelve counts are all 0 does not count (the 2019 file has no such row: every one of its
  24,243 rows has a pupil).
- ``leerlingen``: the pupils per (BRIN6, elementcode), all leerjaren and both sexes, for the
  pairs in ``aanbod``.
- ``tellingen``: each row with pupils as a ``VoTelling`` (BRIN6, onderwijstype, afdeling,
  elementcode, pupils), in file order: the detail counts of ``seed.leerlingaantallen``.

The niveau: RIO's Niveaucode (rio-lod-api-v2.13.0.yml, ``NiveauVO``: VO-PRO, VO-VMBO-BB,
VO-VMBO-KB, VO-VMBO-GL, VO-VMBO-TL, VO-HAVO, VO-VWO and VO-VBO, which ended in 2018; RIO has no
code for a brugjaar or for international programmes). ``niveaus`` lists the levels an
opleiding leads to, ``niveau`` is the one level when there is exactly one, else ``None``. Per
onderwijstype (``NIVEAUS_PER_ONDERWIJSTYPE``):

- "Praktijkonderwijs alle vj" → VO-PRO; "VMBO BL lj 3-4" → VO-VMBO-BB; "VMBO KL lj 3-4" →
  VO-VMBO-KB; "VMBO GL lj 3-4" → VO-VMBO-GL; "VMBO TL lj 3-4" → VO-VMBO-TL; "HAVO lj 4-5" →
  VO-HAVO; "VWO lj 4-6" → VO-VWO.
- "HAVO/VMBO/VWO uitbest. aan VAVO": pupils of the school taught at a VAVO, still in their
  school's opleiding: VO-HAVO, VO-VMBO-TL (VAVO teaches only the theoretische leerweg; every
  such elementcode says VMBO-TL) and VO-VWO.
- "Engelse Stroom" (the IB middle years programme), "Int. Baccelaureaat" (IB diploma and
  career-related programmes) and "European Secondary School": no niveau; they lead to the
  International or the European Baccalaureate, which RIO's list has no code for.
- "Brugjaar 1-2" and "HAVO/VWO lj 3" (``PER_ELEMENTCODE``): the niveau is the elementcode's
  (``NIVEAUS_PER_ELEMENTCODE``), read from its name: a stream of one level (0100
  VWO-ATHENEUMSTROOM, 0200 VWO-GYMNASIUMSTROOM, 0300 HAVO, 0400 MAVO/Theor Lw-VMBO, "Ljvb op
  VWO", "Ljvb op VMBO-Kbg Lw", …) has that niveau; a combined year ("Ljvb op VWO/HAVO/VMBO-Alle
  Lw": leerjaar voorbereidend op vwo, havo and every vmbo leerweg; "Th/Gm" is TL and GL,
  "Bbg/Kbg" BB and KB) has ``niveau`` None and the levels it prepares for in ``niveaus``, as
  RIO's Opleidingsfase (VOOPLEIDINGSFASE) lists them in ``niveaus``. The "Maritiem en techniek
  Algemeen Leerjaar" (1394, 1916) prepares for that beroepsgerichte profiel, taught in BB, KB
  and GL.

Errors (``SeedError`` naming file, line and field): a header that is not the file's, a BRIN,
vestigingsnummer or elementcode in the wrong format, an empty name, a pupil count that is not a
whole number (or empty), an onderwijstype not listed here (field ONDERWIJSTYPE VO EN LEER- OF
VERBLIJFSJAAR), a brugjaar elementcode not listed here (field ELEMENTCODE), a code described
differently on two rows, and a row repeating an earlier one's vestiging, onderwijstype and code.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from seed import bronnen
from seed.read import Row, read_csv

OPLEIDINGSEENHEIDTYPE = "VOOPLEIDING"
SECTOR = "VO"

BRIN = "BRIN NUMMER"
VESTIGINGSNUMMER = "VESTIGINGSNUMMER"
ONDERWIJSTYPE = "ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR"
VMBO_SECTOR = "VMBO SECTOR"
AFDELING = "AFDELING"
ELEMENTCODE = "ELEMENTCODE"
OPLEIDINGSNAAM = "OPLEIDINGSNAAM"
LEERLINGEN = [
    f"LEER- OF VERBLIJFSJAAR {jaar} - {geslacht}"
    for jaar in range(1, 7)
    for geslacht in ("MAN", "VROUW")
]
HEADER = [
    BRIN,
    VESTIGINGSNUMMER,
    "INSTELLINGSNAAM VESTIGING",
    "PLAATSNAAM VESTIGING",
    "PROVINCIE VESTIGING",
    ONDERWIJSTYPE,
    VMBO_SECTOR,
    AFDELING,
    ELEMENTCODE,
    OPLEIDINGSNAAM,
    *LEERLINGEN,
]
NVT = "N.v.t."  # the file's "not applicable" for sector and afdeling

BRIN4 = re.compile(r"^[0-9A-Z]{4}$")
SUFFIX = re.compile(r"^[0-9]{2}$")
CODE = re.compile(r"^[0-9]{4}$")

PRO, BB, KB, GL, TL = "VO-PRO", "VO-VMBO-BB", "VO-VMBO-KB", "VO-VMBO-GL", "VO-VMBO-TL"
HAVO, VWO = "VO-HAVO", "VO-VWO"
VMBO = (BB, KB, GL, TL)

NIVEAUS_PER_ONDERWIJSTYPE: dict[str, tuple[str, ...]] = {
    "Praktijkonderwijs alle vj": (PRO,),
    "VMBO BL lj 3-4": (BB,),
    "VMBO KL lj 3-4": (KB,),
    "VMBO GL lj 3-4": (GL,),
    "VMBO TL lj 3-4": (TL,),
    "HAVO lj 4-5": (HAVO,),
    "VWO lj 4-6": (VWO,),
    "VMBO uitbest. aan VAVO": (TL,),
    "HAVO uitbest. aan VAVO": (HAVO,),
    "VWO uitbest. aan VAVO": (VWO,),
    "Engelse Stroom": (),
    "Int. Baccelaureaat": (),
    "European Secondary School": (),
}
PER_ELEMENTCODE = frozenset({"Brugjaar 1-2", "HAVO/VWO lj 3"})
NIVEAUS_PER_ELEMENTCODE: dict[str, tuple[str, ...]] = {
    "0011": (GL, TL, HAVO),  # Ljvb op HAVO/VMBO-Th/Gm Lw
    "0012": (GL,),  # Ljvb op VMBO-Gm Lw
    "0013": (GL, TL),  # Ljvb op VMBO-Th/Gm Lw
    "0015": (HAVO, VWO),  # Ljvb op VWO/HAVO
    "0016": (GL, TL, HAVO, VWO),  # Ljvb op VWO/HAVO/VMBO-Th/Gm Lw
    "0017": (VWO,),  # Ljvb op VWO
    "0022": (*VMBO, HAVO),  # Ljvb op HAVO/VMBO-Alle Lw
    "0023": VMBO,  # Ljvb op VMBO-Alle Lw
    "0024": (*VMBO, HAVO, VWO),  # Ljvb op VWO/HAVO/VMBO-Alle Lw
    "0031": (BB,),  # Ljvb op VMBO-BBg Lw
    "0032": (KB,),  # Ljvb op VMBO-Kbg Lw
    "0033": (BB, KB),  # Ljvb op VMBO-Bbg/Kbg Lw
    "0041": (BB,),  # Lj LWOO vb op Bbg Lw
    "0042": (GL,),  # Lj LWOO vb op Gm Lw
    "0043": (KB,),  # Lj LWOO vb op Kbg Lw
    "0044": (GL, TL),  # Lj LWOO vb op Th/Gm Lw
    "0045": (BB, KB),  # Lj LWOO vb op Bbg/Kbg Lw
    "0046": VMBO,  # Lj LWOO vb op Alle Lw
    "0100": (VWO,),  # VWO-ATHENEUMSTROOM
    "0200": (VWO,),  # VWO-GYMNASIUMSTROOM
    "0300": (HAVO,),  # HAVO
    "0400": (TL,),  # MAVO/Theor Lw-VMBO
    "2210": (TL,),  # LWOO MAVO/Theor Lw
    "1394": (BB, KB, GL),  # LWOO Maritiem en techniek Algemeen Leerjaar
    "1916": (BB, KB, GL),  # VMBO Maritiem en techniek Algemeen Leerjaar
}


@dataclass(frozen=True)
class VoOpleiding:
    """One DUO elementcode: a VO opleiding as the file names and places it."""

    code: str  # ELEMENTCODE, 4 digits
    naam: str  # OPLEIDINGSNAAM
    onderwijstypen: tuple[str, ...]  # sorted
    afdeling: str | None
    vmbo_sector: str | None
    niveaus: tuple[str, ...]  # RIO Niveaucodes it leads to, in the order of NiveauVO

    @property
    def niveau(self) -> str | None:
        """The one RIO Niveaucode, or ``None`` for none or several."""
        return self.niveaus[0] if len(self.niveaus) == 1 else None


class VoTelling(NamedTuple):
    """One row of the file with pupils: all leerjaren and both sexes added up."""

    brin6: str
    onderwijstype: str
    afdeling: str | None
    elementcode: str
    aantal: int


@dataclass(frozen=True)
class VoAanbod:
    """The file read: opleidingen by elementcode, elementcodes by BRIN6, pupils by both, and
    the pupils of each row."""

    opleidingen: Mapping[str, VoOpleiding]
    aanbod: Mapping[str, frozenset[str]]
    leerlingen: Mapping[tuple[str, str], int]
    tellingen: tuple[VoTelling, ...]


def read_vo_aanbod(data_dir: Path) -> VoAanbod:
    """Reads ``bronnen.LEERLINGEN_VO_ONDERWIJSTYPE`` under ``data_dir``; raises ``SeedError``
    (file, line, field) on bad input, as the module docstring lists."""
    bron = bronnen.LEERLINGEN_VO_ONDERWIJSTYPE
    eerste: dict[str, tuple[Row, VoOpleiding]] = {}
    onderwijstypen: dict[str, set[str]] = defaultdict(set)
    gezien: dict[tuple[str, str, str], str] = {}
    leerlingen: dict[tuple[str, str], int] = defaultdict(int)
    tellingen: list[VoTelling] = []
    for row in read_csv(bron.path(data_dir), HEADER, delimiter=bron.scheidingsteken):
        brin6 = row.code(BRIN, BRIN4, "a BRIN (4 digits or capitals)") + row.code(
            VESTIGINGSNUMMER, SUFFIX, "a vestigingsnummer (2 digits)"
        )
        code = row.code(ELEMENTCODE, CODE, "an elementcode (4 digits)")
        onderwijstype = row.required(ONDERWIJSTYPE)
        opleiding = VoOpleiding(
            code=code,
            naam=row.required(OPLEIDINGSNAAM),
            onderwijstypen=(),
            afdeling=_nvt(row, AFDELING),
            vmbo_sector=_nvt(row, VMBO_SECTOR),
            niveaus=_niveaus(row, onderwijstype, code),
        )
        _same_as_before(row, opleiding, eerste)
        onderwijstypen[code].add(onderwijstype)
        key = (brin6, onderwijstype, code)
        if key in gezien:
            raise row.error(
                ELEMENTCODE,
                f"{code} at {brin6} in {onderwijstype!r} is already on {gezien[key]}",
            )
        gezien[key] = row.where
        totaal = sum(_count(row, field) for field in LEERLINGEN)
        if totaal:
            leerlingen[brin6, code] += totaal
            tellingen.append(VoTelling(brin6, onderwijstype, opleiding.afdeling, code, totaal))
    opleidingen = {
        code: replace(opleiding, onderwijstypen=tuple(sorted(onderwijstypen[code])))
        for code, (_, opleiding) in sorted(eerste.items())
    }
    aanbod: dict[str, set[str]] = defaultdict(set)
    for brin6, code in leerlingen:
        aanbod[brin6].add(code)
    return VoAanbod(
        opleidingen=opleidingen,
        aanbod={brin6: frozenset(codes) for brin6, codes in sorted(aanbod.items())},
        leerlingen=dict(sorted(leerlingen.items())),
        tellingen=tuple(tellingen),
    )


def _nvt(row: Row, field: str) -> str | None:
    value = row.text(field)
    return None if value == NVT else value


def _niveaus(row: Row, onderwijstype: str, code: str) -> tuple[str, ...]:
    if onderwijstype in PER_ELEMENTCODE:
        if code not in NIVEAUS_PER_ELEMENTCODE:
            raise row.error(
                ELEMENTCODE,
                f"{code} has no known niveau in onderwijstype {onderwijstype!r}; known: "
                f"{', '.join(sorted(NIVEAUS_PER_ELEMENTCODE))}",
            )
        return NIVEAUS_PER_ELEMENTCODE[code]
    if onderwijstype not in NIVEAUS_PER_ONDERWIJSTYPE:
        known = sorted({*NIVEAUS_PER_ONDERWIJSTYPE, *PER_ELEMENTCODE})
        raise row.error(
            ONDERWIJSTYPE,
            f"unknown onderwijstype {onderwijstype!r}; known: {', '.join(known)}",
        )
    return NIVEAUS_PER_ONDERWIJSTYPE[onderwijstype]


def _same_as_before(
    row: Row, opleiding: VoOpleiding, eerste: dict[str, tuple[Row, VoOpleiding]]
) -> None:
    """Refuses a row that describes an elementcode unlike its first row does."""
    if opleiding.code not in eerste:
        eerste[opleiding.code] = (row, opleiding)
        return
    first_row, first = eerste[opleiding.code]
    for field, value, before in (
        (OPLEIDINGSNAAM, opleiding.naam, first.naam),
        (AFDELING, opleiding.afdeling, first.afdeling),
        (VMBO_SECTOR, opleiding.vmbo_sector, first.vmbo_sector),
        (ONDERWIJSTYPE, opleiding.niveaus, first.niveaus),
    ):
        if value != before:
            what = "niveaus" if field == ONDERWIJSTYPE else "value"
            raise row.error(
                field,
                f"elementcode {opleiding.code} has {what} {value!r} here, "
                f"but {before!r} on {first_row.where}",
            )


def _count(row: Row, field: str) -> int:
    value = row.integer(field)
    if value is None:
        raise row.error(field, "is empty, but every row needs a count (0 for none)")
    return value
