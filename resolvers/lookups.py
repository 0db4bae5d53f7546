"""Lookups of one object by its RIO code on a peildatum; an unknown code gives ``None``."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from sqlalchemy import Row

from loaders import Loaders
from onderwijsgraaf.errors import BadUserInput

# per type (or interface) that is looked up by code: its code's form, and an example
FORMATS = {
    "Onderwijsbestuur": (re.compile(r"^[0-9]{3}B[0-9]{3}$"), "NNNBNNN, e.g. 100B490"),
    "Onderwijsaanbieder": (re.compile(r"^[0-9]{3}A[0-9]{3}$"), "NNNANNN, e.g. 113A881"),
    "Onderwijslocatie": (re.compile(r"^[0-9]{3}X[0-9]{3}$"), "NNNXNNN, e.g. 113X626"),
    "Opleidingseenheid": (re.compile(r"^[0-9]{4}O[0-9]{4}$"), "NNNNONNNN, e.g. 1001O2660"),
    "AangebodenOpleiding": (
        re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"),
        "a UUID, e.g. 7e2f59f9-d2af-4c36-8c4e-81476a3858d9",
    ),
}


def checked(type_name: str, code: str) -> str:
    """``code`` if it has the form of a code of ``type_name``; BadUserInput otherwise, pointing
    to ``codes(code:)`` for the other codes (BRIN, CROHO, ...)."""
    pattern, example = FORMATS[type_name]
    if not pattern.match(code):
        kind = type_name[0].lower() + type_name[1:]
        raise BadUserInput(
            f"code: {code!r} is not a valid {kind} code; expected {example}. To find an object "
            f"by another code (BRIN4, BRIN6, CROHO, bevoegd-gezagnummer, ...) use "
            f"codes(code: {json.dumps(code)})"
        )
    return code


async def by_code(
    loaders: Loaders, type_name: str, code: str, peildatum: dt.date
) -> Row[Any] | None:
    """The row of the object of ``type_name`` with ``code`` valid on ``peildatum``."""
    return await loaders.of_type(type_name).load((checked(type_name, code), peildatum))
