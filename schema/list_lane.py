"""The lookup lane's lists: a repeated `genes(ids:)` answered without the GraphQL machinery
around its one upstream call, its answer decoded for the selection.

`genes(ids:)`, by ids written in or its one `[ID!]!` variable (`schema.lookup_lane.LISTS`), is
a list's lookup (see `schema.lookup_lane` for the recipe, and what goes the full path). Each
request is priced, as `QueryCost` prices it (the estimate depends on how many ids); the ids are
fetched in one batch, as the loader batches them; each gene is built by the plan that built the
genes of the first answer; and the answer is written by msgspec. The upstream answer is decoded
for the selection (`schema.typed_go`: GO annotations straight into the answer's own objects),
and its documents are not normalised, since every field the plan builds takes a value or a
list alike. The documents and the answer are freed after it is sent. Handing over (an upstream
error, a value the plan refuses, an answer over the object limit), the request's loader is
given each id's outcome, its document as the full path reads it, so nothing is fetched twice.
The lane costs 100 heavy genes about half the CPU of the full path. tests/test_list_lane.py
holds its answers and upstream calls to the full path's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import msgspec
import orjson
from graphql import DocumentNode, GraphQLSchema, OperationDefinitionNode

from backends.answers import Typed
from backends.calls import carrying
from resolvers.context import Context
from resolvers.cost import Estimate, ListArgumentTooLong, cost_report, estimate
from resolvers.loaders import FieldsKey, release_when_done
from resolvers.node import source_id
from schema.query_cost import CostLimits, count_objects, fits_in

if TYPE_CHECKING:
    from schema.lookup_lane import Recipe

ENCODER = msgspec.json.Encoder()
"""Writes a list's answer: msgspec writes decoded GO annotations (`schema.typed_go`) as they
are, and the rest as orjson does."""


@dataclass(frozen=True)
class ListRecipe:
    """What answering a list of ids takes besides a lookup's recipe: its estimate depends on
    the ids, so each request is priced (as `QueryCost` prices it) over the document."""

    schema: GraphQLSchema
    document: DocumentNode
    operation: OperationDefinitionNode
    typed: Typed | None
    """The upstream answer's decoder for this selection (`schema.typed_go`), if any."""
    ids: list[str] | None
    """The ids written in the operation; None when they come from its one variable."""

    def priced(self, variables: dict[str, Any], limits: CostLimits) -> Estimate | None:
        """The estimate for these variables; None when the full path would refuse them (over a
        limit, or variables that do not coerce) or they read HGNC."""
        try:
            found = estimate(
                self.schema,
                self.document,
                self.operation,
                variables,
                hgnc_index=limits.hgnc_index,
                version_checks=limits.version_checks,
                budget=limits.max_cost,
                max_list=limits.max_list_argument,
            )
        except ListArgumentTooLong:
            return None
        if found is None or not found.complete or found.total > limits.max_cost:
            return None
        return None if found.calls["hgnc"] else found

    def keys(
        self, variables: dict[str, Any], variable: str | None, fields: frozenset[str]
    ) -> list[FieldsKey] | None:
        """The loader's keys, one per id of the operation's one variable (`variable`) or of the
        ids written in, each read as the lookup lane reads an id; None when any is not (a
        global id, anything but a string or an integer), or the list is empty."""
        if variable is None:
            values: object = self.ids if not variables else None
        else:
            values = variables.get(variable) if len(variables) == 1 else None
        if type(values) is not list or not values:
            return None
        keys = []
        for value in values:
            id_ = source_id(value)
            if id_ is None:
                return None
            keys.append(FieldsKey(id_, fields))
        return keys


async def answer_many(
    recipe: Recipe,
    many: ListRecipe,
    keys: list[FieldsKey],
    variables: dict[str, Any],
    context: Context,
) -> tuple[bytes, dict[str, Any]] | None:
    """The response body and its `extensions` for a list root (see the module), or None to
    hand the request to the full path, with each key's outcome in the request's loader (its
    document as the full path reads it) and the calls made in `carried_calls`."""
    found = many.priced(variables, recipe.limits)
    decoded = recipe.lookup.decoded
    if found is None or decoded is None:
        return None
    with carrying() as carried:
        outcomes = await decoded(context, keys, many.typed)

    def hand_over() -> None:
        loader, as_read = recipe.lookup.loader(context), recipe.lookup.plain
        for key, outcome in zip(keys, outcomes, strict=True):
            loader.prime(key, as_read(outcome) if isinstance(outcome, dict) else outcome)
        context.carried_calls = carried

    if any(isinstance(outcome, Exception) for outcome in outcomes):
        hand_over()  # the full path reports it, from the loader's cache
        return None
    make, build = recipe.lookup.type, recipe.build
    try:
        data = {recipe.response_key: [build(make(doc=d)) if d else None for d in outcomes]}
        written = ENCODER.encode(data)
    except Exception:  # graphql-core executes the objects and reports it exactly
        hand_over()
        return None
    limit = recipe.limits.max_answer_objects
    if not (fits_in(written, limit) or count_objects(data, limit) <= limit):
        hand_over()
        return None
    extensions = {"cost": cost_report(found, carried.log, recipe.limits.max_cost)}
    body = orjson.dumps({"data": orjson.Fragment(written), "extensions": extensions})
    # Freed once the answer is sent (100 heavy genes' documents and answer: ~1.5 ms).
    release_when_done({"documents": outcomes, "answer": data})
    return body, extensions
