"""What one request may spend, carried in a context variable: its deadline, its client, its
upstream scrolls, and whether its client is still there.

`RequestGuard` (genechem.shedding) opens a `RequestBudget` for every GraphQL request; everything
below it reads `current_budget()`: the HTTP layer bounds waits, retries and attempt timeouts by
`remaining()`, refuses to start calls once the client is gone, and the paging engine counts the
scrolls a request opens. Context variables are copied into every task created while a request
runs (Strawberry's gathers, DataLoader dispatches), so the budget follows the request's work;
work shared between requests (the HGNC index load) runs `detached()` from any one request.

Without a budget (the CLI, background tasks, tests that call clients directly) nothing is bounded
beyond the settings' own timeouts.
"""

from __future__ import annotations

import asyncio
import contextvars
import itertools
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

_ids = itertools.count(1)


class ClientGone(Exception):
    """The request's client disconnected: work it started must not call any service again."""


@dataclass(eq=False)
class RequestBudget:
    """One request's limits. `expires` is on the `time.monotonic()` clock."""

    expires: float
    client: str = "-"
    """Who sent the request (its address for now): the unit of per-client shares."""
    id: int = field(default_factory=lambda: next(_ids))
    scrolls: int = 0
    """Upstream scrolls this request opened so far (`resolvers.paging`)."""
    gone: bool = False
    """True once the client disconnected."""
    _calls: set[asyncio.Task[object]] = field(default_factory=set)

    @classmethod
    def starting_now(cls, seconds: float, client: str = "-") -> RequestBudget:
        return cls(time.monotonic() + seconds, client)

    def remaining(self) -> float:
        """Seconds until the deadline, never negative."""
        return max(0.0, self.expires - time.monotonic())

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.expires

    @contextmanager
    def upstream_call(self) -> Iterator[None]:
        """Mark the current task as calling a service for this request, so that `abandon`
        can cancel it; refuses to start when the client is already gone."""
        if self.gone:
            raise ClientGone("the client disconnected")
        task = asyncio.current_task()
        if task is None:
            yield
            return
        self._calls.add(task)
        try:
            yield
        finally:
            self._calls.discard(task)

    def abandon(self) -> None:
        """The client left: cancel the upstream calls in flight and refuse any new one."""
        self.gone = True
        for task in list(self._calls):
            task.cancel()


_current: contextvars.ContextVar[RequestBudget | None] = contextvars.ContextVar(
    "genechem_request_budget", default=None
)


def current_budget() -> RequestBudget | None:
    """The running request's budget, or None outside a request."""
    return _current.get()


def current_client() -> str:
    """The running request's client ("-" outside a request)."""
    budget = _current.get()
    return "-" if budget is None else budget.client


def remaining() -> float | None:
    """Seconds left before the running request's deadline; None outside a request."""
    budget = _current.get()
    return None if budget is None else budget.remaining()


@contextmanager
def request_scope(budget: RequestBudget) -> Iterator[RequestBudget]:
    """Run the block (and every task it creates) under `budget`."""
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def detached_context() -> contextvars.Context:
    """A copy of the current context without a request budget: for tasks whose work is shared
    by many requests (`asyncio.create_task(..., context=detached_context())`), so one request's
    deadline or disconnect never cuts it short."""
    context = contextvars.copy_context()
    context.run(_current.set, None)
    return context
