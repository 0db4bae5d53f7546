"""Reading the objecten van toezicht and their proposal: who may, and what they get.

The Inspectie (role ``inspectie``) reads everything. Others read the structure (codes, versions,
combinations, never the notes) only when the setting TOEZICHT_OPENBAAR is on; otherwise they
get FORBIDDEN. Stored objects are read from the user data (``onderwijsgraaf.db.toezicht``): two
statements for any number of objects.
"""

from __future__ import annotations

import datetime as dt

from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.db import toezicht as store
from onderwijsgraaf.db.toezicht import ObjectVanToezicht
from onderwijsgraaf.db.userdata import UserData
from onderwijsgraaf.errors import Forbidden
from resolvers.lookups import checked


def mag_lezen(viewer: Viewer, openbaar: bool) -> None:
    """FORBIDDEN unless ``viewer`` may read the objecten van toezicht."""
    if not (viewer.inspectie or openbaar):
        raise Forbidden("objecten van toezicht are for the Inspectie (a token with role inspectie)")


def mag_wijzigen(viewer: Viewer) -> None:
    """FORBIDDEN unless ``viewer`` is the Inspectie."""
    if not viewer.inspectie:
        raise Forbidden(
            "only the Inspectie (a token with role inspectie) changes objecten van toezicht"
        )


async def objecten(
    userdata: UserData,
    *,
    onderwijsbestuur_code: str | None,
    onderwijsaanbieder_code: str | None,
    peildatum: dt.date,
) -> list[ObjectVanToezicht]:
    """The stored objects with a version valid on ``peildatum``, of the bestuur and/or holding
    a combination of the aanbieder; by code."""
    if onderwijsbestuur_code is not None:
        checked("Onderwijsbestuur", onderwijsbestuur_code)
    if onderwijsaanbieder_code is not None:
        checked("Onderwijsaanbieder", onderwijsaanbieder_code)
    if not await userdata.exists():
        return []
    async with userdata.engine.connect() as conn:
        return await store.objecten(
            conn,
            onderwijsbestuur_code=onderwijsbestuur_code,
            onderwijsaanbieder_code=onderwijsaanbieder_code,
            peildatum=peildatum,
        )


async def objecten_op_codes(userdata: UserData, codes: list[str]) -> list[ObjectVanToezicht]:
    """The stored objects with these codes, in the order of ``codes`` (unknown ones left out)."""
    if not codes or not await userdata.exists():
        return []
    async with userdata.engine.connect() as conn:
        found = {o.code: o for o in await store.objecten(conn, codes=codes)}
    return [found[code] for code in codes if code in found]


async def object_op_code(userdata: UserData, code: str) -> ObjectVanToezicht | None:
    found = await objecten_op_codes(userdata, [code])
    return found[0] if found else None
