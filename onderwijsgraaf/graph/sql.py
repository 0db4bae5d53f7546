"""The SQL of the graph description's edges, shared by the batch loaders and the compiler.

Each function takes the tables it reads from as arguments (the compiler passes aliases, so one
table can appear at several levels of a statement) and applies the peildatum to every table
with a validity period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, FromClause, Select, Table, select

from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.graph import table_of
from onderwijsgraaf.graph.model import Listing, Values, table, valid_on


@dataclass(frozen=True)
class ChildRows:
    """The rows of a listing's child table (``child``) valid on the peildatum that the viewer
    may see, and the column (of ``child`` or of the link table) holding each row's parent key."""

    select: Select[Any]
    child: FromClause
    parent: ColumnElement[Any]


def child_rows(
    listing: Listing, peildatum: dt.date, viewer: Viewer, *, aliased: bool = False
) -> ChildRows:
    child_table = table(table_of(listing.target)[0])
    child: Any = child_table.alias() if aliased else child_table
    conditions = valid_on(child, peildatum)
    if listing.visible is not None:
        conditions.append(listing.visible(child, viewer))
    query = select(child)
    if listing.via is None:
        return ChildRows(query.where(*conditions), child, child.c[listing.parent])
    via_table = table(listing.via)
    via: Any = via_table.alias() if aliased else via_table
    key = table_of(listing.target)[1]
    query = query.join(via, via.c[listing.via_child] == child.c[listing.child_column or key])
    return ChildRows(
        query.where(*conditions, *valid_on(via, peildatum)), child, via.c[listing.parent]
    )


def rows_by_key(t: Table | FromClause, peildatum: dt.date) -> Select[Any]:
    """The rows of ``t`` valid on ``peildatum`` (select its key to find one)."""
    return select(t).where(*valid_on(t, peildatum))


def values_rows(
    values: Values, peildatum: dt.date, *, aliased: bool = False
) -> tuple[Select[Any], ColumnElement[Any], ColumnElement[Any]]:
    """(parent, value) of ``values``' table valid on ``peildatum``, distinct; with its parent
    and value columns."""
    source: Any = table(values.table).alias() if aliased else table(values.table)
    parent, value = source.c[values.parent], source.c[values.value]
    query = select(parent, value).where(*valid_on(source, peildatum)).distinct()
    return query, parent, value
