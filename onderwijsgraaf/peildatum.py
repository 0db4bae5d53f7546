"""Today's date in the Netherlands: the default peildatum of every answer."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def vandaag() -> dt.date:
    return dt.datetime.now(AMSTERDAM).date()
