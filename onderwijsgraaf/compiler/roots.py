"""Root fields as statements: a lookup by code, or a page of a root list with the same filters,
orders and cursors as the resolvers (their ``conditions``, ``ORDERINGS`` and radius search are
used as they are), each as one SELECT that returns the field's JSON.

A radius search measures its candidates in Python first (one statement for the candidates in
the box; the postcode's point is a second only the first time); the page's codes, distances and
cursors then go into the JSON statement.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    FromClause,
    Select,
    String,
    bindparam,
    cast,
    func,
    literal_column,
    select,
    true,
    tuple_,
)

from loaders.paging import PageRequest, check_cursor
from onderwijsgraaf import graph
from onderwijsgraaf.compiler import objects, pages
from onderwijsgraaf.compiler import sqljson as j
from onderwijsgraaf.compiler.selection import NotCompiled, Selected, Walk
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.encoding import encode_json
from onderwijsgraaf.graph.model import table, valid_on
from resolvers import (
    aanbieders,
    aanbod,
    begeleidingsaanbieders,
    besturen,
    groepen,
    locaties,
    lookups,
    opleidingseenheden,
    samenwerkingsverbanden,
)
from resolvers.listing import Listed, pick_ordering, sort_types, total_of
from resolvers.nabij import AFSTAND, BY_DISTANCE, Nabij, nabij_treffers
from schema import filters
from schema.node import parse_global_id
from schema.types.groep import OnderwijsaanbiedersgroepFilter
from schema.types.samenwerkingsverband import SamenwerkingsverbandFilter

Sql = ColumnElement[Any]
LOOKUPS = {
    "onderwijsbestuur": "Onderwijsbestuur",
    "onderwijsaanbieder": "Onderwijsaanbieder",
    "onderwijslocatie": "Onderwijslocatie",
    "opleidingseenheid": "Opleidingseenheid",
    "aangebodenOpleiding": "AangebodenOpleiding",
}


@dataclass(frozen=True)
class RootList:
    type_name: str
    resolver: ModuleType  # KIND, ORDERINGS, conditions(filter, peildatum), kandidaten_in(...)
    # the list's filter input (``to_filter(gebieden)`` gives the resolver's filter, with the
    # gemeenten and provincies it names as codes); None for a list without a filter
    filter: type[Any] | None


LISTS = {
    "onderwijsbesturen": RootList("Onderwijsbestuur", besturen, filters.OnderwijsbestuurFilter),
    "onderwijsaanbieders": RootList(
        "Onderwijsaanbieder", aanbieders, filters.OnderwijsaanbiederFilter
    ),
    "onderwijslocaties": RootList("Onderwijslocatie", locaties, filters.OnderwijslocatieFilter),
    "aangebodenOpleidingen": RootList(
        "AangebodenOpleiding", aanbod, filters.AangebodenOpleidingFilter
    ),
    "opleidingseenheden": RootList(
        "Opleidingseenheid", opleidingseenheden, filters.OpleidingseenheidFilter
    ),
    "onderwijsaanbiedersgroepen": RootList(
        "Onderwijsaanbiedersgroep", groepen, OnderwijsaanbiedersgroepFilter
    ),
    "samenwerkingsverbanden": RootList(
        "Samenwerkingsverband", samenwerkingsverbanden, SamenwerkingsverbandFilter
    ),
    "onderwijsbegeleidingsaanbieders": RootList(
        "Onderwijsbegeleidingsaanbieder", begeleidingsaanbieders, None
    ),
}


def root_statement(walk: Walk, field: Selected, arguments: dict[str, Any]) -> Statement:
    """The statement of a root field, given its arguments as its resolver gets them (Python
    names, inputs converted)."""
    if field.name in LOOKUPS:
        type_name = LOOKUPS[field.name]
        code = lookups.checked(type_name, arguments["code"])
        return select(_lookup(walk, type_name, code, field))
    if field.name == "node":
        return select(_node(walk, arguments["id"], field))
    if field.name == "nodes":
        items = [_node(walk, node_id, field) for node_id in arguments["ids"]]
        return select(j.array(j.concat(*_comma_separated(items)) if items else j.text("")))
    if field.name in LISTS:
        return _list(walk, LISTS[field.name], field, arguments)
    raise NotCompiled(f"Query.{field.name}")


def _lookup(walk: Walk, type_name: str, code: str, field: Selected) -> Sql:
    table_name, key = graph.table_of(type_name)
    row = table(table_name).alias()
    found = (
        select(objects.node(walk, type_name, row, field.details))
        .where(row.c[key] == code, *valid_on(row, walk.peildatum))
        .scalar_subquery()
    )
    return func.coalesce(found, j.text(j.NULL))


def _node(walk: Walk, node_id: str, field: Selected) -> Sql:
    """The object with a Relay id on the peildatum the id carries, or on the walk's (today: the
    field has no peildatum) for an id without one, as ``Query.node`` resolves it. The date is
    written into the statement; a plan is kept by its document and variables, which hold the id,
    and by today's date."""
    type_name, code, peildatum = parse_global_id(node_id)
    return _lookup(
        dataclasses.replace(walk, peildatum=peildatum or walk.peildatum), type_name, code, field
    )


def _comma_separated(items: list[Sql]) -> list[Sql]:
    parts: list[Sql] = []
    for i, item in enumerate(items):
        parts += [j.text(","), item] if i else [item]
    return parts


