"""Walking an operation's selections as GraphQL executes them: fields merged per response key,
fragments and ``@include``/``@skip`` applied for the runtime type, arguments coerced.

Anything the compiler does not cover raises ``NotCompiled``; the operation then runs through
the resolvers, which give the answer (or the error) for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
)
from graphql.execution.collect_fields import (
    FieldDetails,
    FragmentDetails,
    collect_subfields,
)
from graphql.execution.values import VariableValues, get_argument_values

from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.compiler.sqljson import Dialect
from onderwijsgraaf.db.gebieden import Gebieden


class NotCompiled(Exception):
    """The compiler does not cover this operation; resolve it field by field."""


@dataclass(frozen=True)
class Selected:
    """One field of a selection: its response key, the field's name and definition
    (None for ``__typename``) and the nodes that ask for it."""

    key: str
    name: str
    definition: GraphQLField | None
    details: list[FieldDetails]


@dataclass(frozen=True)
class Walk:
    """What compiling one root field needs: the operation and its variables, the database's
    dialect, the viewer, the field's peildatum and the gemeenten and provincies that filters
    name (None: not loaded)."""

    schema: GraphQLSchema
    fragments: dict[str, FragmentDetails]
    variables: VariableValues
    operation: OperationDefinitionNode
    dialect: Dialect
    viewer: Viewer
    peildatum: dt.date
    gebieden: Gebieden | None = None

    def fields(
        self, runtime_type: GraphQLObjectType, details: list[FieldDetails]
    ) -> list[Selected]:
        """The fields selected under ``details`` on an object of ``runtime_type``, in order."""
        collected = collect_subfields(
            self.schema, self.fragments, self.variables, self.operation, runtime_type, details
        )
        if collected.new_defer_usages:
            raise NotCompiled("@defer")
        selected = []
        for key, field_details in collected.grouped_field_set.items():
            if any(d.fragment_variable_values is not None for d in field_details):
                raise NotCompiled("fragment variables")
            name = field_details[0].node.name.value
            if name == "__typename":
                selected.append(Selected(key, name, None, field_details))
                continue
            definition = runtime_type.fields.get(name)
            if definition is None:
                raise NotCompiled(f"{runtime_type.name}.{name}")
            selected.append(Selected(key, name, definition, field_details))
        return selected

    def arguments(self, field: Selected) -> dict[str, Any]:
        """The field's arguments, coerced (GraphQL names; input objects as dicts)."""
        if field.definition is None:
            return {}
        return get_argument_values(field.definition, field.details[0].node, self.variables)

    def object_type(self, name: str) -> GraphQLObjectType:
        found = self.schema.get_type(name)
        if not isinstance(found, GraphQLObjectType):
            raise NotCompiled(f"{name} is not an object type")
        return found
