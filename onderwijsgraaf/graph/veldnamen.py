"""How the API names a column of a table, and the source of each field a row reads from another
file than its ``bron`` (``veldbronnen``, ``veld=bron,veld=bron`` with column names).

A column is named as a field of the graph reads it on the types of its table: by that field's
GraphQL name (``bevoegd_gezag_nummer`` → ``bevoegdGezagNummer``, ``naam_lang`` → ``naamLang``),
a link by the field of the object it names (``onderwijsbestuur_code`` → ``onderwijsbestuur``),
a column of an embedded object by its path (``straatnaam`` of a locatie → ``adres.straatnaam``,
``latitude`` → ``coordinaten.lat``). Where several fields read a column, the first in the
description's order names it; a column that no field reads keeps its own name.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import NamedTuple

from onderwijsgraaf.graph.model import Column, Embedded, Field, FieldSources, Link
from onderwijsgraaf.graph.rio import TYPES


class Veldbron(NamedTuple):
    """A field (as the API names it) and the source file it is read from."""

    veld: str
    bron: str


@functools.cache
def veldnamen(table: str) -> Mapping[str, str]:
    """{column: API name} of every column of ``table`` that a field of the graph reads."""
    names: dict[str, str] = {}
    for described in TYPES.values():
        if described.table == table:
            _read(described.fields, "", names)
    return names


def veldnaam(table: str | None, column: str) -> str:
    """The API's name of ``column`` of ``table``; the column's own name where no field reads it
    (or the table is not known: None)."""
    return veldnamen(table).get(column, column) if table is not None else column


def veldbronnen(value: str | None, table: str | None) -> list[Veldbron]:
    """``veld=bron,veld=bron`` (a row's ``veldbronnen``) as a list, in that order, each column
    named by ``veldnaam``."""
    found = []
    for pair in (value or "").split(","):
        column, _, bron = pair.partition("=")
        if column:
            found.append(Veldbron(veldnaam(table, column), bron))
    return found


def _read(fields: Mapping[str, Field], prefix: str, names: dict[str, str]) -> None:
    for name, field in fields.items():
        if isinstance(field, Column | Link):
            names.setdefault(field.column, prefix + name)
        elif isinstance(field, Embedded):
            embedded = TYPES[field.type]
            provenance = any(isinstance(f, FieldSources) for f in embedded.fields.values())
            if embedded.table is None and not provenance:  # not the herkomst: it reads bron
                _read(embedded.fields, f"{prefix}{name}.", names)
