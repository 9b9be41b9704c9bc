"""The DataLoader patterns shared by every domain: keys carry the fields they need.

A key is `(id, fields)`. One batch collects every key loaded in the same tick, asks the service once
for the unique ids (or terms) with the union of the fields, and hands each key its documents matched
by the service's `query` echo, never by position. When the batch call fails, each key gets the error
in its own slot, so one failing source never fails unrelated fields.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from aiodataloader import DataLoader, Loader, dispatch_queue, dispatch_queue_batch

from backends.shapes import Doc

K = TypeVar("K")
V = TypeVar("V")

Fetch = Callable[[list[str], list[str] | None], Awaitable[list[Doc]]]


class FieldsKey(NamedTuple):
    """What one resolver asks a loader for: a record id (or term) and the fields it reads.
    An empty `fields` means every field."""

    id: str
    fields: frozenset[str]


def union_fields(
    keys: Sequence[FieldsKey], always: frozenset[str] = frozenset()
) -> list[str] | None:
    """The fields to ask for: their union (plus `always`), or None (every field) when any key
    wants all. The backend clients send None as no `fields` on annotation routes and as
    `fields=all` on query routes (whose default is a few fields only)."""
    fields: set[str] = set(always)
    for key in keys:
        if not key.fields:
            return None
        fields |= key.fields
    return sorted(fields)


def matches_by_query(entries: Sequence[Doc]) -> dict[str, list[Doc]]:
    """Batch answers grouped by the input term the service echoes in `query`."""
    grouped: dict[str, list[Doc]] = defaultdict(list)
    for entry in entries:
        if not entry.get("notfound"):
            grouped[str(entry.get("query"))].append(entry)
    return grouped


MATCH_CAP = 1000
"""Matches per term asked of a batch query (`size`): the services' cap. Without it they stop at
their default of 10 matches per term."""


@dataclass
class Resolution:
    """What one input term of a batch query (querymany) matched."""

    term: str
    matches: list[Doc]
    truncated: bool = False
    """The term reached `MATCH_CAP` matches: the service may hold more than `matches`."""
    reason: str | None = None
    """Why the term was not looked up (it cannot match anything); None when it was."""


def term_problem(term: str) -> str | None:
    """Why a querymany term is not sent to the service, or None. A blank term matches nothing,
    and the services reject a whole batch holding one (400 `No search terms or scopes.`)."""
    if not term.strip():
        return "The term is empty or only whitespace: it matches nothing and was not sent."
    return None


def lookup_terms(terms: Sequence[str]) -> list[str]:
    """The terms to send: each distinct term once, in input order, without the ones
    `term_problem` rejects."""
    return [t for t in dict.fromkeys(terms) if term_problem(t) is None]


def resolutions(
    terms: Sequence[str], entries: Sequence[Doc], cap: int = MATCH_CAP
) -> list[Resolution]:
    """One `Resolution` per input term, in input order, from a batch query's flat answer
    (asked with `size=cap`); a term `term_problem` rejects gets its reason and no matches."""
    found = matches_by_query(entries)
    out: list[Resolution] = []
    for term in terms:
        reason = term_problem(term)
        matches = found.get(term, []) if reason is None else []
        out.append(Resolution(term, matches, truncated=len(matches) >= cap, reason=reason))
    return out


def settled_together(
    futures: Sequence[asyncio.Future[V]], loop: asyncio.AbstractEventLoop
) -> asyncio.Future[list[V]]:
    """One future for the values of `futures`, in order, as `asyncio.gather` gives them, but
    waiting on one pending future at a time instead of calling back once per future: a batch
    resolves all its keys at once, so 1000 keys wake their caller after one callback, not
    after 1000 callbacks queued on the event loop behind every other request's. When one fails,
    the first exception in order is raised (every future's exception is marked retrieved).
    Cancelling it leaves the futures alone: they are the loaders' cache, shared with other
    fields of the request."""
    together = Together(futures, loop.create_future())
    together.settle()
    return together.combined


class Together:
    """`settled_together`'s state. A class, not a closure: a closure that adds itself as a
    callback refers to itself, a cycle that kept a request's documents until Python's next
    full collection."""

    __slots__ = ("combined", "futures", "pending")

    def __init__(
        self, futures: Sequence[asyncio.Future[Any]], combined: asyncio.Future[list[Any]]
    ) -> None:
        self.futures = futures
        self.combined = combined
        self.pending = 0
        """Futures before this index are done."""

    def settle(self, _: object = None) -> None:
        """Wait on the first pending future; once none is left, settle `combined`."""
        futures, combined = self.futures, self.combined
        if combined.done():
            return
        while self.pending < len(futures):
            if not futures[self.pending].done():
                futures[self.pending].add_done_callback(self.settle)
                return
            self.pending += 1
        if any(future.cancelled() for future in futures):
            combined.cancel()
            return
        errors = [future.exception() for future in futures]
        first = next((error for error in errors if error is not None), None)
        if first is not None:
            combined.set_exception(first)
        else:
            combined.set_result([future.result() for future in futures])


class PromptDataLoader(DataLoader[K, V]):
    """aiodataloader's DataLoader, calling its batch function on the event loop's next turn.

    aiodataloader gets there in three turns: `call_soon` starts a task, whose first step
    starts the batch in another task. Under load each turn waits behind every other request's
    ready callbacks, so each costs latency (a turn lasted milliseconds at 600 single-gene
    requests/s). Here the first load of a tick starts one task, whose first step (the next
    turn, as aiodataloader's `call_soon`) takes the queue and runs the batch in that same task.
    A tick's loads still make one batch: they are all queued before the loop's next turn."""

    _running: set[asyncio.Future[None]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._running = set()

    def load_many(self, keys: Iterable[K]) -> asyncio.Future[list[V]]:
        """aiodataloader's `load_many`, its futures settled together (`settled_together`)
        rather than gathered."""
        return settled_together([self.load(key) for key in keys], self.loop)

    def do_resolve_reject(self, key: K, future: asyncio.Future[V]) -> None:
        self._queue.append(Loader(key=key, future=future))
        if len(self._queue) == 1:
            if self.batch:
                task = asyncio.ensure_future(self._dispatch(), loop=self.loop)
                self._running.add(task)  # the loop holds tasks weakly
                task.add_done_callback(self._running.discard)
            else:
                dispatch_queue(self)

    async def _dispatch(self) -> None:
        if self.max_batch_size and self.max_batch_size < len(self._queue):
            dispatch_queue(self)  # aiodataloader's chunked dispatch, one task per chunk
            return
        queue, self._queue = self._queue, []
        await dispatch_queue_batch(self, queue)


class BatchByIdLoader(PromptDataLoader[FieldsKey, Doc | None]):
    """One document per id, from one batch annotation call (`POST /{type}`; `GET /{type}/{id}` for
    one id) per tick.
    A slot holding an exception makes `load` raise it for that key alone (aiodataloader's rule)."""

    def __init__(self, fetch: Fetch) -> None:
        super().__init__()
        self.fetch = fetch

    async def batch_load_fn(self, keys: list[FieldsKey]) -> list[Any]:
        ids = list(dict.fromkeys(key.id for key in keys))
        try:
            found = matches_by_query(await self.fetch(ids, union_fields(keys)))
        except Exception as exc:
            return [exc for _ in keys]
        return [next(iter(found.get(key.id, [])), None) for key in keys]


class BatchQueryLoader(PromptDataLoader[FieldsKey, list[Doc]]):
    """Every document matching a term, from one batch query call (`POST /query` with scopes)
    per tick."""

    def __init__(self, fetch: Fetch, always: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.fetch = fetch
        self.always = always

    async def batch_load_fn(self, keys: list[FieldsKey]) -> list[Any]:
        terms = list(dict.fromkeys(key.id for key in keys))
        try:
            found = matches_by_query(await self.fetch(terms, union_fields(keys, self.always)))
        except Exception as exc:
            return [exc for _ in keys]
        return [found.get(key.id, []) for key in keys]


def release_when_done(loaders: dict[Any, Any]) -> None:
    """Drop a request's loaders (and the documents their caches hold), or any values of the
    request, when the task serving the request ends, after its answer is sent. graphql-core's
    execution context refers to itself, so the request's context and everything it reaches
    only go at Python's next full garbage collection, which a large answer delays by many
    requests: hundreds of megabytes of upstream documents would stay."""
    try:
        task = asyncio.current_task()
    except RuntimeError:  # no running loop: a context built outside a request (tests)
        return
    if task is not None:
        task.add_done_callback(lambda _: loaders.clear())
