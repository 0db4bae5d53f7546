"""Running the controle rules: the findings of one bestuur, and the national overview.

- ``gekozen(regels, ernst)``: the rules asked for (ids and severities; None: all), checked;
  an unknown id is BadUserInput naming ``regels``.
- ``zichtbaar(regels, viewer, bestuur)``: without the private rules (C21) unless the viewer is
  the Inspectie or, for one bestuur, that bestuur itself (role ``bestuur:<code>``).
- ``bevindingen(reads, bestuur, peildatum, regels)``: every finding of ``bestuur`` on
  ``peildatum``, in the order of ``Bevinding.sleutel``: ONE SQL statement (the rules' selects
  in one UNION), whatever the size of the bestuur; none when no rule is asked.
- ``overzicht(reads, peildatum, regels)``: per rule the number of findings and of besturen with
  one, for the whole country: one statement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, String, func, literal, select, union

from loaders.paging import Page, page_size
from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput
from resolvers.controle import aanbod, organisatie, perioden
from resolvers.controle.pagina import pagina
from resolvers.controle.regel import ERNST, REGELS, Bevinding, Regel

# the modules that register the rules (imported for that)
MODULES = (aanbod, organisatie, perioden)
BESTUURSCODE = re.compile(r"[0-9]{3}B[0-9]{3}")


def bestuurscode(code: str, argument: str = "onderwijsbestuurCode") -> str:
    """``code`` if it has the form NNNBNNN; BadUserInput naming ``argument`` otherwise."""
    if not BESTUURSCODE.fullmatch(code):
        raise BadUserInput(
            f"{argument}: {code!r} is not an onderwijsbestuur code; expected NNNBNNN, e.g. 100B490"
        )
    return code


def gekozen(regels: Sequence[str] | None, ernst: Sequence[str] | None) -> list[Regel]:
    """The rules with an id of ``regels`` and a severity of ``ernst`` (None: any), by id."""
    for regel_id in regels or ():
        if regel_id not in REGELS:
            raise BadUserInput(
                f"regels: {regel_id!r} is no controle rule; known: {', '.join(sorted(REGELS))}"
            )
    for waarde in ernst or ():
        if waarde not in ERNST:
            raise BadUserInput(f"ernst: {waarde!r} is no severity; known: {', '.join(ERNST)}")
    return [
        r
        for regel_id, r in sorted(REGELS.items())
        if (regels is None or regel_id in regels) and (ernst is None or r.ernst in ernst)
    ]


def zichtbaar(regels: Sequence[Regel], viewer: Viewer, bestuur: str | None) -> list[Regel]:
    """``regels`` without the private ones, unless ``viewer`` may see them for ``bestuur``
    (None: the whole country, the Inspectie only)."""
    mag = viewer.inspectie or (bestuur is not None and bestuur in viewer.besturen)
    return [r for r in regels if mag or not r.prive]


def statement(regels: Sequence[Regel], peildatum: dt.date, bestuur: str | None) -> Any:
    """The findings of ``regels`` as one subquery (duplicates removed), for ``bestuur`` or,
    when None, every bestuur."""
    delen: list[Select[Any]] = []
    for r in regels:
        sub = r.vind(peildatum, bestuur).subquery()
        delen.append(select(literal(r.id, String).label("regel"), *sub.c))
    return union(*delen).subquery()


async def bevindingen(
    reads: Reads, bestuur: str, peildatum: dt.date, regels: Sequence[Regel]
) -> list[Bevinding]:
    if not regels:
        return []
    found = statement(regels, peildatum, bestuur)
    rows = await reads.rows(select(found))
    result = [
        Bevinding(
            regel=REGELS[row.regel],
            objecttype=row.objecttype,
            objectcode=row.objectcode,
            onderwijsbestuur_code=row.onderwijsbestuur_code,
            waarde=row.waarde,
            peildatum=peildatum,
        )
        for row in rows
    ]
    return sorted(result, key=lambda b: b.sleutel)


@dataclass(frozen=True)
class Telling:
    """Rule ``regel``: ``aantal`` findings on ``besturen`` besturen."""

    regel: Regel
    aantal: int
    besturen: int


async def overzicht(reads: Reads, peildatum: dt.date, regels: Sequence[Regel]) -> list[Telling]:
    if not regels:
        return []
    found = statement(regels, peildatum, None)
    rows = await reads.rows(
        select(
            found.c.regel,
            func.count().label("aantal"),
            func.count(func.distinct(found.c.onderwijsbestuur_code)).label("besturen"),
        ).group_by(found.c.regel)
    )
    counts = {row.regel: row for row in rows}
    return [
        Telling(r, int(counts[r.id].aantal), int(counts[r.id].besturen))
        if r.id in counts
        else Telling(r, 0, 0)
        for r in regels
    ]


@dataclass(frozen=True)
class Controle:
    """The answer of ``controle``: a page of findings and, per rule asked, its number."""

    pagina: Page[Bevinding]
    tellingen: list[tuple[Regel, int]]
    # the private findings in the whole answer, for the audit log
    prive: list[Bevinding]


async def controle(
    reads: Reads,
    viewer: Viewer,
    bestuur: str,
    peildatum: dt.date,
    regels: Sequence[str] | None,
    ernst: Sequence[str] | None,
    first: int | None,
    after: str | None,
) -> Controle:
    """The findings of ``bestuur`` that ``viewer`` may see, paged (see the module)."""
    bestuurscode(bestuur)
    page_size(first)
    asked = zichtbaar(gekozen(regels, ernst), viewer, bestuur)
    found = await bevindingen(reads, bestuur, peildatum, asked)
    counts = Counter(b.regel.id for b in found)
    return Controle(
        pagina=pagina(found, first, after),
        tellingen=[(r, counts[r.id]) for r in asked],
        prive=[b for b in found if b.regel.prive],
    )
