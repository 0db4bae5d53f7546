"""The JSON of an object of the graph from its row, as the graph description reads each field:
columns converted by kind, embedded objects from the same row, links and lists as correlated
subqueries (every table under an alias of its own, valid on the walk's peildatum), and for an
interface the concrete type named by the row's discriminator.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLObjectType
from graphql.execution.collect_fields import FieldDetails
from sqlalchemy import ColumnElement, FromClause, case, func, select, tuple_

from loaders.paging import PageRequest, check_cursor
from onderwijsgraaf import graph
from onderwijsgraaf.compiler import pages, veldbronnen
from onderwijsgraaf.compiler import sqljson as j
from onderwijsgraaf.compiler.selection import NotCompiled, Selected, Walk
from onderwijsgraaf.graph.model import (
    Column,
    Constant,
    Coordinates,
    Distance,
    Embedded,
    FieldSources,
    GlobalId,
    Interface,
    Kind,
    Link,
    Listing,
    ObjectType,
    Values,
    table,
    valid_on,
)
from onderwijsgraaf.graph.sql import child_rows, values_rows

Sql = ColumnElement[Any]


def node(
    walk: Walk,
    type_name: str,
    row: FromClause,
    details: list[FieldDetails],
    distance: Sql | None = None,
    table: str | None = None,
) -> Sql:
    """The JSON of the object of ``type_name`` (a type or an interface) in ``row``.
    ``distance`` is the JSON of ``afstandKm`` where a radius search measured it; ``table`` the
    table of ``row`` where the type has none (an object embedded in its row)."""
    found = graph.interface(type_name)
    if found is None:
        return _object(walk, graph.object_type(type_name), row, details, distance, table)
    merged = _merged(walk, found, row, details, distance)
    if merged is not None:
        return merged
    discriminator = row.c[found.discriminator]
    branches = [
        (discriminator == value, _object(walk, graph.object_type(name), row, details, distance))
        for value, name in found.concrete.items()
    ]
    default = None
    if found.default is not None:
        default = _object(walk, graph.object_type(found.default), row, details, distance)
    return case(*branches, else_=default)


def _object(
    walk: Walk,
    described: ObjectType,
    row: FromClause,
    details: list[FieldDetails],
    distance: Sql | None,
    table: str | None = None,
) -> Sql:
    graphql_type = walk.object_type(described.name)
    members = [
        (selected.key, _field(walk, described, graphql_type, row, selected, distance, table))
        for selected in walk.fields(graphql_type, details)
    ]
    return j.obj(members)


def _merged(
    walk: Walk,
    interface: Interface,
    row: FromClause,
    details: list[FieldDetails],
    distance: Sql | None,
) -> Sql | None:
    """An interface's object as one JSON expression: each member written once, and only for
    the concrete types that select it (most selections are the same for all). None when the
    concrete types order their members differently; the caller then writes one per type."""
    discriminator = row.c[interface.discriminator]
    values: dict[str, list[str]] = {}
    for code, name in interface.concrete.items():
        values.setdefault(name, []).append(code)
    types = list(values) + ([interface.default] if interface.default else [])
    selections = {name: walk.fields(walk.object_type(name), details) for name in types}
    members: list[tuple[str, Selected, list[str]]] = []  # (key, selection, its types)
    for name in types:
        for selected in selections[name]:
            signature = _signature(selected)
            match = next((m for m in members if _signature(m[1]) == signature), None)
            if match is None:
                members.append((selected.key, selected, [name]))
            else:
                match[2].append(name)
    for name in types:
        in_order = [m[0] for m in members if name in m[2]]
        if in_order != [selected.key for selected in selections[name]]:
            return None
    common_first = bool(members) and len(members[0][2]) == len(types)
    pieces: list[Sql] = [j.text("{")]
    for i, (key, selected, owners) in enumerate(members):
        if selected.name == "__typename":
            value = _typename(interface, row)
        else:
            owner = graph.object_type(owners[0])
            value = _field(walk, owner, walk.object_type(owner.name), row, selected, distance)
        if i == 0 and common_first:
            pieces += [j.text(j.key(key, first=True)), value]
            continue
        piece = j.concat(j.text(j.key(key, first=False)), value)
        if len(owners) < len(types):
            piece = case((_is_one_of(discriminator, owners, values), piece), else_=j.text(""))
        pieces.append(piece)
    if common_first or not members:
        return j.concat(*pieces, j.text("}"))
    # the first member may be missing: every member follows a comma; drop the first comma
    return j.concat(j.text("{"), func.substr(j.concat(*pieces[1:]), 2), j.text("}"))


def _signature(selected: Selected) -> tuple[object, ...]:
    return (selected.key, selected.name, tuple(id(d.node) for d in selected.details))


def _is_one_of(discriminator: Sql, types: list[str], values: dict[str, list[str]]) -> Sql:
    """The row is of one of ``types`` (the default type: of none of the named values)."""
    named = [v for name in types for v in values.get(name, [])]
    every = [v for vs in values.values() for v in vs]
    if any(name not in values for name in types):  # the default type
        return discriminator.not_in([v for v in every if v not in named])
    return discriminator.in_(named)


def _typename(interface: Interface, row: FromClause) -> Sql:
    discriminator = row.c[interface.discriminator]
    branches = [(discriminator == v, j.string(n)) for v, n in interface.concrete.items()]
    default = j.string(interface.default) if interface.default else j.text(j.NULL)
    return case(*branches, else_=default)


def _field(
    walk: Walk,
    described: ObjectType,
    graphql_type: GraphQLObjectType,
    row: FromClause,
    selected: Selected,
    distance: Sql | None,
    table: str | None = None,
) -> Sql:
    if selected.name == "__typename":
        return j.string(graphql_type.name)
    field = described.fields.get(selected.name)
    table = described.table or table
    if isinstance(field, Column):
        return column(walk, field, row.c[field.column])
    if isinstance(field, FieldSources):
        item = field.type
        return veldbronnen.velden(
            walk, field, row, table, lambda items: node(walk, item, items, selected.details)
        )
    if isinstance(field, Embedded):
        value = node(walk, field.type, row, selected.details, table=table)
        conditions = []
        if field.when_all:
            conditions.append(j.present([row.c[c] for c in field.when_all]))
        if field.when_any:
            conditions.append(j.nonempty([row.c[c] for c in field.when_any]))
        if not conditions:
            return value
        return case((j.and_all(conditions), value), else_=j.text(j.NULL))
    if isinstance(field, Link):
        return _link(walk, field, row.c[field.column], selected)
    if isinstance(field, Listing):
        edge = graph.edge(described.name, selected.name)
        return _listing(walk, edge, row, graph.table_of(described.name)[1], selected)
    if isinstance(field, Values):
        return _values(walk, field, row, graph.table_of(described.name)[1])
    if isinstance(field, GlobalId):
        key = row.c[graph.table_of(described.name)[1]]
        # "<Type>:<code>@<peildatum>", as schema.node.global_id writes it
        text = j.concat(
            j.text(f"{described.node or described.name}:"),
            key,
            j.text(f"@{walk.peildatum.isoformat()}"),
        )
        return j.concat(j.text('"'), walk.dialect.base64url(text), j.text('"'))
    if isinstance(field, Distance):
        return distance if distance is not None else j.text(j.NULL)
    if isinstance(field, Constant):
        return j.string(field.value)
    if isinstance(field, Coordinates):
        lon, lat = walk.dialect.float(row.c[field.lon]), walk.dialect.float(row.c[field.lat])
        return j.concat(j.text("["), lon, j.text(","), lat, j.text("]"))
    raise NotCompiled(f"{described.name}.{selected.name}")


def column(walk: Walk, field: Column, value: Sql) -> Sql:
    """A column's value as JSON, converted as ``schema.described.convert`` converts it."""
    kind, dialect = field.kind, walk.dialect
    if kind is Kind.PLAIN:
        return dialect.quote(value)
    if kind is Kind.FLOAT:
        return dialect.float(value)
    if kind is Kind.BOOLEAN:
        return j.boolean(value.is_(True) if dialect.postgres else value == 1)
    if kind is Kind.JA:
        return j.boolean(value == "JA")
    if kind is Kind.ENUM:
        return case(
            (func.coalesce(value, j.text("")) == j.text(""), j.text(j.NULL)),
            else_=dialect.quote(func.replace(value, j.text("-"), j.text("_"))),
        )
    names = value if kind is Kind.WORDS else func.replace(value, j.text("-"), j.text("_"))
    items = func.replace(dialect.quote(names), j.text(","), j.text('","'))
    return j.array(case((func.coalesce(value, j.text("")) == j.text(""), j.text("")), else_=items))


