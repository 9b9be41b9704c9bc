"""The genechem service: FastAPI with the GraphQL endpoint at /graphql (GET, POST, GraphiQL).

`/` redirects to GraphiQL, self-hosted by `genechem.graphiql`.
The endpoint follows the GraphQL-over-HTTP spec, with CORS, gzip and HTTP caching
(`genechem.graphql_http`).

`uvicorn app:app` serves it with settings from the environment; `genechem serve` is the same with
command-line flags. The lifespan chooses the source (live or the in-process mirror), opens the three
REST clients once, and closes them at shutdown; in auto mode it switches to live clients when the
services come back (`backends.sources.SourceSwitch`). `/healthz` is liveness (no upstream call),
`/readyz` readiness (503 while a service the source needs is unreachable).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from backends.record_cache import RecordCache, with_record_cache
from backends.sources import SourceSwitch
from genechem.cache import Cache, PartitionedCache
from genechem.cursors import CursorCodec
from genechem.deadline import current_client
from genechem.graphiql import install_graphiql
from genechem.graphql_http import GraphQLHTTPRouter, install_graphql
from genechem.http_middleware import add_http_middleware
from genechem.logs import RequestLogMiddleware, configure_logging
from genechem.metrics import exposition
from genechem.quotas import Quotas
from genechem.settings import Settings, get_settings
from genechem.shedding import LoopLagMonitor, RequestGuard
from genechem.store import Store, open_store
from genechem.store.codec import StoreCache
from mirror.app import create_mirror_app
from mirror.faults import rules_from_json
from mirror.store import Dataset
from resolvers.context import CALLS_HEADER, Context
from resolvers.paging import Pager, ScrollLimits
from schema import build_schema

log = logging.getLogger("genechem")


async def get_context(request: Request) -> Context:
    state = request.app.state
    # The switch may have built new clients (auto mode going live): wrapping is idempotent.
    backends = with_record_cache(state.sources.backends, state.records)
    return Context(backends, state.pager, report_calls=bool(request.headers.get(CALLS_HEADER)))


def scroll_pages(settings: Settings, store: Store) -> Cache:
    """Where the pages of upstream scrolls live. In process: partitioned by client, so one
    client's walks never expire another's cursors. With a shared store: in the store, so a
    cursor continues on any replica; there each page expires with its walk (a little before
    the service's scroll does) and the per-client scroll rate (MAX_SCROLLS_PER_CLIENT a
    minute, counted in the store too) bounds what one client can hold, while the server's own
    memory policy (`maxmemory-policy allkeys-lru`) bounds the total: the store has no
    per-client entry count to evict by."""
    if store.kind == "redis":
        return StoreCache(store, "scroll")
    return PartitionedCache(
        settings.scroll_cache_entries,
        settings.scroll_cache_entries_per_client,
        owner=current_client,
    )


def in_process_mirror(settings: Settings) -> httpx.ASGITransport:
    """The offline mirror over `settings.mirror_data`, reachable without a socket."""
    faults = rules_from_json(settings.mirror_faults) if settings.mirror_faults else []
    mirror = create_mirror_app(Dataset.load(settings.mirror_data), faults=faults)
    return httpx.ASGITransport(app=mirror)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI app. Nothing is opened until the lifespan starts."""
    settings = settings or get_settings()
    lag_monitor = LoopLagMonitor()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # One store per process: in memory, or the Redis-protocol server every replica shares
        # (with it, HGNC's rate and index too).
        app.state.store = store = open_store(settings)
        sources = SourceSwitch(settings, lambda: in_process_mirror(settings), store)
        await sources.start()
        app.state.sources = sources
        app.state.records = RecordCache(store, settings.record_cache_ttl, settings.metadata_ttl)
        secret = settings.cursor_secret.get_secret_value().encode()
        app.state.pager = Pager(
            CursorCodec(secret), scroll_pages(settings, store), ScrollLimits.of(settings), store
        )
        app.state.quotas = (
            Quotas(store, settings.quota_calls, settings.quota_window, settings.api_keys)
            if settings.quota_calls
            else None
        )
        log.info("genechem ready: %s, store %s", sources.backends.urls, store.kind)
        try:
            yield
        finally:
            await lag_monitor.stop()
            await sources.aclose()
            await store.aclose()

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
        build_schema(settings, serving=True),
        context_getter=get_context,
        graphql_ide=None,
        cache_max_age=settings.http_cache_max_age,
        response_cache_ttl=settings.response_cache_ttl,
        persisted_query_ttl=settings.persisted_query_ttl,
        max_body_bytes=settings.max_body_bytes,
        lookup_lane=settings.lookup_lane,
    )
    install_graphql(app, graphql)
    install_graphiql(app)
    add_http_middleware(app, settings)
    # Load shedding, the request's deadline and disconnect watch, before any other work.
    app.add_middleware(RequestGuard, settings=settings, monitor=lag_monitor)
    # Outermost: the request id and the log line cover everything, CORS refusals included.
    app.add_middleware(RequestLogMiddleware)
    configure_logging(settings.log_format)

    @app.get("/metrics", summary="Prometheus metrics (text exposition format).")
    async def metrics() -> Response:
        body, content_type = exposition()
        return Response(body, media_type=content_type)

    @app.get("/healthz", summary="Liveness: the process is up and its clients are open.")
    async def healthz(request: Request) -> dict[str, str]:
        """Never calls a service: a liveness check must not fail (and restart the process)
        because an upstream is down."""
        return {"status": "ok", "source": request.app.state.sources.backends.kind}

    @app.get(
        "/readyz",
        summary="Readiness: 503 while a service the source needs is unreachable; says whether "
        "demo data is served.",
    )
    async def readyz(request: Request) -> JSONResponse:
        """The last probe of the services (at most one per PROBE_INTERVAL; none for `mirror`),
        so that a load balancer's polling never multiplies upstream calls."""
        ready, body = await request.app.state.sources.readiness()
        status = 200 if ready else 503
        return JSONResponse(body, status_code=status, headers={"cache-control": "no-store"})

    return app


@lru_cache(maxsize=1)
def default_app() -> FastAPI:
    """The app over the environment's settings, built once."""
    return create_app()


def __getattr__(name: str) -> FastAPI:
    """`app` (for `uvicorn app:app`), built on first use rather than at import: importing this
    module (the CLI, tests) then never reads the environment, so invalid settings are reported
    by whoever asked for the app (`genechem serve` prints them and exits 2)."""
    if name == "app":
        return default_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
