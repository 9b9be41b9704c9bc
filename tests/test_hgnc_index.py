"""HGNC index mode stays up when HGNC does not: stale-while-revalidate, one load or reload at a
time, and reloads decided by HGNC's `/info` `lastModified`.

Counts and order come from the mirror's request log; the index runs on a clock the test moves.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from app import create_app
from backends.hgnc import HGNCClient
from backends.hgnc_index import HGNCIndex
from backends.http import ServiceHTTP
from backends.sources import HGNC_HEADERS
from genechem.errors import UpstreamUnavailable
from mirror.app import create_mirror_app
from mirror.hgnc.service import HgncService
from mirror.store import Dataset
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve

RECORDS = [
    {
        "hgnc_id": f"HGNC:{n}",
        "symbol": f"GENE{n}",
        "name": f"test gene {n}",
        "status": "Approved",
        "alias_symbol": [f"ALIAS{n}"],
        "entrez_id": str(n),
    }
    for n in range(1, 6)
]
FIRST_RELEASE = "2024-01-01T00:00:00Z"
NEXT_RELEASE = "2024-02-01T00:00:00Z"
APPROVED = "/hgnc/fetch/status/Approved"
INFO = "/hgnc/info"
INTERVAL = 300.0
TTL = 86_400.0


@dataclass
class HgncMirror:
    server: MirrorServer
    service: HgncService

    def paths(self) -> list[str]:
        return [r["path"] for r in self.server.requests("hgnc")]


def hgnc_service(app: Starlette) -> HgncService:
    """The HGNC service inside a mirror app, to play a new HGNC release."""
    [mount] = [r for r in app.routes if isinstance(r, Mount) and r.path == "/hgnc"]
    service: HgncService = mount.app.state.hgnc  # type: ignore[attr-defined]
    return service


@pytest.fixture(scope="module")
def served() -> Iterator[HgncMirror]:
    app = create_mirror_app(Dataset(hgnc=RECORDS, metadata={"hgnc": {}}))
    with serve(app) as url:
        yield HgncMirror(MirrorServer(url), hgnc_service(app))


@pytest.fixture
def mirror(served: HgncMirror) -> Iterator[HgncMirror]:
    served.server.set_faults([])
    served.service.set_last_modified(FIRST_RELEASE)
    served.server.clear()
    yield served
    served.server.set_faults([])


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def index(mirror: HgncMirror, clock: FakeClock) -> AsyncIterator[HGNCIndex]:
    http = ServiceHTTP(
        "hgnc", f"{mirror.server.url}/hgnc", mirror.server.settings(), headers=HGNC_HEADERS
    )
    index = HGNCIndex(HGNCClient(http), ttl=TTL, check_interval=INTERVAL, clock=clock)
    yield index
    await index.aclose()
    await http.aclose()


def symbols_of(index: HGNCIndex, symbol: str) -> list[str]:
    return [str(d["symbol"]) for d in index.lookup("symbol", symbol) or []]


def fail_reloads(mirror: HgncMirror, **rule: Any) -> None:
    mirror.server.set_faults([{"kind": "status", "status": 503, "path": f"^{APPROVED}", **rule}])


async def test_concurrent_first_requests_share_one_load(
    index: HGNCIndex, mirror: HgncMirror
) -> None:
    await asyncio.gather(*(index.ready() for _ in range(8)))
    assert mirror.paths() == [INFO, APPROVED]
    assert symbols_of(index, "gene3") == ["GENE3"]
    assert index.snapshot is not None
    assert index.snapshot.last_modified == FIRST_RELEASE


async def test_failed_first_load_fails_once_for_all_then_the_next_request_loads(
    index: HGNCIndex, mirror: HgncMirror
) -> None:
    fail_reloads(mirror)
    answers = await asyncio.gather(*(index.ready() for _ in range(4)), return_exceptions=True)
    assert all(isinstance(a, UpstreamUnavailable) for a in answers), answers
    # One load for the four requests: its own retries (3 attempts), not 4 x 3.
    assert mirror.paths() == [INFO] + [APPROVED] * 3

    mirror.server.set_faults([])
    mirror.server.clear()
    await index.ready()
    assert mirror.paths() == [INFO, APPROVED]
    assert symbols_of(index, "GENE1") == ["GENE1"]


async def test_no_call_before_the_check_interval(
    index: HGNCIndex, mirror: HgncMirror, clock: FakeClock
) -> None:
    await index.ready()
    mirror.server.clear()
    clock.advance(INTERVAL - 1)
    mirror.service.set_last_modified(NEXT_RELEASE)
    await index.ready()
    await index.refreshed()
    assert mirror.paths() == []


async def test_unchanged_last_modified_costs_one_info_call_and_no_reload(
    index: HGNCIndex, mirror: HgncMirror, clock: FakeClock
) -> None:
    await index.ready()
    loaded = index.snapshot
    mirror.server.clear()
    for _ in range(3):
        clock.advance(INTERVAL)
        await index.ready()
        await index.refreshed()
    assert mirror.paths() == [INFO, INFO, INFO]
    assert index.snapshot is loaded


async def test_changed_last_modified_reloads_in_the_background(
    index: HGNCIndex, mirror: HgncMirror, clock: FakeClock
) -> None:
    await index.ready()
    first = index.snapshot
    mirror.server.clear()
    mirror.service.set_last_modified(NEXT_RELEASE)
    clock.advance(INTERVAL)
    await index.ready()
    # The request did not wait: it still sees the index it had.
    assert index.snapshot is first
    await index.refreshed()
    assert mirror.paths() == [INFO, APPROVED]
    assert index.snapshot is not first
    assert index.snapshot is not None
    assert index.snapshot.last_modified == NEXT_RELEASE


async def test_ttl_reloads_even_when_hgnc_reports_no_date(
    index: HGNCIndex, mirror: HgncMirror, clock: FakeClock
) -> None:
    mirror.service.set_last_modified(None)
    await index.ready()
    mirror.server.clear()
    clock.advance(INTERVAL)
    await index.ready()
    await index.refreshed()
    assert mirror.paths() == [INFO]  # no date to compare: nothing to reload yet
    clock.advance(TTL)
    await index.ready()
    await index.refreshed()
    assert mirror.paths() == [INFO, INFO, APPROVED]


async def test_failed_reload_keeps_answering_from_the_last_good_index(
    index: HGNCIndex, mirror: HgncMirror, clock: FakeClock
) -> None:
    await index.ready()
    good = index.snapshot
    mirror.server.clear()
    mirror.service.set_last_modified(NEXT_RELEASE)
    fail_reloads(mirror)
    clock.advance(INTERVAL)
    await index.ready()
    await index.refreshed()
    assert mirror.paths() == [INFO] + [APPROVED] * 3
    assert index.snapshot is good
    assert isinstance(index.last_error, UpstreamUnavailable)
    await index.ready()
    assert symbols_of(index, "ALIAS2") == []
    assert [d["symbol"] for d in index.lookup("alias_symbol", "alias2") or []] == ["GENE2"]

    # Not retried on every request: only after the next interval, and then it succeeds.
    mirror.server.clear()
    mirror.server.set_faults([])
    await index.ready()
    await index.refreshed()
    assert mirror.paths() == []
    clock.advance(INTERVAL)
    await index.ready()
    await index.refreshed()
    assert mirror.paths() == [INFO, APPROVED]
    assert index.snapshot is not good
    assert index.last_error is None


async def test_one_reload_at_a_time_and_requests_never_wait_for_it(
    index: HGNCIndex, mirror: HgncMirror, clock: FakeClock
) -> None:
    await index.ready()
    first = index.snapshot
    mirror.server.clear()
    mirror.service.set_last_modified(NEXT_RELEASE)
    # The reload is slow at HGNC; everything below happens while it is in flight.
    mirror.server.set_faults([{"kind": "latency", "latency_ms": 1500, "path": f"^{APPROVED}"}])
    clock.advance(INTERVAL)
    await index.ready()
    await wait_for_request(mirror, APPROVED)
    for _ in range(3):
        clock.advance(INTERVAL)
        answers = await asyncio.gather(*(index.ready() for _ in range(4)))
        assert answers == [None] * 4
        assert index.snapshot is first
        assert symbols_of(index, "GENE4") == ["GENE4"]
    # The reload was still unanswered when those requests had their answers.
    [reload] = [r for r in mirror.server.requests("hgnc") if r["path"] == APPROVED]
    assert reload["status"] == 0
    await index.refreshed()
    assert mirror.paths() == [INFO, APPROVED]
    assert index.snapshot is not None
    assert index.snapshot.last_modified == NEXT_RELEASE


async def wait_for_request(mirror: HgncMirror, path: str) -> None:
    """Until the mirror has received a request for `path` (the log is written on arrival)."""
    for _ in range(500):
        if path in mirror.paths():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"no request for {path} reached the mirror")


RECORD = '{ hgncRecord(by: {symbol: "GENE2"}) { symbol } }'


@pytest.fixture
def indexed_gateway(mirror: HgncMirror) -> Iterator[Gateway]:
    # A check interval this short means: every request may start a check.
    settings = mirror.server.settings(hgnc_index=True, hgnc_index_check_interval=0.001)
    with serve(create_app(settings)) as url:
        yield Gateway(url)


def test_gateway_answers_hgnc_fields_while_every_reload_fails(
    indexed_gateway: Gateway, mirror: HgncMirror
) -> None:
    assert indexed_gateway.data(RECORD) == {"hgncRecord": {"symbol": "GENE2"}}
    mirror.service.set_last_modified(NEXT_RELEASE)
    fail_reloads(mirror)
    for _ in range(5):
        assert indexed_gateway.data(RECORD) == {"hgncRecord": {"symbol": "GENE2"}}
    paths = mirror.paths()
    # Answered from the index: never a fetch of the symbol itself.
    assert "/hgnc/fetch/symbol/GENE2" not in paths
    assert paths[:2] == [INFO, APPROVED]


def test_concurrent_gateway_requests_during_a_reload_do_not_wait_for_it(
    indexed_gateway: Gateway, mirror: HgncMirror
) -> None:
    assert indexed_gateway.data(RECORD) == {"hgncRecord": {"symbol": "GENE2"}}
    mirror.service.set_last_modified(NEXT_RELEASE)
    mirror.server.set_faults([{"kind": "latency", "latency_ms": 2000, "path": f"^{APPROVED}"}])
    mirror.server.clear()
    assert indexed_gateway.data(RECORD) == {"hgncRecord": {"symbol": "GENE2"}}  # starts a check
    wait_until_received(mirror, APPROVED)
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: indexed_gateway.data(RECORD), range(4)))
    assert answers == [{"hgncRecord": {"symbol": "GENE2"}}] * 4
    log = mirror.server.requests("hgnc")
    # One check and one reload for all five requests; the reload was still unanswered when the
    # four concurrent requests had their answers.
    assert [r["path"] for r in log] == [INFO, APPROVED]
    assert log[1]["status"] == 0


def wait_until_received(mirror: HgncMirror, path: str) -> None:
    for _ in range(500):
        if path in mirror.paths():
            return
        time.sleep(0.01)
    raise AssertionError(f"no request for {path} reached the mirror")


def test_mirror_info_reports_the_release_it_is_given(mirror: HgncMirror) -> None:
    mirror.service.set_last_modified(NEXT_RELEASE)
    info = httpx.get(f"{mirror.server.url}/hgnc/info", headers=HGNC_HEADERS).json()
    assert info["lastModified"] == NEXT_RELEASE
