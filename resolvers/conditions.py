"""Filter conditions shared by the root lists, with the checks on their arguments."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, func, literal, or_, select
from sqlalchemy.orm import QueryableAttribute

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Onderwijslocatie,
    geldig_op,
)
from onderwijsgraaf.db.naamzoeken import Naamtreffer, naam_treft, zoekwoorden
from onderwijsgraaf.errors import BadUserInput
from onderwijsgraaf.geo import Bbox

POSTCODE_PREFIX = re.compile(r"^[1-9][0-9]{3}([A-Z]{2})?$")
RIO_CODES = {
    "onderwijsbestuurCode": re.compile(r"^[0-9]{3}B[0-9]{3}$"),
    "onderwijsaanbiederCode": re.compile(r"^[0-9]{3}A[0-9]{3}$"),
}


def woorden(column: ColumnElement[str] | QueryableAttribute[str], zoek: str) -> Naamtreffer:
    """The object of ``column``'s table (its ``zoeknaam`` column) has a name holding every word
    of ``zoek``, as name search finds them (``onderwijsgraaf.db.naamzoeken``: every name, word
    order, punctuation and one typo in a longer word do not matter). The condition carries the
    object's relevance for the order RELEVANTIE (``listing.pick_ordering``)."""
    if not zoekwoorden(zoek):
        raise BadUserInput("zoek: give at least one word (letters or digits)")
    return naam_treft(column.table, zoek)


def postcode_prefix(value: str, argument: str = "postcode") -> str:
    prefix = value.replace(" ", "").upper()
    if not POSTCODE_PREFIX.match(prefix):
        raise BadUserInput(f"{argument}: {value!r} is not a PC4 (3511) or a postcode (3511AB)")
    return prefix


def rio_code(argument: str, value: str) -> str:
    if not RIO_CODES[argument].match(value):
        raise BadUserInput(
            f"{argument}: {value!r} is not a RIO code of the form {RIO_CODES[argument].pattern[1:-1]}"
        )
    return value


def denominatie(
    column: ColumnElement[str | None] | QueryableAttribute[str | None], codes: Sequence[str]
) -> ColumnElement[bool]:
    """Any of ``codes`` occurs in the comma-separated denominatie column."""
    wrapped = literal(",") + func.coalesce(column, "") + literal(",")
    return or_(*(wrapped.like(f"%,{code},%") for code in codes))


def locatie_matches(
    peildatum: dt.date,
    *,
    gemeentecode: Sequence[str] | None,
    provincie: Sequence[str] | None,
    postcode: str | None,
    plaats: str | None,
    bbox: Bbox | None = None,
) -> list[ColumnElement[bool]]:
    """Conditions on Onderwijslocatie columns for the address filters that are set.
    ``gemeentecode`` and ``provincie`` are CBS codes, resolved from what the caller wrote
    (``onderwijsgraaf.db.gebieden``) before any SQL is built."""
    conditions: list[ColumnElement[bool]] = []
    if gemeentecode:
        conditions.append(Onderwijslocatie.gemeente_code.in_(gemeentecode))
    if provincie:
        conditions.append(Onderwijslocatie.provincie_code.in_(provincie))
    if postcode:
        conditions.append(Onderwijslocatie.postcode.startswith(postcode_prefix(postcode)))
    if plaats:
        conditions.append(func.lower(Onderwijslocatie.plaatsnaam) == plaats.strip().lower())
    if bbox is not None:
        conditions.append(locatie_in(bbox))
    return conditions


def locatie_in(box: Bbox) -> ColumnElement[bool]:
    """The onderwijslocatie's point lies inside ``box``: a range on its (latitude, longitude)
    index."""
    return and_(
        Onderwijslocatie.latitude.between(box.min_lat, box.max_lat),
        Onderwijslocatie.longitude.between(box.min_lon, box.max_lon),
    )


# ``locatie_in`` a box given when the statement runs (``box_values``): a statement built once
# serves every box
IN_THE_BOX = and_(
    Onderwijslocatie.latitude.between(bindparam("og_min_lat"), bindparam("og_max_lat")),
    Onderwijslocatie.longitude.between(bindparam("og_min_lon"), bindparam("og_max_lon")),
)


def box_values(box: Bbox) -> dict[str, float]:
    """The parameters of ``IN_THE_BOX`` for ``box``."""
    return {
        "og_min_lat": box.min_lat,
        "og_max_lat": box.max_lat,
        "og_min_lon": box.min_lon,
        "og_max_lon": box.max_lon,
    }


def aanbod_with(
    column: QueryableAttribute[Any], peildatum: dt.date, *conditions: ColumnElement[bool]
) -> Select[Any]:
    """``column`` (e.g. the aanbieder code) of the aangeboden opleidingen valid on the peildatum
    meeting ``conditions``: for ``code IN (...)`` filters. The databases evaluate an uncorrelated
    IN once; SQLite runs a correlated EXISTS again for every row."""
    return select(column).where(geldig_op(AangebodenOpleiding, peildatum), *conditions)
