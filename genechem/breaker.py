"""Per-service circuit breakers and retry budgets: a failing service gets less traffic, not more.

`CircuitBreaker` and `RetryBudget` are the interfaces the HTTP layer uses; `MemoryBreaker` and
`MemoryRetryBudget` keep their state in this process. A shared implementation (Redis, issue 11)
plugs in behind the same async methods, so that every replica sees one service state.

Breaker states, per service:

    closed     calls go through; `failure_threshold` consecutive failed attempts open it
    open       calls fail at once (UPSTREAM_UNAVAILABLE, nothing sent) for `cooldown` seconds
    half-open  after the cool-down one probe call goes through (others still fail fast); its
               success closes the breaker, its failure opens it for another cool-down

Failures are attempts that found the service down: connection errors, read timeouts, 5xx. A 4xx,
a 429 or the request's own deadline cutting an attempt short says nothing about its health.

The retry budget: retries of one service may be at most `ratio` of its calls in the last
`window` seconds, plus `floor` (so a quiet service can still retry a blip). Under a storm of
failures the load on the service is then at most calls x (1 + ratio) + floor, instead of calls x
attempts.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

BreakerState = Literal["closed", "open", "half-open"]


class CircuitBreaker(Protocol):
    """Whether a service may be called now, and what its calls taught."""

    async def admit(self) -> float | None:
        """None when a call may start now, else the seconds until the next probe."""
        ...

    async def succeeded(self) -> None: ...

    async def failed(self) -> None: ...

    async def abandoned(self) -> None:
        """A call admitted ended without a verdict (the request's deadline, its client left,
        a budget refusal): a probe it was is given back."""
        ...

    async def state(self) -> BreakerState: ...


class RetryBudget(Protocol):
    """A bound on retries, as a share of recent calls of one service."""

    async def called(self) -> None:
        """Count a first attempt."""
        ...

    async def try_retry(self) -> bool:
        """Spend one retry when the budget has room; False means no retry."""
        ...


@dataclass
class MemoryBreaker:
    """An in-process `CircuitBreaker`."""

    failure_threshold: int
    cooldown: float
    clock: Callable[[], float] = time.monotonic
    _failures: int = 0
    _opened_at: float | None = None
    _probing: bool = False

    async def admit(self) -> float | None:
        if self._opened_at is None:
            return None
        left = self._opened_at + self.cooldown - self.clock()
        if left > 0:
            return left
        if self._probing:
            # One probe at a time: the others wait for its verdict, failing fast meanwhile.
            return self.cooldown
        self._probing = True
        return None

    async def succeeded(self) -> None:
        self._failures = 0
        self._opened_at = None
        self._probing = False

    async def failed(self) -> None:
        self._failures += 1
        if self._probing or self._failures >= self.failure_threshold:
            self._opened_at = self.clock()
            self._probing = False

    async def abandoned(self) -> None:
        self._probing = False

    async def state(self) -> BreakerState:
        if self._opened_at is None:
            return "closed"
        return "open" if self.clock() < self._opened_at + self.cooldown else "half-open"


@dataclass
class MemoryRetryBudget:
    """An in-process `RetryBudget` over a sliding window of call and retry times."""

    ratio: float
    floor: int
    window: float
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self._calls: deque[float] = deque()
        self._retries: deque[float] = deque()

    async def called(self) -> None:
        self._calls.append(self.clock())

    async def try_retry(self) -> bool:
        now = self.clock()
        for times in (self._calls, self._retries):
            while times and times[0] <= now - self.window:
                times.popleft()
        if len(self._retries) >= self.floor + self.ratio * len(self._calls):
            return False
        self._retries.append(now)
        return True
