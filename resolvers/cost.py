"""What an operation costs in upstream calls, known before it runs.

The gateway plans its own batching, so it can price an operation from its document and variables
alone: `estimate` walks the fields the operation would execute (graphql-core's own field
collection, so fragments, `@skip`/`@include` and merged fields count as they run; each alias
counts on its own, as each runs on its own) and adds up the calls of every field that reaches a
service. Fields that only read their parent's document cost nothing.

The prices of the fields that reach a service are `resolvers.prices`.

The estimate is an upper bound of the calls made (tests/test_cost.py holds it to that for every
operation in queries/ and for generated ones), retries aside: `extensions.cost.actual` counts
every attempt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    get_named_type,
    is_abstract_type,
)
from graphql.execution.collect_fields import (
    FieldDetails,
    FragmentDetails,
    collect_fields,
    collect_subfields,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from graphql.language import DocumentNode, FragmentDefinitionNode

from backends.calls import CallLog
from genechem.errors import GenechemError, Source
from resolvers.prices import (
    HGNC_FIELDS,
    HGNC_INDEX_CALLS,
    LIST_BOUNDS,
    PRICES,
    SERVICES,
    Level,
    Priced,
)

EXPANSION_LIMIT = 20_000
"""Field executions an estimate walks at most; past it the operation is refused as too
complex whatever its calls (a fragment fan-out that would take long even to price)."""


@dataclass
class Estimate:
    """Upstream calls an operation may make, per service, and the objects its answer may hold."""

    calls: Counter[Source] = field(default_factory=Counter)
    objects: int = 0
    fields: int = 0
    complete: bool = True
    """False when the walk gave up on an operation that expands to too many fields."""

    @property
    def total(self) -> int:
        return sum(self.calls.values())

    def report(self) -> dict[str, int]:
        """`{"mygene": n, "mychem": n, "hgnc": n, "total": n}` for `extensions.cost`."""
        return {**{s: self.calls[s] for s in SERVICES}, "total": self.total}


def cost_report(found: Estimate, log: CallLog, limit: int) -> dict[str, object]:
    """`extensions.cost`: the estimate, the calls `log` holds per service, and the limit."""
    actual: dict[str, int] = {s: log.count(s) for s in SERVICES}
    return {
        "estimated": found.report(),
        "actual": {**actual, "total": sum(actual.values())},
        "limit": limit,
    }


class QueryTooComplex(GenechemError):
    """The operation would cost more than the gateway allows; refused before any call."""

    code = "QUERY_TOO_COMPLEX"

    def __init__(self, message: str, cost: Mapping[str, int], limit: int) -> None:
        super().__init__(message)
        self.cost = dict(cost)
        self.limit = limit

    def extensions(self) -> dict[str, Any]:
        return {"code": self.code, "cost": self.cost, "limit": self.limit}


class ListArgumentTooLong(GenechemError):
    """A list argument longer than `GENECHEM_MAX_LIST_ARGUMENT`; refused before any call."""

    code = "QUERY_TOO_COMPLEX"

    def __init__(self, argument: str, length: int, limit: int) -> None:
        super().__init__(
            f"The argument {argument} has {length} items; at most {limit} are allowed "
            "(GENECHEM_MAX_LIST_ARGUMENT): split the list over several requests."
        )
        self.argument = argument
        self.length = length
        self.limit = limit

    def extensions(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "argument": self.argument,
            "length": self.length,
            "limit": self.limit,
        }


class Walk:
    """One estimate in progress over an operation's fields."""

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        variables: Any,
        *,
        budget: int,
        max_list: int,
    ) -> None:
        self.schema = schema
        self.operation = operation
        self.variables = variables
        self.budget = budget
        self.max_list = max_list
        self.too_long: tuple[str, int] | None = None
        """The first list argument over `max_list` items: (`Type.field(argument:)`, length)."""
        self.fragments = {
            d.name.value: FragmentDetails(d)
            for d in document.definitions
            if isinstance(d, FragmentDefinitionNode)
        }
        self.estimate = Estimate()
        self.touches_hgnc = False

    def over(self) -> bool:
        return (
            self.estimate.total > self.budget
            or self.estimate.fields > EXPANSION_LIMIT
            or self.too_long is not None
        )

    def root(self, root_type: GraphQLObjectType, level: Level) -> None:
        collected = collect_fields(
            self.schema, self.fragments, self.variables, root_type, self.operation
        )
        self.fields(root_type, collected.grouped_field_set, level)

    def fields(
        self,
        parent: GraphQLObjectType,
        grouped: Mapping[str, list[FieldDetails]],
        level: Level,
    ) -> None:
        for details in grouped.values():
            if self.over():
                return
            self.field(parent, details, level)

    def field(self, parent: GraphQLObjectType, details: list[FieldDetails], level: Level) -> None:
        node = details[0].node
        name = node.name.value
        definition = parent.fields.get(name)
        if definition is None or name.startswith("__"):
            return
        self.estimate.fields += 1
        coordinate = f"{parent.name}.{name}"
        pricer = PRICES.get(coordinate)
        args = get_argument_values(definition, node, self.variables) if definition.args else {}
        for arg, value in args.items():
            if isinstance(value, list) and len(value) > self.max_list:
                self.too_long = (f"{coordinate}({arg}:)", len(value))
                return
        if pricer is not None:
            priced = pricer(args, level)
        else:
            priced = Priced(items=self.free_items(parent, name, definition, level))
        self.estimate.calls.update(priced.calls)
        self.touches_hgnc = self.touches_hgnc or coordinate in HGNC_FIELDS
        objects = level.objects * priced.items
        if node.selection_set is None or objects == 0:
            return
        self.estimate.objects += objects
        groups = level.groups if priced.groups is None else priced.groups
        child = replace(level, objects=objects, groups=groups, edges=priced.edges, nested=True)
        self.children(definition, details, child)

    def free_items(
        self, parent: GraphQLObjectType, name: str, definition: GraphQLField, level: Level
    ) -> int:
        if name == "edges" and "pageInfo" in parent.fields:
            return level.edges
        bound = LIST_BOUNDS.get(f"{parent.name}.{name}")
        if bound is not None:
            return bound
        return 1

    def children(self, definition: GraphQLField, details: list[FieldDetails], level: Level) -> None:
        named = get_named_type(definition.type)
        if is_abstract_type(named):
            runtime_types: list[GraphQLObjectType] = list(self.schema.get_possible_types(named))
        elif isinstance(named, GraphQLObjectType):
            runtime_types = [named]
        else:
            return
        for runtime in runtime_types:
            collected = collect_subfields(
                self.schema, self.fragments, self.variables, self.operation, runtime, details
            )
            # Each possible type is priced as if every object were of it: an upper bound.
            self.fields(runtime, collected.grouped_field_set, level)


