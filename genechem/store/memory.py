"""The in-process store: least recently used entries leave first past a byte budget."""

from __future__ import annotations

import sys
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence

from genechem.store.base import WindowResult

ENTRY_OVERHEAD = 176
"""Bytes an entry costs beyond its key and value objects: the (expiry, value) tuple, the float
and the ordered dict's slot (measured with tracemalloc on CPython 3.11). With the objects'
headers (`sys.getsizeof`) the budget is what the entries really take, to within a few percent
whether they are 10-byte counters or 100 KB records, so a flood of tiny entries is bounded as
tightly as large ones."""


class MemoryStore:
    """`Store` in one process: what one machine needs, no server. Bounded by `max_bytes` of
    memory (keys, values and each entry's bookkeeping, as the process really holds them), not
    by a number of entries, because records range from 100 bytes to hundreds of kilobytes."""

    kind = "memory"

    def __init__(
        self, max_bytes: int = 64 * 1024 * 1024, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_bytes = max_bytes
        self.clock = clock
        self.size = 0
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._windows: dict[str, deque[float]] = {}

    async def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires, value = entry
        if self.clock() >= expires:
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        return value

    async def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        return [await self.get(key) for key in keys]

    async def set(self, key: str, value: bytes, ttl: float) -> None:
        if ttl <= 0:
            return
        self._drop(key)
        cost = _cost(key, value)
        if cost > self.max_bytes:
            return  # larger than the whole budget: never worth evicting everything for
        self._entries[key] = (self.clock() + ttl, value)
        self.size += cost
        while self.size > self.max_bytes:
            oldest = next(iter(self._entries))
            self._drop(oldest)

    async def set_if_absent(self, key: str, value: bytes, ttl: float) -> bool:
        if await self.get(key) is not None:
            return False
        await self.set(key, value, ttl)
        return True

    async def delete(self, *keys: str) -> None:
        for key in keys:
            self._drop(key)
            self._windows.pop(key, None)

    async def incr(self, key: str, amount: int = 1, ttl: float = 60.0) -> int:
        entry = self._entries.get(key)
        now = self.clock()
        if entry is None or now >= entry[0]:
            self._drop(key)
            expires, value = now + ttl, amount
        else:
            expires, value = entry[0], int(entry[1]) + amount
        self._drop(key)
        encoded = str(value).encode()
        self._entries[key] = (expires, encoded)
        self.size += _cost(key, encoded)
        return value

    async def hit_window(self, key: str, limit: int, window: float) -> WindowResult:
        now = self.clock()
        hits = self._windows.setdefault(key, deque())
        while hits and hits[0] <= now - window:
            hits.popleft()
        if len(hits) >= limit:
            return WindowResult(False, len(hits), max(hits[0] + window - now, 0.0))
        hits.append(now)
        return WindowResult(True, len(hits), 0.0)

    async def aclose(self) -> None:
        self._entries.clear()
        self._windows.clear()
        self.size = 0

    def __len__(self) -> int:
        return len(self._entries)

    def _drop(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self.size -= _cost(key, entry[1])


def _cost(key: str, value: bytes) -> int:
    return sys.getsizeof(key) + sys.getsizeof(value) + ENTRY_OVERHEAD
