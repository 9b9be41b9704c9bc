"""Upstream records and metadata cached in the store: repeats make no upstream call, one call
serves concurrent misses, a new build version of a service invalidates its records."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from app import create_app
from backends.record_cache import RecordCache
from backends.shapes import Doc
from genechem.store import Store
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve

GENE = '{ gene(id: "1017") { symbol name } }'
CACHED = {"record_cache_ttl": 3600, "metadata_ttl": 300}


@pytest.fixture(params=["memory", "redis"])
def cached_gateway(request: pytest.FixtureRequest, demo_mirror: MirrorServer) -> Iterator[Gateway]:
    """The gateway with its record cache on, in process or in Valkey."""
    overrides: dict[str, Any] = dict(CACHED)
    if request.param == "redis":
        overrides["redis_url"] = request.getfixturevalue("valkey_store_url")
        overrides["redis_prefix"] = f"test:{uuid.uuid4().hex}:"
    with serve(create_app(demo_mirror.settings(**overrides))) as url:
        yield Gateway(url)


def test_repeated_request_is_served_from_the_cache_with_no_upstream_call(
    cached_gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    first = cached_gateway.post(GENE, report_calls=True)
    assert first["data"] == {"gene": {"symbol": "CDK2", "name": "cyclin dependent kinase 2"}}
    assert first["extensions"]["upstream"]["cacheMisses"] >= 1
    demo_mirror.clear()
    second = cached_gateway.post(GENE, report_calls=True)
    assert second["data"] == first["data"]
    assert demo_mirror.requests() == []
    assert second["extensions"]["upstream"]["calls"] == 0
    assert second["extensions"]["upstream"]["cacheHits"] >= 1


def test_each_field_set_is_its_own_entry(
    cached_gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    cached_gateway.data(GENE)
    demo_mirror.clear()
    data = cached_gateway.data('{ gene(id: "1017") { taxid } }')
    assert data == {"gene": {"taxid": 9606}}
    assert [r["path"] for r in demo_mirror.requests("mygene")] == ["/mygene/v3/gene/1017"]


def test_hgnc_fetches_and_batch_queries_are_cached(
    cached_gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    query = '{ hgncRecord(by: {symbol: "CDK2"}) { hgncId symbol } }'
    first = cached_gateway.data(query)
    assert first == {"hgncRecord": {"hgncId": "HGNC:1771", "symbol": "CDK2"}}
    demo_mirror.clear()
    assert cached_gateway.data(query) == first
    assert demo_mirror.requests() == []


def test_sources_metadata_is_cached(cached_gateway: Gateway, demo_mirror: MirrorServer) -> None:
    query = "{ sources { name dataVersion } }"
    first = cached_gateway.data(query)
    demo_mirror.clear()
    assert cached_gateway.data(query) == first
    assert demo_mirror.requests() == []


def test_a_record_fetched_on_one_replica_is_a_hit_on_another(
    demo_mirror: MirrorServer, valkey_store_url: str
) -> None:
    settings = demo_mirror.settings(
        **CACHED, redis_url=valkey_store_url, redis_prefix=f"test:{uuid.uuid4().hex}:"
    )
    with serve(create_app(settings)) as a, serve(create_app(settings)) as b:
        first = Gateway(a).data(GENE)
        demo_mirror.clear()
        assert Gateway(b).data(GENE) == first
        assert demo_mirror.requests() == []


class Upstream:
    """A fake service: counts calls; its metadata's build version can change."""

    def __init__(self) -> None:
        self.calls = 0
        self.metadata_calls = 0
        self.version = "v1"

    async def fetch(self, ids: list[str]) -> list[Doc]:
        self.calls += 1
        await asyncio.sleep(0.05)
        return [{"query": i, "_id": i, "symbol": f"S{i}", "build": self.version} for i in ids]

    async def metadata(self) -> Doc:
        self.metadata_calls += 1
        return {"build_version": self.version}


async def load(cache: RecordCache, upstream: Upstream, ids: list[str]) -> dict[str, list[Doc]]:
    version = await cache.version("mygene", upstream.metadata)
    assert version is not None
    return await cache.records("mygene", version, "get:all", ids, upstream.fetch)


async def test_concurrent_misses_for_one_record_make_one_upstream_call(store: Store) -> None:
    cache, upstream = RecordCache(store, 60, 60), Upstream()
    answers = await asyncio.gather(*(load(cache, upstream, ["1017"]) for _ in range(6)))
    assert upstream.calls == 1
    assert all(a["1017"][0]["symbol"] == "S1017" for a in answers)
    await load(cache, upstream, ["1017"])
    assert upstream.calls == 1


async def test_batch_asks_upstream_only_for_the_missing_ids(store: Store) -> None:
    cache, upstream = RecordCache(store, 60, 60), Upstream()
    await load(cache, upstream, ["1", "2"])
    calls: list[list[str]] = []

    async def fetch(ids: list[str]) -> list[Doc]:
        calls.append(ids)
        return await upstream.fetch(ids)

    found = await cache.records("mygene", "v1", "get:all", ["1", "3", "2"], fetch)
    assert calls == [["3"]]
    assert sorted(found) == ["1", "2", "3"]


async def test_a_new_build_version_invalidates_records(store: Store) -> None:
    cache, upstream = RecordCache(store, record_ttl=60, metadata_ttl=0.1), Upstream()
    await load(cache, upstream, ["1017"])
    await load(cache, upstream, ["1017"])
    assert (upstream.calls, upstream.metadata_calls) == (1, 1)
    upstream.version = "v2"
    await asyncio.sleep(0.2)  # the cached metadata expires: the next load reads the new build
    found = await load(cache, upstream, ["1017"])
    assert found["1017"][0]["build"] == "v2"
    assert (upstream.calls, upstream.metadata_calls) == (2, 2)


async def test_a_failing_upstream_call_fails_every_waiter_and_caches_nothing(
    store: Store,
) -> None:
    cache, attempts = RecordCache(store, 60, 60), 0

    async def failing(ids: list[str]) -> list[Doc]:
        nonlocal attempts
        attempts += 1
        await asyncio.sleep(0.02)
        raise RuntimeError("service down")

    results = await asyncio.gather(
        *(cache.records("mygene", "v1", "get:all", ["1"], failing) for _ in range(3)),
        return_exceptions=True,
    )
    assert attempts == 1
    assert all(isinstance(r, RuntimeError) for r in results)
    assert await store.get("rec:mygene::v1:get:all:1") is None
