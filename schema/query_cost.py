"""`QueryCost`: the operation priced in upstream calls before it runs, refused over the limit,
its answer bounded in size, and `extensions.cost` reported (see `resolvers.cost` for the price).

It refuses with QUERY_TOO_COMPLEX (over GENECHEM_MAX_COST, a list argument too long, too deep or
too many aliases found right after parsing) and ANSWER_TOO_LARGE (more objects than
GENECHEM_MAX_ANSWER_OBJECTS). `IndexedQueryCost` is the app's: the symbol checker's price waits
for the HGNC index to load.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, ClassVar

import orjson
from graphql import DocumentNode, ExecutionResult, GraphQLError, OperationDefinitionNode
from strawberry.types import ExecutionContext

from genechem.cache import Recent
from genechem.errors import GenechemError
from resolvers.cost import Estimate, ListArgumentTooLong, QueryTooComplex, cost_report, estimate
from schema.document_cache import document_memo
from schema.document_limits import QUERY_TOO_COMPLEX, OverLimitAtParse, parse_time_verdict
from schema.extensions import UpstreamCalls
from schema.typed_go import GoEntry

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

    def estimate(
        self,
        context: ExecutionContext,
        operation: OperationDefinitionNode,
        known_symbol: Callable[[str], bool] | None = None,
    ) -> Estimate | None:
        """The estimate of the operation the execution context runs, under these limits."""
        assert context.graphql_document is not None
        return estimate(
            context.schema._schema,
            context.graphql_document,
            operation,
            context.variables,
            hgnc_index=self.hgnc_index,
            version_checks=self.version_checks,
            budget=self.max_cost,
            max_list=self.max_list_argument,
            known_symbol=known_symbol,
        )


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
        found = self.limits.estimate(context, operation, known_symbol)
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
            results["cost"] = cost_report(self.estimate, self.log, self.limits.max_cost)
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
    from its bytes without walking it (`count_objects`, four times orjson's time). Two bounds,
    the cheaper first:

    - Length: each object owns its `{` and `}`, each list item its separator (`[` for the
      first, `,` for the others) and, unless it is an object, at least one byte of its own (a
      value, or a list's `]`). So an object in a list, two counts for `,{}`, is the densest: at
      most 2 counts per 3 bytes.
    - Structure: each object has its `{`, each list item its `[` or `,`, so there are at most
      as many as those bytes (the ones inside strings only add to the bound). Counted in C:
      ~1 ms for the 700 KB of 100 genes with GO annotations, where the walk took ~5.

    An answer orjson refuses (a lone surrogate) is counted."""
    if written is None:
        return False
    if 2 * len(written) <= 3 * limit:
        return True
    return len(written) - len(written.translate(None, STRUCTURE)) <= limit


STRUCTURE = b"{[,"
"""The bytes of a JSON text that begin an object or a list item (see `fits_in`)."""


def count_objects(data: object, limit: int) -> int:
    """Objects and list items in `data`, counted up to just past `limit` (then it stops).

    Only containers go on the stack, and by exact type: an answer is plain dicts and lists (from
    graphql-core, the compiled path and orjson), and this walk runs over every answer, so it
    must cost little next to encoding it (a third of the time of pushing every value). A list
    of decoded GO annotations (`schema.typed_go`, the lookup lane's) counts each as an object."""
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
            if value and isinstance(value[0], GoEntry):  # a decoded list: objects all
                seen += len(value)
                continue
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
