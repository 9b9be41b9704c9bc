"""Schema extensions: error codes on every error, and the upstream-call report (the price, the
limits and the answer's bound are `schema.query_cost`).

Every error leaves with `extensions.code`. What the client got wrong reaches it as it is, logged at
INFO at most:

    GRAPHQL_PARSE_FAILED       the document is not GraphQL (a syntax error)
    GRAPHQL_VALIDATION_FAILED  the document does not fit the schema (an unknown field, argument
                               or enum value written in it; several operations and no
                               `operationName`)
    BAD_USER_INPUT             a variable's value does not fit its type (a string for an `Int`,
                               an unknown enum value, a required variable missing)
    <the error's own code>     a `GenechemError` a resolver raised (INVALID_INPUT, NOT_FOUND, ...)
    QUERY_TOO_COMPLEX          over a limit before running: depth, aliases, tokens (Strawberry's
                               limiters), a list argument's length or the price in upstream
                               calls (`QueryCost`, with `cost` and `limit`)
    ANSWER_TOO_LARGE           the answer holds more objects than GENECHEM_MAX_ANSWER_OBJECTS

Anything else is a fault of the gateway: the client sees INTERNAL_ERROR and a fixed message, and
the log gets the traceback once (`GatewaySchema` keeps Strawberry from logging every error again).
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import Any

import strawberry
from graphql import (
    GraphQLError,
    GraphQLSyntaxError,
    OperationDefinitionNode,
)
from strawberry.exceptions import MissingQueryError
from strawberry.extensions import (
    SchemaExtension,
)
from strawberry.extensions.context import (
    ExecutingContextManager,
    ExtensionContextManagerBase,
    OperationContextManager,
    ParsingContextManager,
    ValidationContextManager,
    WrappedHook,
)
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionContext
from strawberry.types import ExecutionResult as StrawberryResult
from strawberry.types.graphql import OperationType

from backends.calls import CallLog, carry_over, collecting
from genechem.cache import Recent
from genechem.errors import (
    GenechemError,
    UpstreamMalformed,
    UpstreamRateLimited,
    UpstreamUnavailable,
)
from genechem.logs import note_operation, operation_name_in
from schema.document_cache import document_memo
from schema.document_limits import QUERY_TOO_COMPLEX

log = logging.getLogger("genechem.errors")

INTERNAL_MESSAGE = "Internal error in the gateway; it has been logged."
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_USER_INPUT = "BAD_USER_INPUT"
INTERNAL_ERROR = "INTERNAL_ERROR"
LIMIT_MESSAGES = (
    re.compile(r"exceeds maximum operation depth of \d+"),
    re.compile(r"\d+ aliases found\. Allowed: \d+"),
    re.compile(r"Document contains more than \d+ tokens"),
)
"""The words of Strawberry's QueryDepthLimiter, MaxAliasesLimiter and MaxTokensLimiter (through
graphql-core's parser): their refusals are QUERY_TOO_COMPLEX, not a mistake in the document
(tests/test_limits.py fails if the wording changes)."""
REQUEST_ERRORS = (MissingQueryError, CannotGetOperationTypeError, InvalidOperationTypeError)
"""What Strawberry raises out of `execute` on purpose: the HTTP layer answers them as 4xx."""
SEVERAL_OPERATIONS = "Must provide operation name if query contains multiple operations."
"""graphql-core's own words for the case (the GraphQL spec's GetOperation)."""


def client_code(error: GraphQLError, invalid: AbstractSet[int]) -> str | None:
    """The code of a mistake in the request itself, or None when the error is not one.

    `invalid` holds the ids of the validation errors. The rest of the request's mistakes are
    graphql-core's variable coercion errors: they have no `path` (no field ran) and carry no
    exception, or another `GraphQLError`, behind them. An exception without a path is a fault
    (Strawberry wraps an extension's crash so)."""
    if any(pattern.search(error.message) for pattern in LIMIT_MESSAGES):
        return QUERY_TOO_COMPLEX
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
        # The request's log line and metrics name the operation by the document parsed here.
        note_operation(
            operation_name_in(context.graphql_document, context._provided_operation_name)
        )
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
            # The lookup lane's load, when the lane handed the request over (its answer is
            # reused, not fetched again): counted here as if this operation had made it.
            carried = getattr(self.execution_context.context, "carried_calls", None)
            if carried is not None:
                carry_over(carried)
            yield

    def get_results(self) -> dict[str, object]:
        context = self.execution_context.context
        if not getattr(context, "report_calls", False):
            return {}
        report: dict[str, object] = {"calls": self.log.count(), "bySource": self.log.summary()}
        # Records and metadata the store answered instead of a service (0 calls for them).
        report |= {"cacheHits": self.log.cache_hits, "cacheMisses": self.log.cache_misses}
        return {"upstream": report}


def internal_result(exc: Exception) -> StrawberryResult:
    """The answer when the operation's machinery itself failed (an extension's `get_results`):
    INTERNAL_ERROR with the fixed message, the traceback logged once."""
    log.error("unexpected error in the operation's machinery", exc_info=exc)
    error = GraphQLError(INTERNAL_MESSAGE, extensions={"code": INTERNAL_ERROR})
    return StrawberryResult(data=None, errors=[error])


def all_coded(result: StrawberryResult) -> StrawberryResult:
    """`result` with a code on every error. `ErrorCodes` codes what reaches the end of its
    `on_operation`; an exception out of an extension hook (its own included) skips that, and
    Strawberry answers it as a bare message: coded here, INTERNAL_ERROR for a crash."""
    if result.errors and any("code" not in (e.extensions or {}) for e in result.errors):
        result.errors = [e if "code" in (e.extensions or {}) else coded(e) for e in result.errors]
    return result


_HOOKS: dict[tuple[type[SchemaExtension], str], tuple[str, Callable[..., Any]] | None] = {}
"""Per extension class and hook name: whether the hook is a generator ("sync"), an async
generator ("async") or a plain callable ("callable"), with the context manager factory made
from it once; None when the class does not override the hook. Strawberry inspects and wraps
every extension's four hooks on every request."""


def hook_of(extension: type[SchemaExtension], name: str) -> tuple[str, Callable[..., Any]] | None:
    """The kind and context manager factory of `extension`'s `name` hook (see `_HOOKS`)."""
    key = (extension, name)
    if key not in _HOOKS:
        hook = getattr(extension, name)
        found: tuple[str, Callable[..., Any]] | None = None
        if hook is not getattr(SchemaExtension, name):
            if inspect.isgeneratorfunction(hook):
                found = ("sync", contextlib.contextmanager(hook))
            elif inspect.isasyncgenfunction(hook):
                found = ("async", contextlib.asynccontextmanager(hook))
            else:
                found = ("callable", hook)
        _HOOKS[key] = found
    return _HOOKS[key]


class UnwindingHooks(ExtensionContextManagerBase):
    """Strawberry's hook runner, unwound when a hook fails on the way in: Strawberry leaves the
    hooks entered before it open (an `on_operation` left collecting calls in the request's
    context, then closed by the garbage collector in another one). Here they see the
    exception, as they would at their `yield`. Each extension class's hooks are inspected and
    wrapped once (`hook_of`), not on every request."""

    def get_hook(self, extension: SchemaExtension) -> WrappedHook | None:
        found = hook_of(type(extension), self.HOOK_NAME)
        if found is None:
            return None
        kind, factory = found
        if kind == "callable":
            return super().get_hook(extension)
        return WrappedHook(extension, functools.partial(factory, extension), kind == "async")

    def __enter__(self) -> None:
        try:
            super().__enter__()
        except BaseException as exc:
            if not self.exit_stack.__exit__(type(exc), exc, exc.__traceback__):
                raise

    async def __aenter__(self) -> None:
        try:
            await super().__aenter__()
        except BaseException as exc:
            if not await self.async_exit_stack.__aexit__(type(exc), exc, exc.__traceback__):
                raise


class UnwindingOperation(UnwindingHooks, OperationContextManager):
    """`on_operation` hooks, unwound on a failed entry (see `UnwindingHooks`)."""


class UnwindingParsing(UnwindingHooks, ParsingContextManager):
    """`on_parse` hooks, unwound on a failed entry (see `UnwindingHooks`)."""


class UnwindingValidation(UnwindingHooks, ValidationContextManager):
    """`on_validate` hooks, unwound on a failed entry (see `UnwindingHooks`)."""


class UnwindingExecution(UnwindingHooks, ExecutingContextManager):
    """`on_execute` hooks, unwound on a failed entry (see `UnwindingHooks`)."""


class UnwindingRunner(SchemaExtensionsRunner):
    """Strawberry's extensions runner with hook lists that unwind (see `UnwindingHooks`)."""

    def operation(self) -> OperationContextManager:
        return UnwindingOperation(self.extensions)

    def parsing(self) -> ParsingContextManager:
        return UnwindingParsing(self.extensions)

    def validation(self) -> ValidationContextManager:
        return UnwindingValidation(self.extensions)

    def executing(self) -> ExecutingContextManager:
        return UnwindingExecution(self.extensions)


class GatewaySchema(strawberry.Schema):
    """Strawberry's schema, minus its logging of every error at ERROR with a traceback: a
    client's mistake is no fault of the gateway. `ErrorCodes` logs each error once, at its
    level; `execute` makes sure no error leaves without a code, whatever failed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lookups: Recent[Any, Any] = document_memo()
        """The lookup lane's recipes for this schema (`schema.lookup_lane`)."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None

    def create_extensions_runner(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension]
    ) -> SchemaExtensionsRunner:
        return UnwindingRunner(execution_context=execution_context, extensions=extensions)

    async def execute(  # noqa: PLR0917 (Strawberry's signature)
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> StrawberryResult:
        try:
            result = await super().execute(
                query,
                variable_values,
                context_value,
                root_value,
                operation_name,
                allowed_operation_types,
                operation_extensions,
            )
        except REQUEST_ERRORS:
            raise
        except Exception as exc:  # any other fault of the gateway: see `internal_result`
            return internal_result(exc)
        return all_coded(result)

    def execute_sync(  # noqa: PLR0917 (Strawberry's signature)
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> StrawberryResult:
        try:
            result = super().execute_sync(
                query,
                variable_values,
                context_value,
                root_value,
                operation_name,
                allowed_operation_types,
                operation_extensions,
            )
        except REQUEST_ERRORS:
            raise
        except Exception as exc:  # any other fault of the gateway: see `internal_result`
            return internal_result(exc)
        return all_coded(result)
