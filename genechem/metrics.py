"""Prometheus metrics: what `/metrics` exposes, and the functions every layer records through.

    genechem_requests_total{operation, outcome}            GraphQL requests (outcome: data,
                                                           field_errors, request_error, ...)
    genechem_request_seconds{operation}                    request latency (histogram)
    genechem_request_cost                                  upstream calls per request (histogram)
    genechem_upstream_calls_total{service, status}         every HTTP exchange with a service
    genechem_upstream_seconds{service}                     their latency (histogram)
    genechem_cache_total{cache, result}                    record, metadata, response and
                                                           persisted_query caches: hit or miss
    genechem_refusals_total{reason}                        quota and limit refusals
    genechem_hgnc_limiter_wait_seconds                     time spent waiting for the HGNC limiter

Other modules never touch the collectors: they call `count_refusal`, `observe_limiter_wait`,
`observe_cost`, ... so names and labels stay in this one place.

Several worker processes (`--workers N`): set `PROMETHEUS_MULTIPROC_DIR` to an empty directory
before the workers start (prometheus-client's multiprocess mode); `/metrics` then sums every
worker's files. Without it each worker reports only itself and a scrape sees one at random.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
COST_BUCKETS = (0, 1, 2, 3, 5, 10, 20, 50, 100, 250, 1000)

REQUESTS = Counter(
    "genechem_requests", "GraphQL requests by operation name and outcome.", ["operation", "outcome"]
)
REQUEST_SECONDS = Histogram(
    "genechem_request_seconds", "GraphQL request latency.", ["operation"], buckets=LATENCY_BUCKETS
)
REQUEST_COST = Histogram(
    "genechem_request_cost", "Upstream calls made per GraphQL request.", buckets=COST_BUCKETS
)
UPSTREAM_CALLS = Counter(
    "genechem_upstream_calls",
    "HTTP exchanges with the services (each retry counted); status 0: no response.",
    ["service", "status"],
)
UPSTREAM_SECONDS = Histogram(
    "genechem_upstream_seconds", "Upstream call latency.", ["service"], buckets=LATENCY_BUCKETS
)
CACHE = Counter("genechem_cache", "Cache lookups by cache and result.", ["cache", "result"])
REFUSALS = Counter(
    "genechem_refusals", "Requests or calls refused by a quota or limit.", ["reason"]
)
HGNC_LIMITER_WAIT = Histogram(
    "genechem_hgnc_limiter_wait_seconds",
    "Time a call to HGNC waited for the shared rate limiter.",
    buckets=(0.0, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0),
)


@functools.lru_cache(maxsize=1024)
def _request_series(operation: str, outcome: str) -> tuple[Any, Any]:
    """The request counter and histogram children of one operation and outcome. `labels()`
    looks them up under a lock each time; every request observes them, so they are kept."""
    return REQUESTS.labels(operation, outcome), REQUEST_SECONDS.labels(operation)


@functools.lru_cache(maxsize=64)
def _upstream_series(service: str, status: int) -> tuple[Any, Any]:
    return UPSTREAM_CALLS.labels(service, str(status)), UPSTREAM_SECONDS.labels(service)


def observe_request(operation: str | None, outcome: str, seconds: float) -> None:
    requests, latency = _request_series(operation or "anonymous", outcome)
    requests.inc()
    latency.observe(seconds)


def observe_cost(upstream_calls: float) -> None:
    REQUEST_COST.observe(upstream_calls)


def observe_upstream(service: str, status: int | None, seconds: float) -> None:
    calls, latency = _upstream_series(service, status or 0)
    calls.inc()
    latency.observe(seconds)


def observe_cache(cache: str, *, hits: int = 0, misses: int = 0) -> None:
    if hits:
        CACHE.labels(cache, "hit").inc(hits)
    if misses:
        CACHE.labels(cache, "miss").inc(misses)


def count_refusal(reason: str) -> None:
    """A quota or limit said no (`reason`: e.g. `quota`, `cost`, `depth`, `load_shed`)."""
    REFUSALS.labels(reason).inc()


def observe_limiter_wait(seconds: float) -> None:
    """Seconds one HGNC call waited for the (shared) rate limiter."""
    HGNC_LIMITER_WAIT.observe(seconds)


def exposition() -> tuple[bytes, str]:
    """The text format for a scrape, and its content type; every worker's in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
