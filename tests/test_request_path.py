"""The per-request path made cheap without changing what it does: GraphQL GET and POST served
straight from Starlette's routing, the guard running the app in the request's own task, schema
extension hooks inspected once per class, metric series looked up once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import httpx
import pytest
import strawberry
from starlette.types import Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from app import create_app
from genechem import metrics
from genechem.shedding import LoopLagMonitor, RequestGuard
from schema.extensions import ErrorCodes, GatewaySchema, hook_of
from tests.conftest import MirrorServer
from tests.servers import serve

GENE = '{ gene(id: "1017") { symbol } }'


def test_graphql_get_and_post_need_no_fastapi_dependency_solving(
    demo_mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("FastAPI solved dependencies for a GraphQL request")

    monkeypatch.setattr("fastapi.routing.solve_dependencies", refuse)
    with serve(create_app(demo_mirror.settings())) as url:
        posted = httpx.post(f"{url}/graphql", json={"query": GENE}, timeout=10)
        got = httpx.get(f"{url}/graphql", params={"query": GENE}, timeout=10)
    assert posted.json()["data"] == got.json()["data"] == {"gene": {"symbol": "CDK2"}}
    assert posted.headers["cache-control"] == "no-store"
    assert got.headers["cache-control"].startswith("public, max-age=")
    assert posted.headers["x-request-id"]


def test_other_methods_and_paths_are_answered_as_before(demo_mirror: MirrorServer) -> None:
    with serve(create_app(demo_mirror.settings())) as url:
        put = httpx.put(f"{url}/graphql", json={"query": GENE}, timeout=10)
        slash = httpx.post(f"{url}/graphql/", json={"query": GENE}, timeout=10)
        health = httpx.get(f"{url}/healthz", timeout=10)
        unknown = httpx.post(f"{url}/graphqlx", json={"query": GENE}, timeout=10)
    assert put.status_code == 405
    assert slash.status_code in {200, 307}  # FastAPI's own redirect or route, unchanged
    assert health.json()["status"] == "ok"
    assert unknown.status_code == 404


def test_concurrent_requests_each_get_their_own_answer(demo_mirror: MirrorServer) -> None:
    ids = ["1017", "1018", "1019", "1020", "1021", "1022"]

    async def ask(url: str) -> list[Any]:
        async with httpx.AsyncClient(timeout=30) as client:
            answers = await asyncio.gather(
                *(
                    client.post(
                        f"{url}/graphql", json={"query": f'{{ gene(id: "{i}") {{ entrezId }} }}'}
                    )
                    for i in ids
                )
            )
        return [a.json()["data"]["gene"] for a in answers]

    demo_mirror.set_faults([{"kind": "latency", "path": "^/mygene/", "latency_ms": 100}])
    with serve(create_app(demo_mirror.settings())) as url:
        genes = asyncio.run(ask(url))
    assert any(genes)
    for asked, gene in zip(ids, genes, strict=True):
        assert gene is None or gene["entrezId"] == asked


async def test_the_guard_runs_the_app_in_the_requests_own_task(
    demo_mirror: MirrorServer,
) -> None:
    seen: list[asyncio.Task[Any] | None] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(asyncio.current_task())
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    guard = RequestGuard(app, settings=demo_mirror.settings(), monitor=LoopLagMonitor())
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "path": "/graphql", "method": "POST", "client": ("10.0.0.1", 1)}
    await guard(scope, receive, send)
    assert seen == [asyncio.current_task()]
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    assert guard.in_flight == 0


@pytest.mark.parametrize("method", ["POST", "GET"])
async def test_only_a_request_still_running_after_watch_after_has_its_disconnect_watched(
    demo_mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    """A request answered within WATCH_AFTER starts no watch task; a longer one does, and a
    client gone by then has its request cancelled."""
    from genechem import shedding

    monkeypatch.setattr(shedding, "WATCH_AFTER", 0.05)
    watching: list[int] = []

    def watches() -> int:
        return sum(
            getattr(task.get_coro(), "__qualname__", "") == "_DisconnectWatch._watch"
            for task in asyncio.all_tasks()
        )

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        watching.append(watches())
        if scope["path"].endswith("slow"):
            await asyncio.sleep(0.2)  # cancelled once the watch learns the client is gone
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    guard = RequestGuard(app, settings=demo_mirror.settings(), monitor=LoopLagMonitor())

    def client(gone: asyncio.Event) -> Receive:
        """The server's `receive`: the body (for a POST), then a disconnect once `gone`."""
        reads = 0

        async def receive() -> Message:
            nonlocal reads
            reads += 1
            if reads == 1 and method == "POST":
                return {"type": "http.request", "body": b"{}", "more_body": False}
            await gone.wait()
            return {"type": "http.disconnect"}

        return receive

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "path": "/graphql", "method": method, "client": ("10.0.0.1", 1)}
    await guard(scope, client(asyncio.Event()), send)
    assert watching == [0]
    assert len(sent) == 2
    assert watches() == 0
    gone = asyncio.Event()
    gone.set()
    await guard({**scope, "path": "/graphql/slow"}, client(gone), send)
    assert len(sent) == 2  # no answer: cancelled
    assert watches() == 0


