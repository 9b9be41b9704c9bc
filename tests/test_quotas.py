"""Per-client quotas priced in upstream calls (the cost estimate), per API key or address."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app import create_app
from genechem.quotas import Quotas
from genechem.store import MemoryStore
from tests.conftest import MirrorServer
from tests.servers import serve

GENE = '{ gene(id: "1017") { symbol } }'
TWO_GENES = '{ a: gene(id: "1017") { symbol } b: chemical(id: "CHEMBL25") { name } }'


@pytest.fixture
def keyed_gateway(demo_mirror: MirrorServer) -> Iterator[str]:
    settings = demo_mirror.settings(quota_calls=3, quota_window=3600, api_keys="alpha,beta")
    with serve(create_app(settings)) as url:
        yield url


def post(url: str, query: str, key: str | None = None) -> httpx.Response:
    headers = {"X-Api-Key": key} if key else {}
    return httpx.post(f"{url}/graphql", json={"query": query}, headers=headers, timeout=30)


def test_each_answer_reports_the_quota_left_after_its_estimate(keyed_gateway: str) -> None:
    first = post(keyed_gateway, GENE, "alpha")
    assert first.json()["data"] == {"gene": {"symbol": "CDK2"}}
    assert first.headers["ratelimit-limit"] == "3"
    assert first.headers["ratelimit-remaining"] == "2"
    assert 1 <= int(first.headers["ratelimit-reset"]) <= 3600  # windows are clock-aligned
    second = post(keyed_gateway, TWO_GENES, "alpha")  # priced at 2 calls
    assert second.headers["ratelimit-remaining"] == "0"


def test_a_key_over_its_quota_is_refused_before_any_call_while_others_go_on(
    keyed_gateway: str, demo_mirror: MirrorServer
) -> None:
    for _ in range(3):
        assert post(keyed_gateway, GENE, "alpha").status_code == 200
    demo_mirror.clear()
    refused = post(keyed_gateway, GENE, "alpha")
    assert refused.status_code == 429
    body: dict[str, Any] = refused.json()
    assert "data" not in body
    [error] = body["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["retryAfter"] == int(refused.headers["retry-after"])
    assert refused.headers["cache-control"] == "no-store"
    assert demo_mirror.requests() == []
    # Another key, and requests without a key (counted by address), have their own quota.
    assert post(keyed_gateway, GENE, "beta").json()["data"] == {"gene": {"symbol": "CDK2"}}
    assert post(keyed_gateway, GENE).headers["ratelimit-remaining"] == "2"


def test_an_unknown_api_key_is_refused(keyed_gateway: str, demo_mirror: MirrorServer) -> None:
    refused = post(keyed_gateway, GENE, "gamma")
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["extensions"]["code"] == "INVALID_API_KEY"
    assert demo_mirror.requests() == []


def test_without_a_quota_answers_carry_no_rate_limit_headers(demo_mirror: MirrorServer) -> None:
    with serve(create_app(demo_mirror.settings())) as url:
        answer = post(url, GENE)
    assert answer.status_code == 200
    assert "ratelimit-limit" not in answer.headers


async def test_windows_are_aligned_and_a_new_window_starts_from_zero() -> None:
    now = [7200.0 + 3599.0]
    quotas = Quotas(MemoryStore(), calls=5, window=3600, clock=lambda: now[0])
    spent = await quotas.charge("addr:1", 5)
    assert spent.exhausted
    assert spent.reset == pytest.approx(1.0)
    now[0] += 2.0
    assert (await quotas.standing("addr:1")).used == 0
