"""The Starlette app of one BioThings service: its routes, with and without a trailing slash.

    GET  /{type}/{id}            annotation (one document, a list, or 404)
    POST /{type}                 batch annotation (`ids`)
    GET  /query  POST /query     search / batch query
    GET  /metadata               build info and stats
    GET  /metadata/fields        every field with its type

Every handler reads its parameters with `mirror.biothings.params` and answers an `ApiError` with
its status and body; no other exception is expected.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mirror.biothings.batch import query_many
from mirror.biothings.options import annotation_options, metadata_field_options, query_options
from mirror.biothings.params import ApiError, Option, RequestArgs, parse_options, read_body
from mirror.biothings.service import BiothingsService

Handler = Callable[[Request], Awaitable[Response]]


async def request_args(request: Request) -> RequestArgs:
    form: dict[str, str] = {}
    body_json: dict[str, Any] = {}
    if request.method == "POST":
        form, body_json = read_body(request.headers.get("content-type", ""), await request.body())
    return RequestArgs(
        path={key: str(value) for key, value in request.path_params.items()},
        query=dict(request.query_params),
        form=form,
        json=body_json,
    )


def endpoint(
    options: Callable[[str], dict[str, Option]],
    action: Callable[[str, dict[str, Any]], Any],
) -> Handler:
    """A handler: parse the method's options, run `action`, answer JSON (or the error body)."""

    async def handle(request: Request) -> Response:
        try:
            args = parse_options(options(request.method), await request_args(request))
            # Searches scan every document; run them off the event loop so requests overlap.
            return JSONResponse(await run_in_threadpool(action, request.method, args))
        except ApiError as error:
            return JSONResponse(error.body(), status_code=error.status)

    return handle


def routes(service: BiothingsService) -> list[Route]:
    def annotation(method: str, args: dict[str, Any]) -> Any:
        return service.annotate(args) if method == "GET" else service.annotate_many(args)

    def query(method: str, args: dict[str, Any]) -> Any:
        return service.search(args) if method == "GET" else query_many(service, args)

    annotation_handler = endpoint(lambda m: annotation_options(service, m), annotation)
    query_handler = endpoint(lambda m: query_options(service, m), query)
    metadata_handler = endpoint(lambda _: {}, lambda _m, _a: service.metadata_body())
    fields_handler = endpoint(
        lambda _: metadata_field_options(), lambda _m, a: service.fields_body(a)
    )

    table: list[tuple[str, Handler, list[str]]] = [
        ("/query", query_handler, ["GET", "POST"]),
        ("/metadata", metadata_handler, ["GET"]),
        ("/metadata/fields", fields_handler, ["GET"]),
    ]
    for kind in service.biothing_types:
        table.append((f"/{kind}/{{id}}", annotation_handler, ["GET"]))
        table.append((f"/{kind}", annotation_handler, ["GET", "POST"]))
    return [
        Route(path + slash, handler, methods=methods)
        for path, handler, methods in table
        for slash in ("", "/")
    ]


def create_biothings_app(service: BiothingsService) -> Starlette:
    """The ASGI app of `service`, routes relative to its mount point."""
    return Starlette(routes=routes(service))
