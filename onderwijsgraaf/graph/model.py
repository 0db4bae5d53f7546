"""The vocabulary of the graph description: how a GraphQL field is read from the database.

Field kinds:

- ``Column``: a scalar from one column of the object's row, converted by its ``Kind``.
- ``Embedded``: an object made from the same row (an address, a point, the herkomst).
- ``Link``: one object of another table whose key is in a column of this row, valid on the
  peildatum (``None`` otherwise).
- ``Listing``: many objects as a paged connection: the child table, how it joins the parent
  (directly or through a link table), its order (the cursor's sort key, unique within a parent)
  and, for private data, who may see which rows.
- ``Values``: a short sorted list of distinct values per parent (sectoren, voertalen).
- ``FieldSources``: a short list of objects (veld, bron) from one ``veld=bron,…`` column.
- ``GlobalId``, ``Distance``, ``Constant``, ``Coordinates``: the Relay id, ``afstandKm`` (set
  only by a radius search), a fixed value, a GeoJSON ``[lon, lat]``.

A type with a table reads its rows from it by ``key``; an interface adds the column whose value
names the concrete type of a row. Tables are given by name; every table with ``begindatum`` and
``einddatum`` is read as valid on the peildatum.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Table

from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.db.models import Base, geldig_op


class Kind(enum.Enum):
    """How a column's value becomes a GraphQL value."""

    PLAIN = "plain"  # text, integer or date, as stored
    FLOAT = "float"
    BOOLEAN = "boolean"
    ENUM = "enum"  # a RIO code: the GraphQL enum value of ``enum``; empty is null
    CODES = "codes"  # comma-separated RIO codes: a list of values of ``enum``
    WORDS = "words"  # comma-separated words: a list of strings
    JA = "ja"  # RIO's JA/NEE: true when JA


def enum_value_name(code: str) -> str:
    """The GraphQL name of a RIO code (GraphQL names allow no hyphen): HBO-BA → HBO_BA."""
    return code.replace("-", "_")


@dataclass(frozen=True)
class Column:
    column: str
    kind: Kind = Kind.PLAIN
    enum: str | None = None


@dataclass(frozen=True)
class Embedded:
    """An object of ``type`` made from this row; null unless every column of ``when_all`` is
    not NULL and (if given) some column of ``when_any`` is not empty."""

    type: str
    when_all: tuple[str, ...] = ()
    when_any: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """The object of type ``target`` whose key is this row's ``column``, valid on the peildatum."""

    target: str
    column: str


Visibility = Callable[[Table, Viewer], ColumnElement[bool]]


@dataclass(frozen=True)
class Listing:
    """The objects of type ``target`` of a parent, paged, in ``order`` (child columns).

    ``parent`` is the column that holds the parent's key: of ``via`` when the children are
    reached through that link table (joined on its ``via_child`` column = the child's
    ``child_column``, by default the child's key), of the child table otherwise. A
    ``child_column`` other than the key makes a two-hop edge without reading the table between:
    an aanbieder's juridische relatie names an erkenning, whose licenties name it in theirs.
    ``visible`` limits private rows to the viewers they are meant for; such rows are written to
    the audit log.
    """

    target: str
    parent: str
    order: tuple[str, ...]
    via: str | None = None
    via_child: str | None = None
    child_column: str | None = None
    visible: Visibility | None = None


@dataclass(frozen=True)
class Values:
    """The distinct ``value``s of ``table``'s rows whose ``parent`` column is this object's key,
    sorted, as values of the GraphQL ``enum``."""

    table: str
    parent: str
    value: str
    enum: str


@dataclass(frozen=True)
class GlobalId:
    """The Relay id: base64 of "<node type>:<key>@<peildatum>" (``schema.node.global_id``)."""


@dataclass(frozen=True)
class Distance:
    """``afstandKm``: the distance a radius search measured; null elsewhere."""


@dataclass(frozen=True)
class Constant:
    value: str


@dataclass(frozen=True)
class Coordinates:
    """GeoJSON coordinates: ``[lon, lat]`` from two float columns."""

    lon: str
    lat: str


@dataclass(frozen=True)
class FieldSources:
    """A list of ``type`` objects with ``veld`` and ``bron``, one per pair of ``column``
    (``veld=bron,veld=bron``, a column name each; empty: none), in that order. ``veld`` is named
    as the API names the column on the object whose row it is (``veldnamen``)."""

    column: str
    type: str


Field = (
    Column
    | Embedded
    | Link
    | Listing
    | Values
    | GlobalId
    | Distance
    | Constant
    | Coordinates
    | FieldSources
)


@dataclass(frozen=True)
class ObjectType:
    """A GraphQL object type. With a ``table``: its rows, found by ``key``; ``node`` names the
    type its Relay id carries. Without: made from its parent's row (``Embedded``)."""

    name: str
    fields: Mapping[str, Field]
    table: str | None = None
    key: str | None = None
    node: str | None = None


@dataclass(frozen=True)
class Interface:
    """A GraphQL interface over one table: ``discriminator``'s value names each row's concrete
    type (``concrete``; ``default`` for any other value)."""

    name: str
    table: str
    key: str
    discriminator: str
    concrete: Mapping[str, str]
    default: str | None = None
    fields: Mapping[str, Field] = field(default_factory=dict)

    @property
    def members(self) -> set[str]:
        return {*self.concrete.values(), *([self.default] if self.default else [])}

    def type_of(self, value: str) -> str:
        found = self.concrete.get(value, self.default)
        if found is None:
            raise ValueError(f"{self.name}: no concrete type for {self.discriminator}={value!r}")
        return found


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def has_validity(t: Table) -> bool:
    return "begindatum" in t.c and "einddatum" in t.c


def valid_on(t: Any, peildatum: dt.date) -> list[ColumnElement[bool]]:
    """The rows of table (or alias) ``t`` valid on ``peildatum``; no condition for a table
    without a validity period."""
    return [geldig_op(t.c, peildatum)] if has_validity(t) else []
