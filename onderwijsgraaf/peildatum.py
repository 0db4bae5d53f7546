"""Today's date in the Netherlands (the default peildatum of every answer), dates written
JJJJ-MM-DD, and the ``peildatum`` URL parameter of the files and pages outside /graphql."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from onderwijsgraaf.errors import BadUserInput

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
JJJJ_MM_DD = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def vandaag() -> dt.date:
    return dt.datetime.now(AMSTERDAM).date()


def datum(text: str) -> dt.date:
    """A date written JJJJ-MM-DD, and only so (not 20261130 or 2026-W48-1, which Python's
    ``fromisoformat`` also reads). Raises ValueError otherwise."""
    if not JJJJ_MM_DD.fullmatch(text):
        raise ValueError(f"{text!r} is not written JJJJ-MM-DD")
    return dt.date.fromisoformat(text)


def uit_url(value: str | None) -> dt.date | None:
    """The ``peildatum`` URL parameter (JJJJ-MM-DD); None when absent or empty.

    Raises BadUserInput naming the parameter and the value for anything else."""
    if value is None or value == "":
        return None
    try:
        return datum(value)
    except ValueError:
        raise BadUserInput(
            f"peildatum: {value!r} is not a date; give JJJJ-MM-DD, e.g. 2025-10-01"
        ) from None
