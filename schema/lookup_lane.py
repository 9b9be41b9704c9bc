"""The lookup lane: a repeated `gene(id:)` or `chemical(id:)` answered without the GraphQL
machinery around its one upstream call.

The commonest request of a frontend, a detail page, is one object by id with fields that only
read its document: `{ gene(id: "1017") { symbol name } }`. About half of such a request's CPU is
the GraphQL layer (Strawberry's view and extension hooks, graphql-core's execution, the resolver
wrappers), the same work every time for the same document. Once such an operation has run the
full path and answered without errors, its *recipe* is kept (`LookupRecipes`, by the query text
and operation name as sent): the response key, the loader and its key (the id and upstream
fields, as the resolver made them), the compiled plan that built the object (`schema.compiled`),
and the cost estimate. The next request with the same text (`genechem.graphql_http`) loads the
document through the same request context, loader, backend, record cache and call log, builds
the object with the same plan, bounds and writes the answer with the same functions, and reports
the same `extensions.cost`; its log line, metrics, quotas and HTTP handling are the router's and
middleware's, as for any request.

What the lane does not answer goes the full path, with nothing fetched twice: an upstream
failure or anything the plan meets that it does not build (a value the schema refuses) is handed
over with the request's context, whose loader already holds the outcome, and the calls made are
counted by the operation as if it had made them (`backends.calls.carry_over`). Only operations
without variables, directives or other root fields, whose id is no global id, whose estimate
reads no HGNC, and whose object every field builds in one pass take the lane.
tests/test_lookup_lane.py holds its answers, headers and upstream calls to the full path's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import orjson
from graphql import FieldNode, IntValueNode, OperationType, StringValueNode
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from backends.calls import CallLog, carrying
from genechem.cache import Recent
from resolvers import chemical as chemical_resolvers
from resolvers import gene as gene_resolvers
from resolvers.context import Context
from resolvers.cost import Estimate, cost_report, estimate
from resolvers.loaders import BatchByIdLoader, FieldsKey
from resolvers.node import may_be_global_id
from resolvers.projection import fields_key
from schema.chemical import Chemical
from schema.compiled import root_plan
from schema.completion import Build
from schema.document_cache import document_memo, found_kept
from schema.gene import Gene
from schema.query_cost import CostLimits, chosen_operation, count_objects, encoded, fits_in

RecipeKey = tuple[str, str | None]
"""The query text and the operation name, as the request sent them."""


@dataclass(frozen=True)
class Lookup:
    """A root field the lane answers: the object type and the request's loader of it by id."""

    type: Callable[..., object]
    type_name: str
    loader: Callable[[Context], BatchByIdLoader]


LOOKUPS: dict[str, Lookup] = {
    "gene": Lookup(Gene, "Gene", gene_resolvers.gene_loader),
    "chemical": Lookup(Chemical, "Chemical", chemical_resolvers.chemical_loader),
}
"""The roots the lane answers, by field name: both read `id` through their loader alone."""


@dataclass(frozen=True)
class Recipe:
    """How to answer one operation in the lane (see the module)."""

    response_key: str
    lookup: Lookup
    key: FieldsKey
    build: Build
    estimate: Estimate
    limits: CostLimits
    operation_name: str | None
    hold: object
    """The operation: the plan's and the fields' memos are keyed by the identities of its nodes."""


def lookups() -> Recent[RecipeKey, Recipe]:
    """A schema's recipes, bounded as the document cache is (by the texts they come from)."""
    return document_memo()


@dataclass(frozen=True)
class LaneAnswer:
    """A lane's answer: the whole response body, its `extensions`, and the calls it made."""

    body: bytes
    extensions: dict[str, Any]
    calls: CallLog


class LookupRecipes(SchemaExtension):
    """Keeps the recipe of an operation the lane can answer, once it has run without errors.
    Listed before `QueryCost`, so its end runs after the answer's bound."""

    limits: ClassVar[CostLimits] = CostLimits()

    @classmethod
    def configured(cls, limits: CostLimits) -> type[LookupRecipes]:
        return type(cls.__name__, (cls,), {"limits": limits})

    def on_execute(self) -> Any:
        yield
        context = self.execution_context
        memo: Recent[RecipeKey, Recipe] | None = getattr(context.schema, "lookups", None)
        result = context.result
        if memo is None or context.query is None or result is None or result.errors:
            return
        key = (context.query, context._provided_operation_name)
        if key not in memo:
            recipe = recipe_of(context, self.limits)
            if recipe is not None:
                memo.keep(key, recipe, len(context.query))


def recipe_of(context: ExecutionContext, limits: CostLimits) -> Recipe | None:
    """The recipe of the operation just executed, or None when the lane cannot answer it."""
    operation = chosen_operation(context)
    data = getattr(context.result, "data", None)
    if (
        operation is None
        or context.graphql_document is None
        or operation.operation is not OperationType.QUERY
        or operation.variable_definitions
        or operation.directives
        or len(operation.selection_set.selections) != 1
        or not isinstance(data, dict)
    ):
        return None
    field = operation.selection_set.selections[0]
    if not isinstance(field, FieldNode) or field.directives or len(field.arguments or ()) != 1:
        return None
    lookup = LOOKUPS.get(field.name.value)
    (argument,) = field.arguments or ()
    if (
        lookup is None
        or argument.name.value != "id"
        or not isinstance(argument.value, StringValueNode | IntValueNode)
        or may_be_global_id(argument.value.value)
    ):
        return None
    response_key = field.alias.value if field.alias else field.name.value
    plan = root_plan(operation, context.schema._schema, response_key)
    fields = found_kept(operation, context.schema, fields_key(lookup.type_name, (field,)))
    if plan is None or plan.build is None or fields is None:
        return None  # the object was not found, or not built by the plan in one pass
    found = estimate(
        context.schema._schema,
        context.graphql_document,
        operation,
        {},
        hgnc_index=limits.hgnc_index,
        version_checks=limits.version_checks,
        budget=limits.max_cost,
        max_list=limits.max_list_argument,
    )
    if found is None or not found.complete or found.calls["hgnc"]:
        return None
    return Recipe(
        response_key=response_key,
        lookup=lookup,
        key=FieldsKey(argument.value.value.strip(), fields),
        build=plan.build,
        estimate=found,
        limits=limits,
        operation_name=operation.name.value if operation.name else None,
        hold=operation,
    )


async def answer(recipe: Recipe, context: Context) -> LaneAnswer | None:
    """The response body to `recipe`'s operation, or None to hand the request to the full path
    (with the request's context: its loader holds the outcome, `carried_calls` the calls)."""
    with carrying() as carried:
        try:
            doc = await recipe.lookup.loader(context).load(recipe.key)
        except Exception:  # the full path reports it, from the loader's cache
            context.carried_calls = carried
            return None
    try:
        value = recipe.build(recipe.lookup.type(doc=doc)) if doc else None
    except Exception:  # graphql-core executes the object and reports it exactly
        context.carried_calls = carried
        return None
    data = {recipe.response_key: value}
    written = encoded(data)
    limit = recipe.limits.max_answer_objects
    if written is None or not (fits_in(written, limit) or count_objects(data, limit) <= limit):
        context.carried_calls = carried
        return None
    extensions = {"cost": cost_report(recipe.estimate, carried.log, recipe.limits.max_cost)}
    body = orjson.dumps({"data": orjson.Fragment(written), "extensions": extensions})
    return LaneAnswer(body, extensions, carried.log)
