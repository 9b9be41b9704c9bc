"""Shared upstream budgets that no request can hold for long: fair turns, bounded waits.

`FairRateLimiter` hands out a service's rate (HGNC asks for 10 requests per second) one call
every `1/rate` seconds, round-robin between the requests waiting: a request with 1500 calls
queued and one with a single call alternate, so the small one waits one turn, not 150 s. Before
queueing, a call estimates its wait from its place in that order; when the wait is longer than
the request may wait (its deadline, or `max_wait`), it is refused at once with a retry hint
instead of queueing.

`bounded_slot` does the same for a service's concurrency semaphore, whose wait cannot be
predicted: it waits at most the allowed time.

`SharedRate` holds the rate across every replica sharing a Redis-protocol store: after its
local fair turn, a call also takes the service's one global slot of `1/rate` seconds (a sliding
window of one hit, atomic on the server and timed by the server's clock). One call per process
at a time competes for it, in the order of the local turns, so the local round-robin still
decides which request goes next; the whole wait stays bounded by what the request may wait.

All raise `BudgetExhausted`; the HTTP layer turns it into RATE_LIMITED with `retryAfter`.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager
from typing import Protocol

from genechem.store.base import WindowResult


class BudgetExhausted(Exception):
    """The wait for a shared budget would be longer than the request may wait."""

    def __init__(self, wait: float, retry_after: float) -> None:
        super().__init__(f"the wait ({wait:.1f} s) exceeds what the request may wait")
        self.wait = wait
        self.retry_after = retry_after


class FairRateLimiter:
    """At most `rate` grants per second, in round-robin turns between owners (requests)."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self._queues: OrderedDict[Hashable, deque[asyncio.Future[None]]] = OrderedDict()
        self._next = 0.0
        """`time.monotonic()` of the next free grant."""
        self._timer: asyncio.TimerHandle | None = None

    def estimate(self, owner: Hashable) -> float:
        """Seconds a new call of `owner` would wait: the turns of every owner ahead of it."""
        mine = len(self._queues.get(owner, ())) + 1
        turns = mine - 1 + sum(min(len(q), mine) for o, q in self._queues.items() if o != owner)
        return max(0.0, self._next - time.monotonic()) + turns * self.interval

    async def acquire(self, owner: Hashable, max_wait: float) -> None:
        """Wait for this owner's turn; `BudgetExhausted` at once when it is further than
        `max_wait` seconds away."""
        wait = self.estimate(owner)
        if wait > max_wait:
            raise BudgetExhausted(wait, retry_after=wait - max_wait + self.interval)
        now = time.monotonic()
        if not self._queues and now >= self._next:
            self._next = now + self.interval
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queues.setdefault(owner, deque()).append(future)
        self._schedule()
        try:
            await future
        except asyncio.CancelledError:
            self._forget(owner, future)
            raise

    def _schedule(self) -> None:
        if self._timer is None and self._queues:
            loop = asyncio.get_running_loop()
            delay = max(0.0, self._next - time.monotonic())
            self._timer = loop.call_later(delay, self._grant)

    def _grant(self) -> None:
        """Give the next turn to the first owner in line, who then goes to the back."""
        self._timer = None
        while self._queues:
            owner, queue = next(iter(self._queues.items()))
            future = queue.popleft()
            if queue:
                self._queues.move_to_end(owner)
            else:
                del self._queues[owner]
            if not future.done():
                future.set_result(None)
                self._next = time.monotonic() + self.interval
                break
        self._schedule()

    def _forget(self, owner: Hashable, future: asyncio.Future[None]) -> None:
        queue = self._queues.get(owner)
        if queue is not None and future in queue:
            queue.remove(future)
            if not queue:
                del self._queues[owner]


class HitWindow(Protocol):
    """A sliding-window counter shared by every replica (`genechem.store.Store.hit_window`)."""

    async def hit_window(self, key: str, limit: int, window: float) -> WindowResult: ...


class SharedRate:
    """At most `rate` grants per second for all processes sharing `store`, spaced `1/rate`
    seconds apart (so no one-second window, wherever it starts, holds more than `rate`)."""

    def __init__(self, store: HitWindow, key: str, rate: float) -> None:
        self.store = store
        self.key = key
        self.interval = 1.0 / rate
        self._turn = asyncio.Lock()
        """One call of this process competes for the global slot at a time: the others wait
        here in the order the local limiter granted their turns."""

    async def acquire(self, max_wait: float) -> float:
        """Take the next global slot and return the seconds waited; `BudgetExhausted` when it
        would take longer than `max_wait` (the wait is cut there, never overrun)."""
        started = time.monotonic()
        try:
            async with asyncio.timeout(max_wait):
                async with self._turn:
                    await self._take(started, max_wait)
        except TimeoutError:
            raise BudgetExhausted(max_wait, retry_after=self.interval) from None
        return time.monotonic() - started

    async def _take(self, started: float, max_wait: float) -> None:
        while True:
            hit = await self.store.hit_window(self.key, 1, self.interval)
            if hit.allowed:
                return
            waited = time.monotonic() - started
            if waited + hit.retry_after > max_wait:
                raise BudgetExhausted(waited + hit.retry_after, retry_after=hit.retry_after)
            # The slot frees when the last grant leaves the window; a replica may take it
            # first, and then this call asks again.
            await asyncio.sleep(hit.retry_after)


@asynccontextmanager
async def bounded_slot(slots: asyncio.Semaphore, max_wait: float) -> AsyncIterator[None]:
    """Hold one of `slots`, waiting at most `max_wait` seconds for it."""
    if slots.locked():
        try:
            async with asyncio.timeout(max_wait):
                await slots.acquire()
        except TimeoutError:
            raise BudgetExhausted(max_wait, retry_after=1.0) from None
    else:
        await slots.acquire()
    try:
        yield
    finally:
        slots.release()
