"""The shared store: a Redis-protocol server (Valkey or Redis) through redis-py's asyncio client.

Every key gets `prefix`, so several deployments (or test runs) can share one server. The sliding
window runs as one Lua script, so the check and the hit are one atomic step for all replicas;
its clock is the server's (`TIME`), so replicas with skewed clocks still agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import redis.asyncio as aioredis

from genechem.store.base import WindowResult

# KEYS[1] the window's sorted set; ARGV: limit, window in microseconds, a unique member.
# Answers {admitted (0/1), hits in the window, microseconds until the oldest leaves}.
SLIDING_WINDOW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, count, tonumber(oldest[2]) + window - now}
end
redis.call('ZADD', KEYS[1], now, ARGV[3] .. ':' .. now)
redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
return {1, count + 1, 0}
"""

# KEYS[1] the counter; ARGV: amount, ttl in milliseconds. The TTL is set on creation only.
INCR_WITH_TTL = """
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if value == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return value
"""


class RedisStore:
    """`Store` on a Redis-protocol server shared by every replica."""

    kind = "redis"

    def __init__(self, url: str, prefix: str = "genechem:") -> None:
        self.prefix = prefix
        self.client: Any = aioredis.Redis.from_url(url)
        self._window = self.client.register_script(SLIDING_WINDOW)
        self._incr = self.client.register_script(INCR_WITH_TTL)
        self._members = 0

    def _key(self, key: str) -> str:
        return self.prefix + key

    async def get(self, key: str) -> bytes | None:
        value: bytes | None = await self.client.get(self._key(key))
        return value

    async def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        if not keys:
            return []
        values: list[bytes | None] = await self.client.mget([self._key(k) for k in keys])
        return values

    async def set(self, key: str, value: bytes, ttl: float) -> None:
        if ttl > 0:
            await self.client.set(self._key(key), value, px=_millis(ttl))

    async def set_if_absent(self, key: str, value: bytes, ttl: float) -> bool:
        if ttl <= 0:
            return False
        return bool(await self.client.set(self._key(key), value, px=_millis(ttl), nx=True))

    async def delete(self, *keys: str) -> None:
        if keys:
            await self.client.delete(*(self._key(k) for k in keys))

    async def incr(self, key: str, amount: int = 1, ttl: float = 60.0) -> int:
        return int(await self._incr(keys=[self._key(key)], args=[amount, _millis(ttl)]))

    async def hit_window(self, key: str, limit: int, window: float) -> WindowResult:
        self._members += 1
        member = f"{id(self)}:{self._members}"
        micros = max(round(window * 1_000_000), 1)
        allowed, count, wait = await self._window(
            keys=[self._key(key)], args=[limit, micros, member]
        )
        return WindowResult(bool(allowed), int(count), max(int(wait), 0) / 1_000_000)

    async def ping(self) -> bool:
        return bool(await self.client.ping())

    async def aclose(self) -> None:
        await self.client.aclose()


def _millis(seconds: float) -> int:
    return max(math.ceil(seconds * 1000), 1)
