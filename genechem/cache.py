"""The one cache interface and its in-process implementation, and `Recent`, the bounded memo.

Everything the gateway keeps between requests goes through `Cache`: today the pages of upstream
scrolls that cursors point into; later response and upstream caching. A shared implementation
(Redis) for several replicas plugs in behind the same three methods.

`PartitionedCache` is the one the scroll pages use: entries belong to the client that wrote
them, each client has a quota, and when the whole cache is full the largest client's oldest
entry goes first, so a client flooding walks pushes out its own pages, never another's walk.

`Recent` is the least-recently-used memo of what is derived from requests (parsed documents,
their prices and verdicts, GET answer keys), bounded by count and by cost. `memo_short` keeps a
function's results for short inputs only (header values, upstream URLs).
"""

from __future__ import annotations

import functools
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, ParamSpec, Protocol, TypeVar

K = TypeVar("K")
V = TypeVar("V")
P = ParamSpec("P")
R = TypeVar("R")


class Cache(Protocol):
    """A key-value store with per-entry time-to-live (seconds)."""

    async def get(self, key: str) -> Any | None: ...

    async def set(self, key: str, value: Any, ttl: float) -> None: ...

    async def delete(self, key: str) -> None: ...


class Recent(Generic[K, V]):
    """The most recently used entries of an in-process memo, bounded in count and in cost.

    Each entry is kept with a cost (the length of the text it was made from, say), and the
    least recently used go first while there are more than `max_entries` or their costs add up
    past `max_cost`; an entry costing more than `max_entry_cost` is not kept at all, so one
    large entry never flushes the rest. The bound in cost is what bounds memory: a count alone
    lets a client fill every entry with its largest documents."""

    def __init__(
        self, max_entries: int, max_cost: int | None = None, max_entry_cost: int | None = None
    ) -> None:
        self.max_entries = max_entries
        self.max_cost = max_cost
        self.max_entry_cost = max_entry_cost
        self.cost = 0
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()

    def get(self, key: K, default: V | None = None) -> V | None:
        entry = self._entries.get(key)
        if entry is None:
            return default
        self._entries.move_to_end(key)
        return entry[0]

    def keep(self, key: K, value: V, cost: int = 1) -> None:
        if self.max_entry_cost is not None and cost > self.max_entry_cost:
            return
        self.drop(key)
        self._entries[key] = (value, cost)
        self.cost += cost
        while len(self._entries) > self.max_entries or (
            self.max_cost is not None and self.cost > self.max_cost
        ):
            _, (_, oldest) = self._entries.popitem(last=False)
            self.cost -= oldest

    def drop(self, key: K) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self.cost -= entry[1]

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)


class PartitionedCache:
    """An in-process `Cache` whose entries are partitioned by owner (the client writing them,
    as `owner()` names it when `set` runs).

    An owner past `max_per_owner` entries loses its own least recently used one; past
    `max_entries` in all, the owner holding the most loses its least recently used one. An
    owner within its fair share (`max_entries` / owners) therefore never loses an entry to
    another. Reads are shared: a cursor works from any address."""

    def __init__(
        self,
        max_entries: int = 1024,
        max_per_owner: int = 256,
        owner: Callable[[], str] = lambda: "",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_entries = max_entries
        self.max_per_owner = max_per_owner
        self.owner = owner
        self.clock = clock
        self._owners: dict[str, OrderedDict[str, tuple[float, Any]]] = {}
        self._owner_of: dict[str, str] = {}

    async def get(self, key: str) -> Any | None:
        owner = self._owner_of.get(key)
        if owner is None:
            return None
        entries = self._owners[owner]
        expires, value = entries[key]
        if self.clock() >= expires:
            self._remove(key)
            return None
        entries.move_to_end(key)
        return value

    async def set(self, key: str, value: Any, ttl: float) -> None:
        self._remove(key)
        owner = self.owner()
        entries = self._owners.setdefault(owner, OrderedDict())
        entries[key] = (self.clock() + ttl, value)
        self._owner_of[key] = owner
        while len(entries) > self.max_per_owner:
            self._remove(next(iter(entries)))
        while len(self._owner_of) > self.max_entries:
            largest = max(self._owners.values(), key=len)
            self._remove(next(iter(largest)))

    async def delete(self, key: str) -> None:
        self._remove(key)

    def _remove(self, key: str) -> None:
        owner = self._owner_of.pop(key, None)
        if owner is None:
            return
        entries = self._owners[owner]
        del entries[key]
        if not entries:
            del self._owners[owner]

    def __len__(self) -> int:
        return len(self._owner_of)

    def held_by(self, owner: str) -> int:
        """Entries `owner` holds."""
        return len(self._owners.get(owner, ()))


class ShortMemo(Generic[P, R]):
    """`function`, its results kept (least recently used, `maxsize` of them) for the calls
    `short` accepts and computed afresh for the others: a client's long value (a header, a long
    search) is read, not kept, so a few short ones repeated by every client fill the memo."""

    def __init__(self, function: Callable[P, R], maxsize: int, short: Callable[P, bool]) -> None:
        self.function = function
        self.cached = functools.lru_cache(maxsize)(function)
        self.short = short
        functools.update_wrapper(self, function)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if self.short(*args, **kwargs):
            return self.cached(*args, **kwargs)  # type: ignore[arg-type]  # callers pass hashables
        return self.function(*args, **kwargs)

    def cache_info(self) -> Any:
        return self.cached.cache_info()

    def cache_clear(self) -> None:
        self.cached.cache_clear()


def memo_short(
    maxsize: int, short: Callable[P, bool]
) -> Callable[[Callable[P, R]], ShortMemo[P, R]]:
    """A decorator: the function as a `ShortMemo`."""

    def decorate(function: Callable[P, R]) -> ShortMemo[P, R]:
        return ShortMemo(function, maxsize, short)

    return decorate
