"""Memory a request used is given back when it ends: its loaders' documents at once, cyclic
garbage and allocator pages after large answers (genechem.memory), and the in-process store's
byte budget is what its entries really take."""

from __future__ import annotations

import asyncio
import gc
import time
import tracemalloc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from backends.shapes import Document
from genechem.cli import served_app
from genechem.memory import FULL_COLLECTION_EVERY, YOUNG_COLLECTION_EVERY, ReclaimMemory
from genechem.settings import Settings
from genechem.store import MemoryStore
from resolvers.context import Context
from resolvers.loaders import BatchByIdLoader, FieldsKey
from tests.gateway import Gateway


class Record(dict[str, Any]):
    """A document that can be watched with a weak reference (plain dicts cannot)."""


@pytest.fixture
def no_automatic_gc() -> Iterator[None]:
    """Only reference counting frees objects, as between two of Python's full collections."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


async def test_request_loaders_release_documents_when_the_request_task_ends(
    no_automatic_gc: None,
) -> None:
    async def fetch(ids: list[str], fields: list[str] | None) -> list[dict[str, Any]]:
        return [Record(query=i, symbol=f"S{i}") for i in ids]

    async def request() -> weakref.ref[dict[str, Any]]:
        context = Context(backends=None, pager=None)  # type: ignore[arg-type]
        context.cycle = context  # type: ignore[attr-defined]  # as graphql-core's executor
        loader = context.loader(BatchByIdLoader, lambda _: BatchByIdLoader(fetch))
        doc = await loader.load(FieldsKey("1", frozenset()))
        assert doc is not None
        return weakref.ref(doc)

    watched = await asyncio.create_task(request())
    await asyncio.sleep(0)  # the task's done callbacks run
    assert watched() is None


def test_gateway_keeps_no_gene_document_after_answering(
    gateway: Gateway, no_automatic_gc: None
) -> None:
    answer = gateway.post(
        '{ genes(ids: ["1017", "1018"]) { symbol go { biologicalProcess { id } } } }'
    )
    assert [g["symbol"] for g in answer["data"]["genes"]] == ["CDK2", "CDK3"]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        # a count, not a list: a list of them would keep them alive into the next look
        alive = sum(
            1 for o in gc.get_objects() if type(o) is Document and o.get("_id") in {"1017", "1018"}
        )
        if not alive:
            break
        time.sleep(0.05)
    assert alive == 0


class Garbage:
    """A self-referencing object: freed only by the cycle collector."""

    def __init__(self) -> None:
        self.me = self


async def run_request(app: Any) -> None:
    scope = {"type": "http", "method": "GET", "path": "/"}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        return None

    await asyncio.create_task(app(scope, receive, send))
    for _ in range(3):  # the task's done callback, then the reclaim it schedules
        await asyncio.sleep(0)


async def test_after_a_request_that_grew_memory_cyclic_garbage_is_collected(
    no_automatic_gc: None,
) -> None:
    watched: list[weakref.ref[Garbage]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        watched.append(weakref.ref(Garbage()))

    resident = iter([100 * 2**20, 300 * 2**20, 120 * 2**20])
    reclaim = ReclaimMemory(app, 64 * 2**20, rss=lambda: next(resident))
    await run_request(reclaim)  # sets the baseline: 100 MB
    assert watched[0]() is not None
    assert reclaim.reclaims == 0
    await run_request(reclaim)  # 300 MB: 200 MB more than the baseline
    assert reclaim.reclaims == 1
    assert watched[0]() is None
    assert watched[1]() is None
    assert reclaim.baseline == 120 * 2**20


async def test_small_requests_never_reclaim(no_automatic_gc: None) -> None:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        Garbage()

    resident = iter(range(100 * 2**20, 200 * 2**20, 2**20))  # +1 MB a request
    reclaim = ReclaimMemory(app, 64 * 2**20, rss=lambda: next(resident))
    for _ in range(60):
        await run_request(reclaim)
    assert reclaim.reclaims == 0


async def test_a_reclaim_too_soon_after_the_last_waits_then_runs() -> None:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        return None

    now = [0.0]
    reclaim = ReclaimMemory(
        app, 10, rss=lambda: 1000 if reclaim.reclaims == 0 else 5000, clock=lambda: now[0]
    )
    reclaim.baseline = 0
    reclaim.reclaim(1000)  # took 0 s on this clock: the next may come at once
    reclaim.not_before = 0.05  # as if it had taken 5 ms (MAX_SHARE 10%)
    reclaim.after_request()  # 5000 bytes over the baseline, but too soon
    assert reclaim.reclaims == 1
    assert reclaim.deferred is not None
    now[0] = 0.06
    await asyncio.sleep(0.1)
    assert reclaim.reclaims == 2
    assert reclaim.deferred is None


def test_serve_wraps_the_app_unless_reclaim_is_off() -> None:
    thresholds = gc.get_threshold()
    try:
        off = served_app(Settings(memory_reclaim_mb=0))
        assert not isinstance(off, ReclaimMemory)
        assert gc.get_threshold() == thresholds
        on = served_app(Settings(memory_reclaim_mb=32))
        assert isinstance(on, ReclaimMemory)
        assert on.threshold == 32 * 2**20
        assert gc.get_threshold()[0] == YOUNG_COLLECTION_EVERY
        assert gc.get_threshold()[2] == FULL_COLLECTION_EVERY
    finally:
        gc.set_threshold(*thresholds)


async def test_memory_store_budget_bounds_what_its_entries_really_take() -> None:
    budget = 4 * 2**20
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        store = MemoryStore(max_bytes=budget)
        for n in range(100_000):  # tiny entries: counters, locks, short records
            await store.set(f"quota:client-{n}", b"12345678", ttl=60)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert store.size <= budget
    assert held <= budget * 1.1, f"{held / 2**20:.1f} MB held for a {budget / 2**20:.0f} MB budget"
    assert len(store) < 100_000


class Cycle:
    """Cyclic garbage, weakly referable."""

    def __init__(self) -> None:
        self.me = self


def test_small_cyclic_garbage_goes_at_the_end_of_a_request() -> None:
    """Young collections are rare under `genechem serve`; a request's end runs one once enough
    has piled up, without waiting for RSS to grow by the reclaim threshold."""
    from genechem.memory import YOUNG_BETWEEN_REQUESTS

    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_EVERY)
    try:
        gc.collect()
        reclaim = ReclaimMemory(app=None, threshold=2**40, rss=lambda: 100)  # type: ignore[arg-type]
        garbage = [Cycle() for _ in range(YOUNG_BETWEEN_REQUESTS)]
        watched = weakref.ref(garbage[0])
        del garbage
        assert watched() is not None  # cyclic: reference counting cannot free it
        reclaim.after_request()
        assert watched() is None
    finally:
        gc.set_threshold(*thresholds)
