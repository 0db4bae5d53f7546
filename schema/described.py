"""Strawberry objects made from database rows as the graph description says.

Every object type of the schema is registered with ``@described`` and holds its ``row`` and the
``peildatum`` of the answer privately. ``build(type_name, row, peildatum)`` fills its plain fields
from the description (columns, embedded objects, distance); its edges are resolved by the
generic ``link``, ``listing`` and ``values`` fields, which read the same description and load
through this request's batch loaders.
"""

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import strawberry
from strawberry.types import Info
from strawberry.utils.str_converters import to_camel_case

from onderwijsgraaf import graph
from onderwijsgraaf.graph.model import (
    Column,
    Constant,
    Coordinates,
    Distance,
    Embedded,
    Field,
    FieldSources,
    Kind,
    Link,
    Values,
)
from onderwijsgraaf.graph.veldnamen import veldbronnen
from resolvers.nabij import MetAfstand
from schema.audit import record
from schema.connection import After, Connection, First
from schema.context import Context
from schema.enums import ENUMS

C = TypeVar("C", bound=type[Any])
CLASSES: dict[str, type[Any]] = {}
NAMES: dict[type[Any], str] = {}
CONNECTIONS: dict[str, type[Any]] = {}
# per GraphQL type: (python name, GraphQL name) of each field that is filled at construction
PLAIN: dict[str, list[tuple[str, str]]] = {}


@dataclasses.dataclass(kw_only=True)
class Rij:
    """The base of every described type: the database row it is made from, and the peildatum of
    the answer it is part of."""

    row: strawberry.Private[Any]
    peildatum: strawberry.Private[dt.date]


def described(cls: C) -> C:
    """Register a strawberry type under its GraphQL name for ``build``."""
    definition = cls.__strawberry_definition__
    CLASSES[definition.name] = cls
    NAMES[cls] = definition.name
    PLAIN[definition.name] = [
        (f.python_name, f.graphql_name or to_camel_case(f.python_name))
        for f in definition.fields
        if f.base_resolver is None
    ]
    return cls


def build(type_name: str, row: Any, peildatum: dt.date, table: str | None = None) -> Any:
    """The object of ``type_name`` (or, for an interface, of the row's concrete type).
    ``table``: the table of ``row`` where the type has none (an object embedded in its row)."""
    found = graph.interface(type_name)
    if found is not None:
        type_name = found.type_of(getattr(row, found.discriminator))
    object_type = graph.object_type(type_name)
    table = object_type.table or table
    values = {
        python: _value(object_type.fields[name], row, peildatum, table)
        for python, name in PLAIN[type_name]
    }
    return CLASSES[type_name](**values, row=row, peildatum=peildatum)


def _value(field: Field, row: Any, peildatum: dt.date, table: str | None) -> Any:
    if isinstance(field, Column):
        return convert(field, getattr(row, field.column))
    if isinstance(field, Embedded):
        present = all(getattr(row, c) is not None for c in field.when_all) and (
            not field.when_any or any(getattr(row, c) for c in field.when_any)
        )
        return build(field.type, row, peildatum, table) if present else None
    if isinstance(field, FieldSources):
        pairs = veldbronnen(getattr(row, field.column), table)
        return [build(field.type, pair, peildatum) for pair in pairs]
    if isinstance(field, Distance):
        return float(row.afstand_km) if isinstance(row, MetAfstand) else None
    if isinstance(field, Constant):
        return field.value
    if isinstance(field, Coordinates):
        return [getattr(row, field.lon), getattr(row, field.lat)]
    raise TypeError(f"{field!r} is resolved by a field of its own, not at construction")


def convert(column: Column, value: Any) -> Any:
    """A column's value as its GraphQL value."""
    kind = column.kind
    if kind is Kind.PLAIN or kind is Kind.FLOAT:
        return value
    if kind is Kind.BOOLEAN:
        return bool(value)
    if kind is Kind.JA:
        return value == "JA"
    if kind is Kind.WORDS:
        return [w for w in (value or "").split(",") if w]
    enum = ENUMS[column.enum or ""]
    if kind is Kind.ENUM:
        return enum(value) if value else None
    return [enum(code) for code in (value or "").split(",") if code]


def type_name_of(obj: Any) -> str:
    return NAMES[type(obj)]


def key_of(obj: Any) -> Any:
    return getattr(obj.row, graph.table_of(type_name_of(obj))[1])


def _described(root: Any, info: Info[Context, None], kind: type[Any]) -> Any:
    found = graph.field_of(type_name_of(root), info.field_name)
    if not isinstance(found, kind):
        raise TypeError(f"{type_name_of(root)}.{info.field_name} is not a {kind.__name__}")
    return found


async def _link(root: Any, info: Info[Context, None]) -> Any:
    found: Link = _described(root, info, Link)
    key = getattr(root.row, found.column)
    if key is None:
        return None
    row = await info.context.loaders.of_type(found.target).load((key, root.peildatum))
    return build(found.target, row, root.peildatum) if row is not None else None


def link(description: str) -> Any:
    """A field holding the object its description's ``Link`` points to, or null."""
    return strawberry.field(resolver=_link, description=description)


async def page_of(
    info: Info[Context, None], root: Any, first: int | None, after: str | None
) -> tuple[graph.Edge, Any]:
    """The page of the listing ``info.field_name`` of ``root``, and its edge."""
    type_name = type_name_of(root)
    edge = graph.edge(type_name, info.field_name)
    loader = info.context.loaders.listing(edge)
    parent = key_of(root)
    page = await loader.load(loader.page_key(parent, root.peildatum, first, after))
    if edge.listing.visible is not None:
        record(info.context, type_name.lower(), parent, page.rows)
    return edge, page


def connection_of(target: str) -> Callable[[C], C]:
    """Register a connection type with more than edges for lists of ``target`` (e.g. GeoJSON)."""

    def register(cls: C) -> C:
        CONNECTIONS[target] = cls
        return cls

    return register


async def _listing(
    root: Any, info: Info[Context, None], first: First = None, after: After = None
) -> Any:
    edge, page = await page_of(info, root, first, after)
    target = edge.listing.target
    connection = CONNECTIONS.get(target, Connection)
    return connection.of(page, lambda row: build(target, row, root.peildatum))


def listing(description: str) -> Any:
    """A connection field over its description's ``Listing``."""
    return strawberry.field(resolver=_listing, description=description)


async def _values(root: Any, info: Info[Context, None]) -> list[Any]:
    found: Values = _described(root, info, Values)
    codes = await info.context.loaders.values(found).load((key_of(root), root.peildatum))
    return [ENUMS[found.enum](code) for code in codes]


def values(description: str) -> Any:
    """A field holding its description's ``Values``: sorted enum values."""
    return strawberry.field(resolver=_values, description=description)
