"""The checks every change to the objecten van toezicht makes before it writes anything: the
forms of the codes, the object it changes (there, not ended, no date before its current
version), the register on the date the change takes effect (``loaders.toezicht``) and the other
objects (no combination in two at once). A refusal is BAD_USER_INPUT whose message starts with
the input field at fault (``input.combinaties[2].onderwijslocatieCode: ...``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncConnection

from loaders.toezicht import AANBIEDER, AANBOD, LOCATIE, register_op
from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.db import toezicht as store
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.db.toezicht import CODE, Combinatie, ObjectVanToezicht
from onderwijsgraaf.db.userdata import UserData
from onderwijsgraaf.errors import BadUserInput
from resolvers.lookups import FORMATS

VELDEN = {
    AANBIEDER: "Onderwijsaanbieder",
    LOCATIE: "Onderwijslocatie",
    AANBOD: "AangebodenOpleiding",
}


@dataclass(frozen=True)
class Aanroep:
    """Who changes what: the caller, the register's reads and the user data."""

    viewer: Viewer
    reads: Reads
    userdata: UserData


def fout(field: str, message: str) -> BadUserInput:
    return BadUserInput(f"{field}: {message}")


def object_code(code: str, field: str) -> str:
    if not CODE.match(code):
        raise fout(
            field,
            f"{code!r} is not a valid code of an object van toezicht: 1 to 80 capitals, digits "
            "and hyphens, e.g. VO-100A490-100X123-HAVO",
        )
    return code


def combinaties_checked(combinaties: Sequence[Combinatie], field: str) -> list[Combinatie]:
    """The combinations of the input, their codes' forms checked; none twice, at least one."""
    if not combinaties:
        raise fout(field, "give at least one combination")
    seen: dict[Combinatie, int] = {}
    for i, c in enumerate(combinaties):
        for name, value in (
            (AANBIEDER, c.onderwijsaanbieder_code),
            (LOCATIE, c.onderwijslocatie_code),
            (AANBOD, c.aangeboden_opleiding_code),
        ):
            pattern, example = FORMATS[VELDEN[name]]
            if not pattern.match(value):
                raise fout(
                    f"{field}[{i}].{name}", f"{value!r} is not a valid code; expected {example}"
                )
        if c in seen:
            raise fout(f"{field}[{i}]", f"the same combination as {field}[{seen[c]}]")
        seen[c] = i
    return list(combinaties)


async def huidig(
    conn: AsyncConnection, code: str, field: str, datum: dt.date, datum_field: str
) -> ObjectVanToezicht:
    """The object ``code`` that a change from ``datum`` may apply to."""
    found = await store.objecten(conn, codes=[object_code(code, field)])
    if not found:
        raise fout(field, f"there is no object van toezicht {code}")
    obj = found[0]
    huidige = obj.huidige
    if huidige.einddatum is not None:
        raise fout(field, f"object van toezicht {code} ended on {huidige.einddatum.isoformat()}")
    if datum < huidige.begindatum:
        raise fout(
            datum_field,
            f"{datum.isoformat()} is before {huidige.begindatum.isoformat()}, the begindatum of "
            f"the current version of {code}",
        )
    return obj


async def in_register(
    aanroep: Aanroep,
    combinaties: Sequence[tuple[Combinatie, str]],
    bestuur: str,
    op: dt.date,
) -> None:
    """Each combination (with the input field it came from) exists on ``op``, of ``bestuur``."""
    register = await register_op(aanroep.reads, [c for c, _ in combinaties], op)
    for c, field in combinaties:
        wrong = register.fout(c, bestuur)
        if wrong is not None:
            name, message = wrong
            raise fout(f"{field}.{name}" if field.endswith("]") else field, message)


async def vrij(
    conn: AsyncConnection,
    combinaties: Sequence[tuple[Combinatie, str]],
    op: dt.date,
    behalve: set[str],
) -> None:
    """No combination is in an object (other than those ``behalve``) from ``op`` on."""
    held = await store.in_gebruik(conn, [c for c, _ in combinaties], op)
    for c, field in combinaties:
        other = held.get(c)
        if other is not None and other not in behalve:
            raise fout(
                field,
                f"combination {c.onderwijsaanbieder_code} × {c.onderwijslocatie_code} × "
                f"{c.aangeboden_opleiding_code} is in object van toezicht {other} on or after "
                f"{op.isoformat()}; a combination is in one object at a time",
            )