def coerced_variables(
    schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Mapping[str, Any] | None
) -> VariableValues | None:
    """The operation's variables as execution will see them; None when they do not coerce
    (execution then refuses them itself, BAD_USER_INPUT, before any call)."""
    coerced = get_variable_values(schema, operation.variable_definitions or (), dict(inputs or {}))
    return None if isinstance(coerced, list) else coerced


def estimate(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping[str, Any] | None,
    *,
    hgnc_index: bool,
    version_checks: bool = False,
    budget: int,
    max_list: int,
    known_symbol: Callable[[str], bool] | None = None,
) -> Estimate | None:
    """The upstream calls the operation may make, per service. The walk stops once the estimate
    passes `budget` (the answer is then a refusal anyway). None when the variables do not fit
    the operation."""
    values = coerced_variables(schema, operation, variables)
    if values is None:
        return None
    root = schema.get_root_type(operation.operation)
    if root is None:
        return Estimate()
    walk = Walk(schema, document, operation, values, budget=budget, max_list=max_list)
    walk.root(root, Level(1, 1, hgnc_index=hgnc_index, known_symbol=known_symbol))
    if walk.too_long is not None:
        argument, length = walk.too_long
        raise ListArgumentTooLong(argument, length, max_list)
    found = walk.estimate
    found.complete = walk.estimate.fields <= EXPANSION_LIMIT
    if hgnc_index and walk.touches_hgnc:
        found.calls["hgnc"] += HGNC_INDEX_CALLS
    if version_checks:
        # The record cache reads each touched service's build version (metadata) first.
        for service in [s for s, n in found.calls.items() if n > 0]:
            found.calls[service] += 1
    return found
