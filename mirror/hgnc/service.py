"""The HGNC REST routes: `/info`, `/fetch/{field}/{term}`, `/search/...`.

The URL is read from the raw request path, one segment at a time, and each segment is then
percent-decoded, as on the real service: an encoded slash (`%2F`) stays inside a term, `%3F` is a
`?` of the term (a Solr wildcard in a search), not a query string, `%2E%2E` is the term `..`, not
a step up, and `+` means a space (`/search/symbol:BRAF+AND+status:Approved`).
Status codes: 200; 400 for a URL of the wrong shape, an unknown field or bad query syntax; 404
for an unknown request type (`/foo/bar`); 405 for a method other than GET; 415 for an `Accept`
the service cannot produce.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote_plus

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mirror.hgnc.fields import SEARCHABLE_FIELDS, stored_fields
from mirror.hgnc.records import HgncRecords, QuerySyntaxError, UnknownField
from mirror.hgnc.render import (
    Format,
    error_response,
    info_body,
    negotiate,
    render_docs,
    respond,
    result_body,
)
from mirror.store import Doc

# An unescaped `:` inside a `/search/{field}/{term}` term is part of the value (`HGNC:1097`).
UNESCAPED_COLON = re.compile(r"(?<!\\):")
ESCAPED_COLON = r"\\:"


class RequestError(Exception):
    """A request the service refuses, with the status it answers."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def path_segments(request: Request) -> list[str]:
    """The decoded segments of the path below the mount, `+` read as a space."""
    raw = request.scope.get("raw_path")
    root_depth = request.scope.get("root_path", "").rstrip("/").count("/")
    if isinstance(raw, bytes):
        # httpx's in-process transport passes the query string along in raw_path.
        text = raw.split(b"?", 1)[0].decode("latin-1")
        segments = text.split("/")[1 + root_depth :]
    else:
        segments = request.scope["path"].split("/")[1 + root_depth :]
    if segments and segments[-1] == "":
        segments.pop()
    return [unquote_plus(segment, encoding="utf-8") for segment in segments]


class HgncService:
    """Answers HGNC REST requests over a fixed set of records."""

    def __init__(self, docs: Sequence[Doc], metadata: dict[str, Any]) -> None:
        self.records = HgncRecords(docs)
        self.info = {
            # A data set that does not say when it was built reports no date, not a made-up one.
            "lastModified": metadata.get("lastModified"),
            "numDoc": len(docs),
            "searchableFields": list(SEARCHABLE_FIELDS),
            "storedFields": stored_fields(docs),
        }

    def set_last_modified(self, value: str | None) -> None:
        """What `/info` reports as `lastModified` from now on, as after a new HGNC release."""
        self.info["lastModified"] = value

    async def handle(self, request: Request) -> Response:
        accept = request.headers.get("accept")
        fmt = negotiate(accept)
        if fmt is None:
            # Neither format is acceptable: answer in JSON, the format clients of the mirror parse.
            return error_response(415, f"Unsupported media type: {accept}", "application/json")
        if request.method not in ("GET", "HEAD"):
            return error_response(
                405, f"Method {request.method} not allowed", accept, {"Allow": "GET"}
            )
        try:
            return self.dispatch(fmt, path_segments(request), time.perf_counter())
        except RequestError as exc:
            return error_response(exc.status, str(exc), accept)
        except (UnknownField, QuerySyntaxError) as exc:
            return error_response(400, str(exc), accept)

    def dispatch(self, fmt: Format, segments: list[str], started: float) -> Response:
        kind, args = (segments[0], segments[1:]) if segments else ("", [])
        if kind == "info":
            if args:
                raise RequestError(400, "info takes no arguments: /info")
            return respond(fmt, info_body(fmt, _qtime(started), self.info))
        if kind == "fetch":
            return self.fetch(fmt, args, started)
        if kind == "search":
            return self.search(fmt, args, started)
        raise RequestError(404, f"Unknown request type: /{'/'.join(segments)}")

    def fetch(self, fmt: Format, args: list[str], started: float) -> Response:
        if len(args) != 2 or not all(args):
            raise RequestError(400, "fetch needs one field and one term: /fetch/{field}/{term}")
        num_found, docs = self.records.fetch_rendered(fmt, args[0], args[1])
        return respond(fmt, result_body(fmt, _qtime(started), num_found, docs))

    def search(self, fmt: Format, args: list[str], started: float) -> Response:
        if len(args) == 1 and args[0].strip():
            q = args[0]
        elif len(args) == 2 and args[0] and args[1].strip():
            if args[0] not in SEARCHABLE_FIELDS:
                raise UnknownField(args[0])
            q = f"{args[0]}:({UNESCAPED_COLON.sub(ESCAPED_COLON, args[1])})"
        else:
            raise RequestError(
                400, "search needs a query: /search/{query} or /search/{field}/{term}"
            )
        hits = self.records.search(q)
        max_score = hits[0]["score"] if hits else 0.0
        return respond(
            fmt, result_body(fmt, _qtime(started), len(hits), render_docs(fmt, hits), max_score)
        )


def _qtime(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)


def create_hgnc_app(docs: list[dict[str, Any]], metadata: dict[str, Any]) -> Starlette:
    """The HGNC REST service over `docs` (records in HGNC's shape); `metadata` may give
    `lastModified` for `/info`. Mounted by the mirror at `/hgnc`."""
    service = HgncService(docs, metadata)
    # Every method reaches the handler, which answers the service's own 405 for all but GET.
    methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    app = Starlette(routes=[Route("/{path:path}", service.handle, methods=methods)])
    # Tests reach the service here to play a data release (`set_last_modified`).
    app.state.hgnc = service
    return app
