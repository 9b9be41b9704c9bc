"""The lookup lane: a repeated `gene(id:)`, `chemical(id:)` or `genes(ids:)` answered without
the GraphQL machinery around its one upstream call.

The commonest request of a frontend, a detail page, is one object by id with fields that only
read its document: `{ gene(id: "1017") { symbol name } }`. About half of such a request's CPU is
the GraphQL layer (Strawberry's view and extension hooks, graphql-core's execution, the resolver
wrappers), the same work every time for the same document. Once such an operation has run the
full path and answered without errors, its *recipe* is kept (`LookupRecipes`, by the query text
and operation name as sent): the response key, the loader, the id (or the variable holding
it) and the upstream fields, as the resolver made them, the compiled plan that built the object
(`schema.compiled`), and the cost estimate. The next request with the same text
(`genechem.graphql_http`) loads the document through the same request context, loader, backend,
record cache and call log, builds the object with the same plan, bounds and writes the answer
with the same functions, and reports the same `extensions.cost`; its log line, metrics, quotas
and HTTP handling are the router's and middleware's, as for any request.

What the lane does not answer goes the full path, with nothing fetched twice: an upstream
failure or anything the plan meets that it does not build (a value the schema refuses) is handed
over with the request's context, whose loader already holds the outcome, and the calls made are
counted by the operation as if it had made them (`backends.calls.carry_over`). The lane takes
operations of one root lookup alone, without directives, by an id written in or by their one
`ID!` variable (`query($id: ID!) { gene(id: $id) {...} }`, as generated clients send it: one
recipe then serves every id), whose estimate reads no HGNC and whose object every field builds
in one pass (`id` included); a request whose id is a global id, or anything but a string or an
integer, goes the full path. A lookup that found nothing keeps no recipe.
tests/test_lookup_lane.py holds its answers, headers and upstream calls to the full path's.

`genes(ids:)`, by ids written in or its one `[ID!]!` variable (`LISTS`), is a list's lookup:
see `schema.list_lane`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import orjson
from graphql import (
    FieldNode,
    IntValueNode,
    ListTypeNode,
    ListValueNode,
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    OperationType,
    StringValueNode,
    TypeNode,
    ValueNode,
    VariableNode,
)
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from backends.answers import Typed
from backends.calls import carrying
from backends.shapes import Doc
from genechem.cache import Recent
from resolvers import chemical as chemical_resolvers
from resolvers import gene as gene_resolvers
from resolvers.context import Context
from resolvers.cost import (
    Estimate,
    coerced_variables,
    cost_report,
)
from resolvers.loaders import BatchByIdLoader, FieldsKey
from resolvers.node import source_id
from resolvers.projection import fields_key
from schema.chemical import Chemical
from schema.compiled import root_plan
from schema.completion import Build
from schema.document_cache import found_kept
from schema.gene import Gene
from schema.list_lane import ListRecipe, answer_many
from schema.query_cost import CostLimits, chosen_operation, count_objects, encoded, fits_in
from schema.typed_go import gene_decoder, plain

RecipeKey = tuple[str, str | None]
"""The query text and the operation name, as the request sent them."""


@dataclass(frozen=True)
class Lookup:
    """A root field the lane answers: the object type and the request's loader of it by id;
    for a list of ids, the batch that fetches them (`decoded`), the decoder of its answer for a
    selection (`decoder`, see `schema.typed_go`), and how its documents read as the full path
    reads them (`plain`)."""

    type: Callable[..., object]
    type_name: str
    loader: Callable[[Context], BatchByIdLoader]
    decoded: Callable[[Context, list[FieldsKey], Typed | None], Awaitable[list[Any]]] | None = None
    decoder: Callable[..., Typed | None] | None = None
    plain: Callable[[Doc], Doc] = lambda doc: doc


LOOKUPS: dict[str, Lookup] = {
    "gene": Lookup(Gene, "Gene", gene_resolvers.gene_loader),
    "chemical": Lookup(Chemical, "Chemical", chemical_resolvers.chemical_loader),
}
"""The roots the lane answers, by field name: both read `id` through their loader alone."""
LISTS: dict[str, Lookup] = {
    "genes": Lookup(
        Gene,
        "Gene",
        gene_resolvers.gene_loader,
        decoded=gene_resolvers.genes_decoded,
        decoder=gene_decoder,
        plain=plain,
    ),
}
"""The roots of a list of ids (`ids`) the lane answers, by field name."""


@dataclass(frozen=True)
class Recipe:
    """How to answer one operation in the lane (see the module)."""

    response_key: str
    lookup: Lookup
    id: str | None
    """The id written in the operation; None when it comes from `variable`."""
    variable: str | None
    """The operation's one variable (`ID!`), the id: `query($id: ID!) { gene(id: $id) {...} }`."""
    fields: frozenset[str]
    build: Build
    estimate: Estimate
    limits: CostLimits
    operation_name: str | None
    hold: object
    """The operation: the plan's and the fields' memos are keyed by the identities of its nodes."""
    many: ListRecipe | None = None
    """For a root of a list of ids: what the answer of each request needs besides."""

    def keys(self, variables: dict[str, Any]) -> list[FieldsKey] | None:
        """The loader's keys for a request's variables: one for a lookup (`key`), one per id for
        a list (`ListRecipe.keys`); None when the lane does not take them."""
        if self.many is None:
            key = self.key(variables)
            return None if key is None else [key]
        return self.many.keys(variables, self.variable, self.fields)

    def key(self, variables: dict[str, Any]) -> FieldsKey | None:
        """The loader's key for a request's variables, as the resolver makes it; None when the
        variables are not exactly the one this recipe reads, with an id as graphql-core reads an
        `ID` (a string, or an integer), or the id has a global id's form."""
        if self.variable is None:
            value: object = self.id if not variables else None
        else:
            value = variables.get(self.variable) if len(variables) == 1 else None
        id_ = source_id(value)
        return None if id_ is None else FieldsKey(id_, self.fields)


