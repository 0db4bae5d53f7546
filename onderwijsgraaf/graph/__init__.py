"""The graph description: one place that says, for every GraphQL type of the API, which table
its rows come from and how each field is read: columns, links, paged listings (child table, join,
order, validity) and the visibility of private rows. The strawberry types (``schema/``), the batch
loaders (``loaders/``) and the SQL compiler (``onderwijsgraaf/compiler/``) all read it; the
vocabulary is in ``model``, the RIO graph in ``rio``."""

from __future__ import annotations

from dataclasses import dataclass

from onderwijsgraaf.graph.model import Field, Interface, Listing, ObjectType
from onderwijsgraaf.graph.rio import INTERFACES, TYPES


@dataclass(frozen=True)
class Edge:
    """A listing with where it is declared: ``owner`` (a type or interface) and ``field``."""

    owner: str
    field: str
    listing: Listing

    @property
    def kind(self) -> str:
        """The name of the list in its cursors, e.g. ``onderwijsaanbieder.onderwijslocaties``."""
        return f"{self.owner[0].lower()}{self.owner[1:]}.{self.field}"


def object_type(name: str) -> ObjectType:
    return TYPES[name]


def interface(name: str) -> Interface | None:
    return INTERFACES.get(name)


def field_of(type_name: str, field_name: str) -> Field | None:
    """How ``field_name`` of type (or interface) ``type_name`` is read; None if not described."""
    described = TYPES.get(type_name) or INTERFACES.get(type_name)
    return described.fields.get(field_name) if described else None


def table_of(type_name: str) -> tuple[str, str]:
    """The table and key column of a type or interface with rows of its own."""
    if type_name in INTERFACES:
        found = INTERFACES[type_name]
        return found.table, found.key
    described = TYPES[type_name]
    if described.table is None or described.key is None:
        raise KeyError(f"{type_name} has no table of its own")
    return described.table, described.key


def edge(type_name: str, field_name: str) -> Edge:
    """The listing ``field_name`` of type or interface ``type_name``."""
    return _EDGES[(type_name, field_name)]


def edges() -> list[Edge]:
    """Every listing of the graph, once (a listing of an interface once, for the interface)."""
    return list({(e.owner, e.field): e for e in _EDGES.values()}.values())


def _owner(type_name: str, field_name: str) -> str:
    for found in INTERFACES.values():
        if field_name in found.fields and type_name in found.members:
            return found.name
    return type_name


_DESCRIBED: list[ObjectType | Interface] = [*TYPES.values(), *INTERFACES.values()]
_EDGES: dict[tuple[str, str], Edge] = {
    (t.name, name): Edge(t.name if isinstance(t, Interface) else _owner(t.name, name), name, f)
    for t in _DESCRIBED
    for name, f in t.fields.items()
    if isinstance(f, Listing)
}
