"""GraphQL over HTTP, to the letter: Strawberry's FastAPI router where it follows the spec, and
the spec (graphql.github.io/graphql-over-http) where Strawberry does not.

What `GraphQLHTTPRouter` changes, all through the view's own hooks:

    Accept                  negotiated: `application/graphql-response+json` when the client
                            prefers it, `application/json` for `*/*`, `application/*` or no
                            header; nothing supported -> 406
    request errors          (the document does not parse or validate, a variable does not coerce,
                            no operation to run) carry no `data` key; 200 with application/json,
                            400 with application/graphql-response+json
    malformed requests      (no `query`, body not a JSON object, a non-string `operationName`,
                            not UTF-8, JSON too deep, lone surrogates) -> 400; a POST body
                            other than JSON -> 415; a mutation over GET -> 405 with
                            `Allow: POST`; each answered as a GraphQL response whose one
                            error has `extensions.code` (BAD_REQUEST, METHOD_NOT_ALLOWED, ...)
    persisted queries       Apollo's automatic persisted queries (genechem.persisted_queries)
    caching                 a GET answer without errors (nor an upstream-call report):
                            `Cache-Control: public, max-age=N` (N no longer than the shortest
                            TTL of the cached records it used; genechem.response_cache keeps
                            GET and persisted answers in the store), a weak `ETag` of its
                            `data` (not of the cost the execution reports), 304 to a
                            matching `If-None-Match`; every other answer `no-store`

The spec's rules themselves (negotiation, outcome and status, ETags, request checks) are plain
functions in `genechem.http_spec`; the layers around the whole app (CORS, compression, the last
net for internal errors) are `genechem.http_middleware`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, overload

import msgspec
import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from fastapi import BackgroundTasks, FastAPI
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Match, NoMatchFound
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, process_result
from strawberry.http.types import QueryParams
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError
from strawberry.types.unset import UNSET

from backends.calls import CallLog, collecting
from genechem.http_spec import (
    HTTP_ERROR_CODES,
    JSON,
    SUPPORTED,
    Outcome,
    entity_tag,
    error_body,
    has_lone_surrogate,
    json_body,
    negotiate,
    none_match,
    outcome_of,
    plain_query,
    read_bounded_body,
    request_data,
    require_json_body,
    require_parameters,
    status_for,
)
from genechem.logs import note_operation, note_result, operation_name_of
from genechem.metrics import count_refusal
from genechem.persisted_queries import NOT_FOUND_CODE as PERSISTED_NOT_FOUND
from genechem.persisted_queries import PersistedQueryNotFound, persisted_hash, resolve_persisted
from genechem.quotas import INVALID_KEY_CODE, InvalidApiKey, Quotas, QuotaState, estimated_calls
from genechem.response_cache import KnownAnswer, answer_key, answer_keys, keep_answer, read_answer
from genechem.store import Store
from resolvers.context import CALLS_HEADER, Context
from schema.extensions import VALIDATION_FAILED
from schema.lookup_lane import answer as answer_lookup
from schema.query_cost import ENCODED_ANSWER

if TYPE_CHECKING:
    from strawberry.http.base import BaseRequestProtocol

log = logging.getLogger("genechem.errors")

# A GET answer differs by the media type negotiated and by whether the upstream-call report was
# asked for; caches must keep them apart.
CACHE_VARY = f"Accept, {CALLS_HEADER}"
MAX_AGE_STATE = "graphql_max_age"
"""The `request.state` attribute holding the seconds the answer's cached parts stay fresh."""
OUTCOME_STATE = "graphql_outcome"
"""The `request.state` attribute `process_result` leaves for `run` to set status and caching by."""
COST_STATE = "graphql_estimated_calls"
"""The `request.state` attribute holding the upstream calls the request was priced at (quotas)."""
SUB_RESPONSE_STATE = "graphql_sub_response"
"""The `request.state` attribute holding the request's own sub-response (headers, status)."""
TASKS_STATE = "graphql_background_tasks"
"""The `request.state` attribute holding the background tasks of the request's context, run
after its response (`get_context`)."""
MISSED_STATE = "graphql_answer_missed"
"""The `request.state` attribute holding the answer key `answer_from_cache` looked up and did
not find: the view then executes without looking it up a second time."""
ANSWER_STATE = "graphql_answer"
"""The `request.state` attribute holding the executed result until its response is sent: a
large answer takes a while to free (~10 ms for 1000 genes with GO annotations), time the
client would otherwise wait for before the first byte (`GraphQLHTTPRoute.handle`)."""
TAGGED_DATA_STATE = "graphql_tagged_data"
"""The `request.state` attribute holding the JSON of an executed answer's `data`, as its bound
wrote it: the answer's ETag is that of `{"data": ...}` alone (`with_caching`)."""
LANE_CONTEXT_STATE = "graphql_lane_context"
"""The `request.state` attribute holding the context the lookup lane made, when it handed the
request to the full path: its loader holds what the lane fetched (`lane_response`)."""
READ_BODY: ContextVar[tuple[bytes, object] | None] = ContextVar("genechem_read_body", default=None)
"""A POST body and the JSON msgspec read from it for the lookup lane (`lane_response`), matched
to the body by identity: a request the lane hands on is not read a second time (`parse_json`)."""
ContextGetter = Callable[[Request], Awaitable[Context]]


