"""What one request may ask, checked on the document and its variables before any SQL runs.

Input limits (each refusal is BAD_USER_INPUT and names the argument and the limit):

| what                                   | limit                                             |
|----------------------------------------|---------------------------------------------------|
| the document                           | 100,000 characters, 10,000 tokens, 2,000 fields, 12 levels (COST_LIMIT_EXCEEDED), checked before validation |
| any string argument or input field     | 200 characters (`after`: 1,000; `notitie`: 4,000); no control characters other than tab and line breaks; valid Unicode |
| `zoek`                                 | 10 words                                          |
| any list argument or input field       | 100 values                                        |
| a variable as sent                     | lists of at most 100 values, objects of at most 100 fields (before coercion) |

Cost: the most objects the answer can hold, counted on the document before it runs. Every
object-valued field counts one per object it can appear in; a list (connection) multiplies
what is below it by its page size (`first`, default 25); `totalCount` counts one per list; a
radius search (`nabij`) adds ⌈straalKm²⌉ per list, for the candidates it measures; `nodes` counts
its ids; a `leerlingaantallen` series multiplies what is below it by 30 (``MAX_ITEMS_OF``);
`tellingen` adds 1,000 for the rows it groups (``WEIGHT_OF``) and counts 8 `sleutels` per group. A
request costing more than the budget (``DEFAULT_BUDGET``, setting ``COST_BUDGET``) is refused
with COST_LIMIT_EXCEEDED, carrying ``cost`` and ``budget``; every answer reports
``extensions.cost = {requested, budget}``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    Visitor,
    get_named_type,
    get_nullable_type,
    get_operation_ast,
    is_composite_type,
    is_list_type,
    visit,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from strawberry.extensions import SchemaExtension

from loaders.paging import page_size
from onderwijsgraaf.errors import BadUserInput, CostLimitExceeded, OnderwijsgraafError
from onderwijsgraaf.geo import MAX_STRAAL_KM

MAX_DOCUMENT_CHARS = 100_000
MAX_TOKENS = 10_000
MAX_STRING = 200
MAX_STRING_OF = {"after": 1_000, "notitie": 4_000}
MAX_ZOEK_WORDS = 10
MAX_LIST = 100
MAX_FIELDS = 2_000
MAX_DEPTH = 12
MAX_ALIASES = 30
DEFAULT_BUDGET = 25_000
# lists that are not a page, with the most objects one holds: a leerlingaantallen series has one
# entry per teldatum (1 October 1996-2025 in the data)
MAX_ITEMS_OF = {"leerlingaantallen": 30, "sleutels": 8}  # sleutels: one per Groepering
# a list that reads every row it counts, whatever its page: ``tellingen`` groups all the
# aanbieders, locaties, aanbod and leerlingaantallen of its filter (0.3-1.3 s, either database)
WEIGHT_OF = {"tellingen": 1_000}
NABIJ_WEIGHT = 1  # per km² of radius: the box a radius search measures holds 4·r² km², at well
# under 0.25 locaties per km² (the densest 100 km circle, around Utrecht, holds 6,538)
ALLOWED_CONTROLS = frozenset("\t\n\r")


@dataclass(frozen=True)
class Cost:
    requested: int
    budget: int

    def extension(self) -> dict[str, int]:
        return {"requested": self.requested, "budget": self.budget}


class OverBudget(CostLimitExceeded):
    def __init__(self, cost: Cost) -> None:
        super().__init__(
            f"this query may return {cost.requested:,} objects; the budget is {cost.budget:,} "
            "per request. Ask for smaller pages (first), fewer nested lists or fewer aliases"
        )
        self.cost = cost


def measure(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
    budget: int,
) -> Cost | None:
    """The cost of the operation ``operation_name`` of ``document`` with ``variables``, after
    checking every argument against the input limits; None when the operation or its variables
    are not valid (execution words that). Raises BadUserInput for an input over a limit and
    CostLimitExceeded for a cost over ``budget``."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None and len(operations) > 1:
        raise BadUserInput(
            f"the document has {len(operations)} operations; give operationName to say which "
            "one to run"
        )
    operation = get_operation_ast(document, operation_name)
    root = schema.get_root_type(operation.operation) if operation is not None else None
    if operation is None or root is None:
        return None
    check_raw("variables", variables or {})
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        return None
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    walk = _Walk(schema, fragments, coerced)
    requested = walk.selections(root, [operation.selection_set], 1, 1)
    if requested > budget:
        raise OverBudget(Cost(requested, budget))
    return Cost(requested, budget)


