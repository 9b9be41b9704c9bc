"""/metrics for Prometheus, the request id, and one structured log line per request."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from app import create_app
from genechem import metrics
from genechem.logs import JsonFormatter, operation_name_of
from tests.conftest import MirrorServer
from tests.servers import serve

QUERY = 'query Cdk2 { gene(id: "1017") { symbol } }'


@pytest.fixture
def gateway_url(demo_mirror: MirrorServer) -> Iterator[str]:
    settings = demo_mirror.settings(record_cache_ttl=3600, metadata_ttl=300)
    with serve(create_app(settings)) as url:
        yield url


def samples(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = httpx.get(f"{url}/metrics").text
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(
    table: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str
) -> float:
    return table.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_count_requests_upstream_calls_and_cache_use(gateway_url: str) -> None:
    before = samples(gateway_url)
    for _ in range(2):
        httpx.post(f"{gateway_url}/graphql", json={"query": QUERY})
    after = samples(gateway_url)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("genechem_requests_total", operation="Cdk2", outcome="data") == 2
    assert grew("genechem_request_seconds_count", operation="Cdk2") == 2
    # The first request: the gene and MyGene's metadata (its build version); the second: none.
    assert grew("genechem_upstream_calls_total", service="mygene", status="200") == 2
    assert grew("genechem_upstream_seconds_count", service="mygene") == 2
    assert grew("genechem_cache_total", cache="record", result="miss") == 1
    assert grew("genechem_cache_total", cache="record", result="hit") == 1
    assert grew("genechem_request_cost_count") == 2


def test_refusals_and_limiter_waits_are_recorded_through_functions() -> None:
    before = metrics.REFUSALS.labels("quota")._value.get()
    metrics.count_refusal("quota")
    assert metrics.REFUSALS.labels("quota")._value.get() == before + 1
    count = metrics.HGNC_LIMITER_WAIT._sum.get()
    metrics.observe_limiter_wait(0.25)
    assert metrics.HGNC_LIMITER_WAIT._sum.get() == pytest.approx(count + 0.25)


def test_request_id_is_echoed_or_made(gateway_url: str) -> None:
    sent = httpx.post(
        f"{gateway_url}/graphql", json={"query": QUERY}, headers={"X-Request-Id": "abc-123"}
    )
    assert sent.headers["x-request-id"] == "abc-123"
    made = httpx.post(f"{gateway_url}/graphql", json={"query": QUERY})
    assert len(made.headers["x-request-id"]) == 32
    unsafe = httpx.post(
        f"{gateway_url}/graphql", json={"query": QUERY}, headers={"X-Request-Id": 'a b"c'}
    )
    assert unsafe.headers["x-request-id"] != 'a b"c'


def test_one_json_log_line_per_request_with_its_facts(
    gateway_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="genechem.requests"):
        httpx.post(
            f"{gateway_url}/graphql",
            json={"query": '{ gene(id: "1017") { nosuch } }'},
            headers={"X-Request-Id": "bad-1"},
        )
        httpx.post(f"{gateway_url}/graphql", json={"query": QUERY}, headers={"X-Request-Id": "r-2"})
        httpx.post(f"{gateway_url}/graphql", json={"query": QUERY}, headers={"X-Request-Id": "r-3"})
    lines = [
        json.loads(JsonFormatter().format(r))
        for r in caplog.records
        if r.name == "genechem.requests"
    ]
    by_id = {line["request_id"]: line for line in lines}
    assert set(by_id) == {"bad-1", "r-2", "r-3"}
    assert by_id["bad-1"]["error_codes"] == ["GRAPHQL_VALIDATION_FAILED"]
    assert by_id["bad-1"]["outcome"] == "request_error"
    assert by_id["r-2"]["operation"] == "Cdk2"
    assert by_id["r-2"]["upstream_calls"] == 2
    assert by_id["r-3"]["upstream_calls"] == 0
    assert by_id["r-3"]["cache_hits"] >= 1
    assert by_id["r-3"]["duration_ms"] > 0
    assert by_id["r-3"]["level"] == "INFO"


def test_operation_name_is_the_named_or_the_only_one() -> None:
    assert operation_name_of("query A { x } query B { y }", "B") == "B"
    assert operation_name_of("query Only { x }", None) == "Only"
    assert operation_name_of("{ x }", None) is None
    assert operation_name_of("{ broken", None) is None
