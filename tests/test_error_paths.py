"""Every error path is coded: an unexpected exception anywhere (a schema extension's hook, the
context getter, the router) reaches the client as INTERNAL_ERROR with the fixed message, never
its own words, and the log gets its traceback once.

Each failure here once answered a bare message (`'NoneType' object is not callable`) without
`extensions.code`, or Starlette's plain-text 500.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import httpx
import pytest
from starlette.requests import Request
from strawberry.extensions import SchemaExtension

import app as app_module
import schema as schema_module
from app import create_app
from genechem.graphql_http import GraphQLHTTPRouter
from schema import Query
from schema.chemical import Chemical
from schema.extensions import INTERNAL_MESSAGE, GatewaySchema
from schema.gene import Gene
from schema.hgnc import HgncRecord
from tests.conftest import MirrorServer
from tests.servers import serve

SECRET = "'NoneType' object is not callable"
HOOKS = ("on_operation", "on_parse", "on_validate", "on_execute")


def failing_extension(hook: str) -> type[SchemaExtension]:
    """An extension whose `hook` raises the kind of TypeError a bug raises."""

    def crash(self: SchemaExtension) -> Iterator[None]:
        raise TypeError(SECRET)
        yield  # a generator, as Strawberry's hooks are

    def crash_results(self: SchemaExtension) -> dict[str, object]:
        raise TypeError(SECRET)

    body = {"get_results": crash_results} if hook == "get_results" else {hook: crash}
    return type(f"Failing_{hook}", (SchemaExtension,), body)


def with_extension(extension: type[SchemaExtension]) -> GatewaySchema:
    built = schema_module.build_schema()
    return GatewaySchema(
        query=Query,
        types=[Gene, Chemical, HgncRecord],
        extensions=[*built.extensions, extension],
    )


def tracebacks(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.exc_info and SECRET in str(r.exc_info[1])]


def assert_internal(errors: Sequence[Mapping[str, Any]]) -> None:
    [error] = errors
    assert error["message"] == INTERNAL_MESSAGE
    assert error["extensions"]["code"] == "INTERNAL_ERROR"
    assert SECRET not in str(errors)


@pytest.mark.parametrize("hook", [*HOOKS, "get_results"])
async def test_an_extension_hook_that_raises_answers_internal_error_logged_once(
    hook: str, caplog: pytest.LogCaptureFixture
) -> None:
    result = await with_extension(failing_extension(hook)).execute("{ __typename }")
    assert result.data is None
    assert result.errors is not None
    assert_internal([e.formatted for e in result.errors])
    assert len(tracebacks(caplog)) == 1


@pytest.mark.parametrize("hook", HOOKS)
def test_an_extension_hook_that_raises_in_sync_execution_is_coded(
    hook: str, caplog: pytest.LogCaptureFixture
) -> None:
    result = with_extension(failing_extension(hook)).execute_sync("{ __typename }")
    assert result.errors is not None
    assert_internal([e.formatted for e in result.errors])
    assert len(tracebacks(caplog)) == 1


def test_a_client_mistake_keeps_its_code_next_to_a_failing_hook() -> None:
    """The safety net codes only what has no code: a parse error stays a parse error."""
    result = with_extension(failing_extension("on_execute")).execute_sync("{ gene(")
    assert result.errors is not None
    assert [(e.extensions or {}).get("code") for e in result.errors] == ["GRAPHQL_PARSE_FAILED"]


def post(url: str, accept: str = "application/json") -> httpx.Response:
    return httpx.post(
        f"{url}/graphql",
        json={"query": "{ __typename }"},
        headers={"accept": accept},
        timeout=30,
    )


def test_a_failing_extension_over_http_is_internal_error(
    demo_mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def build(*args: Any, **kwargs: Any) -> GatewaySchema:
        built = schema_module.build_schema(*args, **kwargs)
        built.extensions = (*built.extensions, failing_extension("on_execute"))
        return built

    monkeypatch.setattr(app_module, "build_schema", build)
    with serve(create_app(demo_mirror.settings())) as url:
        answer = post(url, "application/graphql-response+json")
    assert answer.status_code == 500
    assert "data" not in answer.json()
    assert_internal(answer.json()["errors"])
    assert len(tracebacks(caplog)) == 1


@pytest.mark.parametrize("where", ["context getter", "router"])
def test_an_exception_around_execution_is_a_graphql_shaped_500(
    where: str,
    demo_mirror: MirrorServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def fail_context(request: Request) -> Any:
        raise TypeError(SECRET)

    async def fail_run(*args: Any, **kwargs: Any) -> Any:
        raise TypeError(SECRET)

    if where == "context getter":
        monkeypatch.setattr(app_module, "get_context", fail_context)
    else:
        monkeypatch.setattr(GraphQLHTTPRouter, "run", fail_run)
    with serve(create_app(demo_mirror.settings())) as url:
        answer = post(url)
        healthy = httpx.get(f"{url}/healthz", timeout=10)
    assert answer.status_code == 500
    assert answer.headers["content-type"].startswith("application/json")
    assert_internal(answer.json()["errors"])
    assert len(tracebacks(caplog)) == 1
    assert healthy.status_code == 200  # one request failed, not the process


def test_nothing_is_logged_as_internal_for_a_working_request(
    demo_mirror: MirrorServer, caplog: pytest.LogCaptureFixture
) -> None:
    with serve(create_app(demo_mirror.settings())) as url:
        answer = post(url)
    assert answer.json()["data"] == {"__typename": "Query"}
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
