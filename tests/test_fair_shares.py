"""Fair shares of the upstream budgets: a request that would wait too long for HGNC's rate is
refused at once while a small one gets through; retries stay within their budget under a 503
storm; the circuit breaker stops calls to a failing service and probes it back; scroll contexts
and cached pages are bounded per request and per client."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app import create_app
from backends.sources import build_backends
from genechem.cache import PartitionedCache
from genechem.errors import UpstreamUnavailable
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve

GENE_ROUTE = "^/mygene/v3/gene"
CHECK = "query($s: [String!]!) { checkSymbols(symbols: $s) { input status } }"
RECORD = '{ hgncRecord(by: {symbol: "CDK2"}) { symbol } }'


@pytest.fixture
def slow_hgnc_gateway(demo_mirror: MirrorServer) -> Iterator[Gateway]:
    """HGNC at 2 requests a second, one call per record (no index), 2 s per request."""
    settings = demo_mirror.settings(hgnc_rate_limit=2.0, hgnc_index=False, request_deadline=2.0)
    with serve(create_app(settings)) as url:
        yield Gateway(url)


UNKNOWN = [f"NOSUCHGENE{n}" for n in range(40)]
"""120 HGNC lookups: 60 s of a 2-per-second rate."""


def test_a_request_over_the_hgnc_budget_is_refused_at_once_with_a_retry_hint(
    slow_hgnc_gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    body = slow_hgnc_gateway.post(CHECK, {"s": UNKNOWN})
    [error] = body["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["source"] == "hgnc"
    assert error["extensions"]["retryAfter"] >= 1
    assert "HGNC REST" in error["message"]
    # Only the turns that fit in the 2 s deadline were taken, not the 120 lookups asked.
    assert len(demo_mirror.requests("hgnc")) <= 4


def test_a_small_request_gets_through_while_a_large_one_holds_the_hgnc_budget(
    slow_hgnc_gateway: Gateway,
) -> None:
    big: dict[str, Any] = {}
    flood = threading.Thread(
        target=lambda: big.update(slow_hgnc_gateway.post(CHECK, {"s": UNKNOWN}))
    )
    flood.start()
    time.sleep(0.3)
    small = slow_hgnc_gateway.post(RECORD)
    flood.join(timeout=20)
    assert small["data"] == {"hgncRecord": {"symbol": "CDK2"}}
    assert "errors" not in small
    # The large one ended at its deadline: refused turns, or its last admitted call cut short
    # when the small request took a turn before it.
    assert {e["extensions"]["code"] for e in big["errors"]} <= {"RATE_LIMITED", "UPSTREAM_TIMEOUT"}


async def test_retries_under_a_503_storm_stay_within_the_retry_budget(
    demo_mirror: MirrorServer,
) -> None:
    settings = demo_mirror.settings(
        retry_attempts=4, retry_budget_ratio=0.2, retry_budget_floor=2, breaker_failures=1000
    )
    backends = build_backends(settings, "live")
    demo_mirror.set_faults([{"kind": "status", "path": GENE_ROUTE, "status": 503}])
    calls = 20
    try:
        for _ in range(calls):
            with pytest.raises(UpstreamUnavailable):
                await backends.mygene.get_genes(["1017"])
    finally:
        await backends.aclose()
    upstream = len(demo_mirror.requests("mygene"))
    assert calls < upstream <= calls * (1 + 0.2) + 2  # without a budget: calls x 4 = 80


async def test_the_breaker_opens_fails_fast_and_a_probe_closes_it(
    demo_mirror: MirrorServer,
) -> None:
    settings = demo_mirror.settings(retry_attempts=1, breaker_failures=3, breaker_cooldown=0.5)
    backends = build_backends(settings, "live")
    http = backends.mygene.http if hasattr(backends.mygene, "http") else None
    demo_mirror.set_faults([{"kind": "status", "path": GENE_ROUTE, "status": 503}])
    try:
        for _ in range(3):
            with pytest.raises(UpstreamUnavailable) as caught:
                await backends.mygene.get_genes(["1017"])
            assert caught.value.status == 503
        assert len(demo_mirror.requests("mygene")) == 3
        for _ in range(5):
            with pytest.raises(UpstreamUnavailable) as caught:
                await backends.mygene.get_genes(["1017"])
            assert caught.value.source == "mygene"
            assert "MyGene.info is failing" in caught.value.message
            assert caught.value.extensions()["retryAfter"] >= 1
        assert len(demo_mirror.requests("mygene")) == 3  # open: nothing sent
        demo_mirror.set_faults([])
        await asyncio.sleep(0.6)
        [cdk2] = await backends.mygene.get_genes(["1017"], fields=["symbol"])
        assert cdk2["symbol"] == "CDK2"
        [cdk2] = await backends.mygene.get_genes(["1017"], fields=["symbol"])
        assert len(demo_mirror.requests("mygene")) == 5  # the probe, then closed
        if http is not None:
            assert await http.breaker.state() == "closed"
    finally:
        await backends.aclose()


async def test_a_failed_probe_opens_the_breaker_again(demo_mirror: MirrorServer) -> None:
    settings = demo_mirror.settings(retry_attempts=1, breaker_failures=2, breaker_cooldown=0.3)
    backends = build_backends(settings, "live")
    demo_mirror.set_faults([{"kind": "status", "path": GENE_ROUTE, "status": 503}])
    try:
        for _ in range(2):
            with pytest.raises(UpstreamUnavailable):
                await backends.mygene.get_genes(["1017"])
        await asyncio.sleep(0.35)
        with pytest.raises(UpstreamUnavailable) as probe:
            await backends.mygene.get_genes(["1017"])
        assert probe.value.status == 503  # the probe reached the service
        with pytest.raises(UpstreamUnavailable) as fast:
            await backends.mygene.get_genes(["1017"])
        assert fast.value.status is None  # open again: not sent
    finally:
        await backends.aclose()
    assert len(demo_mirror.requests("mygene")) == 3


ALIAS = 'a{n}: searchGenes(query: "cdk*", scan: true, first: 1) {{ edges {{ node {{ symbol }} }} }}'
SCANS = "{ " + " ".join(ALIAS.format(n=n) for n in range(4)) + " }"


def test_a_request_opening_more_scrolls_than_allowed_is_refused_past_the_limit(
    demo_mirror: MirrorServer,
) -> None:
    with serve(create_app(demo_mirror.settings(max_scrolls_per_request=2))) as url:
        body = Gateway(url).post(SCANS)
    # searchGenes is non-null: the refused alias nulls the whole answer.
    assert body["data"] is None
    assert {e["extensions"]["code"] for e in body["errors"]} == {"TOO_MANY_SCROLLS"}
    assert "at most 2 upstream scrolls" in body["errors"][0]["message"]
    # The answer is settled at the refusal: the two scrolls admitted may be cancelled unsent.
    scrolls = [c for c in demo_mirror.requests("mygene") if "fetch_all" in c["params"]]
    assert len(scrolls) <= 2


def test_scrolls_within_the_limit_are_served(demo_mirror: MirrorServer) -> None:
    with serve(create_app(demo_mirror.settings(max_scrolls_per_request=4))) as url:
        data = Gateway(url).data(SCANS)
    assert all(data[f"a{n}"]["edges"] for n in range(4))


WALK = """query($after: String) {
  searchGenes(query: "cdk*", scan: true, first: 1, after: $after) {
    edges { node { symbol } }
    pageInfo { endCursor }
  }
}"""


def client_at(address: str) -> httpx.Client:
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=30)


def post(client: httpx.Client, url: str, variables: dict[str, Any]) -> dict[str, Any]:
    answer = client.post(f"{url}/graphql", json={"query": WALK, "variables": variables})
    body: dict[str, Any] = answer.json()
    return body


def test_a_client_flooding_walks_does_not_expire_another_clients_cursor(
    demo_mirror: MirrorServer,
) -> None:
    settings = demo_mirror.settings(
        scroll_cache_entries=16, scroll_cache_entries_per_client=8, max_scrolls_per_client=100
    )
    with (
        serve(create_app(settings)) as url,
        client_at("127.0.0.1") as alice,
        client_at("127.0.0.2") as mallory,
    ):
        first = post(alice, url, {})
        cursor = first["data"]["searchGenes"]["pageInfo"]["endCursor"]
        for _ in range(20):  # 40 entries: walks and pages, more than the whole cache
            assert "errors" not in post(mallory, url, {})
        after = post(alice, url, {"after": cursor})
    assert "errors" not in after, after
    assert after["data"]["searchGenes"]["edges"]


def test_a_client_opening_scrolls_too_fast_is_told_when_to_retry(
    demo_mirror: MirrorServer,
) -> None:
    settings = demo_mirror.settings(max_scrolls_per_client=3)
    with serve(create_app(settings)) as url, client_at("127.0.0.1") as client:
        bodies = [post(client, url, {}) for _ in range(4)]
    assert ["errors" in b for b in bodies] == [False, False, False, True]
    [error] = bodies[-1]["errors"]
    assert error["extensions"]["code"] == "TOO_MANY_SCROLLS"
    assert error["extensions"]["retryAfter"] >= 1


async def test_the_partitioned_cache_evicts_the_largest_clients_entries_first() -> None:
    owner = {"now": "alice"}
    cache = PartitionedCache(max_entries=6, max_per_owner=4, owner=lambda: owner["now"])
    for n in range(2):
        await cache.set(f"alice:{n}", n, ttl=60)
    owner["now"] = "mallory"
    for n in range(10):
        await cache.set(f"mallory:{n}", n, ttl=60)
    assert [await cache.get(f"alice:{n}") for n in range(2)] == [0, 1]
    assert cache.held_by("mallory") == 4
    owner["now"] = "bob"
    for n in range(3):
        await cache.set(f"bob:{n}", n, ttl=60)
    assert await cache.get("alice:0") == 0
    assert len(cache) == 6
    assert cache.held_by("mallory") == 2
