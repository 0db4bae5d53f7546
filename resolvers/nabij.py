"""Radius search (``filter.nabij``) on the root lists: near a postcode or a point.

One statement fetches the candidates: the list's rows with a location inside a box around the
centre that surely holds the circle (an indexed range on latitude and longitude), with the
sort keys of the asked order. Each candidate is measured with the geodesic distance; those
within the radius are the list (an aanbieder counts at its nearest location), ordered by
distance (``AFSTAND``, the default) or by the asked order, paged by keyset. A second statement
reads the full rows of the page. Every row carries ``afstand_km``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Select, select

from loaders.paging import Page, PageRequest, SortKey, check_cursor
from onderwijsgraaf.db.models import Postcodegebied
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput
from onderwijsgraaf.geo import Bbox, Punt, geodesic_km, straal
from resolvers.conditions import box_values, postcode_prefix
from resolvers.listing import Ordering, pick_ordering, sort_types

AFSTAND = "AFSTAND"
BY_DISTANCE = (float, str)  # the sort key by distance: kilometres, code


@dataclass(frozen=True)
class Nabij:
    """Within ``straal_km`` of a postcode (PC4 or full) or of a point (lat, lon)."""

    straal_km: float
    postcode: str | None = None
    punt: tuple[float, float] | None = None


@dataclass(frozen=True)
class Zoekgebied:
    """A checked radius search: the centre, the radius and the box around the circle."""

    centrum: Punt
    straal_km: float
    box: Bbox


class MetAfstand:
    """A row of a radius search: reads as the table's row, plus ``afstand_km``."""

    def __init__(self, row: Any, afstand_km: float, sort_key: SortKey) -> None:
        self._row = row
        self.afstand_km = afstand_km
        self.sort_key = sort_key

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, name)


# The candidate query for the sort keys given: (code, latitude, longitude, *sort keys) of the
# list's rows with a location inside the box, which is given when it runs
# (``conditions.box_values``). A row may come more than once (an aanbieder with several). Built
# once per list, filter and order, and kept: a compiled plan runs the same statement each time.
Kandidaten = Callable[[tuple[Any, ...]], Select[Any]]


async def zoekgebied(reads: Reads, nabij: Nabij) -> Zoekgebied:
    """Check ``nabij`` and find its centre."""
    straal_km = straal(nabij.straal_km)
    if nabij.punt is not None and nabij.postcode is None:
        centrum = Punt.checked(*nabij.punt, where="nabij.punt")
    elif nabij.postcode is not None and nabij.punt is None:
        centrum = await _centre_of_pc4(reads, nabij.postcode)
    else:
        raise BadUserInput("nabij: give either postcode or punt, not both and not neither")
    return Zoekgebied(centrum, straal_km, Bbox.around(centrum, straal_km))


async def _centre_of_pc4(reads: Reads, postcode: str) -> Punt:
    """A postcode (PC4 or full) counts from the centre of its PC4 area."""
    pc4 = postcode_prefix(postcode, "nabij.postcode")[:4]
    centres = _CENTRES.setdefault(reads.engine, {})
    known = centres.get(pc4)
    if known is None or known[0] < time.monotonic():
        rows = await reads.rows(
            select(Postcodegebied.latitude, Postcodegebied.longitude).where(
                Postcodegebied.postcodecijfers == pc4
            )
        )
        found = rows[0] if rows else None
        centre = None
        if found is not None and found.latitude is not None and found.longitude is not None:
            centre = Punt(found.latitude, found.longitude)
        known = centres[pc4] = (time.monotonic() + CENTRE_TTL, centre)
    if known[1] is None:
        raise BadUserInput(
            f"nabij.postcode: {postcode!r} is not in a known PC4 area with a location; "
            "give another postcode or a punt"
        )
    return known[1]


# The centres of the PC4 areas asked for, per database, each kept for CENTRE_TTL seconds (they
# change only with a new seed): a radius search around a known postcode costs no statement.
CENTRE_TTL = 60.0
_CENTRES: WeakKeyDictionary[Any, dict[str, tuple[float, Punt | None]]] = WeakKeyDictionary()


@dataclass(frozen=True)
class Treffers:
    """The radius search's page before its rows are read: ``shown`` holds up to ``first + 1``
    (code, distance in km, sort key) in the page's order, ``total`` the number of matches."""

    request: PageRequest
    shown: list[tuple[str, float, SortKey]]
    total: int


async def nabij_treffers(
    reads: Reads,
    kind: str,
    orderings: Sequence[Ordering],
    kandidaten: Kandidaten,
    nabij: Nabij,
    order_by: str | None,
    first: int | None,
    after: str | None,
) -> Treffers:
    gebied = await zoekgebied(reads, nabij)
    by_distance = order_by in (None, AFSTAND)
    ordering = None if by_distance else pick_ordering(kind, orderings, order_by)
    request = PageRequest.parse(
        f"{kind}/{AFSTAND if ordering is None else ordering.name}", first, after
    )
    keys = () if ordering is None else ordering.keys
    candidates: Sequence[Any] = await reads.rows(kandidaten(tuple(keys)), box_values(gebied.box))
    nearest: dict[str, tuple[float, SortKey]] = {}
    centre, straal_km = gebied.centrum, gebied.straal_km
    for candidate in candidates:
        code, lat, lon = candidate[0], candidate[1], candidate[2]
        distance = geodesic_km(centre.lat, centre.lon, lat, lon)
        if distance <= straal_km and (code not in nearest or distance < nearest[code][0]):
            nearest[code] = (distance, (distance, code) if by_distance else tuple(candidate[3:]))
    found = sorted(nearest.items(), key=lambda item: item[1][1])
    if request.after is not None:
        check_cursor(request.after, BY_DISTANCE if by_distance else sort_types(keys))
        found = [item for item in found if item[1][1] > request.after]
    shown = [(code, distance, key) for code, (distance, key) in found[: request.first + 1]]
    return Treffers(request, shown, len(nearest))


async def nabij_page(
    reads: Reads,
    kind: str,
    orderings: Sequence[Ordering],
    table: Any,
    kandidaten: Kandidaten,
    nabij: Nabij,
    order_by: str | None,
    first: int | None,
    after: str | None,
) -> Page[MetAfstand]:
    treffers = await nabij_treffers(
        reads, kind, orderings, kandidaten, nabij, order_by, first, after
    )
    codes = [code for code, _, _ in treffers.shown]
    rows = await reads.rows(select(table).where(table.c.code.in_(codes)))
    by_code = {row.code: row for row in rows}
    page = [MetAfstand(by_code[code], distance, key) for code, distance, key in treffers.shown]
    return Page.of(treffers.request, page, treffers.total, lambda row: row.sort_key)
