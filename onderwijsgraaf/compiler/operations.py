"""Operations compiled to statements, once per document and variables.

``Compiler.plan`` parses and validates a document once (cached by its text; its size, depth
and aliases checked first, as the schema checks them: ``schema.limits``), picks the operation,
checks its input limits and cost (``schema.limits``), coerces its variables and turns each root
field into one SQL statement that returns that field's JSON (``roots``). Plans are cached by
(document, operation name, variables, the viewer's roles, today's date, the data version of the
gemeenten and provincies its filters were resolved against: a plan holds their codes, so a new
seed gets new plans). A plan writes dates into its statements (the peildatum in every Relay id,
the date an id given to ``node`` carries): each comes from the document, the variables or today,
all part of the key, so a kept plan never answers for another date. An operation the
compiler does not cover, whose arguments are not valid or that is over a limit, gets ``None``
(cached too) and is resolved field by field, which also words its errors. ``plan_aside``
builds a new plan in a thread, so a large document holds up no other request.

``Plan.run`` runs the statements on the request's connection and writes the answer,
``{"data":{...},"extensions":{"cost":{...}}}``, byte for byte as the resolvers' answer would be.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Any, cast

import sqlalchemy as sa
import strawberry
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    OperationType,
    get_operation_ast,
    parse,
    specified_rules,
    validate,
)
from graphql.execution.collect_fields import FragmentDetails, collect_fields
from graphql.execution.values import get_argument_values, get_variable_values
from strawberry.types.arguments import convert_arguments
from strawberry.utils.str_converters import to_camel_case

from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.compiler.roots import Late, Statement, root_statement
from onderwijsgraaf.compiler.selection import NotCompiled, Selected, Walk
from onderwijsgraaf.compiler.sqljson import Dialect
from onderwijsgraaf.db.gebieden import Gebieden, GebiedenCache
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import OnderwijsgraafError
from schema.limits import DEFAULT_BUDGET, MAX_TOKENS, Cost, check_document, measure

log = logging.getLogger("onderwijsgraaf.compiler")
MAX_DOCUMENTS = 1000
MAX_PLANS = 1000
UNKNOWN = object()


@dataclass(frozen=True)
class Compiled:
    """A statement compiled for one database: its SQL and positional parameters; ``late``
    names the parameters a request fills in (their positions) and how it finds their values."""

    sql: str
    params: tuple[Any, ...]
    late: tuple[tuple[str, int], ...] = ()
    values: Callable[[Reads], Awaitable[dict[str, Any]]] | None = None

    @classmethod
    def of(cls, statement: Statement, dialect: sa.Dialect) -> Compiled:
        values = statement.values if isinstance(statement, Late) else None
        late_names = statement.names if isinstance(statement, Late) else ()
        if isinstance(statement, Late):
            statement = statement.statement
        compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        names = compiled.positiontup or []
        given = compiled.params
        convert = _for_sqlite if dialect.name == "sqlite" else _as_is
        params = tuple(convert(given[name]) for name in names)
        late = tuple((name, i) for i, name in enumerate(names) if name in late_names)
        return cls(compiled.string, params, late, values)

    async def run(self, reads: Reads) -> str | None:
        params = self.params
        if self.values is not None:
            found = await self.values(reads)
            late = list(params)
            for name, position in self.late:
                late[position] = found[name]
            params = tuple(late)
        return await reads.text_value(self.sql, params)


def _as_is(value: Any) -> Any:
    return value


def _for_sqlite(value: Any) -> Any:
    """A parameter as SQLAlchemy stores it in SQLite: dates as ISO text."""
    return value.isoformat() if isinstance(value, dt.date) else value


@dataclass(frozen=True)
class Plan:
    """Per response key of the operation's root: its compiled statement, or its JSON when
    constant."""

    fields: list[tuple[str, Compiled | str]]
    cost: Cost

    async def run(self, reads: Reads) -> bytes:
        parts = []
        for key, statement in self.fields:
            value = statement if isinstance(statement, str) else await statement.run(reads)
            parts.append(json.dumps(key) + ":" + (value if value is not None else "null"))
        extensions = json.dumps({"cost": self.cost.extension()}, separators=(",", ":"))
        return ('{"data":{' + ",".join(parts) + '},"extensions":' + extensions + "}").encode()


class Lru:
    """The ``size`` values last remembered; safe to use from several threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.values: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()

    def remember(self, key: Hashable, value: Any) -> Any:
        with self.lock:
            self.values[key] = value
            if len(self.values) > self.size:
                self.values.popitem(last=False)
        return value

    def recall(self, key: Hashable) -> Any:
        """The value remembered for ``key`` (now the most recent one), or ``UNKNOWN``."""
        with self.lock:
            if key not in self.values:
                return UNKNOWN
            self.values.move_to_end(key)
            return self.values[key]


