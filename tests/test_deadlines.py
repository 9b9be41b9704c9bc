"""The request deadline: fields waiting on a service past it are null with UPSTREAM_TIMEOUT, no
retry starts that could not finish in time, a disconnected client's work stops, and the HTTP layer
bounds every attempt by the time left."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import pytest

from app import create_app
from backends.sources import build_backends
from genechem.deadline import RequestBudget, request_scope
from genechem.errors import UpstreamRateLimited, UpstreamTimeout
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve

GENE_AND_RECORD = """{
  gene(id: "1017") { symbol }
  hgncRecord(by: {symbol: "CDK2"}) { symbol }
}"""
GENE_CHEMICALS = """{
  gene(id: "2064") { symbol chemicals { edges { node { name } } } }
}"""


@pytest.fixture
def quick_gateway(demo_mirror: MirrorServer) -> Iterator[Gateway]:
    """A gateway whose requests have one second."""
    with serve(create_app(demo_mirror.settings(request_deadline=1.0, hgnc_index=False))) as url:
        yield Gateway(url)


def test_past_the_deadline_the_slow_source_is_null_with_upstream_timeout(
    quick_gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    demo_mirror.set_faults([{"kind": "latency", "path": "^/mygene/", "latency_ms": 3000}])
    body = quick_gateway.post(GENE_AND_RECORD)
    assert body["data"] == {"gene": None, "hgncRecord": {"symbol": "CDK2"}}
    [error] = body["errors"]
    assert error["path"] == ["gene"]
    assert error["extensions"]["code"] == "UPSTREAM_TIMEOUT"
    assert error["extensions"]["source"] == "mygene"
    assert "MyGene.info" in error["message"]
    time.sleep(0.5)  # a retry, had one started after the deadline, would show by now
    assert len(demo_mirror.requests("mygene")) == 1


def test_no_retry_starts_when_its_wait_outlasts_the_deadline(
    quick_gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    demo_mirror.set_faults([{"kind": "rate_limit", "path": "^/mygene/", "retry_after": 5}])
    body = quick_gateway.post(GENE_AND_RECORD)
    assert body["data"]["hgncRecord"] == {"symbol": "CDK2"}
    [error] = body["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["source"] == "mygene"
    assert error["extensions"]["retryAfter"] == 5
    assert len(demo_mirror.requests("mygene")) == 1


async def test_attempts_are_cut_at_the_deadline_and_later_calls_refused(
    demo_mirror: MirrorServer,
) -> None:
    backends = build_backends(demo_mirror.settings(read_timeout=10), "live")
    demo_mirror.set_faults([{"kind": "latency", "path": "^/mygene/", "latency_ms": 2000}])
    try:
        with request_scope(RequestBudget.starting_now(0.3)):
            with pytest.raises(UpstreamTimeout) as caught:
                await backends.mygene.get_genes(["1017"])
            assert caught.value.source == "mygene"
            with pytest.raises(UpstreamTimeout):
                await backends.mygene.get_genes(["1017"])
    finally:
        await backends.aclose()
    assert len(demo_mirror.requests("mygene")) == 1


async def test_a_wait_for_the_hgnc_rate_past_the_deadline_is_refused_at_once(
    demo_mirror: MirrorServer,
) -> None:
    backends = build_backends(demo_mirror.settings(hgnc_rate_limit=1.0), "live")
    try:
        with request_scope(RequestBudget.starting_now(0.5)):
            await backends.hgnc.fetch("symbol", "CDK2")
            with pytest.raises(UpstreamRateLimited) as caught:
                await backends.hgnc.fetch("symbol", "CDK1")
        assert caught.value.extensions()["retryAfter"] >= 1
    finally:
        await backends.aclose()
    assert len(demo_mirror.requests("hgnc")) == 1


def post_and_hang_up(url: str, query: str, after: float) -> None:
    """Send a GraphQL POST over a raw socket and close the connection `after` seconds later,
    before the answer comes."""
    host, port = url.removeprefix("http://").split(":")
    body = json.dumps({"query": query}).encode()
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection((host, int(port))) as conn:
        conn.sendall(head + body)
        time.sleep(after)


def test_a_client_that_hangs_up_cancels_its_request(demo_mirror: MirrorServer) -> None:
    # Each level of the query waits 800 ms at the mirror: gene, then its chemicals.
    demo_mirror.set_faults([{"kind": "latency", "path": "^/my(gene|chem)/", "latency_ms": 800}])
    with serve(create_app(demo_mirror.settings())) as url:
        post_and_hang_up(url, GENE_CHEMICALS, after=0.3)
        time.sleep(2.5)  # the chemicals level would have been asked for by now
        calls = demo_mirror.requests()
    assert [c["path"].split("/")[1] for c in calls] == ["mygene"]
    assert demo_mirror.requests("mychem") == []


def test_a_client_that_waits_gets_the_whole_answer(demo_mirror: MirrorServer) -> None:
    demo_mirror.set_faults([{"kind": "latency", "path": "^/my(gene|chem)/", "latency_ms": 300}])
    with serve(create_app(demo_mirror.settings())) as url:
        data = Gateway(url).data(GENE_CHEMICALS)
    assert data["gene"]["symbol"] == "ERBB2"
    assert data["gene"]["chemicals"]["edges"]
    assert demo_mirror.requests("mychem")
