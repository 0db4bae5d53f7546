"""Leerlingaantallen: the pupils DUO counted per vestiging (BRIN6) on 1 October, as
``leerlingaantal`` rows linked to the aanbieder, locatie and aangeboden opleiding of that BRIN6.

The sources (``seed.bronnen``), in order of precedence:

1. ``LEERLINGEN_VO_ONDERWIJSTYPE`` (teldatum 2019-10-01): detail rows, one per row of the file
   with pupils (onderwijstype × elementcode; all leerjaren and both sexes added up,
   ``seed.vo_aanbod``), with the file's onderwijstype and afdeling ("N.v.t." read as none).
2. ``LEERLINGEN_PO``: one total per BRIN6 and year 1996–2025 (column ``LEERLINGEN_<jaar>``,
   teldatum 1 October of that year). A 0 is left out: the file writes 0 for every year a
   vestiging had no pupils, before it opened and after it closed. "<5" (a masked count of 1–4)
   is stored as 2, ``gemaskeerd`` (``aantal`` marked derived), the value the maker of the 2024
   school file gave it.
3. ``LEERLINGEN_VO_2021`` and ``LEERLINGEN_VO_2022``: one total per VO BRIN6 (teldatum
   1 October 2021, 2022): TOTAAL AANTAL LEERLINGEN, the pupils taught at the school and those
   it has taught at a VAVO, as the 2019 detail rows include them.
4. ``SCHOLEN`` (the geocoded school file of 22 November 2024): its ``leerlingen`` per BRIN6.
   The file names no teldatum; its counts are those of 1 October 2023 (teldatum derived): for
   3,298 of the 7,148 PO vestigingen it shares with the PO pupil file they equal the 2023 count,
   for at most 274 any other year's. Its maker counted "<5" as 2, so a 2 there is ``gemaskeerd``
   (derived). A BRIN6 on several features has one count; features disagreeing is an error.

Grain: one source per (vestiging, teldatum). The first source above that counts a vestiging on
a teldatum gives all its rows for it; the others' counts of it are left out, so a total and the
details it sums are never both stored and no sum counts a pupil twice.

The parents:

- ``onderwijsaanbieder_code``: the aanbieder of the BRIN6 (every BRIN6 is one).
- ``onderwijslocatie_code``: the locatie of the BRIN6; of a vestiging with several locaties
  (109 aanbieders), its first (the one of its first school record, where it also has its
  contactadres), marked derived: a count is of the whole vestiging and cannot be split over
  locaties. A detail row goes to the locatie of the aangeboden opleiding it is linked to.
- ``aangeboden_opleiding_code``: for a detail row, the aangeboden opleiding the seed made from
  that row's elementcode at the vestiging (at its first locatie offering it); for a total, the
  vestiging's aangeboden opleiding when it has exactly one (a basisschool: basisonderwijs),
  marked derived; else none: the total is not of one aanbod.
- A BRIN6 the graph has no aanbieder for keeps its counts, with the parents NULL: 8 BRIN6s of
  the PO file (28 counts), which no builder of the graph made a school of. They show in no
  series of the API, but the table stays a whole copy of the counts.

Errors (``SeedError`` naming file, line and field): a BRIN6 in the wrong format, a count that
is not a whole number (or "<5" in the PO file), a BRIN6 on two lines of one file, and two
features of the school file giving one BRIN6 different counts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from onderwijsgraaf.db.models import AangebodenOpleiding, Leerlingaantal, Onderwijslocatiegebruik
from seed import bronnen, codes
from seed.dataset import Dataset
from seed.errors import SeedError
from seed.read import Row, read_csv
from seed.scholen import ScholenBuilder
from seed.vestigingen import (
    BRIN6_CODE,
    EERSTE_JAAR,
    LAATSTE_JAAR,
    PO_LEERLINGEN,
    TELDATUM,
    VO_BESTUUR,
)

MASKER = "<5"  # DUO's mark for 1 to 4 pupils
GEMASKEERD_AANTAL = 2  # what a masked count is stored as
SCHOLEN_TELDATUM = dt.date(2023, *TELDATUM)


class Telling(NamedTuple):
    """One count as read: ``elementcode`` and ``onderwijstype`` on detail rows only."""

    brin6: str
    teldatum: dt.date
    aantal: int
    gemaskeerd: bool = False
    onderwijstype: str | None = None
    afdeling: str | None = None
    elementcode: str | None = None


def build_leerlingaantallen(scholen: ScholenBuilder) -> dict[str, int]:
    """Adds the ``leerlingaantal`` rows to the builder's dataset (after ``scholen.build()``),
    sources in order of precedence; returns the rows per source, and under ``zonder_aanbieder``
    the rows of BRIN6s the graph has no aanbieder for. Raises ``SeedError``."""
    data_dir, dataset = scholen.data_dir, scholen.dataset
    ouders = _Ouders(dataset, scholen.aanbieders)
    bronnen_op_volgorde = (
        (bronnen.LEERLINGEN_VO_ONDERWIJSTYPE, _vo_detail(scholen), ""),
        (bronnen.LEERLINGEN_PO, po_tellingen(data_dir), ""),
        (bronnen.LEERLINGEN_VO_2021, vo_totalen(bronnen.LEERLINGEN_VO_2021, data_dir), ""),
        (bronnen.LEERLINGEN_VO_2022, vo_totalen(bronnen.LEERLINGEN_VO_2022, data_dir), ""),
        (bronnen.SCHOLEN, _scholenbestand(scholen), "teldatum,gemaskeerd"),
    )
    eigenaar: dict[tuple[str, dt.date], str] = {}
    telling: dict[str, int] = defaultdict(int)
    for bron, tellingen, afgeleid in bronnen_op_volgorde:
        for t in tellingen:
            if eigenaar.setdefault((t.brin6, t.teldatum), bron.code) != bron.code:
                continue
            aanbieder, locatie, aanbod, gekozen = ouders.van(t)
            if t.gemaskeerd and bron is bronnen.LEERLINGEN_PO:
                gekozen = (*gekozen, "aantal")
            dataset.add(
                Leerlingaantal,
                teldatum=t.teldatum,
                vestiging=t.brin6,
                onderwijsaanbieder_code=aanbieder,
                onderwijslocatie_code=locatie,
                aangeboden_opleiding_code=aanbod,
                onderwijstype=t.onderwijstype,
                afdeling=t.afdeling,
                aantal=t.aantal,
                gemaskeerd=t.gemaskeerd,
                bron=bron.code,
                afgeleid=",".join(filter(None, (afgeleid, *gekozen))),
            )
            telling[bron.code] += 1
            telling["zonder_aanbieder"] += aanbieder is None
    return dict(telling)


class _Ouders:
    """The aanbieder, locatie and aangeboden opleiding of a count, from the rows built."""

    def __init__(self, dataset: Dataset, aanbieders: dict[str, str]) -> None:
        self.aanbieders = aanbieders
        self.locaties: dict[str, list[str]] = defaultdict(list)
        for row in dataset.rows[Onderwijslocatiegebruik.__tablename__]:
            gebruikt = self.locaties[row["onderwijsaanbieder_code"]]
            if row["onderwijslocatie_code"] not in gebruikt:
                gebruikt.append(row["onderwijslocatie_code"])
        self.aanbod: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for row in dataset.rows[AangebodenOpleiding.__tablename__]:
            self.aanbod[row["onderwijsaanbieder_code"]].append(
                (row["code"], row["onderwijslocatie_code"])
            )
        self.codes = {code for rows in self.aanbod.values() for code, _ in rows}

    def van(self, t: Telling) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
        """(aanbieder, locatie, aanbod, the columns of those chosen by a rule: derived)."""
        aanbieder = self.aanbieders.get(t.brin6)
        if aanbieder is None:
            return None, None, None, ()
        locaties = self.locaties.get(aanbieder, [])
        if t.elementcode is not None:
            for locatie in locaties:
                code = codes.uuid_code("aanbod", t.brin6, locatie, f"VO:{t.elementcode}")
                if code in self.codes:
                    return aanbieder, locatie, code, ()
        gekozen = ("onderwijslocatie_code",) if len(locaties) > 1 else ()
        aanbod = self.aanbod.get(aanbieder, [])
        if len(aanbod) == 1 and t.elementcode is None:
            return aanbieder, aanbod[0][1], aanbod[0][0], (*gekozen, "aangeboden_opleiding_code")
        return aanbieder, locaties[0] if locaties else None, None, gekozen


def _rows(bron: bronnen.Bronbestand, data_dir: Path) -> Iterator[Row]:
    header = PO_LEERLINGEN if bron is bronnen.LEERLINGEN_PO else VO_BESTUUR
    return read_csv(bron.path(data_dir), header, delimiter=bron.scheidingsteken)


def _vo_detail(scholen: ScholenBuilder) -> Iterator[Telling]:
    teldatum = bronnen.LEERLINGEN_VO_ONDERWIJSTYPE.peildatum
    for t in scholen.vo.tellingen:
        yield Telling(
            t.brin6, teldatum, t.aantal, False, t.onderwijstype, t.afdeling, t.elementcode
        )


def po_tellingen(data_dir: Path) -> Iterator[Telling]:
    """The counts of ``LEERLINGEN_PO`` under ``data_dir``; raises ``SeedError``."""
    gezien: dict[str, str] = {}
    for row in _rows(bronnen.LEERLINGEN_PO, data_dir):
        brin6 = _eenmaal(row, "VESTIGINGSCODE", gezien)
        for jaar in range(EERSTE_JAAR, LAATSTE_JAAR + 1):
            veld = f"LEERLINGEN_{jaar}"
            if row.text(veld) == MASKER:
                yield Telling(brin6, dt.date(jaar, *TELDATUM), GEMASKEERD_AANTAL, True)
                continue
            aantal = row.integer(veld)
            if aantal is None:
                raise row.error(veld, f"is empty, but every year needs a count (0 or {MASKER})")
            if aantal:
                yield Telling(brin6, dt.date(jaar, *TELDATUM), aantal)


def vo_totalen(bron: bronnen.Bronbestand, data_dir: Path) -> Iterator[Telling]:
    """The counts of ``LEERLINGEN_VO_2021`` or ``LEERLINGEN_VO_2022``; raises ``SeedError``."""
    gezien: dict[str, str] = {}
    for row in _rows(bron, data_dir):
        brin6 = _eenmaal(row, "VESTIGINGSNUMMER", gezien)
        aantal = row.integer("TOTAAL AANTAL LEERLINGEN")
        if aantal is None:
            raise row.error("TOTAAL AANTAL LEERLINGEN", "is empty, but every row needs a count")
        if aantal:
            yield Telling(brin6, bron.peildatum, aantal)


def _scholenbestand(scholen: ScholenBuilder) -> Iterator[Telling]:
    """One count per BRIN6 of the 2024 school file (features without ``leerlingen`` have none)."""
    per_brin6: dict[str, int] = {}
    for school in scholen.features:
        if school.leerlingen is None:
            continue
        eerder = per_brin6.setdefault(school.brin6, school.leerlingen)
        if eerder != school.leerlingen:
            raise SeedError(
                bronnen.SCHOLEN.path(scholen.data_dir),
                f"BRIN6 {school.brin6} has {school.leerlingen} pupils on one feature and "
                f"{eerder} on another",
                field="leerlingen",
            )
    for brin6, aantal in per_brin6.items():
        if aantal:
            yield Telling(brin6, SCHOLEN_TELDATUM, aantal, aantal == GEMASKEERD_AANTAL)


def _eenmaal(row: Row, veld: str, gezien: dict[str, str]) -> str:
    """The BRIN6 of ``row``; raises ``SeedError`` when an earlier line had it."""
    brin6 = row.code(veld, BRIN6_CODE, "a BRIN6 code")
    if brin6 in gezien:
        raise row.error(veld, f"{brin6} is already on {gezien[brin6]}")
    gezien[brin6] = row.where
    return brin6