class Compiler:
    def __init__(
        self,
        schema: strawberry.Schema,
        dialect: sa.Dialect,
        budget: int = DEFAULT_BUDGET,
        gebieden: GebiedenCache | None = None,
    ) -> None:
        self.schema = schema
        self.gebieden = gebieden
        self.budget = budget
        self.graphql = schema._schema
        self.sql_dialect = dialect
        self.dialect = Dialect(dialect.name)
        self.query_fields = {
            field.graphql_name or to_camel_case(field.python_name): field
            for field in schema.query.__strawberry_definition__.fields  # type: ignore[attr-defined]
        }
        self.documents = Lru(MAX_DOCUMENTS)
        self.plans = Lru(MAX_PLANS)

    def document(self, query: str) -> DocumentNode | None:
        """The parsed document if it is valid; None otherwise (cached)."""
        found = self.documents.recall(query)
        if found is not UNKNOWN:
            return cast(DocumentNode | None, found)
        try:
            document: DocumentNode | None = parse(query, max_tokens=MAX_TOKENS)
            if document is not None:
                check_document(document)
        except (GraphQLError, OnderwijsgraafError):
            document = None
        if document is not None and validate(self.graphql, document, specified_rules):
            document = None
        self.documents.remember(query, document)
        return document

    def plan(
        self,
        query: str,
        operation_name: str | None,
        variables: dict[str, Any] | None,
        viewer: Viewer,
        today: dt.date,
    ) -> Plan | None:
        """The plan of the operation, or None when it is resolved field by field; its filters
        name gemeenten and provincies as the ones loaded last know them."""
        gebieden = self.gebieden.latest if self.gebieden is not None else None
        key, found = self._kept(query, operation_name, variables, viewer, today, gebieden)
        if found is not UNKNOWN:
            return cast(Plan | None, found)
        return self._planned(key, query, operation_name, variables, viewer, today, gebieden)

    async def plan_aside(
        self,
        query: str,
        operation_name: str | None,
        variables: dict[str, Any] | None,
        viewer: Viewer,
        today: dt.date,
    ) -> Plan | None:
        """``plan``, built in a thread of its own when it is new: compiling a large document
        takes long enough (a second and more for 30 aliases) to hold up every other request,
        and the request's deadline can pass meanwhile. Its filters name gemeenten and
        provincies as the data version now served knows them."""
        gebieden = await self.gebieden.current() if self.gebieden is not None else None
        key, found = self._kept(query, operation_name, variables, viewer, today, gebieden)
        if found is not UNKNOWN:
            return cast(Plan | None, found)
        return await asyncio.to_thread(
            self._planned, key, query, operation_name, variables, viewer, today, gebieden
        )

    def _kept(
        self,
        query: str,
        operation_name: str | None,
        variables: dict[str, Any] | None,
        viewer: Viewer,
        today: dt.date,
        gebieden: Gebieden | None,
    ) -> tuple[Hashable, object]:
        """The plan's key and the plan kept under it: ``UNKNOWN`` when there is none yet, None
        for variables that are not JSON (never compiled)."""
        key = _plan_key(query, operation_name, variables, viewer, today, gebieden)
        return key, self.plans.recall(key) if key is not None else None

    def _planned(
        self,
        key: Hashable,
        query: str,
        operation_name: str | None,
        variables: dict[str, Any] | None,
        viewer: Viewer,
        today: dt.date,
        gebieden: Gebieden | None,
    ) -> Plan | None:
        try:
            plan: Plan | None = self._compile(
                query, operation_name, variables or {}, viewer, today, gebieden
            )
        except (NotCompiled, OnderwijsgraafError, GraphQLError) as reason:
            log.debug("not compiled: %s", reason)
            plan = None
        return cast(Plan | None, self.plans.remember(key, plan))

    def _compile(
        self,
        query: str,
        operation_name: str | None,
        variables: dict[str, Any],
        viewer: Viewer,
        today: dt.date,
        gebieden: Gebieden | None,
    ) -> Plan:
        document = self.document(query)
        if document is None:
            raise NotCompiled("not a valid document")
        operation = get_operation_ast(document, operation_name)
        if operation is None or operation.operation != OperationType.QUERY:
            raise NotCompiled("no query operation")
        fragments = {
            d.name.value: FragmentDetails(d)
            for d in document.definitions
            if isinstance(d, FragmentDefinitionNode)
        }
        cost = measure(self.graphql, document, operation_name, variables, self.budget)
        if cost is None:
            raise NotCompiled("variables are not valid")
        coerced = get_variable_values(self.graphql, operation.variable_definitions or (), variables)
        if isinstance(coerced, list):
            raise NotCompiled("variables are not valid")
        query_type = self.graphql.query_type
        if query_type is None:
            raise NotCompiled("no query type")
        collected = collect_fields(self.graphql, fragments, coerced, query_type, operation)
        if collected.new_defer_usages:
            raise NotCompiled("@defer")
        fields: list[tuple[str, Compiled | str]] = []
        for key, details in collected.grouped_field_set.items():
            name = details[0].node.name.value
            if name == "__typename":
                fields.append((key, json.dumps(query_type.name)))
                continue
            definition = query_type.fields.get(name)
            if definition is None or name not in self.query_fields:
                raise NotCompiled(f"Query.{name}")
            raw = get_argument_values(definition, details[0].node, coerced)
            arguments = convert_arguments(
                raw,
                self.query_fields[name].arguments,
                scalar_registry=self.schema.schema_converter.scalar_registry,
                config=self.schema.config,
            )
            walk = Walk(
                self.graphql,
                fragments,
                coerced,
                operation,
                self.dialect,
                viewer,
                arguments.get("peildatum") or today,
                gebieden,
            )
            statement = root_statement(walk, Selected(key, name, definition, details), arguments)
            fields.append((key, Compiled.of(statement, self.sql_dialect)))
        return Plan(fields, cost)


def _plan_key(
    query: str,
    operation_name: str | None,
    variables: dict[str, Any] | None,
    viewer: Viewer,
    today: dt.date,
    gebieden: Gebieden | None,
) -> Hashable | None:
    """What a plan is kept by; None for variables that are not JSON (never compiled)."""
    try:
        variables_key = json.dumps(variables, sort_keys=True)
    except (TypeError, ValueError):
        return None
    # the gemeenten and provincies its filters were resolved against (not loaded: a key of its own)
    resolved_against = (gebieden is not None, gebieden.versie if gebieden is not None else None)
    return (query, operation_name, variables_key, viewer.roles, today, resolved_against)
