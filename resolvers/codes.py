"""The code crosswalk: any code (a RIO code, BRIN4, BRIN6, bevoegd-gezagnummer, CROHO code,
KvK-nummer, RSIN, BAG-id) to the objects it leads to on a peildatum.

- ``codes``: the root list ``codes(code:)``, a page of the crosswalk rows (table ``code``) of
  the given codes valid on the peildatum, ordered by soort, code and row;
- ``objecten``: the keys of the objects some codes lead to, for the ``IN (...)`` conditions of
  the list filters ``erkenningscode`` and ``erkendeOpleidingscode``.

A code is looked up as given, in capitals and in small letters (``31ew01`` finds ``31EW01``; an
aangeboden opleiding's UUID in either case), after trimming spaces; an empty code is
BadUserInput. An unknown code finds nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, select
from sqlalchemy.orm import QueryableAttribute

from loaders.paging import Page
from onderwijsgraaf.db.models import Code, geldig_op
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput
from resolvers.listing import Listed, Ordering, root_page

KIND = "codes"
ORDERINGS = (Ordering("SOORT", (Code.soort, Code.code, Code.id)),)
BRIN = re.compile(r"^[0-9A-Z]{4}([0-9A-Z]{2})?$")
ERKENDE_OPLEIDINGSCODE = re.compile(r"^[0-9A-Z]{1,8}$")
INSTELLING, VESTIGING = "ERKENDE_ONDERWIJSINSTELLING", "ERKENDE_VESTIGING"
OPLEIDING = ("ERKENDEOPLEIDINGSCODE", "VARIANT_VAN")


@dataclass(frozen=True)
class CodeFilter:
    code: list[str]
    soort: list[str] | None = None


def spellingen(argument: str, codes: Sequence[str]) -> list[str]:
    """Every way ``codes`` may be written in the table: as given, in capitals, in small letters
    (trimmed); BadUserInput naming ``argument`` for an empty code."""
    found: dict[str, None] = {}
    for code in codes:
        trimmed = code.strip()
        if not trimmed:
            raise BadUserInput(f"{argument}: give a code, not an empty string")
        found.update(dict.fromkeys((trimmed, trimmed.upper(), trimmed.lower())))
    return list(found)


def conditions(filter: CodeFilter, peildatum: dt.date) -> list[ColumnElement[bool]]:
    if not filter.code:
        raise BadUserInput("code: give at least one code")
    found = [Code.code.in_(spellingen("code", filter.code)), geldig_op(Code, peildatum)]
    if filter.soort:
        found.append(Code.soort.in_(filter.soort))
    return found


async def codes(
    reads: Reads,
    filter: CodeFilter,
    first: int | None,
    after: str | None,
    peildatum: dt.date,
    with_total: bool = True,
) -> Page[Row[Any]]:
    """A page of the crosswalk rows of ``filter.code`` (optionally only of ``filter.soort``)
    valid on ``peildatum``."""
    where = conditions(filter, peildatum)
    table = Code.__table__
    listed = Listed(table, filter, peildatum, where)
    return await root_page(reads, KIND, ORDERINGS, listed, None, first, after, with_total)


def objecten(
    column: QueryableAttribute[str | None],
    codes: Sequence[str],
    soorten: Sequence[str],
    peildatum: dt.date,
) -> Select[Any]:
    """``column`` (e.g. ``Code.onderwijsaanbieder_code``) of the crosswalk rows of ``codes``
    (already checked) of the ``soorten`` valid on ``peildatum``: for ``key IN (...)``."""
    return select(column).where(
        Code.code.in_(codes),
        Code.soort.in_(soorten),
        geldig_op(Code, peildatum),
        column.is_not(None),
    )


def brin_codes(argument: str, codes: Sequence[str]) -> list[str]:
    """``codes`` (in capitals) if each is a BRIN4 or a BRIN6; BadUserInput naming ``argument``
    otherwise."""
    return _capitals_matching(
        argument,
        codes,
        BRIN,
        "a BRIN4 (4 letters or digits, e.g. 31EW) or a BRIN6 (e.g. 31EW01); for other codes use "
        "codes(code:)",
    )


def erkende_opleidingscodes(argument: str, codes: Sequence[str]) -> list[str]:
    """``codes`` (in capitals) if each is an erkende opleidingscode (CROHO or CREBO, 1 to 8
    letters or digits); BadUserInput naming ``argument`` otherwise."""
    return _capitals_matching(
        argument,
        codes,
        ERKENDE_OPLEIDINGSCODE,
        "an erkende opleidingscode (CROHO or CREBO, 1 to 8 letters or digits, e.g. 34116)",
    )


def _capitals_matching(
    argument: str, codes: Sequence[str], pattern: re.Pattern[str], expected: str
) -> list[str]:
    found = []
    for code in codes:
        value = code.strip().upper()
        if not pattern.match(value):
            raise BadUserInput(f"{argument}: {code!r} is not {expected}")
        found.append(value)
    return found


def met_opleidingscode(codes: Sequence[str], peildatum: dt.date) -> Select[Any]:
    """The opleidingseenheden with one of the erkende opleidingscodes ``codes`` (checked) or
    a variant of one of them (``variantVan``), as the crosswalk has them on ``peildatum``."""
    return objecten(Code.opleidingseenheid_code, codes, OPLEIDING, peildatum)


def met_erkenningscode(
    column: QueryableAttribute[str | None], codes: Sequence[str], peildatum: dt.date
) -> Select[Any]:
    """``column`` of the objects the BRIN4s and BRIN6s ``codes`` (checked, in capitals) lead
    to on ``peildatum``."""
    return objecten(column, codes, (INSTELLING, VESTIGING), peildatum)
