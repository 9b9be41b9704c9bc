"""One log line per HTTP request, and the JSON formatter that makes it machine-readable.

`RequestLogMiddleware` gives every HTTP request an id (the client's `X-Request-Id` when it sends
a sane one, else a new one), returns it in `X-Request-Id`, collects the request's upstream calls
and cache use, and at the end logs `genechem.requests` once: the access log's facts (client,
method, path, status) and what the GraphQL router noted (`note_operation`, `note_result`):
operation name, outcome, error codes, cost. It also records the request metrics of GraphQL
requests, so logs and metrics always agree. `genechem serve` turns uvicorn's own access log off:
it was a second line for every request, with less in it; without it a single gene costs ~8%
less CPU.

`GENECHEM_LOG_FORMAT=json` (`configure_logging`) writes every `genechem` log record as one JSON
object per line, the request fields included; `text` keeps plain lines for people.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import sys
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from graphql import DocumentNode, GraphQLError, OperationDefinitionNode, parse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backends.calls import CallLog, collecting
from genechem import metrics

log = logging.getLogger("genechem.requests")
REQUEST_ID_HEADER = "x-request-id"
REQUEST_ID_KEY = REQUEST_ID_HEADER.encode()
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
"""A client's request id is echoed into logs and headers: nothing else gets through."""


@dataclass
class RequestFacts:
    """What one request's log line and metrics say about it."""

    request_id: str
    client: str = "-"
    """The client's address and port, as uvicorn's access log wrote it."""
    method: str = "-"
    path: str = "-"
    status: int | None = None
    """The answer's HTTP status; None when the request ended before one was sent."""
    calls: CallLog = field(default_factory=CallLog)
    operation: str | None = None
    outcome: str = "none"
    """The GraphQL outcome (data, field errors, request error...), `none` before execution."""
    error_codes: list[str] = field(default_factory=list)
    cost: Any = None
    """`extensions.cost` of the answer, when the cost extension reported one."""
    answer_cached: bool = False

    def fields(self, seconds: float) -> dict[str, Any]:
        return {
            "request_id": self.request_id,
            "client": self.client,
            "method": self.method,
            "path": self.path,
            "status": self.status,
            "operation": self.operation,
            "outcome": self.outcome,
            "duration_ms": round(seconds * 1000, 3),
            "upstream_calls": self.calls.count(),
            "cost": self.cost,
            "cache_hits": self.calls.cache_hits,
            "cache_misses": self.calls.cache_misses,
            "answer_cached": self.answer_cached,
            "error_codes": sorted(set(self.error_codes)),
        }


_facts: ContextVar[RequestFacts | None] = ContextVar("genechem_request_facts", default=None)


def current_facts() -> RequestFacts | None:
    """The facts of the request being served (None outside the middleware)."""
    return _facts.get()


def note_operation(name: str | None, *, answer_cached: bool = False) -> None:
    facts = _facts.get()
    if facts is not None:
        facts.operation = name
        facts.answer_cached = facts.answer_cached or answer_cached


def note_result(outcome: str, error_codes: list[str], extensions: dict[str, Any] | None) -> None:
    facts = _facts.get()
    if facts is not None:
        facts.outcome = outcome
        facts.error_codes.extend(error_codes)
        facts.cost = (extensions or {}).get("cost")


def request_id_from(scope: Scope) -> str:
    """The client's `X-Request-Id` when it is sane, else 128 random bits in hex (as a UUID4's
    hex, without its fixed version bits; a sixth of the time `uuid4` takes)."""
    for name, value in scope.get("headers", []):
        if name == REQUEST_ID_KEY:
            text: str = bytes(value).decode("latin-1").strip()
            if SANE_REQUEST_ID.fullmatch(text):
                return text
    return os.urandom(16).hex()


