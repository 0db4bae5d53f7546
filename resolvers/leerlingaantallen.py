"""The leerlingaantallen of an aanbieder, locatie or aangeboden opleiding, from its series
(``loaders.leerlingaantallen``): the whole series within bounds, or the entry on a peildatum.

Errors: ``BadUserInput`` when ``vanaf`` is after ``tot``.
"""

from __future__ import annotations

import datetime as dt

from loaders import Loaders
from loaders.leerlingaantallen import Leerlingtelling
from onderwijsgraaf.errors import BadUserInput


async def leerlingaantallen(
    loaders: Loaders, ouder: str, code: str, vanaf: dt.date | None, tot: dt.date | None
) -> list[Leerlingtelling]:
    """The series of ``code`` in column ``ouder``, newest first, with ``vanaf`` <= teldatum <=
    ``tot`` (either bound may be None)."""
    if vanaf is not None and tot is not None and vanaf > tot:
        raise BadUserInput(
            f"vanaf ({vanaf.isoformat()}) is after tot ({tot.isoformat()}); "
            "vanaf must be on or before tot"
        )
    reeks = await loaders.leerlingaantallen(ouder).load(code)
    return [
        telling
        for telling in reeks
        if (vanaf is None or telling.teldatum >= vanaf) and (tot is None or telling.teldatum <= tot)
    ]


async def leerlingaantal(
    loaders: Loaders, ouder: str, code: str, peildatum: dt.date
) -> Leerlingtelling | None:
    """The newest entry of the series with teldatum on or before ``peildatum``, or None."""
    reeks = await loaders.leerlingaantallen(ouder).load(code)
    return next((telling for telling in reeks if telling.teldatum <= peildatum), None)
