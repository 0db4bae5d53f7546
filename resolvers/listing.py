"""One page of a root list: one SQL statement for the rows and, when asked, one for the total.

The next page starts after the cursor's sort key (keyset), so a deep page costs what the first
page costs. Sort keys end with the row's code, so they are unique. The total (``total_of``) is
read from the seed's summary when the filter sets no more than one summarised column
(``onderwijsgraaf.db.models.lijsttelling``), else counted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, select, tuple_
from sqlalchemy.orm import QueryableAttribute

from loaders.paging import Page, PageRequest, SortKey, check_cursor
from onderwijsgraaf.db.models.lijsttelling import ONGEFILTERD, SAMENGEVAT, totaal
from onderwijsgraaf.db.naamzoeken import Naamtreffer
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput

RELEVANTIE = "RELEVANTIE"


@dataclass(frozen=True)
class Ordering:
    """A named sort order: expressions that are never NULL and end with a unique code."""

    name: str
    keys: tuple[ColumnElement[Any] | QueryableAttribute[Any], ...]


def pick_ordering(
    list_name: str,
    orderings: Sequence[Ordering],
    wanted: str | None,
    conditions: Sequence[ColumnElement[bool]] = (),
) -> Ordering:
    """The order ``wanted`` (None: the list's default) of a list filtered by ``conditions``.

    A list searched by name (a name search among ``conditions``) is ordered by relevance
    (``RELEVANTIE``) unless another order is asked; it is the best rank of the object's names
    (``onderwijsgraaf.db.naamzoeken``), then the list's order by name. Raises BadUserInput for
    an order the list does not have."""
    by_name = next((o for o in orderings if o.name == "NAAM"), None)
    found = next((c for c in conditions if isinstance(c, Naamtreffer)), None)
    if by_name is not None and found is not None and wanted in (None, RELEVANTIE):
        return Ordering(RELEVANTIE, (found.rang, *by_name.keys))
    if wanted is None:
        return orderings[0]
    if wanted == "AFSTAND":
        raise BadUserInput(
            f"orderBy AFSTAND is the distance to filter.nabij; give nabij to order {list_name} by it"
        )
    if wanted == RELEVANTIE and by_name is not None:
        raise BadUserInput(
            f"orderBy RELEVANTIE ranks {list_name} by filter.zoek; give zoek (without nabij) "
            "to order by it"
        )
    for ordering in orderings:
        if ordering.name == wanted:
            return ordering
    names = " or ".join(o.name for o in orderings)
    raise BadUserInput(f"orderBy {wanted} is not available for {list_name}; use {names}")


@dataclass(frozen=True)
class Listed:
    """The rows of a root list: those of ``table`` meeting ``conditions``, which its resolver
    made of ``filter`` (its filter dataclass; None for a list without one) and ``peildatum``."""

    table: Any  # a Table (a model's ``__table__``)
    filter: Any
    peildatum: dt.date
    conditions: Sequence[ColumnElement[bool]]


def total_of(listed: Listed) -> Select[Any]:
    """The number of ``listed``'s rows, as a one-integer SELECT.

    Read from the summary (``lijsttelling.totaal``) when the filter sets nothing, or nothing but
    one column summarised for the table (a field named as the column, a non-empty list); else
    ``count(*)`` over the rows. A field is set when it is neither None nor an empty list."""
    name = listed.table.name
    summarised = _summarised(name, listed.filter)
    if summarised is not None:
        kolom, waarden = summarised
        return totaal(name, kolom, waarden, listed.peildatum)
    rows = select(listed.table).where(*listed.conditions)
    return select(func.count()).select_from(rows.subquery())


def _summarised(tabel: str, filter: Any) -> tuple[str, list[str]] | None:
    """(kolom, waarden) of the summary that counts what ``filter`` selects; None if none does."""
    if tabel not in SAMENGEVAT:
        return None
    fields = dataclasses.fields(filter) if filter is not None else ()
    found = [(f.name, v) for f in fields if (v := getattr(filter, f.name)) not in (None, [])]
    if not found:
        return ONGEFILTERD, []
    if len(found) == 1 and found[0][0] in SAMENGEVAT[tabel]:
        name, values = found[0]
        return name, list(values)
    return None


async def page_of(
    reads: Reads,
    base: Select[Any],
    ordering: Ordering,
    request: PageRequest,
    total: Select[Any] | None,
) -> Page[Row[Any]]:
    """The page ``request`` asks for of ``base``'s rows in ``ordering``; its total by the
    statement ``total`` (``total_of``) only when given (otherwise None)."""
    labels = [key.label(f"sort_{i}") for i, key in enumerate(ordering.keys)]
    query = base.add_columns(*labels).order_by(*ordering.keys).limit(request.first + 1)
    if request.after is not None:
        check_cursor(request.after, sort_types(ordering.keys))
        query = query.where(tuple_(*ordering.keys) > tuple_(*request.after))
    counted = None if total is None else await reads.scalar(total) or 0
    rows = await reads.rows(query)
    return Page.of(request, rows, counted, _sort_key(len(labels)))


def sort_types(keys: Sequence[ColumnElement[Any] | QueryableAttribute[Any]]) -> tuple[type, ...]:
    """The Python types of a sort key's columns, which a cursor's parts must have."""
    return tuple(key.type.python_type for key in keys)


def _sort_key(size: int) -> Any:
    def key(row: Row[Any]) -> SortKey:
        return tuple(getattr(row, f"sort_{i}") for i in range(size))

    return key


async def root_page(
    reads: Reads,
    kind: str,
    orderings: Sequence[Ordering],
    listed: Listed,
    order_by: str | None,
    first: int | None,
    after: str | None,
    with_total: bool = True,
) -> Page[Row[Any]]:
    """A page of ``listed``'s rows, in the asked order; its total when ``with_total``."""
    ordering = pick_ordering(kind, orderings, order_by, listed.conditions)
    request = PageRequest.parse(f"{kind}/{ordering.name}", first, after)
    base = select(listed.table).where(*listed.conditions)
    return await page_of(reads, base, ordering, request, total_of(listed) if with_total else None)
