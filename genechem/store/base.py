"""The `Store` protocol both implementations follow, and what a rate-limit window answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class WindowResult:
    """The answer of `Store.hit_window`: whether the hit was admitted, and when to retry."""

    allowed: bool
    count: int
    """Hits inside the window, this one included when it was admitted."""
    retry_after: float
    """Seconds until the oldest hit leaves the window (0 when admitted)."""


class Store(Protocol):
    """A key-value store with per-key time-to-live (seconds). A `ttl` of 0 or less stores
    nothing (a disabled cache), so callers need no special case."""

    kind: str
    """`memory` or `redis`: for logs and /healthz."""

    async def get(self, key: str) -> bytes | None: ...

    async def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        """Values in key order, None where absent: one round trip on Redis."""
        ...

    async def set(self, key: str, value: bytes, ttl: float) -> None: ...

    async def set_if_absent(self, key: str, value: bytes, ttl: float) -> bool:
        """Store only when `key` is absent; True when this call stored it (took the lock)."""
        ...

    async def delete(self, *keys: str) -> None: ...

    async def incr(self, key: str, amount: int = 1, ttl: float = 60.0) -> int:
        """Add `amount` to an integer counter and return it; a new counter expires after `ttl`
        (a fixed window: the window starts with the first hit)."""
        ...

    async def hit_window(self, key: str, limit: int, window: float) -> WindowResult:
        """Count one hit in a sliding window of `window` seconds, admitted only when fewer than
        `limit` hits are already in it. Atomic: concurrent callers (any replica) never admit
        more than `limit` per window."""
        ...

    async def aclose(self) -> None: ...
