"""Fault injection for the mirror: make chosen requests slow, fail, rate-limited, garbled or cut.

Off by default (no rules). Rules come from `GENECHEM_MIRROR_FAULTS` (a JSON list, `rules_from_json`)
or at run time through the admin routes under `/_mirror/faults`:

    GET    /_mirror/faults   the rules, in order
    PUT    /_mirror/faults   replace them with a JSON list of rules
    POST   /_mirror/faults   append one rule
    DELETE /_mirror/faults   remove every rule
    (each answers the resulting list; an invalid rule is a 422 with pydantic's errors)

For each request the first rule that matches (path regex, method) and fires (`rate`, drawn from
the rule's own `random.Random(seed)`; `times` not used up) is applied:

    latency      wait `latency_ms`, then serve the request normally
    status       answer `status` (default 503) with a body in the service's error shape
    rate_limit   answer 429 with `Retry-After: <retry_after seconds>` and the error shape
    malformed    answer 200 with the real response's body cut in half: not valid JSON
    drop         send the response head with a Content-Length, part of the body, then cut the
                 connection: clients see a protocol error (httpx `RemoteProtocolError`), never a
                 clean status. In process (httpx `ASGITransport`) the same error is raised.

Admin paths (`/_mirror/...`) are never faulted.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import threading
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Literal

import httpx
import pydantic
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mirror.hgnc import error_response as hgnc_error_response

FaultKind = Literal["latency", "status", "rate_limit", "malformed", "drop"]
ADMIN_PREFIX = "/_mirror"
STATUS_CODES = frozenset(status.value for status in HTTPStatus)


class FaultRule(pydantic.BaseModel):
    """One fault: what to inject, on which requests, how often."""

    model_config = pydantic.ConfigDict(extra="forbid")

    kind: FaultKind
    path: str = ""
    """A regular expression searched in the request path (`^/mygene/v3/query`, `^/hgnc/`)."""
    method: str | None = None
    """Only requests with this HTTP method (any case); None for every method."""
    status: int = pydantic.Field(503, ge=100, le=599)
    """The status a `status` fault answers."""
    latency_ms: int = pydantic.Field(0, ge=0)
    """The delay a `latency` fault adds before serving the request."""
    retry_after: float = pydantic.Field(1.0, ge=0)
    """Seconds a `rate_limit` fault puts in its `Retry-After` header."""
    rate: float = pydantic.Field(1.0, ge=0, le=1)
    """Probability that a matching request is hit."""
    seed: int = 0
    """Seed of the rule's own random generator, so that `rate` is reproducible."""
    times: int | None = pydantic.Field(None, ge=0)
    """Inject at most this many times, then let requests pass; None for no limit."""

    @pydantic.field_validator("path")
    @classmethod
    def _path_is_a_regex(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"path is not a valid regular expression: {exc}") from None
        return value

    def applies_to(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return re.search(self.path, path) is not None


RULE_LIST = pydantic.TypeAdapter(list[FaultRule])


def rules_from_json(text: str) -> list[FaultRule]:
    """Rules from a JSON list (the `GENECHEM_MIRROR_FAULTS` setting); blank text is no rules.

    Raises pydantic.ValidationError when the text is not a list of valid rules.
    """
    return RULE_LIST.validate_json(text) if text.strip() else []


@dataclass
class _RuleState:
    rule: FaultRule
    rng: random.Random
    fired: int = 0


class FaultInjector:
    """The active rules, in order, each with its own random generator and use count."""

    def __init__(self, rules: list[FaultRule] | None = None) -> None:
        self.rules: list[FaultRule] = list(rules or [])
        self._states: dict[int, _RuleState] = {}
        self._lock = threading.Lock()

    def replace(self, rules: list[FaultRule]) -> None:
        with self._lock:
            self.rules = list(rules)
            self._states.clear()

    def add(self, rule: FaultRule) -> None:
        with self._lock:
            self.rules.append(rule)

    def clear(self) -> None:
        self.replace([])

    def pick(self, method: str, path: str) -> FaultRule | None:
        """The first rule that matches and fires for this request, using up one of its `times`."""
        with self._lock:
            for rule in self.rules:
                if not rule.applies_to(method, path):
                    continue
                state = self._state(rule)
                if rule.times is not None and state.fired >= rule.times:
                    continue
                if rule.rate < 1.0 and state.rng.random() >= rule.rate:
                    continue
                state.fired += 1
                return rule
        return None

    def _state(self, rule: FaultRule) -> _RuleState:
        # Keyed by identity (rules are mutable models), checked so a recycled id gets a new state.
        state = self._states.get(id(rule))
        if state is None or state.rule is not rule:
            state = self._states[id(rule)] = _RuleState(rule, random.Random(rule.seed))
        return state


class ConnectionDropped(httpx.RemoteProtocolError):
    """Raised by a `drop` fault after a partial response: uvicorn then closes the connection, and
    an in-process httpx client (`ASGITransport`) receives this transport error itself."""


def error_answer(scope: Scope, status: int, message: str) -> Response:
    """An error response in the shape of the service the request was for."""
    path: str = scope["path"]
    if path.startswith("/hgnc"):
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        return hgnc_error_response(status, message, headers.get("accept"))
    return JSONResponse({"code": status, "success": False, "error": message}, status_code=status)


def retry_after_header(seconds: float) -> str:
    """Whole seconds as an integer, as HTTP writes them; fractions kept for fast tests."""
    return str(int(seconds)) if float(seconds).is_integer() else f"{seconds:g}"


class FaultMiddleware:
    """Pure ASGI middleware applying the injector's rules before the wrapped app runs."""

    def __init__(self, app: ASGIApp, injector: FaultInjector) -> None:
        self.app = app
        self.injector = injector

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(ADMIN_PREFIX):
            await self.app(scope, receive, send)
            return
        rule = self.injector.pick(scope["method"], scope["path"])
        if rule is None:
            await self.app(scope, receive, send)
        elif rule.kind == "latency":
            await asyncio.sleep(rule.latency_ms / 1000)
            await self.app(scope, receive, send)
        elif rule.kind == "status":
            message = HTTPStatus(rule.status).phrase if rule.status in STATUS_CODES else "Error"
            await error_answer(scope, rule.status, message)(scope, receive, send)
        elif rule.kind == "rate_limit":
            response = error_answer(scope, 429, "Too Many Requests")
            response.headers["Retry-After"] = retry_after_header(rule.retry_after)
            await response(scope, receive, send)
        elif rule.kind == "malformed":
            await self._malformed(scope, receive, send)
        else:
            await self._drop(send)

    async def _malformed(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the request, then send only the first half of its body, as a 200."""
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        body = truncated(b"".join(chunks))
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _drop(self, send: Send) -> None:
        body = b'{"partial": "'
        headers = [(b"content-type", b"application/json"), (b"content-length", b"4096")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": True})
        raise ConnectionDropped("mirror fault: connection dropped mid-response")


def truncated(body: bytes) -> bytes:
    """The first half of `body`, guaranteed not to parse as JSON."""
    cut = body[: len(body) // 2]
    try:
        json.loads(cut)
    except ValueError:
        return cut
    # A half that still parses (a bare number, an empty body) gets an unterminated object.
    return cut + b'{"truncated": '


def fault_routes(injector: FaultInjector) -> list[Route]:
    """The admin routes, relative to the `/_mirror` mount."""

    def listing() -> JSONResponse:
        return JSONResponse([rule.model_dump() for rule in injector.rules])

    async def faults(request: Request) -> Response:
        if request.method == "GET":
            return listing()
        if request.method == "DELETE":
            injector.clear()
            return listing()
        body = await request.body()
        try:
            if request.method == "PUT":
                injector.replace(RULE_LIST.validate_json(body))
            else:
                injector.add(FaultRule.model_validate_json(body))
        except pydantic.ValidationError as exc:
            return JSONResponse(
                {"detail": _json_safe(exc.errors(include_url=False, include_context=False))},
                status_code=422,
            )
        return listing()

    return [Route("/faults", faults, methods=["GET", "PUT", "POST", "DELETE"])]


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))
