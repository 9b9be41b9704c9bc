"""Which store a process uses: the shared one when `GENECHEM_REDIS_URL` is set."""

from __future__ import annotations

from genechem.settings import Settings
from genechem.store.base import Store
from genechem.store.memory import MemoryStore
from genechem.store.redis import RedisStore


def open_store(settings: Settings) -> Store:
    """`RedisStore` on `settings.redis_url`, else a `MemoryStore` of `settings.store_max_bytes`.
    Opening is lazy (the first command connects), so start-up never waits on the server."""
    if settings.redis_url:
        return RedisStore(settings.redis_url, prefix=settings.redis_prefix)
    return MemoryStore(settings.store_max_bytes)