def written_answer(data: object) -> bytes | None:
    """The JSON bytes the answer's bound already wrote for this very `data`
    (`schema.query_cost.ENCODED_ANSWER`, matched by identity), or None."""
    written = ENCODED_ANSWER.get()
    return written[1] if written is not None and written[0] is data else None


def with_written_answer(response: object) -> object:
    """`response` with its `data` as the bytes `written_answer` has for it (then forgotten);
    `response` itself when there are none."""
    if not isinstance(response, dict):
        return response
    encoded = written_answer(response.get("data"))
    if encoded is None:
        return response
    ENCODED_ANSWER.set(None)
    return {**response, "data": orjson.Fragment(encoded)}


def data_body(data: bytes) -> tuple[bytes, bytes, bytes]:
    """The parts of an answer with only `data` (its JSON `data`), as `answer_body` and
    `encode_json` write it: `{"data":` ... `}`."""
    return b'{"data":', data, b"}"


class GraphQLHTTPRouter(GraphQLRouter[Context, None]):
    """Strawberry's FastAPI router, held to the GraphQL-over-HTTP spec (see the module)."""

    def __init__(
        self,
        *args: Any,
        cache_max_age: int = 60,
        response_cache_ttl: float = 0.0,
        persisted_query_ttl: float = 7 * 86400.0,
        max_body_bytes: int = 1_000_000,
        lookup_lane: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lookup_lane = lookup_lane
        self.custom_context_getter: ContextGetter | None = kwargs.get("context_getter")
        self.max_body_bytes = max_body_bytes
        self.cache_max_age = cache_max_age
        self.response_cache_ttl = response_cache_ttl
        self.persisted_query_ttl = persisted_query_ttl
        self.answer_keys = answer_keys()

    def encode_json(self, data: object) -> str | bytes:
        """The answer as UTF-8 JSON bytes by orjson (about ten times Strawberry's `json.dumps`
        on thousands of genes); what orjson refuses (a lone surrogate from an upstream
        document) falls back to Strawberry's encoder, which escapes it."""
        try:
            return orjson.dumps(with_written_answer(data))
        except TypeError:  # orjson.JSONEncodeError
            return super().encode_json(data)

    async def serve_http(self, request: Request) -> Response:
        """What FastAPI's GET and POST routes of Strawberry's router do, without FastAPI's
        per-request dependency solving (a tenth of a single-gene request's CPU): a
        sub-response of the request's own, `run` (the context comes from `get_context` when
        the view first needs it), and a Strawberry `HTTPException` answered as plain text (as
        Strawberry's routes do)."""
        sub_response = Response()
        del sub_response.headers["content-length"]
        sub_response.status_code = None  # type: ignore[assignment]  # "not set", as FastAPI
        setattr(request.state, SUB_RESPONSE_STATE, sub_response)
        try:
            response = await self.run(request, UNSET, None)
        except HTTPException as error:
            return PlainTextResponse(error.reason, status_code=error.status_code)
        tasks: BackgroundTasks | None = getattr(request.state, TASKS_STATE, None)
        if tasks is not None and tasks.tasks and response.background is None:
            response.background = tasks
        return response

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        """The request's context from the context getter, with the request, its background
        tasks and its sub-response, as Strawberry's FastAPI routes give it. Built only when
        Strawberry's view gets that far: an answer from the response cache needs none. The
        lookup lane's, when it handed the request over."""
        handed: Context | None = getattr(request.state, LANE_CONTEXT_STATE, None)
        if handed is not None:
            return handed
        if (
            self.custom_context_getter is None
            or not isinstance(request, Request)
            or not isinstance(response, Response)
        ):
            return await super().get_context(request, response)
        tasks = BackgroundTasks()
        setattr(request.state, TASKS_STATE, tasks)
        context = await self.custom_context_getter(request)
        context.request, context.background_tasks = request, tasks
        context.response = response
        return context

    async def get_sub_response(self, request: Request) -> Response:
        """This request's sub-response (Strawberry's FastAPI router keeps the last request's
        on the router, shared by every request in flight)."""
        own: Response | None = getattr(request.state, SUB_RESPONSE_STATE, None)
        return own if own is not None else await super().get_sub_response(request)

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        """Without an IDE here (genechem.graphiql serves it), a GET without `query` is a
        malformed request (400), not a 404."""
        return self.graphql_ide is not None and super().should_render_graphql_ide(request)

    def parse_json(self, data: str | bytes) -> Any:
        """Strawberry's, plus the bodies `json.loads` fails on with something else than a
        JSONDecodeError, each a 400 like any unparsable body rather than a 500: bytes that are
        not UTF-8, nesting too deep for the parser, an integer past Python's digit limit, and
        `\\ud800`-style escapes of lone surrogates (valid JSON, but no UTF-8 can carry them
        upstream or back in an answer). msgspec first: it reads a subset of what the standard
        library reads (no NaN, no lone surrogates, no nesting past its depth) the same way, so
        whatever it refuses goes the standard library's way with the checks above. (Not
        orjson: it reads an integer past 64 bits as a float, so an ID variable sent as a long
        number would change.) A body the lookup lane read already (`READ_BODY`) is not read
        again."""
        read = READ_BODY.get()
        if read is not None and read[0] is data:
            return read[1]
        try:
            return msgspec.json.decode(data)
        except (msgspec.DecodeError, RecursionError):
            pass
        try:
            parsed = super().parse_json(data)
        except UnicodeDecodeError as error:
            raise HTTPException(400, "The request body is not UTF-8 encoded JSON.") from error
        except RecursionError as error:
            raise HTTPException(400, "The request body nests JSON too deeply.") from error
        except ValueError as error:  # int() past sys.get_int_max_str_digits()
            message = "Unable to parse request body as JSON: a number has too many digits."
            raise HTTPException(400, message) from error
        if has_lone_surrogate(parsed):
            raise HTTPException(400, "The request body holds a string that is not valid Unicode.")
        return parsed

    def parse_query_params(self, params: QueryParams) -> dict[str, Any]:
        """An empty parameter (`operationName=` from an HTML form) counts as absent."""
        return super().parse_query_params({k: v for k, v in params.items() if v != ""})

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        if request.method == "POST":
            require_json_body(request.content_type)
            parameters = self.parse_json(await request.get_body())
            require_parameters(parameters)
            if self._get_stream_transport_from_headers(request.headers) is None:
                return request_data(parameters)  # Strawberry would parse the body again
        else:
            try:
                parameters = self.parse_query_params(request.query_params)
            except HTTPException as error:
                message = "The `variables` and `extensions` parameters must be URL-encoded JSON."
                raise HTTPException(400, message) from error
            require_parameters(parameters)
        return await super().parse_http_body(request)

    async def execute_single(  # noqa: PLR0917 (the base class's signature)
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Persisted queries resolved and whole answers served from the store (see
        `genechem.persisted_queries`, `genechem.response_cache`) around `execute_checked`."""
        store: Store | None = getattr(request.app.state, "store", None)
        if store is not None:
            try:
                request_data = await resolve_persisted(
                    store, request_data, self.persisted_query_ttl
                )
            except PersistedQueryNotFound as error:
                extensions = {"code": PERSISTED_NOT_FOUND}
                return PreExecutionError(
                    data=None, errors=[GraphQLError(str(error), extensions=extensions)]
                )
        # The name the request gives; an executed document's own name is noted by
        # `ErrorCodes` from the document Strawberry parsed.
        note_operation(request_data.operation_name)
        key = self.answer_cache_key(request, request_adapter, request_data, store)
        if store is not None and key is not None:
            name = operation_name_of(request_data.query, request_data.operation_name)
            if request.method == "GET":
                query_string = request.scope["query_string"]
                self.answer_keys.keep(query_string, KnownAnswer(key, name), len(query_string))
            missed = getattr(request.state, MISSED_STATE, None) == key
            cached = None if missed else await read_answer(store, key)
            if cached is not None:
                note_operation(name, answer_cached=True)
                setattr(request.state, MAX_AGE_STATE, cached.seconds_left)
                return ExecutionResult(data=cached.data, errors=None)
        with collecting(CallLog()) as used:
            result = await self.execute_checked(
                request, request_adapter, sub_response, context, root_value, request_data
            )
        if used.shortest_ttl is not None:
            setattr(request.state, MAX_AGE_STATE, used.shortest_ttl)
        if store is not None and key is not None and outcome_of(result) is Outcome.DATA:
            ttl = min(self.response_cache_ttl, used.shortest_ttl or self.response_cache_ttl)
            await keep_answer(store, key, self.answer_body(result.data or {}), ttl)
        return result

    def answer_body(self, data: dict[str, Any]) -> bytes:
        """`{"data": data}` in JSON, as `encode_json` writes it, from the bytes the answer's
        bound already wrote when there are some (left for the response to use too)."""
        written = written_answer(data)
        if written is not None:
            return b"".join(data_body(written))
        body = self.encode_json({"data": data})
        return body if isinstance(body, bytes) else body.encode()

    async def answer_from_cache(self, request: Request) -> Response | None:
        """A repeated GET answered whole from the response cache, before Strawberry's view
        parses the request or builds a context: its query string's answer key is known
        (`answer_keys`) and the store has the answer. It is noted as the view would note it
        (operation, outcome, max-age); None sends the request through the view."""
        store: Store | None = getattr(request.app.state, "store", None)
        if request.method != "GET" or not self.answers_cached(request, store):
            return None
        known = self.answer_keys.get(request.scope["query_string"])
        if store is None or known is None:
            return None
        cached = await read_answer(store, known.key)
        if cached is None:
            setattr(request.state, MISSED_STATE, known.key)
            return None
        note_operation(known.operation, answer_cached=True)
        note_result(Outcome.DATA.name.lower(), [], None)
        setattr(request.state, OUTCOME_STATE, Outcome.DATA)
        setattr(request.state, MAX_AGE_STATE, cached.seconds_left)
        return Response(cached.body)

    async def lane_response(self, request: Request) -> Response | None:
        """A POST the lookup lane knows the recipe of (`schema.lookup_lane`), answered there
        and noted as the view would note it; None sends the request through the view."""
        if not self.lookup_lane or request.method != "POST" or request.headers.get(CALLS_HEADER):
            return None
        body = await request.body()
        parameters = json_body(request.headers.get("content-type"), body)
        if parameters is None:
            return None
        READ_BODY.set((body, parameters))  # read once: `parse_json` takes it from here
        sent = plain_query(parameters)
        recipes = getattr(self.schema, "lookups", None)
        recipe = None if sent is None or recipes is None else recipes.get(sent[:2])
        keys = None if recipe is None or sent is None else recipe.keys(sent[2])
        if recipe is None or sent is None or keys is None:
            return None
        sub_response = await self.get_sub_response(request)
        context = await self.get_context(request, sub_response)
        answer = await answer_lookup(recipe, keys, sent[2], context)
        if answer is None:
            setattr(request.state, LANE_CONTEXT_STATE, context)
            return None
        note_operation(recipe.operation_name)
        note_result(Outcome.DATA.name.lower(), [], answer.extensions)
        setattr(request.state, OUTCOME_STATE, Outcome.DATA)
        spent = getattr(request.state, COST_STATE, 0) + estimated_calls(answer.extensions)
        setattr(request.state, COST_STATE, spent)
        response = Response(
            answer.body,
            media_type="application/json",
            status_code=sub_response.status_code or 200,
        )
        response.headers.raw.extend(sub_response.headers.raw)
        return response

    def answer_cache_key(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        request_data: GraphQLRequestData,
        store: Store | None,
    ) -> str | None:
        """The whole-answer cache key for a GET or a persisted query, None when the answer must
        not come from (or go to) the cache: no store, the cache off, or a report of the
        request's own upstream calls asked for."""
        if not self.answers_cached(request, store):
            return None
        if request_adapter.method != "GET" and persisted_hash(request_data) is None:
            return None
        return answer_key(request_data)

    def answers_cached(self, request: Request, store: Store | None) -> bool:
        """Whether a whole answer may come from (or go to) the cache: a store, the cache on,
        and no report of the request's own upstream calls asked for."""
        return (
            store is not None
            and self.response_cache_ttl > 0
            and not request.headers.get(CALLS_HEADER)
        )

    async def execute_checked(  # noqa: PLR0917 (the base class's signature)
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Strawberry's 400s for the operation's type, as the spec wants them: a mutation over
        GET is 405; an unknown `operationName` (or no operation) is a request error."""
        try:
            return await super().execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
        except HTTPException as error:
            cause = error.__cause__
            if isinstance(cause, InvalidOperationTypeError) and request_adapter.method == "GET":
                raise HTTPException(405, f"{error.reason}; send them with POST.") from error
            if isinstance(cause, CannotGetOperationTypeError):
                extensions = {"code": VALIDATION_FAILED}
                return PreExecutionError(
                    data=None, errors=[GraphQLError(error.reason, extensions=extensions)]
                )
            raise

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """The response as Strawberry builds it, minus `data` on a request error (the spec: a
        request error has no `data` entry, not `data: null`); notes the outcome for `run`."""
        outcome = outcome_of(result)
        setattr(request.state, OUTCOME_STATE, outcome)
        setattr(request.state, ANSWER_STATE, result)
        setattr(request.state, TAGGED_DATA_STATE, written_answer(result.data))
        codes = [str((e.extensions or {}).get("code")) for e in result.errors or []]
        note_result(outcome.name.lower(), codes, result.extensions)
        spent = getattr(request.state, COST_STATE, 0) + estimated_calls(result.extensions)
        setattr(request.state, COST_STATE, spent)
        response = process_result(result)
        if outcome in {Outcome.REQUEST_ERROR, Outcome.INTERNAL_ERROR}:
            response.pop("data", None)
        return response

    @overload
    async def run(
        self, request: Request, context: Context = UNSET, root_value: None = UNSET
    ) -> Response: ...

    @overload
    async def run(
        self, request: WebSocket, context: Context = UNSET, root_value: None = UNSET
    ) -> WebSocket: ...

    async def run(
        self,
        request: Request | WebSocket,
        context: Context = UNSET,
        root_value: None = UNSET,
    ) -> Response | WebSocket:
        """Strawberry's run between content negotiation and the spec's status and caching,
        inside the client's quota (`genechem.quotas`) when one is set."""
        if isinstance(request, WebSocket):
            return await super().run(request, context, root_value)
        quotas: Quotas | None = getattr(request.app.state, "quotas", None)
        if quotas is None:
            return await self.run_negotiated(request, context, root_value)
        media_type = negotiate(request.headers.get("accept")) or JSON
        address = request.client.host if request.client else "-"
        try:
            client = quotas.client_of(request.headers, address)
        except InvalidApiKey:
            return self.refused(
                401,
                "The X-Api-Key header holds a key this API does not know.",
                {"code": INVALID_KEY_CODE},
                media_type,
                {},
            )
        standing = await quotas.standing(client)
        if standing.exhausted:
            return self.over_quota(request, standing, media_type)
        response = await self.run_negotiated(request, context, root_value)
        charged = await quotas.charge(client, getattr(request.state, COST_STATE, 0))
        response.headers.update(charged.headers())
        return response

    def over_quota(self, request: Request, standing: QuotaState, media_type: str) -> Response:
        """RATE_LIMITED, 429 with `Retry-After`: the client's quota is spent for this window."""
        count_refusal("quota")
        error = standing.refusal()
        headers = {"retry-after": str(standing.reset_seconds), **standing.headers()}
        return self.refused(429, error["message"], error["extensions"], media_type, headers)

    def refused(
        self,
        status: int,
        message: str,
        extensions: dict[str, Any],
        media_type: str,
        headers: dict[str, str],
    ) -> Response:
        """A request refused before it was read, as a GraphQL response without `data`."""
        body = {"errors": [{"message": message, "extensions": extensions}]}
        return Response(
            self.encode_json(body),
            status_code=status,
            media_type=f"{media_type}; charset=utf-8",
            headers={"cache-control": "no-store", **headers},
        )

    async def run_negotiated(
        self, request: Request, context: Context, root_value: None
    ) -> Response:
        """Content negotiation, Strawberry's run, then the spec's status and caching."""
        media_type = negotiate(request.headers.get("accept"))
        try:
            if media_type is None:
                supported = " or ".join(SUPPORTED)
                raise HTTPException(406, f"This endpoint answers in {supported} only.")
            if request.method == "POST":
                await read_bounded_body(request, self.max_body_bytes)
            response = await self.answer_from_cache(request) or await self.lane_response(request)
            if response is None:
                response = await super().run(request, context, root_value)
        except HTTPException as error:
            return self.http_error(request, error, media_type or JSON)
        outcome: Outcome | None = getattr(request.state, OUTCOME_STATE, None)
        if media_type is None or outcome is None:  # not a GraphQL response (a stream, an IDE)
            return response
        response.headers["content-type"] = f"{media_type}; charset=utf-8"
        response.status_code = status_for(outcome, media_type)
        return self.with_caching(request, response, outcome)

    def http_error(self, request: Request, error: HTTPException, media_type: str) -> Response:
        """A request refused before execution, still as a GraphQL response in the media type
        the client accepts, with the status Strawberry or this view chose."""
        code = HTTP_ERROR_CODES.get(error.status_code, "BAD_REQUEST")
        headers = {"cache-control": "no-store"}
        if error.status_code == 405:
            headers["allow"] = "POST" if request.method == "GET" else "GET, POST"
        return Response(
            self.encode_json(error_body(error.reason, code)),
            status_code=error.status_code,
            media_type=f"{media_type}; charset=utf-8",
            headers=headers,
        )

    def with_caching(self, request: Request, response: Response, outcome: Outcome) -> Response:
        """GET answers without errors may be reused for `cache_max_age` seconds and revalidated
        with their ETag; anything else must not be stored (a POST, an error that may pass, the
        report of the request's own upstream calls). The ETag is that of `{"data": ...}`: an
        executed answer's `extensions.cost` tells what that execution spent (its upstream calls
        differ as records come from the cache or not), not what the answer is, so the same data
        keeps one tag, executed or from the response cache, and revalidates with 304."""
        data: bytes | None = getattr(request.state, TAGGED_DATA_STATE, None)
        setattr(request.state, TAGGED_DATA_STATE, None)  # the answer's bytes, held no longer
        if (
            request.method != "GET"
            or outcome is not Outcome.DATA
            or response.status_code != 200
            or request.headers.get(CALLS_HEADER)  # a report of this request's own calls
        ):
            response.headers["cache-control"] = "no-store"
            return response
        etag = entity_tag(bytes(response.body)) if data is None else entity_tag(*data_body(data))
        # No longer than the first record or cached answer it was made of stays fresh.
        shortest: float | None = getattr(request.state, MAX_AGE_STATE, None)
        max_age = self.cache_max_age if shortest is None else min(self.cache_max_age, int(shortest))
        headers = {
            "cache-control": f"public, max-age={max_age}",
            "etag": etag,
            "vary": CACHE_VARY,
        }
        if none_match(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
        response.headers.update(headers)
        return response


class GraphQLHTTPRoute(BaseRoute):
    """The router's GET and POST at `path`, answered by `GraphQLHTTPRouter.serve_http` straight
    from Starlette's routing. Placed before the router's own FastAPI routes, which still answer
    every other method (405) and WebSockets, and describe the endpoint in OpenAPI."""

    def __init__(self, path: str, router: GraphQLHTTPRouter) -> None:
        self.path = path
        self.router = router

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if (
            scope["type"] == "http"
            and scope["method"] in {"GET", "POST"}
            and scope["path"] == self.path
        ):
            return Match.FULL, {"path_params": {}}
        return Match.NONE, {}

    def url_path_for(self, name: str, /, **path_params: Any) -> Any:
        raise NoMatchFound(name, path_params)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The answer is freed once it is sent (`ANSWER_STATE`), before the middleware after
        it (memory reclaim) runs."""
        request = Request(scope, receive)
        try:
            response = await self.router.serve_http(request)
            await response(scope, receive, send)
        finally:
            scope.get("state", {}).pop(ANSWER_STATE, None)


def install_graphql(app: FastAPI, router: GraphQLHTTPRouter, path: str = "/graphql") -> None:
    """Mount `router` at `path`, its GET and POST served by `GraphQLHTTPRoute` ahead of it."""
    app.include_router(router, prefix=path)
    app.router.routes.insert(0, GraphQLHTTPRoute(path, router))
