"""Every fault mode of the mirror against the clients: transient faults are recovered by retries,
permanent ones raise the typed error naming the source; no retry where none is due; the HGNC rate
limit holds at the server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from backends.sources import Backends, build_backends
from genechem.errors import (
    UpstreamInvalidQuery,
    UpstreamMalformed,
    UpstreamRateLimited,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from tests.conftest import MirrorServer

GENE_ROUTE = "^/mygene/v3/gene"


@pytest.fixture
async def backends(demo_mirror: MirrorServer) -> AsyncIterator[Backends]:
    backends = build_backends(demo_mirror.settings(read_timeout=0.5), "live")
    yield backends
    await backends.aclose()


def fault(kind: str, **rule: Any) -> dict[str, Any]:
    return {"kind": kind, "path": GENE_ROUTE, **rule}


@pytest.mark.parametrize(
    "rule",
    [
        fault("status", status=503, times=2),
        fault("status", status=502, times=1),
        fault("status", status=504, times=2),
        fault("rate_limit", retry_after=0.05, times=2),
        fault("drop", times=2),
        fault("latency", latency_ms=800, times=1),
    ],
    ids=["503", "502", "504", "429", "drop", "timeout"],
)
async def test_transient_fault_is_recovered_by_retries(
    backends: Backends, demo_mirror: MirrorServer, rule: dict[str, Any]
) -> None:
    demo_mirror.set_faults([rule])
    [cdk2] = await backends.mygene.get_genes(["1017"], fields=["symbol"])
    assert cdk2["symbol"] == "CDK2"
    assert len(demo_mirror.requests("mygene")) == 1 + rule["times"]


@pytest.mark.parametrize(
    ("rule", "error", "status"),
    [
        (fault("status", status=503), UpstreamUnavailable, 503),
        (fault("drop"), UpstreamUnavailable, None),
        (fault("latency", latency_ms=800), UpstreamTimeout, None),
        (fault("rate_limit", retry_after=0.01), UpstreamRateLimited, 429),
    ],
    ids=["503", "drop", "timeout", "429"],
)
async def test_permanent_fault_raises_typed_error_after_all_attempts(
    backends: Backends,
    demo_mirror: MirrorServer,
    rule: dict[str, Any],
    error: type[Exception],
    status: int | None,
) -> None:
    demo_mirror.set_faults([rule])
    with pytest.raises(error) as caught:
        await backends.mygene.get_genes(["1017"])
    assert caught.value.source == "mygene"  # type: ignore[attr-defined]
    assert caught.value.status == status  # type: ignore[attr-defined]
    assert "MyGene.info" in str(caught.value)
    assert len(demo_mirror.requests("mygene")) == 3  # settings.retry_attempts


@pytest.mark.parametrize(
    ("rule", "error"),
    [
        (fault("malformed"), UpstreamMalformed),
        (fault("status", status=500), UpstreamUnavailable),
        (fault("status", status=400), UpstreamInvalidQuery),
        (fault("status", status=403), UpstreamInvalidQuery),
    ],
    ids=["malformed", "500", "400", "403"],
)
async def test_final_answers_are_not_retried(
    backends: Backends, demo_mirror: MirrorServer, rule: dict[str, Any], error: type[Exception]
) -> None:
    demo_mirror.set_faults([rule])
    with pytest.raises(error):
        await backends.mygene.get_genes(["1017"])
    assert len(demo_mirror.requests("mygene")) == 1


async def test_hgnc_403_means_rate_limited(backends: Backends, demo_mirror: MirrorServer) -> None:
    demo_mirror.set_faults([{"kind": "status", "status": 403, "path": "^/hgnc/"}])
    with pytest.raises(UpstreamRateLimited) as caught:
        await backends.hgnc.fetch("symbol", "BRAF")
    assert caught.value.extensions() == {"code": "RATE_LIMITED", "source": "hgnc", "status": 403}


async def test_retry_after_is_honoured(backends: Backends, demo_mirror: MirrorServer) -> None:
    demo_mirror.set_faults([fault("rate_limit", retry_after=0.4, times=1)])
    await backends.mygene.get_genes(["1017"], fields=["symbol"])
    first, second = demo_mirror.requests("mygene")
    assert second["at"] - first["at"] >= 0.4


async def test_batch_chunks_each_recover_independently(
    backends: Backends, demo_mirror: MirrorServer
) -> None:
    # 2001 ids: three chunks (1000, 1000, 1), sent concurrently; two of them meet a 503.
    unknown = [str(990_000_000_000 + n) for n in range(1999)]
    ids = ["1017", *unknown, "7157"]
    demo_mirror.set_faults([fault("status", status=503, times=2)])
    docs = await backends.mygene.get_genes(ids, fields=["symbol"])
    assert [d["query"] for d in docs] == ids
    assert (docs[0]["symbol"], docs[-1]["symbol"]) == ("CDK2", "TP53")
    assert all(d.get("notfound") for d in docs[1:-1])
    posts = demo_mirror.requests("mygene")
    assert sorted(r["status"] for r in posts) == [200, 200, 200, 503, 503]
    answered = [r["body"]["ids"] for r in posts if r["status"] == 200]
    # Each chunk answered exactly once: only the two failed chunks were sent again.
    assert sorted(len(chunk) for chunk in answered) == [1, 1000, 1000]
    assert sorted(i for chunk in answered for i in chunk) == sorted(ids)
    failed = [r["body"]["ids"] for r in posts if r["status"] == 503]
    assert all(chunk in answered for chunk in failed)


async def test_hgnc_requests_never_exceed_the_rate_limit(demo_mirror: MirrorServer) -> None:
    rate = 20.0
    backends = build_backends(demo_mirror.settings(hgnc_rate_limit=rate), "live")
    try:
        symbols = ["BRAF", "TP53", "CDK2", "EGFR", "KRAS"] * 6
        await asyncio.gather(*(backends.hgnc.fetch("symbol", s) for s in symbols))
    finally:
        await backends.aclose()
    times = sorted(r["at"] for r in demo_mirror.requests("hgnc"))
    assert len(times) == 30
    window = int(rate)
    # No more than `rate` requests in any one-second window (a little slack for clock jitter).
    assert all(times[i + window] - times[i] >= 0.95 for i in range(len(times) - window))
