"""Fuzz: schemathesis in GraphQL mode generates operations from schema.graphql (every root field,
random arguments and selections) and sends them to a served gateway: no answer may be an HTTP 500
or carry INTERNAL_ERROR. `tests/test_fuzz.py` runs a small seeded share of it in CI.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from schemathesis.core.result import Ok

from stress import servers
from stress.measure import Report, error_codes

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"


@dataclass
class FuzzResult:
    """What the generated operations got back."""

    sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)
    """Queries answered HTTP 500 (or any 5xx but 503 OVERLOADED)."""
    internal_errors: list[str] = field(default_factory=list)
    """Queries whose answer carried INTERNAL_ERROR."""
    transport_errors: list[str] = field(default_factory=list)
    out_of_time: bool = False


def fuzz(url: str, total: int, seed_value: int = 0, budget_seconds: float = 3600.0) -> FuzzResult:
    """Send `total` generated operations, spread evenly over the root fields, to `url`; stop
    early (out_of_time) once `budget_seconds` have passed. Root fields with few possible
    operations run out before their share: further passes, each with the next seed, make up
    the difference (until a pass adds nothing)."""
    schema = schemathesis.graphql.from_path(str(SCHEMA_FILE))
    operations = [result.ok() for result in schema.get_all_operations() if isinstance(result, Ok)]
    result = FuzzResult()
    deadline = time.monotonic() + budget_seconds
    with httpx.Client(base_url=url, timeout=60) as client:

        def send(query: str) -> None:
            if result.sent >= total:
                return
            if time.monotonic() > deadline:
                result.out_of_time = True
                return
            result.sent += 1
            try:
                answer = client.post("/graphql", json={"query": query})
            except httpx.HTTPError as error:
                result.transport_errors.append(f"{type(error).__name__}: {query}")
                return
            result.statuses[answer.status_code] += 1
            if answer.status_code >= 500 and answer.status_code != 503:
                result.server_errors.append(query)
            try:
                codes = error_codes(answer.json())
            except ValueError:
                codes = ["<not JSON>"]
            result.codes.update(codes)
            if "INTERNAL_ERROR" in codes:
                result.internal_errors.append(query)

        def one_pass(pass_seed: int, per_operation: int) -> None:
            for operation in operations:
                strategy: st.SearchStrategy[schemathesis.Case[Any]] = operation.as_strategy()

                @seed(pass_seed)
                @settings(
                    max_examples=per_operation,
                    database=None,
                    deadline=None,
                    phases=[Phase.generate],
                    suppress_health_check=list(HealthCheck),
                )
                @given(case=strategy)
                def generated(case: schemathesis.Case[Any]) -> None:
                    send(str(case.body))

                generated()

        pass_seed = seed_value
        while result.sent < total and not result.out_of_time:
            before = result.sent
            one_pass(pass_seed, max(1, math.ceil((total - before) / len(operations))))
            if result.sent == before:
                break
            pass_seed += 1
    return result


def run(total: int, seed_value: int = 0) -> Report:
    with servers.mirror() as upstream, servers.gateway(upstream.url) as gateway:
        started = time.monotonic()
        result = fuzz(gateway.url, total, seed_value)
        seconds = time.monotonic() - started
    report = Report("fuzz")
    report.passed = not (result.server_errors or result.internal_errors or result.transport_errors)
    report.figures = {
        "generated operations sent": result.sent,
        "seed": seed_value,
        "seconds": round(seconds, 1),
        "HTTP 500": len(result.server_errors),
        "INTERNAL_ERROR": len(result.internal_errors),
        "transport errors": len(result.transport_errors),
        "statuses": dict(sorted(result.statuses.items())),
        "error codes seen": dict(result.codes.most_common()),
    }
    for query in (result.server_errors + result.internal_errors + result.transport_errors)[:5]:
        report.notes.append("failing: " + query.replace("\n", " ")[:300])
    return report
