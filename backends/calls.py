"""Upstream calls are counted here and nowhere else.

Every HTTP exchange a `ServiceHTTP` makes (each retry attempt included) becomes an `UpstreamCall`,
added to the process-wide totals and to the call log of the GraphQL request being served, if any
(a context variable set by the request's context).
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

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


_current_log: ContextVar[CallLog | None] = ContextVar("genechem_call_log", default=None)
totals: Counter[str] = Counter()
"""Calls per source since the process started."""


def record(call: UpstreamCall) -> None:
    totals[call.source] += 1
    log = _current_log.get()
    if log is not None:
        log.calls.append(call)


@contextlib.contextmanager
def collecting(log: CallLog) -> Iterator[CallLog]:
    """Record the calls made inside the block (and the tasks it starts) into `log`."""
    token = _current_log.set(log)
    try:
        yield log
    finally:
        _current_log.reset(token)