class RequestLogMiddleware:
    """Request id in and out, upstream calls collected, one log line and the request metrics."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        facts = RequestFacts(
            request_id_from(scope),
            client=f"{client[0]}:{client[1]}" if client else "-",
            method=scope.get("method", "-"),
            path=scope.get("path", "-"),
        )
        header = (REQUEST_ID_KEY, facts.request_id.encode())
        logged = False
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal logged
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), header]
                facts.status = message["status"]
            # Logged before the last byte leaves, so a client that has its answer finds the line.
            last = message["type"] == "http.response.body" and not message.get("more_body")
            if last and not logged:
                logged = True
                finish(facts, time.perf_counter() - started)
            await send(message)

        token = _facts.set(facts)
        try:
            with collecting(facts.calls):
                await self.app(scope, receive, send_with_id)
        finally:
            _facts.reset(token)
            if not logged:
                finish(facts, time.perf_counter() - started)


def finish(facts: RequestFacts, seconds: float) -> None:
    """The request's metrics and its one log line."""
    if facts.outcome != "none":
        metrics.observe_request(facts.operation, facts.outcome, seconds)
        metrics.observe_cost(facts.calls.count())
    line = facts.fields(seconds)
    log.info(
        '%s %s "%s %s" %s %s %s in %.1f ms, %d upstream calls',
        facts.request_id,
        facts.client,
        facts.method,
        facts.path,
        facts.status if facts.status is not None else "-",
        facts.operation or "-",
        facts.outcome,
        line["duration_ms"],
        line["upstream_calls"],
        extra={"request": line},
    )


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, and a request's fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if isinstance(request, dict):
            entry.update(request)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


HANDLER_NAME = "genechem"
PROCESS_FORMAT = "%(asctime)s %(name)s %(levelname)s %(message)s"


class LeaveToOwnHandler(logging.Filter):
    """For the process's root handler: passes a `genechem` record only while the `genechem`
    logger has no handler of its own. Once `configure_logging` gave it one, that handler has
    written the record (in the chosen format) and propagation would write it a second time:
    every request's line appeared twice in the server's log."""

    def filter(self, record: logging.LogRecord) -> bool:
        name = record.name
        if name != "genechem" and not name.startswith("genechem."):
            return True
        owner = logging.getLogger("genechem")
        return not any(handler.get_name() == HANDLER_NAME for handler in owner.handlers)


def configure_process_logging(level: int = logging.INFO) -> None:
    """The command line's root handler on stderr, for every logger without its own (the
    `genechem` loggers write through theirs once the app is built), unless logging is
    configured already (`logging.basicConfig` leaves a configured root alone)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(PROCESS_FORMAT))
    handler.addFilter(LeaveToOwnHandler())
    logging.basicConfig(level=level, handlers=[handler])


def configure_logging(log_format: str, level: int = logging.INFO) -> None:
    """Send the `genechem` loggers to stderr, as JSON lines or text; calling it again replaces
    the handler it added, never another one."""
    root = logging.getLogger("genechem")
    root.setLevel(level)
    for handler in list(root.handlers):
        if handler.get_name() == HANDLER_NAME:
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(HANDLER_NAME)
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def operation_name_of(query: str | None, operation_name: str | None) -> str | None:
    """The operation a request runs: the one it names, else the name of the document's only
    operation (None for an anonymous one or a document that does not parse). For answers
    that never reach execution (the response cache); an executed request's name comes from
    the document Strawberry parsed (`operation_name_in`), not from a second parse."""
    if operation_name or not query:
        return operation_name
    return _only_operation_name(query)


def operation_name_in(document: DocumentNode | None, operation_name: str | None) -> str | None:
    """`operation_name_of` for a document already parsed."""
    if operation_name or document is None:
        return operation_name
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or operations[0].name is None:
        return None
    return operations[0].name.value


@functools.lru_cache(maxsize=512)
def _only_operation_name(query: str) -> str | None:
    try:
        document = parse(query, no_location=True)
    except GraphQLError:
        return None
    return operation_name_in(document, None)
