"""The GraphQL-over-HTTP spec's rules as plain functions (graphql.github.io/graphql-over-http):
content negotiation, the outcome of a response and its status code, ETags, and the checks of a
request before it is parsed. `genechem.graphql_http` applies them to Strawberry's router."""

from __future__ import annotations

import enum
import functools
import hashlib
from dataclasses import dataclass
from typing import Any

import msgspec
from cross_web import HTTPException
from starlette.requests import Request
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.parse_content_type import parse_content_type
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError

from schema.extensions import INTERNAL_ERROR

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
# Ties (`*/*`, `application/*`) go to the first: the spec's default media type, which every
# client reads.
SUPPORTED = (JSON, GRAPHQL_RESPONSE)
HTTP_ERROR_CODES = {
    400: "BAD_REQUEST",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    413: "REQUEST_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
}


class Outcome(enum.Enum):
    """What a GraphQL response holds, which decides its status code and whether it is cached."""

    DATA = "data"
    """Executed without errors."""
    FIELD_ERRORS = "field errors"
    """Executed; some fields failed (data partial, or null when a non-null root failed)."""
    REQUEST_ERROR = "request error"
    """Never executed: parse, validation or variable coercion failed, or no operation to run."""
    INTERNAL_ERROR = "internal error"
    """Never executed because the gateway itself failed before execution."""


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header."""

    type: str
    subtype: str
    quality: float
    position: int

    def specificity(self, media_type: str) -> int | None:
        """How precisely this range names `media_type` (2 exactly, 1 `type/*`, 0 `*/*`), or None
        when it does not match it."""
        wanted_type, _, wanted_subtype = media_type.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 0
        if self.type != wanted_type:
            return None
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == wanted_subtype else None


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header, with their q-values (1 when absent; malformed 0)."""
    ranges = []
    for position, entry in enumerate(header.split(",")):
        media, *parameters = (part.strip() for part in entry.split(";"))
        type_, slash, subtype = media.lower().partition("/")
        if not slash or not type_ or not subtype:
            continue
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append(MediaRange(type_, subtype, quality, position))
    return ranges


def negotiate(accept: str | None) -> str | None:
    """The media type to answer in: the client's most preferred supported one, None if it
    accepts neither (406). No Accept header means application/json (the spec's rule until
    clients have moved to application/graphql-response+json)."""
    if accept is None or not accept.strip():
        return JSON
    ranges = parse_accept(accept)
    best: tuple[float, int, int, int] | None = None
    chosen: str | None = None
    for preference, media_type in enumerate(SUPPORTED):
        matching = [(r.specificity(media_type), r) for r in ranges]
        scored = [(s, r) for s, r in matching if s is not None]
        if not scored:
            continue
        # The most specific range naming a type sets its quality (RFC 9110, 12.5.1).
        specificity, media_range = max(scored, key=lambda pair: (pair[0], -pair[1].position))
        if media_range.quality <= 0:
            continue
        rank = (media_range.quality, specificity, -media_range.position, -preference)
        if best is None or rank > best:
            best, chosen = rank, media_type
    return chosen


def outcome_of(result: ExecutionResult) -> Outcome:
    """Request error or not, as the spec tells them apart: a request error stops before
    execution, so it has no data and none of its errors has a `path` (a field error has one)."""
    if not result.errors:
        return Outcome.DATA
    before_execution = isinstance(result, PreExecutionError) or (
        result.data is None and all(error.path is None for error in result.errors)
    )
    if not before_execution:
        return Outcome.FIELD_ERRORS
    codes = {(error.extensions or {}).get("code") for error in result.errors}
    return Outcome.INTERNAL_ERROR if INTERNAL_ERROR in codes else Outcome.REQUEST_ERROR


def status_for(outcome: Outcome, media_type: str) -> int:
    """application/json answers every GraphQL response 200; application/graphql-response+json
    answers a request error 400 (500 when the gateway failed), so HTTP tooling sees it."""
    if media_type != GRAPHQL_RESPONSE:
        return 200
    return {Outcome.REQUEST_ERROR: 400, Outcome.INTERNAL_ERROR: 500}.get(outcome, 200)


