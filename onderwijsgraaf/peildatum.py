"""Today's date in the Netherlands (the default peildatum of every answer), and the
``peildatum`` URL parameter of the files and pages outside /graphql."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from onderwijsgraaf.errors import BadUserInput

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def vandaag() -> dt.date:
    return dt.datetime.now(AMSTERDAM).date()


def uit_url(value: str | None) -> dt.date | None:
    """The ``peildatum`` URL parameter (JJJJ-MM-DD); None when absent or empty.

    Raises BadUserInput naming the parameter and the value for anything else."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadUserInput(
            f"peildatum: {value!r} is not a date; give JJJJ-MM-DD, e.g. 2025-10-01"
        ) from None
