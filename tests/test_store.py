"""Both store implementations keep the same promises: TTLs, get-many, locks, counters, windows."""

from __future__ import annotations

import asyncio

from genechem.settings import Settings
from genechem.store import MemoryStore, RedisStore, Store, open_store
from genechem.store.codec import StoreCache


async def test_set_get_delete_and_get_many_in_key_order(store: Store) -> None:
    await store.set("a", b"1", ttl=60)
    await store.set("b", b"2", ttl=60)
    assert await store.get("a") == b"1"
    assert await store.get_many(["b", "missing", "a"]) == [b"2", None, b"1"]
    await store.delete("a", "b")
    assert await store.get_many(["a", "b"]) == [None, None]


async def test_entries_expire_after_their_ttl(store: Store) -> None:
    await store.set("short", b"x", ttl=0.05)
    await store.set("long", b"y", ttl=60)
    await asyncio.sleep(0.12)
    assert await store.get("short") is None
    assert await store.get("long") == b"y"


async def test_zero_ttl_stores_nothing(store: Store) -> None:
    await store.set("k", b"v", ttl=0)
    assert await store.get("k") is None


async def test_set_if_absent_lets_one_writer_take_the_key(store: Store) -> None:
    results = await asyncio.gather(
        *(store.set_if_absent("lock", str(i).encode(), 5) for i in range(8))
    )
    assert results.count(True) == 1
    assert await store.get("lock") == str(results.index(True)).encode()


async def test_counter_counts_and_restarts_after_its_window(store: Store) -> None:
    assert await store.incr("quota", 3, ttl=0.1) == 3
    assert await store.incr("quota", 2, ttl=0.1) == 5
    await asyncio.sleep(0.2)
    assert await store.incr("quota", 1, ttl=0.1) == 1


async def test_sliding_window_admits_at_most_the_limit_concurrently(store: Store) -> None:
    results = await asyncio.gather(*(store.hit_window("hgnc", 10, 1.0) for _ in range(25)))
    admitted = [r for r in results if r.allowed]
    assert len(admitted) == 10
    refused = [r for r in results if not r.allowed]
    assert all(0 < r.retry_after <= 1.0 for r in refused)


async def test_sliding_window_admits_again_once_hits_leave_it(store: Store) -> None:
    for _ in range(2):
        assert (await store.hit_window("w", 2, 0.1)).allowed
    assert not (await store.hit_window("w", 2, 0.1)).allowed
    await asyncio.sleep(0.15)
    assert (await store.hit_window("w", 2, 0.1)).allowed


async def test_store_cache_keeps_json_values_for_the_cache_interface(store: Store) -> None:
    pages = StoreCache(store, "scroll")
    await pages.set("c1", {"hits": [{"_id": "1017"}], "total": 1}, ttl=60)
    assert await pages.get("c1") == {"hits": [{"_id": "1017"}], "total": 1}
    await pages.delete("c1")
    assert await pages.get("c1") is None


async def test_memory_store_is_bounded_by_bytes_dropping_least_recently_used() -> None:
    store = MemoryStore(max_bytes=1000)
    for i in range(10):
        await store.set(f"k{i}", b"x" * 200, ttl=60)
        await store.get("k0")  # k0 stays recently used
    assert store.size <= 1000
    assert await store.get("k0") == b"x" * 200
    assert await store.get("k1") is None
    assert await store.get("k9") == b"x" * 200


async def test_memory_store_skips_a_value_larger_than_its_budget() -> None:
    store = MemoryStore(max_bytes=100)
    await store.set("big", b"x" * 500, ttl=60)
    assert await store.get("big") is None
    assert store.size == 0


async def test_redis_url_selects_the_shared_store(valkey_store_url: str) -> None:
    shared = open_store(Settings(redis_url=valkey_store_url, cursor_secret="k" * 32))
    assert isinstance(shared, RedisStore)
    assert await shared.ping()
    await shared.aclose()
    assert isinstance(open_store(Settings()), MemoryStore)


async def test_two_processes_share_entries_through_redis(valkey_store_url: str) -> None:
    a = RedisStore(valkey_store_url, prefix="share-test:")
    b = RedisStore(valkey_store_url, prefix="share-test:")
    await a.set("record", b"cdk2", ttl=60)
    assert await b.get("record") == b"cdk2"
    await a.delete("record")
    await a.aclose()
    await b.aclose()