class EveryHookKind(SchemaExtension):
    """One hook of each form Strawberry accepts: generator, async generator, coroutine."""

    calls: ClassVar[list[str]] = []

    def on_operation(self) -> Iterator[None]:
        self.calls.append("operation in")
        yield
        self.calls.append("operation out")

    async def on_execute(self) -> AsyncIterator[None]:
        self.calls.append("execute in")
        yield
        self.calls.append("execute out")

    async def on_parse(self) -> None:  # type: ignore[override]
        self.calls.append("parse")


@strawberry.type
class Query:
    @strawberry.field
    def ping(self) -> str:
        return "pong"


async def test_every_form_of_hook_runs_with_hooks_inspected_once_per_class() -> None:
    EveryHookKind.calls = []
    schema = GatewaySchema(query=Query, extensions=[EveryHookKind])
    for _ in range(2):
        result = await schema.execute("{ ping }")
        assert result.data == {"ping": "pong"}
    expected = ["operation in", "parse", "execute in", "execute out", "operation out"]
    assert EveryHookKind.calls == expected * 2
    assert hook_of(EveryHookKind, "on_execute") is hook_of(EveryHookKind, "on_execute")
    assert hook_of(ErrorCodes, "on_execute") is None  # not overridden: no hook at all


def test_request_metrics_count_every_request() -> None:
    series = metrics.REQUESTS.labels("PathTest", "data")
    before = series._value.get()
    for _ in range(3):
        metrics.observe_request("PathTest", "data", 0.01)
    assert series._value.get() == before + 3


def test_the_log_line_names_the_operation_from_the_document_already_parsed(
    demo_mirror: MirrorServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def no_second_parse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the document was parsed again for its operation name")

    monkeypatch.setattr("genechem.logs.parse", no_second_parse)
    caplog.set_level(logging.INFO, logger="genechem.requests")
    with serve(create_app(demo_mirror.settings())) as url:
        named = httpx.post(f"{url}/graphql", json={"query": "query Cdk2 " + GENE}, timeout=10)
        chosen = httpx.post(
            f"{url}/graphql",
            json={"query": "query A { __typename } query B " + GENE, "operationName": "B"},
            timeout=10,
        )
        anonymous = httpx.post(f"{url}/graphql", json={"query": GENE}, timeout=10)
    assert named.json()["data"] == chosen.json()["data"] == anonymous.json()["data"]
    lines = [r.request for r in caplog.records if r.name == "genechem.requests"]  # type: ignore[attr-defined]
    assert [(line["operation"], line["outcome"]) for line in lines] == [
        ("Cdk2", "data"),
        ("B", "data"),
        (None, "data"),
    ]
