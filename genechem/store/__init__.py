"""One store for everything the gateway shares between requests and between replicas.

`Store` is the interface; `MemoryStore` keeps it in process (bounded by bytes), `RedisStore` in a
Redis-protocol server (Valkey or Redis) that every replica reaches. `open_store(settings)` picks
one: `GENECHEM_REDIS_URL` set means Redis, else memory, so one machine needs no server.

Values are bytes; `genechem.store.codec` puts JSON on top. The primitives are the ones the
shared features need:

    get / get_many / set (TTL) / delete   record, metadata, response and persisted-query caches
    set_if_absent (TTL)                   locks and single flight across replicas, first writer wins
    incr (TTL on creation)                fixed-window counters (quotas per client per minute)
    hit_window                            sliding-window rate limit (HGNC's 10 per second across
                                          every replica), atomic in a Lua script on Redis
"""

from __future__ import annotations

from genechem.store.base import Store, WindowResult
from genechem.store.memory import MemoryStore
from genechem.store.redis import RedisStore
from genechem.store.select import open_store

__all__ = ["MemoryStore", "RedisStore", "Store", "WindowResult", "open_store"]
