"""The genechem service: FastAPI with the GraphQL endpoint at /graphql (GET, POST, GraphiQL).

`/` redirects to GraphiQL, self-hosted by `genechem.graphiql`.
The endpoint follows the GraphQL-over-HTTP spec, with CORS, gzip and HTTP caching
(`genechem.graphql_http`).

`uvicorn app:app` serves it with settings from the environment; `genechem serve` is the same with
command-line flags. The lifespan chooses the source (live or the in-process mirror), opens the three
REST clients once, and closes them at shutdown.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request

from backends.sources import build_backends, choose_kind
from genechem.cache import MemoryCache
from genechem.cursors import CursorCodec
from genechem.graphiql import install_graphiql
from genechem.graphql_http import GraphQLHTTPRouter, add_http_middleware
from genechem.settings import Settings, get_settings
from mirror.app import create_mirror_app
from mirror.faults import rules_from_json
from mirror.store import Dataset
from resolvers.context import CALLS_HEADER, Context
from resolvers.paging import Pager
from schema import schema

log = logging.getLogger("genechem")


async def get_context(request: Request) -> Context:
    state = request.app.state
    return Context(
        state.backends, state.pager, report_calls=bool(request.headers.get(CALLS_HEADER))
    )


def in_process_mirror(settings: Settings) -> httpx.ASGITransport:
    """The offline mirror over `settings.mirror_data`, reachable without a socket."""
    faults = rules_from_json(settings.mirror_faults) if settings.mirror_faults else []
    mirror = create_mirror_app(Dataset.load(settings.mirror_data), faults=faults)
    return httpx.ASGITransport(app=mirror)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI app. Nothing is opened until the lifespan starts."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        kind = await choose_kind(settings)
        transport = in_process_mirror(settings) if kind == "mirror" else None
        app.state.backends = build_backends(settings, kind, transport)
        secret = settings.cursor_secret.get_secret_value().encode()
        app.state.pager = Pager(CursorCodec(secret), MemoryCache())
        log.info("genechem ready: %s", app.state.backends.urls)
        try:
            yield
        finally:
            await app.state.backends.aclose()

    app = FastAPI(
        title="genechem",
        description="One GraphQL API over MyGene.info, MyChem.info and HGNC REST.",
        lifespan=lifespan,
        # FastAPI's /docs and /redoc load their scripts from a CDN; GraphiQL at /graphql is the
        # offline way to explore the API. /openapi.json (plain JSON, /healthz only) stays.
        docs_url=None,
        redoc_url=None,
    )
    # graphql_ide=None: Strawberry's page loads GraphiQL from a CDN; genechem.graphiql has its own.
    graphql = GraphQLHTTPRouter(
        schema,
        context_getter=get_context,
        graphql_ide=None,
        cache_max_age=settings.http_cache_max_age,
    )
    app.include_router(graphql, prefix="/graphql")
    install_graphiql(app)
    add_http_middleware(app, settings)

    @app.get("/healthz", summary="Liveness: the process is up and its clients are open.")
    async def healthz(request: Request) -> dict[str, str]:
        return {"status": "ok", "source": request.app.state.backends.kind}

    return app


app = create_app()
