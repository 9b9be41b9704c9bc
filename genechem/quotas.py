"""Per-client quotas, priced in upstream calls and kept in the store every replica shares.

A client is its API key (header `X-Api-Key`) when `GENECHEM_API_KEYS` lists keys, else its
address. Each client may spend `GENECHEM_QUOTA_CALLS` upstream calls per window of
`GENECHEM_QUOTA_WINDOW` seconds, where an operation costs its estimate (`resolvers.cost`, the
`extensions.cost.estimated.total` of its answer): the price of what it may ask the services,
known before it runs, so a cheap request stays cheap even when the services are slow, and an
answer served from a cache costs what the cache spared (0 for a whole cached answer).

How a request is counted:

- Before anything is parsed, a client with nothing left in the window is refused: RATE_LIMITED,
  HTTP 429, `Retry-After` and `extensions.retryAfter` (seconds until the window ends).
- After the operation is priced and run, its estimate is charged. A request admitted with a
  little quota left may overdraw it by at most its own estimate (never more than MAX_COST);
  the client is then refused until the window ends. Charging after pricing rather than
  re-pricing in front of the executor keeps one estimate, the one the answer reports.
- Every answer carries the IETF draft's `RateLimit-Limit`, `RateLimit-Remaining` and
  `RateLimit-Reset` (seconds until the window ends).

Windows are fixed and aligned on the wall clock (`floor(now / window)`), the same for every
client and replica, so a counter is one `INCRBY` on one key and the reset time needs no read.
A key is stored hashed: the store never holds a usable credential.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from genechem.store import Store

API_KEY_HEADER = "x-api-key"
QUOTA_CODE = "RATE_LIMITED"
INVALID_KEY_CODE = "INVALID_API_KEY"


class InvalidApiKey(Exception):
    """The request sent an API key the gateway does not know."""


@dataclass(frozen=True)
class QuotaState:
    """A client's standing in the current window, as the headers report it."""

    limit: int
    used: int
    reset: float
    """Seconds until the window ends and the count starts again."""

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)

    @property
    def exhausted(self) -> bool:
        return self.used >= self.limit

    def headers(self) -> dict[str, str]:
        """`RateLimit-*` (draft-ietf-httpapi-ratelimit-headers), whole seconds rounded up."""
        return {
            "ratelimit-limit": str(self.limit),
            "ratelimit-remaining": str(self.remaining),
            "ratelimit-reset": str(self.reset_seconds),
        }

    @property
    def reset_seconds(self) -> int:
        return max(1, math.ceil(self.reset))

    def refusal(self) -> dict[str, Any]:
        """The GraphQL error of a request refused over quota."""
        return {
            "message": (
                f"This client has spent its quota of {self.limit} upstream calls for this "
                f"window; try again in {self.reset_seconds} s."
            ),
            "extensions": {
                "code": QUOTA_CODE,
                "retryAfter": self.reset_seconds,
                "quota": {"limit": self.limit, "remaining": self.remaining},
            },
        }


class Quotas:
    """The quota of every client, in `store` (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        calls: int,
        window: float,
        api_keys: Sequence[str] = (),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.calls = calls
        self.window = window
        self.api_keys = tuple(api_keys)
        self.clock = clock

    def client_of(self, headers: Mapping[str, str], address: str) -> str:
        """Whom a request is counted against: its API key when keys are configured and it sent
        one (`InvalidApiKey` for an unknown key), else its address."""
        key = headers.get(API_KEY_HEADER)
        if self.api_keys and key is not None:
            # Compared in constant time: response timing must not reveal a key's prefix.
            if not any(hmac.compare_digest(key.encode(), k.encode()) for k in self.api_keys):
                raise InvalidApiKey
            return "key:" + hashlib.sha256(key.encode()).hexdigest()[:32]
        return "addr:" + address

    async def standing(self, client: str) -> QuotaState:
        """The client's count in the current window, without spending anything."""
        key, reset = self._window()
        value = await self.store.get(f"{key}:{client}")
        return QuotaState(self.calls, int(value) if value else 0, reset)

    async def charge(self, client: str, cost: int) -> QuotaState:
        """Spend `cost` upstream calls of the client's quota (0: just read it)."""
        if cost <= 0:
            return await self.standing(client)
        key, reset = self._window()
        # The counter outlives its window a little, so a slow clock on another replica still
        # finds it; the next window is another key.
        used = await self.store.incr(f"{key}:{client}", cost, ttl=reset + 5.0)
        return QuotaState(self.calls, used, reset)

    def _window(self) -> tuple[str, float]:
        now = self.clock()
        index = math.floor(now / self.window)
        return f"quota:{index}", (index + 1) * self.window - now


def estimated_calls(extensions: Mapping[str, Any] | None) -> int:
    """The upstream calls an answer's `extensions.cost` says the operation was priced at."""
    cost = (extensions or {}).get("cost")
    estimated = cost.get("estimated") if isinstance(cost, Mapping) else None
    total = estimated.get("total") if isinstance(estimated, Mapping) else None
    return total if isinstance(total, int) else 0
