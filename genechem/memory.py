"""Giving memory back after large answers: a full garbage collection and `malloc_trim`.

Why it is needed: a 5000-gene answer with GO annotations holds ~250 MB of upstream documents
and ~100 MB of answer while it runs. graphql-core's execution context refers to itself
(`async_helpers` holds its bound methods), so when the request ends the context, Strawberry's
execution state and the answer become cyclic garbage, freed only by a full collection. (The
request's loaders, which hold the documents, are released at the end of the request by
`resolvers.loaders.release_when_done`.) Python runs a full collection only when the objects that
survived into the oldest generation grew by a quarter since the last one, and a large answer has
just put millions there, so that garbage stayed for many requests: the gateway kept ~370 MB
after the 5000-gene benchmark. Once collected, glibc's allocator still keeps freed pages in its
heaps and arenas; `malloc_trim(0)` returns them to the system.

`ReclaimMemory` wraps the ASGI app: after a request ends (its answer sent and its task done),
when the process's resident memory grew by `threshold` bytes since the last reclaim, it runs
`gc.collect()` and `malloc_trim(0)`. Small requests only pay one read of /proc/self/statm. The
collection blocks the event loop (~0.1-0.25 s after a 5000-gene answer), so it is spaced to
take at most `MAX_SHARE` of the time (a reclaim that must wait runs as soon as it may). Since it
does the full collections that matter, Python's own are made rare (`FULL_COLLECTION_EVERY`,
`YOUNG_COLLECTION_EVERY`): that saves ~25% of a 5000-gene answer's CPU, at ~50 MB more peak
memory (garbage made while an answer is built stays until it ends). Where /proc or glibc is
missing (macOS, musl), the part that cannot run is skipped.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import gc
import logging
import os
import time
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger("genechem.memory")

MAX_SHARE = 0.1
"""The largest share of wall time reclaiming may take: after a reclaim that took t seconds, the
next waits at least t / MAX_SHARE seconds."""
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


_statm: tuple[int, int] | None = None
"""(pid, descriptor) of this process's /proc/self/statm, kept open: read after every request, an
open and a close each time were most of the cost (~8 us of a single-gene request's ~2 ms)."""


def resident_bytes() -> int | None:
    """This process's resident memory (VmRSS) in bytes, or None without /proc.

    Each read at offset 0 of the kept descriptor is a fresh reading. The descriptor is opened
    again in a forked child: `/proc/self` names the process that opened it."""
    global _statm  # noqa: PLW0603 (one descriptor per process)
    try:
        pid = os.getpid()
        if _statm is None or _statm[0] != pid:
            _statm = (pid, os.open("/proc/self/statm", os.O_RDONLY))
        return int(os.pread(_statm[1], 128, 0).split()[1]) * PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


def _malloc_trim() -> Callable[[], None]:
    """glibc's `malloc_trim(0)` (free pages at the top of the heap and inside every arena go
    back to the system), or a no-op where the C library has none."""
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        trim = None
    if trim is None:
        return lambda: None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int

    def release() -> None:
        trim(0)

    return release


malloc_trim = _malloc_trim()


class ReclaimMemory:
    """ASGI middleware: after a request, collect cyclic garbage and trim the allocator when
    resident memory grew by `threshold` bytes since the last time (0: never)."""

    def __init__(
        self,
        app: ASGIApp,
        threshold: int,
        *,
        rss: Callable[[], int | None] = resident_bytes,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.threshold = threshold
        self.rss = rss
        self.clock = clock
        self.baseline: int | None = None
        self.not_before = 0.0
        self.reclaims = 0
        self.deferred: asyncio.TimerHandle | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.threshold <= 0:
            await self.app(scope, receive, send)
            return
        task = asyncio.current_task()
        if task is not None:
            # After the request's task is done and its done callbacks have run (they release
            # the request's loaders, resolvers.loaders.release_when_done): one more turn.
            loop = asyncio.get_running_loop()
            task.add_done_callback(lambda _: loop.call_soon(self.after_request))
        await self.app(scope, receive, send)

    def after_request(self) -> None:
        """Reclaim when memory grew past the threshold; when the time share does not allow it
        yet, once it does (so a burst's last answer is not left resident until the next
        request). First, the young collection Python's own no longer runs often enough to
        free small cyclic garbage (`YOUNG_BETWEEN_REQUESTS`)."""
        if gc.get_count()[0] >= YOUNG_BETWEEN_REQUESTS:
            gc.collect(0)
        current = self.rss()
        if current is None:
            return
        if self.baseline is None or current < self.baseline:
            self.baseline = current
            return
        if current - self.baseline < self.threshold:
            return
        wait = self.not_before - self.clock()
        if wait <= 0:
            self.reclaim(current)
        elif self.deferred is None:
            self.deferred = asyncio.get_running_loop().call_later(wait, self._deferred)

    def _deferred(self) -> None:
        self.deferred = None
        self.after_request()

    def reclaim(self, before: int) -> None:
        started = self.clock()
        collected = gc.collect()
        malloc_trim()
        took = self.clock() - started
        self.not_before = started + took / MAX_SHARE
        after = self.rss()
        self.baseline = after if after is not None else before
        self.reclaims += 1
        log.debug(
            "reclaimed memory: %d objects collected, RSS %.0f -> %.0f MB in %.0f ms",
            collected,
            before / 2**20,
            (after or before) / 2**20,
            took * 1000,
        )


FULL_COLLECTION_EVERY = 1000
"""Young (generation 1) collections between Python's own full collections; its default is 10.
While a large answer is built its documents pour into the oldest generation, and every full
collection walks all of them again: ~0.4 s of a 5000-gene answer's ~1.9 s of CPU. With
`ReclaimMemory` collecting after large answers, Python's own full collections can be rare."""


YOUNG_COLLECTION_EVERY = 1_000_000
"""Container objects allocated (net of those freed) between young collections; Python's default
is 700. A request allocates its documents and answer by the hundred thousand, all alive until it
ends, then freed by reference counting: at 700, young collections walk each of them twice
(generations 0 and 1) for nothing, ~7% of a 1000-gene answer's CPU. At a million most requests
end before a young collection starts. Cyclic garbage still cannot pile up: it grows RSS, and
`ReclaimMemory` collects after GENECHEM_MEMORY_RECLAIM_MB of growth."""


YOUNG_BETWEEN_REQUESTS = 10_000
"""Net allocations after which a request's end runs a young collection. With young collections
otherwise every million (`YOUNG_COLLECTION_EVERY`), the small cyclic garbage requests leave
(futures, exceptions, execution state) stayed until RSS had grown by the reclaim threshold:
~60 MB more resident after thousands of single-gene requests. Between requests the young
generation holds little else, so this collection is cheap (under a millisecond)."""


def with_memory_reclaim(app: Any, threshold: int) -> Any:
    """`app` wrapped in `ReclaimMemory`, with Python's own collections made rare (it does them
    after large answers instead); `app` itself, untouched, when `threshold` is 0."""
    if threshold <= 0:
        return app
    _, middle, _ = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, middle, FULL_COLLECTION_EVERY)
    return ReclaimMemory(app, threshold)
