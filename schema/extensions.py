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
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, ClassVar

import orjson
import strawberry
from graphql import (
    DocumentNode,
    ExecutionResult,
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

from backends.calls import CallLog, collecting
from genechem.cache import Recent
from genechem.errors import (
    GenechemError,
    UpstreamMalformed,
    UpstreamRateLimited,
    UpstreamUnavailable,
)
from genechem.logs import note_operation, operation_name_in
from resolvers.cost import SERVICES, Estimate, ListArgumentTooLong, QueryTooComplex, estimate
from schema.document_cache import document_memo
from schema.document_limits import QUERY_TOO_COMPLEX, OverLimitAtParse, parse_time_verdict

log = logging.getLogger("genechem.errors")

PriceKey = tuple[int, int, tuple[int, float] | None]


@dataclass(frozen=True)
class CostLimits:
    """The limits `QueryCost` enforces (from Settings: MAX_COST, MAX_DEPTH, MAX_ALIASES,
    MAX_LIST_ARGUMENT,
    MAX_ANSWER_OBJECTS) and whether HGNC lookups go through the index."""

    max_cost: int = 200
    max_depth: int = 15
    max_aliases: int = 50
    max_list_argument: int = 10_000
    max_answer_objects: int = 100_000
    hgnc_index: bool = True
    version_checks: bool = False
    """Whether the record cache keys records by build version: reading it may cost one
    metadata call per service a request touches."""


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
            yield

    def get_results(self) -> dict[str, object]:
        context = self.execution_context.context
        if not getattr(context, "report_calls", False):
            return {}
        report: dict[str, object] = {"calls": self.log.count(), "bySource": self.log.summary()}
        # Records and metadata the store answered instead of a service (0 calls for them).
        report |= {"cacheHits": self.log.cache_hits, "cacheMisses": self.log.cache_misses}
        return {"upstream": report}


class QueryCost(UpstreamCalls):
    """Prices the operation before it runs (`resolvers.cost`) and refuses it over `limits`
    (QUERY_TOO_COMPLEX) before any upstream call; bounds the answer's size; reports the estimate
    and the calls made in `extensions.cost` of every answer that got as far as execution."""

    limits: ClassVar[CostLimits] = CostLimits()
    prices: ClassVar[Recent[PriceKey, tuple[DocumentNode, Estimate | None]]] = document_memo()
    """Estimates of operations without variables, by document, operation and HGNC index state
    (see `price`), bounded as the document cache is (by the documents' texts)."""

    @classmethod
    def configured(cls, limits: CostLimits) -> type[QueryCost]:
        """This extension with `limits` and estimates of its own (Strawberry builds one instance
        per request)."""
        return type(cls.__name__, (cls,), {"limits": limits, "prices": document_memo()})

    def on_operation(self) -> Iterator[None]:
        self.estimate: Estimate | None = None
        yield from super().on_operation()

    def on_parse(self) -> Iterator[None]:
        """Refuse a document too deep or with too many aliases as soon as it is parsed, in
        Strawberry's words. Its QueryDepthLimiter and MaxAliasesLimiter say the same, but as
        validation rules, after the whole validation: 80 ms of the event loop for 1000 aliases
        of one field (OverlappingFieldsCanBeMerged), 5 ms for `gene` nested 10 times, paid by
        every request and every client queued behind it."""
        yield
        context = self.execution_context
        document = context.graphql_document
        if document is None:
            return
        limits = self.limits
        message = parse_time_verdict(context.query, document, limits.max_depth, limits.max_aliases)
        if message is not None:
            log.info("%s: %s", QUERY_TOO_COMPLEX, message)
            raise OverLimitAtParse(message, extensions={"code": QUERY_TOO_COMPLEX})

    def on_execute(self) -> Iterator[None]:
        """Synchronous, so `execute_sync` works too: the HGNC index helps only once loaded."""
        context = self.execution_context
        if context.result is None:
            refusal = self.refusal(self.priced(self.loaded_index()))
            if refusal is not None:
                context.result = ExecutionResult(data=None, errors=[refusal])
        yield
        self.bound_answer()

    def price(
        self, operation: OperationDefinitionNode, known_symbol: Callable[[str], bool] | None
    ) -> Estimate | None:
        """The operation's estimate. Without variables it depends on the document alone (and
        the HGNC index the symbols are checked in), so it is kept for the next request of that
        document (a tenth of a single-gene request's CPU); the document (shared by the parse
        cache) is held with it, so its id stays its own."""
        context = self.execution_context
        document = context.graphql_document
        assert document is not None
        key: PriceKey | None = None
        if not operation.variable_definitions and not context.variables:
            key = (id(document), id(operation), self.index_state(known_symbol))
            kept = self.prices.get(key)
            if kept is not None and kept[0] is document:
                return kept[1]
        found = estimate(
            context.schema._schema,
            document,
            operation,
            context.variables,
            hgnc_index=self.limits.hgnc_index,
            version_checks=self.limits.version_checks,
            budget=self.limits.max_cost,
            max_list=self.limits.max_list_argument,
            known_symbol=known_symbol,
        )
        if key is not None:
            self.prices.keep(key, (document, found), len(context.query or ""))
        return found

    def index_state(self, known_symbol: Callable[[str], bool] | None) -> tuple[int, float] | None:
        """What an estimate read of the HGNC index: none (no index loaded), or which index as
        of which load."""
        index = self.hgnc_index() if known_symbol is not None else None
        if index is None or index.loaded_at is None:
            return None
        return id(index), index.loaded_at

    def hgnc_index(self) -> Any:
        """The request's HGNC index, or None (index mode off, or no backends in the context)."""
        backends = getattr(self.execution_context.context, "backends", None)
        return getattr(backends, "hgnc_index", None) if self.limits.hgnc_index else None

    def loaded_index(self) -> Callable[[str], bool] | None:
        """Whether the loaded HGNC index explains a symbol; None while no index is loaded."""
        index = self.hgnc_index()
        if index is None or index.loaded_at is None:
            return None

        def known(symbol: str) -> bool:
            fields = ("symbol", "prev_symbol", "alias_symbol")
            return any(index.lookup(f, symbol) for f in fields)

        return known

    def priced(
        self, known_symbol: Callable[[str], bool] | None
    ) -> tuple[OperationDefinitionNode, Estimate | None] | GraphQLError | None:
        """The operation and its estimate; the refusal of a list too long; None when there is
        nothing to price (no document, or variables execution will refuse)."""
        operation = chosen_operation(self.execution_context)
        if self.execution_context.graphql_document is None or operation is None:
            return None
        try:
            return operation, self.price(operation, known_symbol)
        except ListArgumentTooLong as exc:
            return GraphQLError(exc.message, nodes=[operation], original_error=exc)

    def refusal(
        self, priced: tuple[OperationDefinitionNode, Estimate | None] | GraphQLError | None
    ) -> GraphQLError | None:
        """The error refusing the operation, or None when it may run."""
        if priced is None or isinstance(priced, GraphQLError):
            return priced
        operation, found = priced
        limits = self.limits
        if found is None:
            return None
        self.estimate = found
        if found.total <= limits.max_cost and found.complete:
            return None
        message = (
            f"The operation would make up to {found.total} upstream calls "
            f"({', '.join(f'{s} {n}' for s, n in found.report().items() if s != 'total')}); "
            f"at most {limits.max_cost} are allowed (GENECHEM_MAX_COST). Ask for fewer nested "
            "links, list items or aliases, or split the operation."
        )
        if not found.complete:
            message = (
                "The operation expands to too many fields to run; ask for fewer nested links, "
                "fragments or aliases."
            )
        error = QueryTooComplex(message, found.report(), limits.max_cost)
        return GraphQLError(error.message, nodes=[operation], original_error=error)

    def bound_answer(self) -> None:
        """Replace an answer holding more than `max_answer_objects` objects by an error, before
        it costs the event loop its serialization."""
        context = self.execution_context
        result = context.result
        data = getattr(result, "data", None)
        if result is None or data is None:
            return
        limit = self.limits.max_answer_objects
        written = encoded(data)
        if fits_in(written, limit) or count_objects(data, limit) <= limit:
            if written is not None:
                ENCODED_ANSWER.set((data, written))
            return
        error = AnswerTooLarge(
            f"The answer holds more than {limit} objects and list items "
            "(GENECHEM_MAX_ANSWER_OBJECTS); ask for fewer items (`first`, shorter lists)."
        )
        # In place: Strawberry returns the result object it executed, not the context's.
        result.data = None
        result.errors = [GraphQLError(error.message, original_error=error)]

    def get_results(self) -> dict[str, object]:
        results = super().get_results()
        if self.estimate is not None:
            actual: dict[str, int] = {s: self.log.count(s) for s in SERVICES}
            results["cost"] = {
                "estimated": self.estimate.report(),
                "actual": {**actual, "total": sum(actual.values())},
                "limit": self.limits.max_cost,
            }
        return results


class IndexedQueryCost(QueryCost):
    """`QueryCost` for async execution (the app): when the symbol checker alone puts an
    operation over the limit in index mode, the HGNC index is loaded first (its first load, two
    calls shared by the whole process) and the symbols it explains are priced at nothing."""

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        context = self.execution_context
        if context.result is None:
            priced = self.priced(self.loaded_index())
            if self.over_by_hgnc(priced) and await self.load_index():
                priced = self.priced(self.loaded_index())
            refusal = self.refusal(priced)
            if refusal is not None:
                context.result = ExecutionResult(data=None, errors=[refusal])
        yield
        self.bound_answer()

    def over_by_hgnc(
        self, priced: tuple[OperationDefinitionNode, Estimate | None] | GraphQLError | None
    ) -> bool:
        if not isinstance(priced, tuple) or priced[1] is None:
            return False
        found = priced[1]
        return found.total > self.limits.max_cost and bool(found.calls["hgnc"])

    async def load_index(self) -> bool:
        """Whether an index is loaded after trying; a failed load prices the worst case (the
        fields then report the failure themselves)."""
        index = self.hgnc_index()
        if index is None:
            return False
        try:
            await index.ready()
        except Exception:  # priced at the worst case: see the docstring
            return False
        return index.loaded_at is not None


class AnswerTooLarge(GenechemError):
    """The answer holds more objects than GENECHEM_MAX_ANSWER_OBJECTS allows."""

    code = "ANSWER_TOO_LARGE"


ENCODED_ANSWER: ContextVar[tuple[object, bytes] | None] = ContextVar(
    "genechem_encoded_answer", default=None
)
"""The request's answer `data` and its JSON bytes, as `bound_answer` wrote them to bound it:
the HTTP layer puts these bytes in the response (`genechem.graphql_http`) instead of writing
the same data a second time (a tenth of a large answer's CPU). Matched by identity: any other
data is written as usual."""


def encoded(data: object) -> bytes | None:
    """`data` as JSON by orjson; None when orjson refuses it (a lone surrogate)."""
    try:
        return orjson.dumps(data)
    except TypeError:  # orjson.JSONEncodeError
        return None


def fits_in(written: bytes | None, limit: int) -> bool:
    """Whether the answer `written` encodes holds at most `limit` objects and list items, known
    without counting them: every object is at least two bytes of JSON (`{}`) and every list
    item at least one more (a value, or a comma), so an answer of at most `limit` bytes cannot
    hold more. orjson writes the 8 MB answer of 1000 genes in a quarter of the time
    `count_objects` walks it; larger answers (and any orjson refuses) are counted."""
    return written is not None and len(written) <= limit


def count_objects(data: object, limit: int) -> int:
    """Objects and list items in `data`, counted up to just past `limit` (then it stops).

    Only containers go on the stack, and by exact type: an answer is plain dicts and lists (from
    graphql-core, the compiled path and orjson), and this walk runs over every answer, so it
    must cost little next to encoding it (a third of the time of pushing every value)."""
    if type(data) is not dict and type(data) is not list:
        return 0
    seen = 0
    stack: list[Any] = [data]
    pop, push = stack.pop, stack.append
    while stack and seen <= limit:
        value = pop()
        if type(value) is dict:
            seen += 1
            items = value.values()
        else:
            seen += len(value)
            items = value
        for item in items:
            kind = type(item)
            if kind is dict or kind is list:
                push(item)
    return seen


def chosen_operation(context: ExecutionContext) -> OperationDefinitionNode | None:
    """The operation the request runs: the one named, else the document's only one."""
    document = context.graphql_document
    if document is None:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    name = context._provided_operation_name
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)


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
