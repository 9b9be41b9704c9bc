"""Schema extensions: error codes on every error, and the upstream-call report.

Every error leaves with `extensions.code`. What the client got wrong reaches it as it is, logged at
INFO at most:

    GRAPHQL_PARSE_FAILED       the document is not GraphQL (a syntax error)
    GRAPHQL_VALIDATION_FAILED  the document does not fit the schema (an unknown field, argument
                               or enum value written in it; several operations and no
                               `operationName`)
    BAD_USER_INPUT             a variable's value does not fit its type (a string for an `Int`,
                               an unknown enum value, a required variable missing)
    <the error's own code>     a `GenechemError` a resolver raised (INVALID_INPUT, NOT_FOUND, ...)

Anything else is a fault of the gateway: the client sees INTERNAL_ERROR and a fixed message, and
the log gets the traceback once (`GatewaySchema` keeps Strawberry from logging every error again).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLSyntaxError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from backends.calls import CallLog, collecting
from genechem.errors import (
    GenechemError,
    UpstreamMalformed,
    UpstreamRateLimited,
    UpstreamUnavailable,
)

log = logging.getLogger("genechem.errors")

INTERNAL_MESSAGE = "Internal error in the gateway; it has been logged."
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_USER_INPUT = "BAD_USER_INPUT"
INTERNAL_ERROR = "INTERNAL_ERROR"
SEVERAL_OPERATIONS = "Must provide operation name if query contains multiple operations."
"""graphql-core's own words for the case (the GraphQL spec's GetOperation)."""


def client_code(error: GraphQLError, invalid: AbstractSet[int]) -> str | None:
    """The code of a mistake in the request itself, or None when the error is not one.

    `invalid` holds the ids of the validation errors. The rest of the request's mistakes are
    graphql-core's variable coercion errors: they have no `path` (no field ran) and carry no
    exception, or another `GraphQLError`, behind them. An exception without a path is a fault
    (Strawberry wraps an extension's crash so)."""
    if isinstance(error, GraphQLSyntaxError):
        return PARSE_FAILED
    if id(error) in invalid:
        return VALIDATION_FAILED
    original = error.original_error
    if error.path is None and (original is None or isinstance(original, GraphQLError)):
        return BAD_USER_INPUT
    return None


def log_known(error: GenechemError, path: Any) -> None:
    """A reported error: a service failing is worth a warning, a client's mistake or a missing
    record only INFO, a `GenechemError` without a more precise class a traceback."""
    if type(error) is GenechemError:
        log.error("gateway error at %s: %s", path, error.message, exc_info=error)
    elif isinstance(error, UpstreamUnavailable | UpstreamRateLimited | UpstreamMalformed):
        log.warning("%s at %s: %s", error.code, path, error.message)
    else:
        log.info("%s at %s: %s", error.code, path, error.message)


def coded(error: GraphQLError, invalid: AbstractSet[int] = frozenset()) -> GraphQLError:
    """The error as the client sees it: a message to show and `extensions.code` (and `source`);
    logged once, at the level its kind deserves."""
    original = error.original_error
    if isinstance(original, GenechemError):
        log_known(original, error.path)
        message, extensions = original.message, original.extensions()
    elif (code := client_code(error, invalid)) is not None:
        log.info("%s: %s", code, error.message)
        message, extensions = error.message, {"code": code}
    else:
        log.error("unexpected error at %s", error.path, exc_info=original or error)
        message, extensions = INTERNAL_MESSAGE, {"code": INTERNAL_ERROR}
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions={**(error.extensions or {}), **extensions},
    )


def unnamed_among_several(context: ExecutionContext) -> list[OperationDefinitionNode]:
    """The operations of a document that holds several while the request names none, else [].

    Strawberry would run the first one; the spec (GetOperation) requires an error."""
    document = context.graphql_document
    if document is None:
        return []
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    # Strawberry's `operation_name` falls back to the first operation's name: only the private
    # attribute says whether the request gave one.
    provided = context._provided_operation_name
    return operations if len(operations) > 1 and provided is None else []


class ErrorCodes(SchemaExtension):
    """Gives every error a stable code; unexpected exceptions never leak their text or trace."""

    def on_operation(self) -> Iterator[None]:
        self.invalid: set[int] = set()
        yield
        done: dict[int, GraphQLError] = {}

        def code(error: GraphQLError) -> GraphQLError:
            # The result's errors and `pre_execution_errors` are often the same objects: each
            # error is coded (and logged) once.
            if id(error) not in done:
                done[id(error)] = coded(error, self.invalid)
            return done[id(error)]

        context = self.execution_context
        if context.result is not None and context.result.errors:
            context.result.errors = [code(e) for e in context.result.errors]
        if context.pre_execution_errors:
            context.pre_execution_errors = [code(e) for e in context.pre_execution_errors]

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        operations = unnamed_among_several(context)
        if operations:
            # Set before validation runs: Strawberry then skips it and answers this error alone.
            context.pre_execution_errors = [GraphQLError(SEVERAL_OPERATIONS, nodes=operations)]
        yield
        self.invalid = {id(e) for e in context.pre_execution_errors or []}


class UpstreamCalls(SchemaExtension):
    """Collects the upstream calls of the operation; reports them in `extensions.upstream` when
    the request sent the `X-Genechem-Upstream-Calls` header."""

    def on_operation(self) -> Iterator[None]:
        self.log = CallLog()
        with collecting(self.log):
            yield

    def get_results(self) -> dict[str, object]:
        context = self.execution_context.context
        if not getattr(context, "report_calls", False):
            return {}
        return {"upstream": {"calls": self.log.count(), "bySource": self.log.summary()}}


class GatewaySchema(strawberry.Schema):
    """Strawberry's schema, minus its logging of every error at ERROR with a traceback: a
    client's mistake is no fault of the gateway. `ErrorCodes` logs each error once, at its
    level."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None
