"""The proposed objecten van toezicht of one onderwijsbestuur on a peildatum, derived from the
register by fixed rules (the Inspectie adopts, changes, merges or splits them afterwards).

Every aangeboden opleiding of an aanbieder of the bestuur that is valid on the peildatum, at a
locatie the aanbieder uses then (onderwijslocatiegebruik), is one combination (onderwijsaanbieder
× onderwijslocatie × aangeboden opleiding), with aanbieder, locatie and aanbod valid on that
date. The combinations are grouped into objects per sector:

| sector  | one object per                                         | code                                 |
|---------|--------------------------------------------------------|--------------------------------------|
| PO      | aanbieder (all its locaties, its basis- and speciaal-basisonderwijs) | ``PO-<aanbieder>``          |
| SO, VSO | aanbieder and sector (all its locaties)                | ``SO-<aanbieder>``, ``VSO-<aanbieder>`` |
| VO      | aanbieder × locatie × afdeling                         | ``VO-<aanbieder>-<locatie>-<afdeling>`` |
| MBO     | aanbieder × niveau (all its locaties)                  | ``MBO-<aanbieder>-<1..4>``            |

The VO afdeling follows the niveau of the opleidingseenheid: VO-PRO → ``PRO``, VO-VMBO-BB →
``VMBO-B``, VO-VMBO-KB → ``VMBO-K``, VO-VMBO-GL and VO-VMBO-TL → ``VMBO-GT``, VO-HAVO → ``HAVO``,
VO-VWO → ``VWO``; an opleiding without one niveau (a leerjaar preparing for several, the
international programmes) → ``OVERIG``. HO is left out: the Inspectie supervises an HO
instelling as a whole, and HO aanbod often has no locatie.

An object's ``begindatum`` is the latest begindatum of its aanbieder, locaties and aanbod
(None when none has one), its ``einddatum`` the earliest einddatum among them (None: open). The
codes are made of RIO codes only: the same register gives the same codes.

One statement for the whole bestuur, whatever its size.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, exists, select

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Onderwijsaanbieder,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
    geldig_op,
)
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.db.toezicht import Combinatie

SECTOREN = ("PO", "SO", "VSO", "VO", "MBO")
AFDELINGEN = {
    "VO-PRO": "PRO",
    "VO-VMBO-BB": "VMBO-B",
    "VO-VMBO-KB": "VMBO-K",
    "VO-VMBO-GL": "VMBO-GT",
    "VO-VMBO-TL": "VMBO-GT",
    "VO-HAVO": "HAVO",
    "VO-VWO": "VWO",
}
OVERIG = "OVERIG"


@dataclass(frozen=True)
class VoorgesteldObject:
    code: str
    sector: str
    onderwijsbestuur_code: str
    onderwijsaanbieder_code: str
    begindatum: dt.date | None
    einddatum: dt.date | None
    combinaties: tuple[Combinatie, ...]


def object_code(sector: str, aanbieder: str, locatie: str, niveau: str | None) -> str:
    """The code of the proposed object a combination belongs to (see the module)."""
    if sector == "VO":
        return f"VO-{aanbieder}-{locatie}-{AFDELINGEN.get(niveau or '', OVERIG)}"
    if sector == "MBO":
        return f"MBO-{aanbieder}-{(niveau or '').removeprefix('MBO-')}"
    return f"{sector}-{aanbieder}"


async def voorstel(
    reads: Reads, onderwijsbestuur_code: str, peildatum: dt.date
) -> list[VoorgesteldObject]:
    """The proposed objects of the bestuur on ``peildatum``, by code."""
    rows = await reads.rows(_statement(onderwijsbestuur_code, peildatum))
    groups: dict[str, list[Row[Any]]] = defaultdict(list)
    for row in rows:
        code = object_code(row.sector, row.aanbieder, row.locatie, row.niveau)
        groups[code].append(row)
    return [_object(code, onderwijsbestuur_code, group) for code, group in sorted(groups.items())]


def _object(code: str, bestuur: str, rows: list[Row[Any]]) -> VoorgesteldObject:
    begins = [d for r in rows for d in (r.aanbod_begin, r.aanbieder_begin, r.locatie_begin) if d]
    ends = [d for r in rows for d in (r.aanbod_eind, r.aanbieder_eind, r.locatie_eind) if d]
    return VoorgesteldObject(
        code=code,
        sector=rows[0].sector,
        onderwijsbestuur_code=bestuur,
        onderwijsaanbieder_code=rows[0].aanbieder,
        begindatum=max(begins, default=None),
        einddatum=min(ends, default=None),
        combinaties=tuple(sorted({Combinatie(r.aanbieder, r.locatie, r.code) for r in rows})),
    )


def _statement(onderwijsbestuur_code: str, peildatum: dt.date) -> Any:
    a, oa, ol, oe = AangebodenOpleiding, Onderwijsaanbieder, Onderwijslocatie, Opleidingseenheid
    g = Onderwijslocatiegebruik
    gebruikt = exists().where(
        g.onderwijsaanbieder_code == a.onderwijsaanbieder_code,
        g.onderwijslocatie_code == a.onderwijslocatie_code,
        geldig_op(g, peildatum),
    )
    return (
        select(
            a.code,
            a.sector,
            a.onderwijsaanbieder_code.label("aanbieder"),
            a.onderwijslocatie_code.label("locatie"),
            oe.niveau,
            a.begindatum.label("aanbod_begin"),
            a.einddatum.label("aanbod_eind"),
            oa.begindatum.label("aanbieder_begin"),
            oa.einddatum.label("aanbieder_eind"),
            ol.begindatum.label("locatie_begin"),
            ol.einddatum.label("locatie_eind"),
        )
        .join(oa, oa.code == a.onderwijsaanbieder_code)
        .join(ol, ol.code == a.onderwijslocatie_code)
        .join(oe, oe.code == a.opleidingseenheid_code)
        .where(
            oa.onderwijsbestuur_code == onderwijsbestuur_code,
            a.sector.in_(SECTOREN),
            geldig_op(a, peildatum),
            geldig_op(oa, peildatum),
            geldig_op(ol, peildatum),
            gebruikt,
        )
    )
