"""Lookups of one object by its RIO code on a peildatum; an unknown code gives ``None``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import Row

from loaders import Loaders
from onderwijsgraaf.errors import BadUserInput

FORMATS = {
    "onderwijsbestuur": (re.compile(r"^[0-9]{3}B[0-9]{3}$"), "NNNBNNN, e.g. 100B490"),
    "onderwijsaanbieder": (re.compile(r"^[0-9]{3}A[0-9]{3}$"), "NNNANNN, e.g. 113A881"),
    "onderwijslocatie": (re.compile(r"^[0-9]{3}X[0-9]{3}$"), "NNNXNNN, e.g. 113X626"),
    "opleidingseenheid": (re.compile(r"^[0-9]{4}O[0-9]{4}$"), "NNNNONNNN, e.g. 1001O2660"),
    "aangebodenOpleiding": (
        re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"),
        "a UUID, e.g. 7e2f59f9-d2af-4c36-8c4e-81476a3858d9",
    ),
}


def checked(kind: str, code: str) -> str:
    pattern, example = FORMATS[kind]
    if not pattern.match(code):
        raise BadUserInput(f"code: {code!r} is not a valid {kind} code; expected {example}")
    return code


async def onderwijsbestuur(loaders: Loaders, code: str, peildatum: dt.date) -> Row[Any] | None:
    return await loaders.besturen_by_code.load((checked("onderwijsbestuur", code), peildatum))


async def onderwijsaanbieder(loaders: Loaders, code: str, peildatum: dt.date) -> Row[Any] | None:
    return await loaders.aanbieders_by_code.load((checked("onderwijsaanbieder", code), peildatum))


async def onderwijslocatie(loaders: Loaders, code: str, peildatum: dt.date) -> Row[Any] | None:
    return await loaders.locaties_by_code.load((checked("onderwijslocatie", code), peildatum))


async def opleidingseenheid(loaders: Loaders, code: str, peildatum: dt.date) -> Row[Any] | None:
    return await loaders.opleidingseenheden_by_code.load(
        (checked("opleidingseenheid", code), peildatum)
    )


async def aangeboden_opleiding(loaders: Loaders, code: str, peildatum: dt.date) -> Row[Any] | None:
    return await loaders.aanbod_by_code.load((checked("aangebodenOpleiding", code), peildatum))
