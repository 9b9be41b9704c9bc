"""Whole answers from the store: a repeated GET is answered before the GraphQL view, with the
very bytes, headers, log line and metrics of the answer the view gave."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from urllib.parse import quote, urlencode

import httpx
import pytest

from app import create_app
from genechem.logs import JsonFormatter
from genechem.response_cache import KnownAnswer, answer_keys
from resolvers.context import CALLS_HEADER
from tests.conftest import MirrorServer
from tests.servers import serve
from tests.test_metrics import samples, value

QUERY = 'query Cdk2 { gene(id: "1017") { symbol name } }'


def get(url: str, query_string: str, **headers: str) -> httpx.Response:
    return httpx.get(f"{url}/graphql?{query_string}", headers=headers, timeout=30)


def test_a_repeated_get_is_the_same_answer_without_upstream_calls(
    answer_cache_url: str, demo_mirror: MirrorServer
) -> None:
    query_string = urlencode({"query": QUERY})
    accept = "application/graphql-response+json"
    executed = get(answer_cache_url, query_string, accept=accept)
    demo_mirror.clear()
    hits = [get(answer_cache_url, query_string, accept=accept) for _ in range(2)]
    assert demo_mirror.requests() == []
    # The executed answer also reports its cost (`extensions.cost`); a cached one cost nothing.
    assert "cost" in executed.json()["extensions"]
    assert [hit.json() for hit in hits] == [{"data": executed.json()["data"]}] * 2
    assert executed.json()["data"] == {
        "gene": {"symbol": "CDK2", "name": "cyclin dependent kinase 2"}
    }
    assert hits[0].content == hits[1].content
    for hit in hits:
        assert hit.status_code == 200
        assert hit.headers["content-type"] == f"{accept}; charset=utf-8"
        assert hit.headers["cache-control"].startswith("public, max-age=")
        assert hit.headers["vary"] == executed.headers["vary"]
        assert hit.headers["etag"] == hits[0].headers["etag"]
    as_json = get(answer_cache_url, query_string, accept="application/json")
    assert as_json.headers["content-type"] == "application/json; charset=utf-8"
    assert as_json.content == hits[0].content


def test_a_repeated_get_revalidates_with_its_etag(answer_cache_url: str) -> None:
    query_string = urlencode({"query": QUERY})
    get(answer_cache_url, query_string)
    hit = get(answer_cache_url, query_string)
    again = get(answer_cache_url, query_string, **{"if-none-match": hit.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == hit.headers["etag"]


def test_an_executed_answer_and_its_cached_hits_share_one_etag(answer_cache_url: str) -> None:
    """The executed answer reports its cost and the cached one does not: the same data, one
    ETag, so a client that kept the executed answer revalidates it with 304."""
    query_string = urlencode({"query": 'query Tp53 { gene(id: "7157") { symbol } }'})
    executed = get(answer_cache_url, query_string)
    hit = get(answer_cache_url, query_string)
    assert "cost" in executed.json()["extensions"]
    assert hit.content == b'{"data":{"gene":{"symbol":"TP53"}}}'
    assert executed.headers["etag"] == hit.headers["etag"]
    again = get(answer_cache_url, query_string, **{"if-none-match": executed.headers["etag"]})
    assert (again.status_code, again.content) == (304, b"")


def test_another_spelling_of_the_same_request_shares_the_answer(
    answer_cache_url: str, demo_mirror: MirrorServer
) -> None:
    get(answer_cache_url, urlencode({"query": QUERY}))
    demo_mirror.clear()
    respelled = get(answer_cache_url, "query=" + quote(QUERY, safe=""))
    assert respelled.json()["data"]["gene"]["symbol"] == "CDK2"
    assert demo_mirror.requests() == []


def test_a_report_of_the_requests_own_calls_is_never_a_cached_answer(
    answer_cache_url: str, demo_mirror: MirrorServer
) -> None:
    query_string = urlencode({"query": QUERY})
    get(answer_cache_url, query_string)
    get(answer_cache_url, query_string)
    demo_mirror.clear()
    reported = get(answer_cache_url, query_string, **{CALLS_HEADER: "1"})
    assert reported.json()["extensions"]["upstream"]["calls"] >= 1
    assert reported.headers["cache-control"] == "no-store"


def test_hits_and_misses_are_counted_once_and_logged_as_cached(
    demo_mirror: MirrorServer, caplog: pytest.LogCaptureFixture
) -> None:
    settings = demo_mirror.settings(response_cache_ttl=60)
    query_string = urlencode({"query": QUERY})
    with serve(create_app(settings)) as url:
        before = samples(url)
        with caplog.at_level(logging.INFO, logger="genechem.requests"):
            for request_id in ("miss", "hit"):
                get(url, query_string, **{"x-request-id": request_id})
        after = samples(url)

    def grew(result: str) -> float:
        labels = {"cache": "response", "result": result}
        return value(after, "genechem_cache_total", **labels) - value(
            before, "genechem_cache_total", **labels
        )

    assert (grew("miss"), grew("hit")) == (1, 1)
    lines = {
        line["request_id"]: line
        for line in (json.loads(JsonFormatter().format(r)) for r in caplog.records)
        if line.get("request_id") in {"miss", "hit"}
    }
    assert lines["hit"]["operation"] == "Cdk2"
    assert lines["hit"]["outcome"] == "data"
    assert lines["hit"]["answer_cached"] is True
    assert lines["hit"]["upstream_calls"] == 0
    assert lines["miss"]["answer_cached"] is False
    assert lines["miss"]["upstream_calls"] >= 1


def test_an_expired_answer_is_executed_again_and_looked_up_once(
    demo_mirror: MirrorServer,
) -> None:
    settings = demo_mirror.settings(response_cache_ttl=60)
    query_string = urlencode({"query": QUERY})
    app = create_app(settings)
    with serve(app) as url:
        first = get(url, query_string)
        store = app.state.store
        [key] = [k for k in store._entries if k.startswith("answer:v2:")]
        asyncio.run(store.delete(key))  # gone before its time, as evicted
        before = samples(url)
        demo_mirror.clear()
        again = get(url, query_string)
        after = samples(url)
    assert again.content == first.content
    assert demo_mirror.requests() != []
    labels = {"cache": "response", "result": "miss"}
    missed = value(after, "genechem_cache_total", **labels) - value(
        before, "genechem_cache_total", **labels
    )
    assert missed == 1


def test_an_answer_kept_by_one_replica_is_served_by_another(
    demo_mirror: MirrorServer, valkey_store_url: str
) -> None:
    settings = demo_mirror.settings(
        response_cache_ttl=60, redis_url=valkey_store_url, redis_prefix=f"t:{uuid.uuid4()}:"
    )
    query_string = urlencode({"query": QUERY})
    with serve(create_app(settings)) as a, serve(create_app(settings)) as b:
        first = get(a, query_string)
        demo_mirror.clear()
        from_b = get(b, query_string)
        again_b = get(b, query_string)
    assert demo_mirror.requests() == []
    assert from_b.content == again_b.content
    assert from_b.json()["data"] == first.json()["data"]
    assert from_b.headers["etag"] == again_b.headers["etag"]


def test_answer_keys_are_bounded_in_count_and_length() -> None:
    keys = answer_keys(max_entries=2, max_length=10)
    for name in (b"a", b"b", b"c"):
        keys.keep(name, KnownAnswer(name.decode(), None), len(name))
    assert keys.get(b"a") is None
    assert keys.get(b"b") == KnownAnswer("b", None)
    keys.keep(b"d", KnownAnswer("d", None), 1)  # b was used last: c goes
    assert (keys.get(b"c"), len(keys)) == (None, 2)
    keys.keep(b"x" * 11, KnownAnswer("long", None), 11)
    assert keys.get(b"x" * 11) is None