def _list(walk: Walk, root: RootList, field: Selected, arguments: dict[str, Any]) -> Statement:
    resolver = root.resolver
    if walk.gebieden is None:
        raise NotCompiled("the gemeenten and provincies are not loaded")
    filter: Any = None
    if root.filter is not None:
        filter = (arguments.get("filter") or root.filter()).to_filter(walk.gebieden)
    where = resolver.conditions(filter, walk.peildatum)
    order_by = arguments["order_by"].value if arguments.get("order_by") is not None else None
    first, after = arguments.get("first"), arguments.get("after")
    if getattr(filter, "nabij", None) is not None:
        return _nabij(walk, root, field, where, filter.nabij, order_by, first, after)
    ordering = pick_ordering(resolver.KIND, resolver.ORDERINGS, order_by, where)
    kind = f"{resolver.KIND}/{ordering.name}"
    request = PageRequest.parse(kind, first, after)
    base = table(graph.table_of(root.type_name)[0])
    listed = Listed(base, filter, walk.peildatum, where)
    sort = [f"og_sort_{i}" for i in range(len(ordering.keys))]
    rows = select(base, *(k.label(name) for k, name in zip(ordering.keys, sort, strict=True)))
    rows = rows.where(*where)
    if request.after is not None:
        check_cursor(request.after, sort_types(ordering.keys))
        rows = rows.where(tuple_(*ordering.keys) > tuple_(*request.after))
    page = pages.Page(
        rows=rows,
        keys=sort,
        first=request.first,
        has_previous=request.after is not None,
        total=walk.dialect.number(total_of(listed).scalar_subquery()),
        cursor=lambda rows: pages.cursor(
            walk, kind, [walk.dialect.quote(rows.c[name]) for name in sort]
        ),
        node=lambda walk, row, details: objects.node(walk, root.type_name, row, details),
        point=objects.point_of(root.type_name),
    )
    return pages.connection(walk, field, page)


@dataclass(frozen=True)
class Late:
    """A statement with parameters that only the request can give: ``values(reads)`` returns
    them by name (a radius search's page, measured in Python, and its total)."""

    statement: Select[Any]
    values: Callable[[Reads], Awaitable[dict[str, Any]]]
    names: tuple[str, ...]


def _nabij(
    walk: Walk,
    root: RootList,
    field: Selected,
    where: list[ColumnElement[bool]],
    nabij: Nabij,
    order_by: str | None,
    first: int | None,
    after: str | None,
) -> Late:
    """One statement for every radius search of this shape: the page's codes and distances
    (JSON, in page order) and the total are its parameters. A cursor's key is the distance and
    the code, or the row's sort key in another order, as the resolver's."""
    resolver = root.resolver
    kandidaten = resolver.kandidaten_in(where, walk.peildatum)
    by_distance = order_by in (None, AFSTAND)
    ordering = None if by_distance else pick_ordering(resolver.KIND, resolver.ORDERINGS, order_by)
    kind = f"{resolver.KIND}/{AFSTAND if ordering is None else ordering.name}"
    request = PageRequest.parse(kind, first, after)
    if request.after is not None:
        check_cursor(request.after, BY_DISTANCE if ordering is None else sort_types(ordering.keys))
    base = table(graph.table_of(root.type_name)[0])
    page_json = bindparam(TREFFERS, None, type_=String)
    if walk.dialect.postgres:
        found = (
            func.json_array_elements(cast(page_json, JSON))
            .table_valued("value", with_ordinality="position")
            .render_derived()
        )
        position, item = found.c.position, found.c.value
        parts: list[Sql] = [item.op("->>")(literal_column(str(i))) for i in range(2)]
    else:
        found = func.json_each(page_json).table_valued("key", "value")
        position, item = found.c.key, found.c.value
        parts = [func.json_extract(item, f"$[{i}]") for i in range(2)]
    code, distance = parts
    keys = () if ordering is None else ordering.keys
    sort = [f"og_sort_{i}" for i in range(len(keys))]
    row = select(base, *(key.label(name) for key, name in zip(keys, sort, strict=True)))
    row = row.where(base.c.code == code)
    if walk.dialect.postgres:
        # One probe of the primary key per code found: as a join, the planner reads the whole
        # table into a hash for a page of 100 codes.
        lateral = row.limit(1).lateral()
        rows = select(lateral, position.label("og_pos"), distance.label("og_afstand"))
        rows = rows.select_from(found).join(lateral, true())
    else:
        rows = row.add_columns(position.label("og_pos"), distance.label("og_afstand"))

    def cursor_of(rows: FromClause) -> Sql:
        if ordering is None:
            by_distance = [rows.c.og_afstand, walk.dialect.quote(rows.c.code)]
            return pages.cursor(walk, kind, by_distance)
        return pages.cursor(walk, kind, [walk.dialect.quote(rows.c[name]) for name in sort])

    page = pages.Page(
        rows=rows,
        keys=["og_pos"],
        first=request.first,
        has_previous=request.after is not None,
        total=bindparam(TOTAL, None, type_=String),
        cursor=cursor_of,
        node=lambda walk, row, details: objects.node(
            walk, root.type_name, row, details, distance=row.c.og_afstand
        ),
        point=objects.point_of(root.type_name),
    )

    async def values(reads: Reads) -> dict[str, Any]:
        treffers = await nabij_treffers(
            reads, resolver.KIND, resolver.ORDERINGS, kandidaten, nabij, order_by, first, after
        )
        # a distance as the API writes a float (json.dumps writes a float as its repr)
        shown = [[code, repr(distance)] for code, distance, _ in treffers.shown]
        return {TREFFERS: _json(shown), TOTAL: str(treffers.total)}

    return Late(pages.connection(walk, field, page), values, (TREFFERS, TOTAL))


TREFFERS, TOTAL = "og_treffers", "og_total"
# A root field's statement; for a radius search with the parameters only the request can give.
Statement = Select[Any] | Late


def _json(value: object) -> str:
    return encode_json(value).decode()