class _Walk:
    """Counts the objects a selection can return and checks the arguments on the way. Fields
    are merged as execution merges them (by response key, each fragment spread once per
    selection), so the work grows with the answer's shape, not with how often a document
    repeats a fragment."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: VariableValues,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables

    def selections(
        self, parent: GraphQLNamedType, selection_sets: list[SelectionSetNode], n: int, rows: int
    ) -> int:
        """The cost of ``selection_sets`` (merged) on ``n`` objects of type ``parent``; for a
        connection type, ``rows`` is how many rows its pages hold together."""
        fields: dict[str, list[tuple[GraphQLNamedType, FieldNode]]] = {}
        self._collect(parent, selection_sets, fields, set())
        return sum(self.field(nodes, n, rows) for nodes in fields.values())

    def _collect(
        self,
        parent: GraphQLNamedType,
        selection_sets: list[SelectionSetNode],
        fields: dict[str, list[tuple[GraphQLNamedType, FieldNode]]],
        spread: set[str],
    ) -> None:
        for selection_set in selection_sets:
            for selection in selection_set.selections:
                if isinstance(selection, FieldNode):
                    key = selection.alias.value if selection.alias else selection.name.value
                    fields.setdefault(key, []).append((parent, selection))
                elif isinstance(selection, InlineFragmentNode):
                    condition = selection.type_condition
                    on = self.schema.get_type(condition.name.value) if condition else parent
                    self._collect(on or parent, [selection.selection_set], fields, spread)
                elif isinstance(selection, FragmentSpreadNode):
                    name = selection.name.value
                    fragment = self.fragments.get(name)
                    if fragment is None or name in spread:
                        continue  # unknown, cyclic or already here: validation says the rest
                    spread.add(name)
                    on = self.schema.get_type(fragment.type_condition.name.value)
                    self._collect(on or parent, [fragment.selection_set], fields, spread)

    def field(self, nodes: list[tuple[GraphQLNamedType, FieldNode]], n: int, rows: int) -> int:
        """The cost of one response key, selected by ``nodes`` (the type each was selected on
        and the field)."""
        found = [
            (parent.fields[node.name.value], node)
            for parent, node in nodes
            if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType)
            and node.name.value in parent.fields
        ]
        if not found:
            return 0
        given = [self.arguments(definition, node) for definition, node in found]
        for (_, node), values in zip(found, given, strict=True):
            where = node.alias.value if node.alias else node.name.value
            for argument, value in values.items():
                check_value(f"{where}({argument})", argument, value)
        (definition, node), arguments = found[0], given[0]
        name = node.name.value
        below = [node.selection_set for _, node in found if node.selection_set is not None]
        returned = get_named_type(definition.type)
        if name == "totalCount":
            return n
        if not is_composite_type(returned):
            return 0
        if _is_connection(returned):
            size = page_size(arguments.get("first"))
            own = n + n * (_weight(arguments) + WEIGHT_OF.get(name, 0))
            return own + self.selections(returned, below, n, n * size)
        if name == "nodes" and isinstance(arguments.get("ids"), list):
            n *= len(arguments["ids"])
        elif name in MAX_ITEMS_OF:
            n *= MAX_ITEMS_OF[name]
        elif is_list_type(get_nullable_type(definition.type)):
            n = rows  # edges and GeoJSON features: one per row of the page
        return n + self.selections(returned, below, n, rows)

    def arguments(self, definition: GraphQLField, node: FieldNode) -> dict[str, Any]:
        try:
            return get_argument_values(definition, node, self.variables)
        except GraphQLError:
            return {}  # not valid: validation or execution says so


def _is_connection(type_: GraphQLNamedType) -> bool:
    return isinstance(type_, GraphQLObjectType) and {"edges", "pageInfo"} <= set(type_.fields)


def _weight(arguments: dict[str, Any]) -> int:
    """Extra objects a list's arguments cost: a radius search measures the candidates in
    its circle."""
    filter_ = arguments.get("filter")
    nabij = filter_.get("nabij") if isinstance(filter_, dict) else None
    straal = nabij.get("straalKm") if isinstance(nabij, dict) else None
    if isinstance(straal, int | float) and 0 < straal <= MAX_STRAAL_KM:
        return math.ceil(NABIJ_WEIGHT * straal**2)
    return 0  # no radius, or one out of range, which the search refuses


def check_document(document: DocumentNode) -> None:
    """The document's size, before it is validated (validation grows faster than the document):
    at most MAX_DOCUMENT_CHARS characters, MAX_ALIASES aliases, MAX_FIELDS field selections and
    MAX_DEPTH levels, each counted on the document as written (a fragment once, however often
    it is spread)."""
    source = document.loc.source.body if document.loc is not None else ""
    if len(source) > MAX_DOCUMENT_CHARS:
        raise BadUserInput(
            f"the document has {len(source):,} characters; at most {MAX_DOCUMENT_CHARS:,}"
        )
    fields = aliases = 0

    class Counting(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            nonlocal fields, aliases
            fields += 1
            aliases += node.alias is not None

    visit(document, Counting())
    if aliases > MAX_ALIASES:
        raise CostLimitExceeded(f"{aliases} aliases found. Allowed: {MAX_ALIASES}")
    if fields > MAX_FIELDS:
        raise BadUserInput(
            f"the document selects {fields:,} fields; at most {MAX_FIELDS:,}. Ask for fewer "
            "fields or aliases"
        )
    deepest = _Depth(document).deepest()
    if deepest > MAX_DEPTH:
        raise CostLimitExceeded(
            f"the query exceeds maximum operation depth of {MAX_DEPTH} (it is {deepest} deep)"
        )


class _Depth:
    """How deeply a document's operations nest their fields (introspection not counted; a
    root field without fields below is depth 0), each fragment measured once."""

    def __init__(self, document: DocumentNode) -> None:
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.operations = [
            d for d in document.definitions if isinstance(d, OperationDefinitionNode)
        ]
        self.known: dict[str, int] = {}

    def deepest(self) -> int:
        return max((self.of(o.selection_set) for o in self.operations), default=0)

    def of(self, selection_set: SelectionSetNode | None) -> int:
        depth = 0
        for selection in selection_set.selections if selection_set is not None else ():
            if isinstance(selection, FieldNode):
                if selection.selection_set is not None and not selection.name.value.startswith(
                    "__"
                ):
                    depth = max(depth, 1 + self.of(selection.selection_set))
            elif isinstance(selection, InlineFragmentNode):
                depth = max(depth, self.of(selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                depth = max(depth, self.fragment(selection.name.value))
        return depth

    def fragment(self, name: str) -> int:
        if name not in self.known:
            self.known[name] = 0  # a cycle counts nothing more; validation refuses it
            fragment = self.fragments.get(name)
            self.known[name] = self.of(fragment.selection_set) if fragment is not None else 0
        return self.known[name]


def check_raw(where: str, value: Any) -> None:
    """The variables as sent, before GraphQL coerces them (which takes long for a long list of
    wrong values or an object of unknown fields): no list of more than MAX_LIST values, no
    object of more than MAX_LIST fields. Strings are checked once coerced (``check_value``)."""
    if isinstance(value, list):
        if len(value) > MAX_LIST:
            raise BadUserInput(f"{where}: at most {MAX_LIST} values, got {len(value):,}")
        for item in value:
            check_raw(where, item)
    elif isinstance(value, dict):
        if len(value) > MAX_LIST:
            raise BadUserInput(f"{where}: at most {MAX_LIST} fields, got {len(value):,}")
        for key, item in value.items():
            check_raw(f"{where}.{key}", item)


def check_value(where: str, name: str, value: Any) -> None:
    """Checks one argument (or input field) value and what it holds against the input limits;
    ``where`` names it in the error (``onderwijsaanbieders(filter.zoek)``)."""
    if isinstance(value, str):
        check_string(where, name, value)
    elif isinstance(value, list):
        if len(value) > MAX_LIST:
            raise BadUserInput(f"{where}: at most {MAX_LIST} values, got {len(value):,}")
        for item in value:
            check_value(where, name, item)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_value(f"{where.removesuffix(')')}.{key})", key, item)


def check_string(where: str, name: str, value: str) -> None:
    """A string's limits: length, no control characters, valid Unicode, words of ``zoek``;
    BadUserInput naming ``where``."""
    limit = MAX_STRING_OF.get(name, MAX_STRING)
    if len(value) > limit:
        raise BadUserInput(f"{where}: at most {limit:,} characters, got {len(value):,}")
    for position, character in _controls(value):
        raise BadUserInput(
            f"{where}: control character U+{ord(character):04X} at position {position}; "
            "strings may not hold control characters"
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadUserInput(
            f"{where}: not valid Unicode at position {error.start} (a lone surrogate)"
        ) from None
    if name == "zoek" and len(words := value.split()) > MAX_ZOEK_WORDS:
        raise BadUserInput(f"{where}: at most {MAX_ZOEK_WORDS} words, got {len(words):,}")


def _controls(value: str) -> Iterator[tuple[int, str]]:
    if value.isprintable():
        return
    for position, character in enumerate(value):
        if (ord(character) < 0x20 or ord(character) == 0x7F) and character not in ALLOWED_CONTROLS:
            yield position, character


class Limits(SchemaExtension):
    """Checks every operation against the input limits and the cost budget during validation
    (so no SQL runs for a refused one) and reports the cost in ``extensions.cost``."""

    def __init__(self, *, budget: int = DEFAULT_BUDGET) -> None:
        self.budget = budget
        self.cost: Cost | None = None

    def on_operation(self) -> Iterator[None]:
        self.cost = None
        context = self.execution_context
        context.validation_rules = (*context.validation_rules, self._rule())
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and context.pre_execution_errors is None:
            try:
                check_document(context.graphql_document)
            except OnderwijsgraafError as error:
                context.pre_execution_errors = [refusal(error)]  # not validated: refused
        yield

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.cost.extension()} if self.cost is not None else {}

    def _rule(self) -> type[ValidationRule]:
        extension = self

        class WithinLimits(ValidationRule):
            def leave_document(self, node: DocumentNode, *_: Any) -> None:
                context = extension.execution_context
                # the name as the request gave it: strawberry's operation_name falls back to
                # the first operation, where GraphQL requires a name when there are several
                given = getattr(context, "_provided_operation_name", context.operation_name)
                try:
                    extension.cost = measure(
                        self.context.schema,
                        node,
                        given,
                        context.variables,
                        extension.budget,
                    )
                except OnderwijsgraafError as error:
                    self.report_error(refusal(error))

        return WithinLimits


def refusal(error: OnderwijsgraafError) -> GraphQLError:
    """The GraphQL error of a refused request; an over-budget one carries its cost and the
    budget."""
    extensions: dict[str, Any] = {}
    if isinstance(error, OverBudget):
        extensions = {"cost": error.cost.requested, "budget": error.cost.budget}
    return GraphQLError(error.message, extensions=extensions, original_error=error)
