"""The HTTP layers around the whole app: CORS for the configured origins, zstd or gzip for
large answers (`genechem.compression`), and `InternalErrors`, the last net under the endpoints
(`add_http_middleware`)."""

from __future__ import annotations

import logging

import orjson
from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from genechem.compression import Compression
from genechem.http_spec import JSON, error_body
from genechem.logs import REQUEST_ID_HEADER, note_result
from genechem.settings import Settings
from resolvers.context import CALLS_HEADER
from schema.extensions import INTERNAL_ERROR, INTERNAL_MESSAGE

log = logging.getLogger("genechem.errors")


class InternalErrors:
    """The last net under the endpoints: an exception out of the context getter, the router or
    any route (a store down, a bug) answers HTTP 500 with a GraphQL-shaped INTERNAL_ERROR and
    the fixed message, never Starlette's bare text nor the exception's words; the traceback is
    logged once, here (nothing re-raises it to the server)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:  # answered below; the traceback goes to the log
            log.exception("unexpected error serving %s", scope.get("path"))
            note_result("internal_error", [INTERNAL_ERROR], None)
            if started:  # too late for another answer: the client sees a cut response
                return
            body = orjson.dumps(error_body(INTERNAL_MESSAGE, INTERNAL_ERROR))
            await Response(
                body,
                500,
                media_type=f"{JSON}; charset=utf-8",
                headers={"cache-control": "no-store"},
            )(scope, receive, send)


def add_http_middleware(app: FastAPI, settings: Settings) -> None:
    """CORS for the configured origins (none by default: same-origin pages only) and zstd or
    gzip for answers of `settings.gzip_minimum_size` bytes or more. CORS is added last, so it is
    the outermost layer and answers preflights before anything else runs; `InternalErrors` first,
    the innermost, so every other layer still sees (and logs) its 500."""
    app.add_middleware(InternalErrors)
    app.add_middleware(Compression, minimum_size=settings.gzip_minimum_size)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=("GET", "POST"),
        allow_headers=("Accept", "Content-Type", "If-None-Match", CALLS_HEADER, REQUEST_ID_HEADER),
        expose_headers=("ETag", REQUEST_ID_HEADER),
        max_age=600,
    )
