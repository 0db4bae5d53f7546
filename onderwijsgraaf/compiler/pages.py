"""A page of a list as the JSON of its connection: ``totalCount``, ``pageInfo``, ``edges`` and
(for locaties and aanbod) ``geojson``, computed by one aggregate over the page's rows, so an
empty page still gives one row.

The page's shape follows what is asked: ``first`` rows in the list's order (read through an
index in that order where there is one, stopping after the page); one more, numbered (``og_rn``)
and counted (``og_n``), only when ``pageInfo`` asks whether there is a next page or for a
cursor; the total in a subquery of its own (on PostgreSQL from the index alone); no rows at all
when only the total is asked.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLOutputType
from graphql.execution.collect_fields import FieldDetails
from sqlalchemy import FromClause, Select, case, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from onderwijsgraaf.compiler import sqljson as j
from onderwijsgraaf.compiler.selection import NotCompiled, Selected, Walk

Sql = ColumnElement[Any]
# the JSON of a row's node, and of its GeoJSON point, for a selection
NodeJson = Callable[[Walk, FromClause, list[FieldDetails]], Sql]
PointJson = Callable[[Walk, FromClause, list[FieldDetails]], Sql]
NUMBERED = ("hasNextPage", "startCursor", "endCursor")


@dataclass(frozen=True)
class Page:
    """A list's rows after its cursor (``rows``, in the order of its columns ``keys``) and what
    the connection's JSON needs besides them."""

    rows: Select[Any]
    keys: Sequence[str]
    first: int
    has_previous: bool
    total: Sql | None  # JSON of the total (its own subquery); None when it cannot be asked
    cursor: Callable[[FromClause], Sql]  # JSON string of a row's cursor
    node: NodeJson
    point: PointJson | None = None  # lists without one have no GeoJSON


@dataclass
class Shaped:
    """The page's rows as asked for, and how to read them; ``aggregated`` tells whether the
    connection's JSON aggregates over them (otherwise it is selected without them)."""

    page: Page
    rows: FromClause
    numbered: bool
    aggregated: bool = False

    def aggregate(self, value: Sql) -> Sql:
        """``value``, an aggregate over the page's rows."""
        self.aggregated = True
        return value

    def shown(self, value: Sql) -> Sql:
        """``value`` for the rows the page shows (not the extra one); NULL otherwise."""
        if not self.numbered:
            return value
        return case((self.rows.c.og_rn <= self.page.first, value))

    def order(self) -> list[Sql]:
        if self.numbered:
            return [self.rows.c.og_rn]
        return [self.rows.c[k] for k in self.page.keys]


def _shaped(page: Page, numbered: bool) -> Shaped:
    rows = page.rows
    limit = page.first + 1 if numbered else page.first
    limited = rows.order_by(*(rows.selected_columns[k] for k in page.keys)).limit(limit)
    subquery = limited.subquery()
    if numbered:
        order = [subquery.c[k] for k in page.keys]
        subquery = select(
            subquery,
            func.row_number().over(order_by=order).label("og_rn"),
            func.count().over().label("og_n"),
        ).subquery()
    return Shaped(page, subquery, numbered)


def connection(walk: Walk, field: Selected, page: Page) -> Select[Any]:
    """A SELECT of the JSON of the connection ``field`` selects."""
    connection_type = _object(_type(field))
    selections = walk.fields(connection_type, field.details)
    numbered = any(
        info.name in NUMBERED
        for s in selections
        if s.name == "pageInfo"
        for info in walk.fields(_object(_type(s)), s.details)
    )
    shaped = _shaped(page, numbered)

    def total(_: Selected) -> Sql:
        if page.total is None:
            raise NotCompiled("totalCount")
        return page.total

    members: Members = {
        "totalCount": total,
        "pageInfo": lambda selected: _page_info(walk, selected, shaped),
        "edges": lambda selected: _edges(walk, selected, shaped),
    }
    if page.point is not None:
        members["geojson"] = lambda selected: _geojson(walk, selected, shaped)
    json = select(_members(walk, connection_type, field.details, members))
    return json.select_from(shaped.rows) if shaped.aggregated else json


# how each field of an object is written, from its selection
Members = dict[str, Callable[[Selected], Sql]]


