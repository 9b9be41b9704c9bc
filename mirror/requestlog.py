"""Every request the mirror serves, recorded so that tests and benchmarks count upstream calls at
the source.

Reachable over HTTP at `GET /_mirror/requests` (and cleared with `DELETE`), so that a gateway
running in another process is measured exactly as the real services would see it.
"""

from __future__ import annotations

import json
import time
from collections import deque
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 50_000


@dataclass
class LoggedRequest:
    """One request as the mirror saw it."""

    service: str
    """`mygene`, `mychem`, `hgnc`, or `mirror` for admin routes."""
    method: str
    path: str
    params: dict[str, list[str]]
    """Query-string and body parameters, every value as the list of strings sent."""
    body: Any = None
    """A JSON body as parsed, when the request had one."""
    status: int = 0
    at: float = 0.0
    """When the request arrived, `time.monotonic()` seconds."""
    raw_path: str = ""
    """The path exactly as sent, still percent-encoded (`path` is decoded)."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def service_of(path: str) -> str:
    for prefix, service in (("/mygene/", "mygene"), ("/mychem/", "mychem"), ("/hgnc", "hgnc")):
        if path.startswith(prefix):
            return service
    return "mirror"


def parse_params(
    query_string: bytes, content_type: str, body: bytes
) -> tuple[dict[str, list[str]], Any]:
    params: dict[str, list[str]] = {}
    for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        params.setdefault(key, []).append(value)
    parsed_body: Any = None
    if body and "application/x-www-form-urlencoded" in content_type:
        for key, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
            params.setdefault(key, []).append(value)
    elif body and "json" in content_type:
        try:
            parsed_body = json.loads(body)
        except ValueError:
            parsed_body = None
        if isinstance(parsed_body, dict):
            for key, value in parsed_body.items():
                values = value if isinstance(value, list) else [value]
                params.setdefault(key, []).extend(str(v) for v in values)
    return params, parsed_body


class RequestLog:
    """A bounded, in-memory log of requests, newest last."""

    def __init__(self) -> None:
        self.entries: deque[LoggedRequest] = deque(maxlen=MAX_ENTRIES)

    def clear(self) -> None:
        self.entries.clear()

    def select(self, service: str | None = None) -> list[LoggedRequest]:
        return [e for e in self.entries if service is None or e.service == service]


class RequestLogMiddleware:
    """Records every HTTP request to the three services (admin routes are not recorded)."""

    def __init__(self, app: ASGIApp, log: RequestLog) -> None:
        self.app = app
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or service_of(scope["path"]) == "mirror":
            await self.app(scope, receive, send)
            return
        # The entry is logged on arrival, before the service answers, so a request still being
        # served (a slow one a client gave up on) is already counted.
        arrived = time.monotonic()
        body = await read_body(receive)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        params, parsed = parse_params(
            scope.get("query_string", b""), headers.get("content-type", ""), body
        )
        entry = LoggedRequest(
            service=service_of(scope["path"]),
            method=scope["method"],
            path=scope["path"],
            params=params,
            body=parsed,
            at=arrived,
            raw_path=raw_path_of(scope),
        )
        self.log.entries.append(entry)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                entry.status = message["status"]
            await send(message)

        await self.app(scope, replay, recording_send)


def raw_path_of(scope: Scope) -> str:
    """The request's path as sent (percent-encoded), without a query string (httpx's in-process
    transport puts it in `raw_path`); the decoded path when the server gives no raw one."""
    raw = scope.get("raw_path")
    if not isinstance(raw, bytes):
        return str(scope["path"])
    return raw.split(b"?", 1)[0].decode("latin-1")


async def read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)
