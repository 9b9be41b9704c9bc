"""Upstream calls are counted here and nowhere else.

Every HTTP exchange a `ServiceHTTP` makes (each retry attempt included) becomes an `UpstreamCall`,
added to the process-wide totals and to the call log of the GraphQL request being served, if any
(a context variable set by the request's context). Logs nest: the HTTP layer collects a whole
request (logs, metrics, response caching) while the schema extension collects the operation, and
a call lands in both. The record cache reports its hits, misses and the shortest time-to-live of
what it served here too, so a request knows what its answer was made of.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from genechem import metrics
from genechem.errors import Source


@dataclass(frozen=True)
class UpstreamCall:
    """One HTTP exchange with a service."""

    source: Source
    method: str
    path: str
    status: int | None
    """The HTTP status, or None when no response came (timeout, connection error)."""
    seconds: float


@dataclass
class CallLog:
    """The calls made while serving one GraphQL request."""

    calls: list[UpstreamCall] = field(default_factory=list)
    cache_hits: int = 0
    """Records (and metadata) served from the store instead of a service."""
    cache_misses: int = 0
    shortest_ttl: float | None = None
    """Seconds until the first of the cached things this request used goes stale, if any."""

    def count(self, source: Source | None = None) -> int:
        return sum(1 for c in self.calls if source is None or c.source == source)

    def summary(self) -> dict[str, dict[str, float]]:
        """Per source: number of calls and their total time in milliseconds."""
        out: dict[str, dict[str, float]] = {}
        for call in self.calls:
            entry = out.setdefault(call.source, {"calls": 0, "totalMs": 0.0})
            entry["calls"] += 1
            entry["totalMs"] = round(entry["totalMs"] + call.seconds * 1000, 3)
        return out


_current_logs: ContextVar[tuple[CallLog, ...]] = ContextVar("genechem_call_logs", default=())
totals: Counter[str] = Counter()
"""Calls per source since the process started."""


def record(call: UpstreamCall) -> None:
    totals[call.source] += 1
    metrics.observe_upstream(call.source, call.status, call.seconds)
    for log in _current_logs.get():
        log.calls.append(call)


def record_cache(cache: str, source: Source, *, hits: int, misses: int, ttl: float | None) -> None:
    """`hits` and `misses` of `cache` (record, metadata) for `source`; `ttl`: seconds until the
    first thing used goes stale, which caps how long the answer may be cached."""
    metrics.observe_cache(cache, hits=hits, misses=misses)
    for log in _current_logs.get():
        log.cache_hits += hits
        log.cache_misses += misses
        shorten(log, ttl)


def shorten(log: CallLog, ttl: float | None) -> None:
    """`log`'s shortest time-to-live, with `ttl` (None: nothing cached was used)."""
    if ttl is not None:
        log.shortest_ttl = ttl if log.shortest_ttl is None else min(log.shortest_ttl, ttl)


@contextlib.contextmanager
def collecting(log: CallLog) -> Iterator[CallLog]:
    """Record the calls made inside the block (and the tasks it starts) into `log`."""
    token = _current_logs.set((*_current_logs.get(), log))
    try:
        yield log
    finally:
        _current_logs.reset(token)


@dataclass(frozen=True)
class CarriedCalls:
    """Calls made for an operation before its own logs began, to be counted there too: the
    lookup lane's load (`schema.lookup_lane`), when the full path then answers from it.
    `log` holds them; `seen` are the logs that were collecting then and have them already."""

    log: CallLog
    seen: tuple[CallLog, ...]


@contextlib.contextmanager
def carrying() -> Iterator[CarriedCalls]:
    """Collect the block's calls into a new log, noting which logs have them already."""
    carried = CarriedCalls(CallLog(), _current_logs.get())
    with collecting(carried.log):
        yield carried


def carry_over(carried: CarriedCalls) -> None:
    """Add `carried`'s calls and cache use to the logs collecting now that do not have them."""
    for log in _current_logs.get():
        if log is carried.log or any(log is seen for seen in carried.seen):
            continue
        log.calls.extend(carried.log.calls)
        log.cache_hits += carried.log.cache_hits
        log.cache_misses += carried.log.cache_misses
        shorten(log, carried.log.shortest_ttl)