def _link(walk: Walk, link: Link, key: Sql, selected: Selected) -> Sql:
    table_name, key_column = graph.table_of(link.target)
    target = table(table_name).alias()
    found = (
        select(node(walk, link.target, target, selected.details))
        .where(target.c[key_column] == key, *valid_on(target, walk.peildatum))
        .scalar_subquery()
    )
    return func.coalesce(found, j.text(j.NULL))


def _values(walk: Walk, values: Values, parent_row: FromClause, key: str) -> Sql:
    query, parent, value = values_rows(values, walk.peildatum, aliased=True)
    ordered = query.where(parent == parent_row.c[key]).order_by(value).correlate(parent_row)
    rows = ordered.subquery()
    code = func.replace(rows.c[values.value], j.text("-"), j.text("_"))
    joined = walk.dialect.join_ordered(walk.dialect.quote(code), [rows.c[values.value]])
    return select(j.array(joined)).select_from(rows).scalar_subquery()


def _listing(
    walk: Walk, edge: graph.Edge, parent_row: FromClause, key: str, selected: Selected
) -> Sql:
    arguments = walk.arguments(selected)
    request = PageRequest.parse(edge.kind, arguments.get("first"), arguments.get("after"))
    listing = edge.listing
    if listing.visible is not None and not walk.viewer.anonymous:
        # a caller with a token may see private rows, which the resolvers write to the audit log
        raise NotCompiled("private rows for a caller with a token")
    rows = child_rows(listing, walk.peildatum, walk.viewer, aliased=True)
    order = [rows.child.c[c] for c in listing.order]
    of_parent = rows.select.where(rows.parent == parent_row.c[key]).correlate(parent_row)
    page_rows = of_parent
    if request.after is not None:
        check_cursor(request.after, tuple(column.type.python_type for column in order))
        page_rows = page_rows.where(tuple_(*order) > tuple_(*request.after))
    counted = of_parent.subquery()
    total = walk.dialect.number(select(func.count()).select_from(counted).scalar_subquery())
    page = pages.Page(
        rows=page_rows,
        keys=listing.order,
        first=request.first,
        has_previous=request.after is not None,
        total=total,
        cursor=lambda rows: pages.cursor(
            walk, edge.kind, [walk.dialect.quote(rows.c[c]) for c in listing.order]
        ),
        node=lambda walk, row, details: node(walk, listing.target, row, details),
        point=point_of(listing.target),
    )
    return pages.connection(walk, selected, page).scalar_subquery()


