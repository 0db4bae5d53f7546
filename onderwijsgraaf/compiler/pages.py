"""A page of a list as the JSON of its connection: ``totalCount``, ``pageInfo``, ``edges`` and
(for locaties and aanbod) ``geojson``, computed by one aggregate over the page's rows.

``ranked(rows, order, first)`` makes the page: at most ``first + 1`` rows in ``order`` (the extra
row only tells that there is a next page), numbered (``og_rn``) and counted (``og_n``). The
connection's JSON is then an aggregate over those rows, so an empty page still gives one row.
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
PointJson = Callable[[Walk, list[FieldDetails]], Sql]


def ranked(rows: Select[Any], keys: Sequence[str], first: int) -> FromClause:
    """At most ``first + 1`` of ``rows`` ordered by its columns ``keys``, numbered ``og_rn``
    from 1 and counted in ``og_n``."""
    limited = rows.order_by(*(rows.selected_columns[k] for k in keys)).limit(first + 1)
    page = limited.subquery()
    order = [page.c[k] for k in keys]
    return select(
        page,
        func.row_number().over(order_by=order).label("og_rn"),
        func.count().over().label("og_n"),
    ).subquery()


@dataclass(frozen=True)
class Page:
    """A ranked page and what its connection's JSON needs besides its rows."""

    rows: FromClause
    first: int
    has_previous: bool
    total: Sql | None  # JSON of the total (a statement), None when it cannot be asked
    cursor: Sql  # JSON string of a row's cursor, from ``rows``
    node: NodeJson
    point: PointJson | None = None  # lists without one have no GeoJSON


def connection(walk: Walk, field: Selected, page: Page) -> Select[Any]:
    """A SELECT of the JSON of the connection ``field`` selects: an aggregate over the page's
    rows, or (when only the total is asked) no rows at all."""
    connection_type = _object(field.definition.type if field.definition else None)
    members = []
    selections = walk.fields(connection_type, field.details)
    for selected in selections:
        if selected.name == "__typename":
            members.append((selected.key, j.string(connection_type.name)))
        elif selected.name == "totalCount":
            if page.total is None:
                raise NotCompiled("totalCount")
            members.append((selected.key, page.total))
        elif selected.name == "pageInfo":
            members.append((selected.key, _page_info(walk, selected, page)))
        elif selected.name == "edges":
            members.append((selected.key, _edges(walk, selected, page)))
        elif selected.name == "geojson" and page.point is not None:
            members.append((selected.key, _geojson(walk, selected, page)))
        else:
            raise NotCompiled(f"{connection_type.name}.{selected.name}")
    json = select(j.obj(members))
    if any(s.name in ("pageInfo", "edges", "geojson") for s in selections):
        return json.select_from(page.rows)
    return json


def _shown(page: Page, value: Sql) -> Sql:
    """``value`` for the rows the page shows (not the extra one); NULL otherwise."""
    return case((page.rows.c.og_rn <= page.first, value))


def _page_info(walk: Walk, field: Selected, page: Page) -> Sql:
    rn, n = page.rows.c.og_rn, page.rows.c.og_n
    members = []
    for selected in walk.fields(
        _object(field.definition.type if field.definition else None), field.details
    ):
        if selected.name == "__typename":
            members.append((selected.key, j.string("PageInfo")))
        elif selected.name == "hasNextPage":
            members.append((selected.key, j.boolean(func.count() > page.first)))
        elif selected.name == "hasPreviousPage":
            members.append((selected.key, j.text("true" if page.has_previous else "false")))
        elif selected.name == "startCursor":
            start = _shown(page, case((rn == 1, page.cursor)))
            members.append((selected.key, func.coalesce(func.max(start), j.text(j.NULL))))
        elif selected.name == "endCursor":
            last = walk.dialect.smaller(n, literal(page.first))
            end = _shown(page, case((rn == last, page.cursor)))
            members.append((selected.key, func.coalesce(func.max(end), j.text(j.NULL))))
        else:
            raise NotCompiled(f"PageInfo.{selected.name}")
    return j.obj(members)


def _edges(walk: Walk, field: Selected, page: Page) -> Sql:
    edge_type = _object(_item(field))
    members = []
    for selected in walk.fields(edge_type, field.details):
        if selected.name == "__typename":
            members.append((selected.key, j.string(edge_type.name)))
        elif selected.name == "cursor":
            members.append((selected.key, page.cursor))
        elif selected.name == "node":
            members.append((selected.key, page.node(walk, page.rows, selected.details)))
        else:
            raise NotCompiled(f"{edge_type.name}.{selected.name}")
    return _array_of(walk, page, j.obj(members))


def _geojson(walk: Walk, field: Selected, page: Page) -> Sql:
    collection_type = _object(field.definition.type if field.definition else None)
    members = []
    for selected in walk.fields(collection_type, field.details):
        if selected.name == "__typename":
            members.append((selected.key, j.string(collection_type.name)))
        elif selected.name == "type":
            members.append((selected.key, j.string("FeatureCollection")))
        elif selected.name == "features":
            members.append((selected.key, _features(walk, selected, page)))
        else:
            raise NotCompiled(f"{collection_type.name}.{selected.name}")
    return j.obj(members)


def _features(walk: Walk, field: Selected, page: Page) -> Sql:
    feature_type = _object(_item(field))
    members = []
    for selected in walk.fields(feature_type, field.details):
        if selected.name == "__typename":
            members.append((selected.key, j.string(feature_type.name)))
        elif selected.name == "type":
            members.append((selected.key, j.string("Feature")))
        elif selected.name == "id":
            members.append((selected.key, walk.dialect.quote(page.rows.c.code)))
        elif selected.name == "geometry" and page.point is not None:
            members.append((selected.key, page.point(walk, selected.details)))
        elif selected.name == "properties":
            members.append((selected.key, page.node(walk, page.rows, selected.details)))
        else:
            raise NotCompiled(f"{feature_type.name}.{selected.name}")
    return _array_of(walk, page, j.obj(members))


def _array_of(walk: Walk, page: Page, item: Sql) -> Sql:
    return j.array(walk.dialect.join_ordered(_shown(page, item), [page.rows.c.og_rn]))


def cursor(walk: Walk, kind: str, keys: Sequence[Sql]) -> Sql:
    """The JSON string of a cursor: base64 of ``["kind",[key,...]]`` without padding, as
    ``loaders.paging.encode_cursor`` writes it."""
    parts: list[Sql] = [j.text("[" + json.dumps(kind, ensure_ascii=False) + ",[")]
    for i, key in enumerate(keys):
        if i:
            parts.append(j.text(","))
        parts.append(walk.dialect.quote(key))
    parts.append(j.text("]]"))
    encoded = func.rtrim(walk.dialect.base64url(j.concat(*parts)), j.text("="))
    return j.concat(j.text('"'), encoded, j.text('"'))


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
