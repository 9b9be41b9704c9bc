"""Automatic persisted queries (Apollo's protocol) and whole answers cached in the store."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app import create_app
from tests.conftest import MirrorServer
from tests.servers import serve

QUERY = 'query Cdk2 { gene(id: "1017") { symbol } }'
HASH = hashlib.sha256(QUERY.encode()).hexdigest()


def persisted(digest: str = HASH, version: int = 1) -> dict[str, Any]:
    return {"persistedQuery": {"version": version, "sha256Hash": digest}}


def get(url: str, **params: Any) -> httpx.Response:
    encoded = {k: json.dumps(v) if isinstance(v, dict) else v for k, v in params.items()}
    return httpx.get(f"{url}/graphql", params=encoded, timeout=30)


@pytest.fixture(params=["memory", "redis"])
def gateway_url(request: pytest.FixtureRequest, demo_mirror: MirrorServer) -> Iterator[str]:
    overrides: dict[str, Any] = {"response_cache_ttl": 60}
    if request.param == "redis":
        overrides["redis_url"] = request.getfixturevalue("valkey_store_url")
        overrides["redis_prefix"] = f"test:{uuid.uuid4().hex}:"
    with serve(create_app(demo_mirror.settings(**overrides))) as url:
        yield url


def test_unknown_hash_is_persisted_query_not_found(gateway_url: str) -> None:
    answer = get(gateway_url, extensions=persisted())
    body = answer.json()
    assert "data" not in body
    [error] = body["errors"]
    assert error["message"] == "PersistedQueryNotFound"
    assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert answer.headers["cache-control"] == "no-store"


def test_registered_query_runs_by_hash_over_get(gateway_url: str) -> None:
    registered = httpx.post(
        f"{gateway_url}/graphql", json={"query": QUERY, "extensions": persisted()}
    )
    assert registered.json()["data"] == {"gene": {"symbol": "CDK2"}}
    by_hash = get(gateway_url, extensions=persisted())
    assert by_hash.json()["data"] == {"gene": {"symbol": "CDK2"}}
    assert by_hash.headers["cache-control"].startswith("public, max-age=")


def test_hash_not_matching_the_query_is_refused(gateway_url: str) -> None:
    answer = httpx.post(
        f"{gateway_url}/graphql", json={"query": QUERY, "extensions": persisted("0" * 64)}
    )
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert get(gateway_url, extensions=persisted("0" * 64)).json()["errors"][0]["extensions"][
        "code"
    ] == ("PERSISTED_QUERY_NOT_FOUND")


def test_other_protocol_versions_are_refused(gateway_url: str) -> None:
    answer = get(gateway_url, query=QUERY, extensions=persisted(version=2))
    assert answer.status_code == 400
    assert "version" in answer.json()["errors"][0]["message"]


def test_repeated_get_is_answered_from_the_store_without_upstream_calls(
    gateway_url: str, demo_mirror: MirrorServer
) -> None:
    first = get(gateway_url, query=QUERY)
    assert first.json()["data"] == {"gene": {"symbol": "CDK2"}}
    demo_mirror.clear()
    second = get(gateway_url, query=QUERY)
    assert second.json()["data"] == first.json()["data"]
    assert demo_mirror.requests() == []


def test_persisted_post_answers_are_cached_too(gateway_url: str, demo_mirror: MirrorServer) -> None:
    body = {"query": QUERY, "extensions": persisted()}
    httpx.post(f"{gateway_url}/graphql", json=body)
    demo_mirror.clear()
    again = httpx.post(f"{gateway_url}/graphql", json={"extensions": persisted()})
    assert again.json()["data"] == {"gene": {"symbol": "CDK2"}}
    assert demo_mirror.requests() == []


def test_variables_are_part_of_the_answer_key(gateway_url: str) -> None:
    query = "query G($id: ID!) { gene(id: $id) { symbol } }"
    a = get(gateway_url, query=query, variables={"id": "1017"}).json()["data"]
    b = get(gateway_url, query=query, variables={"id": "7157"}).json()["data"]
    assert (a, b) == ({"gene": {"symbol": "CDK2"}}, {"gene": {"symbol": "TP53"}})


def test_max_age_is_the_shortest_ttl_of_the_records_used(demo_mirror: MirrorServer) -> None:
    settings = demo_mirror.settings(
        record_cache_ttl=20, metadata_ttl=300, response_cache_ttl=60, http_cache_max_age=60
    )
    with serve(create_app(settings)) as url:
        first = get(url, query=QUERY)
        second = get(url, query=QUERY)
    assert first.headers["cache-control"] == "public, max-age=20"
    max_age = int(second.headers["cache-control"].removeprefix("public, max-age="))
    assert max_age <= 20


def test_a_query_registered_on_one_replica_runs_by_hash_on_another(
    demo_mirror: MirrorServer, valkey_store_url: str
) -> None:
    settings = demo_mirror.settings(redis_url=valkey_store_url, redis_prefix=f"t:{uuid.uuid4()}:")
    with serve(create_app(settings)) as a, serve(create_app(settings)) as b:
        httpx.post(f"{a}/graphql", json={"query": QUERY, "extensions": persisted()})
        assert get(b, extensions=persisted()).json()["data"] == {"gene": {"symbol": "CDK2"}}