def entity_tag(*parts: bytes) -> str:
    """A weak ETag of the body `parts` make together: weak because compression may re-encode
    the bytes on the way out, and because an answer's tag covers its `data` alone (see
    `GraphQLHTTPRouter.with_caching`)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return f'W/"{digest.hexdigest()[:32]}"'


def none_match(if_none_match: str | None, etag: str) -> bool:
    """Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for it)."""
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag.removeprefix("W/") in tags


@functools.lru_cache(maxsize=64)
def require_json_body(content_type: str | None) -> None:
    """A POST body must be `application/json` in UTF-8: anything else is 415, not 400. Cached:
    clients send the same few headers (a refusal is raised again each time, not cached)."""
    if not content_type:
        raise HTTPException(415, "POST requests need Content-Type: application/json.")
    media_type, parameters = parse_content_type(content_type)
    if media_type != JSON:
        raise HTTPException(415, f"Unsupported Content-Type {media_type}; use {JSON}.")
    charset = parameters.get("charset", "utf-8").lower()
    if charset not in {"utf-8", "utf8"}:
        raise HTTPException(415, f"Unsupported charset {charset}; use utf-8.")


def require_parameters(parameters: object) -> None:
    """The checks Strawberry leaves out: the body is one JSON object (batches are off) and
    `operationName` a string or null."""
    if not isinstance(parameters, dict):
        raise HTTPException(400, "The request body must be a JSON object.")
    if not isinstance(parameters.get("operationName"), str | None):
        raise HTTPException(400, "The GraphQL operation's `operationName` must be a string.")


def request_data(parameters: dict[str, Any]) -> GraphQLRequestData:
    """A POST body's parameters (`require_parameters` passed) as Strawberry's request data,
    with Strawberry's own checks of `query`, `variables` and `extensions`."""
    query = parameters.get("query")
    if not isinstance(query, str | None):
        raise HTTPException(
            400, "The GraphQL operation's `query` must be a string or null, if provided."
        )
    variables = parameters.get("variables")
    if not isinstance(variables, dict | None):
        raise HTTPException(
            400, "The GraphQL operation's `variables` must be an object or null, if provided."
        )
    extensions = parameters.get("extensions")
    if not isinstance(extensions, dict | None):
        raise HTTPException(
            400, "The GraphQL operation's `extensions` must be an object or null, if provided."
        )
    return GraphQLRequestData(query, variables, parameters.get("operationName"), extensions)


def json_body(content_type: str | None, body: bytes) -> object | None:
    """A POST body as msgspec reads JSON (the reading `parse_json` of the router tries first);
    None when its Content-Type is not JSON or msgspec refuses it."""
    try:
        require_json_body(content_type)
        parameters: object = msgspec.json.decode(body)
    except (HTTPException, msgspec.DecodeError, RecursionError):
        return None
    return parameters


def plain_query(parameters: object) -> tuple[str, str | None, dict[str, Any]] | None:
    """The query text, operation name and variables of a POST body's parameters without
    extensions, as the lookup lane reads them; None for anything else, which the full path
    reads (and refuses, if it must)."""
    if not isinstance(parameters, dict) or parameters.get("extensions") not in (None, {}):
        return None
    query, name = parameters.get("query"), parameters.get("operationName")
    variables = parameters.get("variables")
    if variables is None:
        variables = {}
    if not isinstance(query, str) or not isinstance(name, str | None):
        return None
    return (query, name, variables) if isinstance(variables, dict) else None


def has_lone_surrogate(value: object) -> bool:
    """Whether any string (key or value) in parsed JSON holds a lone UTF-16 surrogate. Walks
    with a stack, not recursion: the value may be as deep as the parser allowed."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def error_body(message: str, code: str) -> GraphQLHTTPResponse:
    """A GraphQL response with one error and no `data`: a request that was never executed."""
    return {"errors": [{"message": message, "extensions": {"code": code}}]}


async def read_bounded_body(request: Request, limit: int) -> None:
    """Read the body, refusing it (413) as soon as it passes `limit` bytes: by its declared
    Content-Length before reading anything, else while it streams in. A huge document is never
    buffered whole, decoded nor parsed. The body read is kept where Starlette's `body()` finds
    it, for the request's parsing."""
    too_large = f"The request body is larger than {limit} bytes (GENECHEM_MAX_BODY_BYTES)."
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, too_large)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, too_large)
        chunks.append(chunk)
    request._body = b"".join(chunks)