def point_of(type_name: str) -> pages.PointJson | None:
    """How a page of ``type_name`` gets the GeoJSON point of each row: a locatie's own; an
    aanbod's from its locatie valid on the peildatum; other lists have no GeoJSON."""
    if type_name == "Onderwijslocatie":
        return point
    if type_name == "AangebodenOpleiding":

        def of_locatie(walk: Walk, row: FromClause, details: list[FieldDetails]) -> Sql:
            locatie = table("onderwijslocatie").alias()
            found = (
                select(point(walk, locatie, details))
                .where(
                    locatie.c.code == row.c.onderwijslocatie_code,
                    *valid_on(locatie, walk.peildatum),
                )
                .scalar_subquery()
            )
            return func.coalesce(found, j.text(j.NULL))

        return of_locatie
    return None


def point(walk: Walk, row: FromClause, details: list[FieldDetails]) -> Sql:
    """The GeoJSON point of a locatie row (null without coordinates), as ``geometrie``."""
    geometrie = graph.object_type("Onderwijslocatie").fields["geometrie"]
    if not isinstance(geometrie, Embedded):
        raise NotCompiled("Onderwijslocatie.geometrie")
    value = node(walk, geometrie.type, row, details)
    present = j.present([row.c[c] for c in geometrie.when_all])
    return case((present, value), else_=j.text(j.NULL))
