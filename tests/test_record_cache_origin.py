"""Record and metadata cache keys carry the upstream's origin (its base URL): after `auto`
switches from the in-process demo mirror to live services, the demo records cached meanwhile are
never served as live ones, not even within their TTL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app import in_process_mirror
from backends.record_cache import RecordCache, origin_of, with_record_cache
from backends.sources import Backends, build_backends
from genechem.store import MemoryStore
from tests.conftest import MirrorServer

CACHED = {"record_cache_ttl": 3600, "metadata_ttl": 300}


@pytest.fixture
async def demo_then_live(demo_mirror: MirrorServer) -> AsyncIterator[tuple[Backends, Backends]]:
    """The clients `auto` starts with (the in-process demo mirror) and those it switches to
    (live: the mirror server standing in for the services), over one record cache."""
    settings = demo_mirror.settings(**CACHED)
    cache = RecordCache(MemoryStore(), settings.record_cache_ttl, settings.metadata_ttl)
    demo = with_record_cache(build_backends(settings, "mirror", in_process_mirror(settings)), cache)
    live = with_record_cache(build_backends(settings, "live"), cache)
    try:
        yield demo, live
    finally:
        await demo.aclose()
        await live.aclose()


async def test_demo_records_are_not_served_by_the_live_clients(
    demo_then_live: tuple[Backends, Backends], demo_mirror: MirrorServer
) -> None:
    demo, live = demo_then_live
    [from_demo] = await demo.mygene.get_many(["1017"], fields=["symbol"])
    assert await demo.mygene.get_many(["1017"], fields=["symbol"]) == [from_demo]  # cached
    demo_mirror.clear()
    [from_live] = await live.mygene.get_many(["1017"], fields=["symbol"])
    assert from_live["symbol"] == "CDK2"
    paths = [r["path"] for r in demo_mirror.requests("mygene")]
    assert "/mygene/v3/gene/1017" in paths  # asked live, not read from the demo's entry
    assert "/mygene/v3/metadata" in paths  # the live build version, not the demo's


async def test_demo_hgnc_fetches_and_metadata_are_not_served_by_the_live_clients(
    demo_then_live: tuple[Backends, Backends], demo_mirror: MirrorServer
) -> None:
    demo, live = demo_then_live
    await demo.hgnc.fetch("symbol", "CDK2")
    await demo.mychem.metadata()
    demo_mirror.clear()
    [record] = await live.hgnc.fetch("symbol", "CDK2")
    await live.mychem.metadata()
    assert record["symbol"] == "CDK2"
    assert any(r["path"].startswith("/hgnc/fetch/symbol") for r in demo_mirror.requests("hgnc"))
    assert [r["path"] for r in demo_mirror.requests("mychem")] == ["/mychem/v1/metadata"]


def test_each_base_url_is_its_own_origin() -> None:
    assert origin_of("http://mirror.local/mygene/v3") != origin_of("https://mygene.info/v3")
    assert origin_of("https://mygene.info/v3/") == origin_of("https://mygene.info/v3")