def _members(
    walk: Walk, object_type: GraphQLObjectType, details: list[FieldDetails], members: Members
) -> Sql:
    """The JSON object of the fields selected on ``object_type``, each written by ``members``
    (``__typename`` by its name); a field without a writer is not compiled."""
    found = []
    for selected in walk.fields(object_type, details):
        if selected.name == "__typename":
            found.append((selected.key, j.string(object_type.name)))
        elif selected.name in members:
            found.append((selected.key, members[selected.name](selected)))
        else:
            raise NotCompiled(f"{object_type.name}.{selected.name}")
    return j.obj(found)


def _page_info(walk: Walk, field: Selected, shaped: Shaped) -> Sql:
    page, rows = shaped.page, shaped.rows

    def cursor_at(position: Sql) -> Sql:
        cursor = shaped.shown(case((rows.c.og_rn == position, page.cursor(rows))))
        return func.coalesce(shaped.aggregate(func.max(cursor)), j.text(j.NULL))

    members: Members = {
        "hasNextPage": lambda _: j.boolean(shaped.aggregate(func.count() > page.first)),
        "hasPreviousPage": lambda _: j.text("true" if page.has_previous else "false"),
        "startCursor": lambda _: cursor_at(literal(1)),
        "endCursor": lambda _: cursor_at(walk.dialect.smaller(rows.c.og_n, literal(page.first))),
    }
    return _members(walk, _object(_type(field)), field.details, members)


def _edges(walk: Walk, field: Selected, shaped: Shaped) -> Sql:
    page, rows = shaped.page, shaped.rows
    members: Members = {
        "cursor": lambda _: page.cursor(rows),
        "node": lambda selected: page.node(walk, rows, selected.details),
    }
    return _array_of(walk, shaped, _members(walk, _object(_item(field)), field.details, members))


def _geojson(walk: Walk, field: Selected, shaped: Shaped) -> Sql:
    members: Members = {
        "type": lambda _: j.string("FeatureCollection"),
        "features": lambda selected: _features(walk, selected, shaped),
    }
    return _members(walk, _object(_type(field)), field.details, members)


def _features(walk: Walk, field: Selected, shaped: Shaped) -> Sql:
    page, rows = shaped.page, shaped.rows
    members: Members = {
        "type": lambda _: j.string("Feature"),
        "id": lambda _: walk.dialect.quote(rows.c.code),
        "properties": lambda selected: page.node(walk, rows, selected.details),
    }
    if page.point is not None:
        point = page.point
        members["geometry"] = lambda selected: point(walk, rows, selected.details)
    return _array_of(walk, shaped, _members(walk, _object(_item(field)), field.details, members))


def _array_of(walk: Walk, shaped: Shaped, item: Sql) -> Sql:
    joined = walk.dialect.join_ordered(shaped.shown(item), shaped.order())
    return j.array(shaped.aggregate(joined))


def cursor(walk: Walk, kind: str, keys: Sequence[Sql]) -> Sql:
    """The JSON string of a cursor: base64 of ``["kind",[key,...]]`` without padding, as
    ``loaders.paging.encode_cursor`` writes it; ``keys`` are the sort key's values as JSON."""
    parts: list[Sql] = [j.text("[" + json.dumps(kind, ensure_ascii=False) + ",[")]
    for i, key in enumerate(keys):
        if i:
            parts.append(j.text(","))
        parts.append(key)
    parts.append(j.text("]]"))
    encoded = func.rtrim(walk.dialect.base64url(j.concat(*parts)), j.text("="))
    return j.concat(j.text('"'), encoded, j.text('"'))


def _type(field: Selected) -> GraphQLOutputType | None:
    return field.definition.type if field.definition else None


def _object(output: GraphQLOutputType | None) -> GraphQLObjectType:
    while isinstance(output, GraphQLNonNull):
        output = output.of_type
    if not isinstance(output, GraphQLObjectType):
        raise NotCompiled(f"{output} is not an object type")
    return output


def _item(field: Selected) -> GraphQLOutputType:
    """The item type of a list field."""
    output: Any = field.definition.type if field.definition else None
    while isinstance(output, GraphQLNonNull):
        output = output.of_type
    if not isinstance(output, GraphQLList):
        raise NotCompiled(f"{field.name} is not a list")
    item: GraphQLOutputType = output.of_type
    return item
