"""Automatic persisted queries (Apollo's protocol) and whole answers cached in the store."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

import httpx

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


def test_unknown_hash_is_persisted_query_not_found(answer_cache_url: str) -> None:
    answer = get(answer_cache_url, extensions=persisted())
    body = answer.json()
    assert "data" not in body
    [error] = body["errors"]
    assert error["message"] == "PersistedQueryNotFound"
    assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert answer.headers["cache-control"] == "no-store"


def test_registered_query_runs_by_hash_over_get(answer_cache_url: str) -> None:
    registered = httpx.post(
        f"{answer_cache_url}/graphql", json={"query": QUERY, "extensions": persisted()}
    )
    assert registered.json()["data"] == {"gene": {"symbol": "CDK2"}}
    by_hash = get(answer_cache_url, extensions=persisted())
    assert by_hash.json()["data"] == {"gene": {"symbol": "CDK2"}}
    assert by_hash.headers["cache-control"].startswith("public, max-age=")


def test_hash_not_matching_the_query_is_refused(answer_cache_url: str) -> None:
    answer = httpx.post(
        f"{answer_cache_url}/graphql", json={"query": QUERY, "extensions": persisted("0" * 64)}
    )
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert get(answer_cache_url, extensions=persisted("0" * 64)).json()["errors"][0]["extensions"][
        "code"
    ] == ("PERSISTED_QUERY_NOT_FOUND")


def test_other_protocol_versions_are_refused(answer_cache_url: str) -> None:
    answer = get(answer_cache_url, query=QUERY, extensions=persisted(version=2))
    assert answer.status_code == 400
    assert "version" in answer.json()["errors"][0]["message"]


def test_repeated_get_is_answered_from_the_store_without_upstream_calls(
    answer_cache_url: str, demo_mirror: MirrorServer
) -> None:
    first = get(answer_cache_url, query=QUERY)
    assert first.json()["data"] == {"gene": {"symbol": "CDK2"}}
    demo_mirror.clear()
    second = get(answer_cache_url, query=QUERY)
    assert second.json()["data"] == first.json()["data"]
    assert demo_mirror.requests() == []


def test_persisted_post_answers_are_cached_too(
    answer_cache_url: str, demo_mirror: MirrorServer
) -> None:
    body = {"query": QUERY, "extensions": persisted()}
    httpx.post(f"{answer_cache_url}/graphql", json=body)
    demo_mirror.clear()
    again = httpx.post(f"{answer_cache_url}/graphql", json={"extensions": persisted()})
    assert again.json()["data"] == {"gene": {"symbol": "CDK2"}}
    assert demo_mirror.requests() == []


def test_variables_are_part_of_the_answer_key(answer_cache_url: str) -> None:
    query = "query G($id: ID!) { gene(id: $id) { symbol } }"
    a = get(answer_cache_url, query=query, variables={"id": "1017"}).json()["data"]
    b = get(answer_cache_url, query=query, variables={"id": "7157"}).json()["data"]
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