@dataclass(frozen=True)
class LaneAnswer:
    """A lane's answer: the whole response body, and its `extensions` (for the log line and
    the quota charge)."""

    body: bytes
    extensions: dict[str, Any]


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


@dataclass(frozen=True)
class Shape:
    """An operation of the lane's shape: its one root field (a lookup by `id`), and the id,
    written in (`id`) or the operation's one variable (`variable`)."""

    field: FieldNode
    lookup: Lookup
    id: str | None
    variable: str | None
    ids: list[str] | None = None
    """For a list root (`genes(ids:)`): the ids written in, if they are."""
    many: bool = False


def shape_of(operation: OperationDefinitionNode) -> Shape | None:
    """The operation's shape, when it is one query of a lookup root alone, by an `id` written
    in or by its one `ID!` variable, or of a list root by `ids` written in or its one `[ID!]!`
    variable, without directives; else None."""
    selections = operation.selection_set.selections
    if (
        operation.operation is not OperationType.QUERY
        or operation.directives
        or len(selections) != 1
        or not isinstance(selections[0], FieldNode)
    ):
        return None
    field = selections[0]
    name = field.name.value
    lookup = LOOKUPS.get(name) or LISTS.get(name)
    argument = "ids" if name in LISTS else "id"
    arguments = field.arguments or ()
    if lookup is None or field.directives or len(arguments) != 1:
        return None
    if arguments[0].name.value != argument:
        return None
    value, variable = arguments[0].value, id_variable(operation, many=argument == "ids")
    if isinstance(value, VariableNode) and value.name.value == variable:
        return Shape(field, lookup, None, variable, many=argument == "ids")
    return None if operation.variable_definitions else written_shape(field, lookup, value)


def written_shape(field: FieldNode, lookup: Lookup, value: ValueNode) -> Shape | None:
    """The shape of a root whose id (`id`) or ids (`ids`, not empty) are written in."""
    if lookup.decoded is None:
        if isinstance(value, StringValueNode | IntValueNode):
            return Shape(field, lookup, value.value, None)
        return None
    if not isinstance(value, ListValueNode):
        return None
    ids = [v.value for v in value.values if isinstance(v, StringValueNode | IntValueNode)]
    if not ids or len(ids) != len(value.values):
        return None
    return Shape(field, lookup, None, None, ids, many=True)


def recipe_of(context: ExecutionContext, limits: CostLimits) -> Recipe | None:
    """The recipe of the operation just executed, or None when the lane cannot answer it."""
    operation = chosen_operation(context)
    shape = None if operation is None else shape_of(operation)
    data = getattr(context.result, "data", None)
    if operation is None or shape is None or context.graphql_document is None or not data:
        return None
    field = shape.field
    response_key = field.alias.value if field.alias else field.name.value
    plan = root_plan(operation, context.schema._schema, response_key)
    fields = found_kept(operation, context.schema, fields_key(shape.lookup.type_name, (field,)))
    if plan is None or plan.build is None or fields is None:
        return None  # the object was not found, or not built by the plan in one pass
    found = limits.estimate(context, operation)
    if found is None or not found.complete or found.calls["hgnc"]:
        return None
    many = None
    if shape.many:
        schema = context.schema._schema
        document = context.graphql_document
        variables = coerced_variables(schema, operation, context.variables)
        decoder = shape.lookup.decoder
        typed = None
        if decoder is not None and variables is not None:
            typed = decoder(
                schema, document, operation, variables=variables, field=field, fields=fields
            )
        many = ListRecipe(schema, document, operation, typed, shape.ids)
    return Recipe(
        response_key=response_key,
        lookup=shape.lookup,
        id=shape.id,
        variable=shape.variable,
        fields=fields,
        build=plan.build,
        estimate=found,
        limits=limits,
        operation_name=operation.name.value if operation.name else None,
        hold=operation,
        many=many,
    )


def id_variable(operation: OperationDefinitionNode, *, many: bool = False) -> str | None:
    """The name of the operation's one variable when it is a plain `ID!` (`[ID!]!`, `many`; no
    default, no directives); None when it has none, or any other."""
    definitions = operation.variable_definitions or ()
    if len(definitions) != 1:
        return None
    (definition,) = definitions
    type_: TypeNode | None = definition.type
    if many:
        listed = type_.type if isinstance(type_, NonNullTypeNode) else None
        type_ = listed.type if isinstance(listed, ListTypeNode) else None
    if (
        definition.default_value is not None
        or definition.directives
        or not isinstance(type_, NonNullTypeNode)
        or not isinstance(type_.type, NamedTypeNode)
        or type_.type.name.value != "ID"
    ):
        return None
    return definition.variable.name.value


async def answer(
    recipe: Recipe, keys: list[FieldsKey], variables: dict[str, Any], context: Context
) -> LaneAnswer | None:
    """The response body to `recipe`'s operation for the loader keys `keys` (`Recipe.keys`),
    or None to hand the request to the full path (with the request's context: its loader holds
    the outcome, `carried_calls` the calls)."""
    if recipe.many is not None:
        listed = await answer_many(recipe, recipe.many, keys, variables, context)
        return None if listed is None else LaneAnswer(*listed)
    key = keys[0]
    with carrying() as carried:
        try:
            doc = await recipe.lookup.loader(context).load(key)
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
    return LaneAnswer(body, extensions)
