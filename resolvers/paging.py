"""Relay pagination mapped onto the services' two paging modes.

OFFSET: within the `from + size <= 10,000` window, a cursor carries the offset of its hit and a
running hash of the set of ids served up to it (`id_set_hash`).

SCROLL: past the window, or from the first page when the client asks to scan everything, the
connection runs on the upstream scroll (`fetch_all`, pages of 1000 ids). The hits are then
fetched with the fields the client selected, through the same loaders as every other lookup.

Crossing the window, on any order. When the next page would pass 10,000 hits, the gateway opens
the scroll and reads again the ids of the N hits already served (offset pages of 1000 with only
`_id`, at most 10 calls). If their hash is not the one the cursor carries, the data changed under
the walk: RESULT_CHANGED, run the search again. Otherwise the walk goes on over the scroll,
skipping exactly those N ids wherever the scroll hands them out. So every hit is served once and
`totalCount` stays the search's total, but hits after the window come in the service's scroll
order (shard by shard), not in `sort` or relevance order. Nothing of the walk so far is kept by
the gateway before the switch: the served set is re-derived from the service and checked.

Walks, and why every cursor works twice. A walk is one upstream scroll, named in its cursors by a
random walk id. The gateway keeps every page of the walk it fetched (ids only) under (search,
walk, start of the page in the scroll), and the walk itself (its total and the ids to skip), each
for a little less than the service keeps the scroll after fetching it; every page fetched renews
the walk and the page before it. A scroll cursor names its page, its index in the page and its
hit. Continuing reads the pages after it from the cache first and calls the service's scroll only
for a page never fetched (one call at a time per page), so a retried `endCursor`, or any earlier
cursor of the walk, gives the same hits again without moving the scroll. The switch itself is
remembered by (served count, served hash): retrying the last offset cursor reuses the walk.

Bounds. Each upstream scroll is a context the service keeps for a minute, so one request may open
at most `max_per_request` (TOO_MANY_SCROLLS past it) and one client at most `max_per_client` a
minute (TOO_MANY_SCROLLS with `retryAfter`), counted in a sliding window of the store (shared by
every replica on Redis). The pages are kept in a cache partitioned by client
(`genechem.cache.PartitionedCache`), so one client's walks never push out another's.

Errors: CURSOR_EXPIRED when the cached page behind a cursor is gone or the service's scroll
expired (both: run the search again); INVALID_CURSOR for a cursor that does not point at a hit
of the page it names (never a silently wrong page); RESULT_CHANGED as above.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from backends.shapes import Doc
from genechem.cache import Cache
from genechem.cursors import CursorCodec
from genechem.deadline import current_budget
from genechem.errors import (
    CursorExpired,
    InvalidCursor,
    ResultChanged,
    TooManyScrolls,
    UpstreamInvalidQuery,
)
from genechem.settings import Settings
from genechem.store import MemoryStore, WindowResult
from resolvers.pages import (
    MAX_FIRST,
    NOT_IN_PAGE,
    ScrollPosition,
    Window,
    check_first,
    id_set_hash,
    offset_after,
    served_hash,
)

WINDOW = 10_000
KEEP = 0.9
"""Share of the service's scroll lifetime the gateway keeps a walk's pages: they go before the
scroll does, so a cached page never outlives the scroll that continues it."""

QueryFn = Callable[..., Awaitable[Doc]]
"""The service's `GET /query` with the search's own parameters bound: `(**paging) -> body`."""
ScrollFn = Callable[[str], Awaitable[Doc]]

PAGE_GONE = (
    "The cached page of the service's scroll behind this cursor is gone (the gateway keeps a "
    "walk's pages only as long as the service keeps its scroll); run the search again."
)
SCROLL_EXPIRED = (
    "The service's scroll behind this cursor has expired (it keeps a scroll only briefly "
    "between pages); run the search again."
)


CLIENT_WINDOW = 60.0
"""Seconds of the per-client scroll count (a scroll lives about a minute at the service)."""


class HitWindow(Protocol):
    """A sliding-window counter (`genechem.store.Store.hit_window`)."""

    async def hit_window(self, key: str, limit: int, window: float) -> WindowResult: ...


@dataclass(frozen=True)
class ScrollLimits:
    """Upstream scrolls one request, and one client per minute, may open."""

    max_per_request: int = 10
    max_per_client: int = 60

    @classmethod
    def of(cls, settings: Settings) -> ScrollLimits:
        return cls(settings.max_scrolls_per_request, settings.max_scrolls_per_client)


@dataclass
class Search:
    """One search as the paging engine sees it."""

    key: str
    """Fingerprint of the search's arguments; cursors are bound to it."""
    query: QueryFn
    scroll: ScrollFn
    scroll_ttl: float
    """Seconds the service keeps an idle scroll; cached pages live a little less."""
    fields: list[str] | None
    scan: bool = False


@dataclass
class Walk:
    """One upstream scroll as a connection walks it: its id, total, and the ids to skip."""

    id: str
    total: int
    skip: frozenset[str]

    def record(self) -> Doc:
        return {"total": self.total, "skip": list(self.skip)}

    @classmethod
    def of(cls, walk_id: str, record: Doc) -> Walk:
        return cls(walk_id, int(record["total"]), frozenset(record["skip"]))


class Pager:
    """Serves connection pages of a `Search`, offset or scroll, from cursors it signed."""

    def __init__(
        self,
        codec: CursorCodec,
        cache: Cache,
        limits: ScrollLimits | None = None,
        windows: HitWindow | None = None,
    ) -> None:
        self.codec = codec
        self.cache = cache
        self.limits = limits or ScrollLimits()
        self.windows: HitWindow = windows or MemoryStore(max_bytes=0)
        self._fetching: dict[str, asyncio.Lock] = {}

    async def page(
        self, search: Search, first: int | None, after: str | None, facets: list[str] | None
    ) -> Window:
        count = check_first(first)
        position = self.codec.decode(after, search.key) if after else None
        if position is None:
            if search.scan:
                return await self._scroll_start(search, count, facets)
            return await self._offsets(search, 0, count, facets, served=0)
        if position.get("k") == "o":
            start = offset_after(position, WINDOW)
            return await self._offsets(search, start, count, facets, served_hash(position))
        if position.get("k") == "s":
            return await self._scroll_continue(search, ScrollPosition.of(position), count, facets)
        raise InvalidCursor("The cursor is not one this API issued.")

    async def _offsets(
        self,
        search: Search,
        start: int,
        count: int,
        facets: list[str] | None,
        served: int,
    ) -> Window:
        if start + count > WINDOW:
            return await self._switch_to_scroll(search, start, count, facets, served)
        body = await search.query(
            fields=search.fields, size=count, from_=start, facets=facets or None
        )
        hits = body["hits"]
        total = int(body.get("total") or 0)
        cursors: list[str] = []
        for i, hit in enumerate(hits):
            served = id_set_hash([str(hit.get("_id"))], served)
            cursors.append(
                self.codec.encode(search.key, {"k": "o", "o": start + i, "h": f"{served:x}"})
            )
        return Window(
            hits=hits,
            cursors=cursors,
            total=total,
            has_next=start + len(hits) < total,
            has_previous=start > 0,
            facets=body.get("facets"),
        )

    async def _scroll_start(self, search: Search, count: int, facets: list[str] | None) -> Window:
        walk, page = await self._open_walk(search)
        window = await self._serve(search, walk, page, index=0, served=0, count=count)
        window.facets = await self._facets(search, facets)
        return window

    async def _switch_to_scroll(
        self,
        search: Search,
        start: int,
        count: int,
        facets: list[str] | None,
        served: int,
    ) -> Window:
        """Continue an offset walk of `start` hits on the scroll, skipping exactly those hits."""
        switch_key = f"scroll-switch:{search.key}:{start}:{served:x}"
        walk_id = await self.cache.get(switch_key)
        resumed = await self._cached_walk(search, str(walk_id), 0) if walk_id else None
        if resumed is not None:
            walk, page = resumed
        else:
            (walk, page), skip = await asyncio.gather(
                self._open_walk(search), self._served_ids(search, start)
            )
            if len(skip) != start or id_set_hash(skip) != served:
                raise ResultChanged(
                    "The search's results changed while it was walked: the hits served so far "
                    "are no longer its first ones, so going on could repeat or skip hits. Run "
                    "the search again from the start."
                )
            walk.skip = frozenset(skip)
            await self._keep(search, _walk_key(search, walk.id), walk.record())
            await self._keep(search, switch_key, walk.id)
        window = await self._serve(search, walk, page, index=0, served=start, count=count)
        window.facets = await self._facets(search, facets)
        return window

    async def _served_ids(self, search: Search, count: int) -> list[str]:
        """The ids of the first `count` hits in the search's own order, read again by offset."""
        bodies = await asyncio.gather(
            *(
                search.query(fields=["_id"], size=min(MAX_FIRST, count - start), from_=start)
                for start in range(0, count, MAX_FIRST)
            )
        )
        return [str(hit["_id"]) for body in bodies for hit in body.get("hits", [])]

    async def _scroll_continue(
        self, search: Search, position: ScrollPosition, count: int, facets: list[str] | None
    ) -> Window:
        cached = await self._cached_walk(search, position.walk, position.page)
        if cached is None:
            raise CursorExpired(PAGE_GONE)
        walk, page = cached
        ids = page["ids"]
        if position.index >= len(ids) or ids[position.index] != position.hit:
            raise InvalidCursor(NOT_IN_PAGE)
        window = await self._serve(
            search,
            walk,
            page,
            index=position.index + 1,
            served=position.served + 1,
            count=count,
        )
        window.facets = await self._facets(search, facets)
        return window

    async def _serve(
        self,
        search: Search,
        walk: Walk,
        page: Doc | None,
        *,
        index: int,
        served: int,
        count: int,
    ) -> Window:
        """`count` hits from hit `index` of `page` on, skipping the walk's served ids, as the
        connection's hits `served ..`; pages after `page` come from the cache or the scroll."""
        first = served
        ids: list[str] = []
        cursors: list[str] = []
        while page is not None and len(ids) < count and served < walk.total:
            if index >= len(page["ids"]):
                page, index = await self._next_page(search, walk, page), 0
                continue
            hit = str(page["ids"][index])
            if hit not in walk.skip:
                at = ScrollPosition(walk.id, int(page["start"]), index, hit, served)
                cursors.append(self.codec.encode(search.key, at.payload()))
                ids.append(hit)
                served += 1
            index += 1
        return Window(
            hits=[{"_id": i} for i in ids],
            cursors=cursors,
            total=walk.total,
            has_next=page is not None and served < walk.total,
            has_previous=first > 0,
            hydrate=True,
        )

    async def _open_walk(self, search: Search) -> tuple[Walk, Doc]:
        """Start the upstream scroll (ids only): the walk, skipping nothing yet, and its first
        page, both kept."""
        await self._admit_scroll()
        body = await search.query(fields=["_id"], fetch_all=True)
        walk = Walk(secrets.token_urlsafe(9), int(body.get("total") or 0), frozenset())
        page = _page_of(body, 0)
        await self._keep(search, _walk_key(search, walk.id), walk.record())
        await self._keep(search, _page_key(search, walk.id, 0), page)
        return walk, page

    async def _admit_scroll(self) -> None:
        """Count one upstream scroll against the request's and the client's bounds."""
        budget = current_budget()
        if budget is None:
            return
        limits = self.limits
        if budget.scrolls >= limits.max_per_request:
            raise TooManyScrolls(
                f"A request may open at most {limits.max_per_request} upstream scrolls (`scan` "
                "searches, walks past 10,000 hits); split it into several requests."
            )
        budget.scrolls += 1
        hit = await self.windows.hit_window(
            f"scrolls:{budget.client}", limits.max_per_client, CLIENT_WINDOW
        )
        if not hit.allowed:
            raise TooManyScrolls(
                f"A client may open at most {limits.max_per_client} upstream scrolls a minute; "
                "continue the walks already open, or try again later.",
                retry_after=hit.retry_after,
            )

    async def _cached_walk(
        self, search: Search, walk_id: str, start: int
    ) -> tuple[Walk, Doc] | None:
        record = await self.cache.get(_walk_key(search, walk_id))
        page = await self.cache.get(_page_key(search, walk_id, start))
        if record is None or page is None:
            return None
        return Walk.of(walk_id, record), page

    async def _next_page(self, search: Search, walk: Walk, page: Doc) -> Doc | None:
        """The page after `page`: from the cache when any request fetched it already, else from
        the scroll, at most once. None after the last page."""
        key = _page_key(search, walk.id, int(page["start"]) + len(page["ids"]))
        lock = self._fetching.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                after = await self.cache.get(key)
                if after is None:
                    after = await self._fetch_after(search, page)
                    await self._keep(search, key, after)
                    await self._keep(search, _page_key(search, walk.id, page["start"]), page)
                    await self._keep(search, _walk_key(search, walk.id), walk.record())
        finally:
            if not lock.locked():
                self._fetching.pop(key, None)
        return after if after["ids"] else None

    async def _fetch_after(self, search: Search, page: Doc) -> Doc:
        start = int(page["start"]) + len(page["ids"])
        if not page["next"]:
            return {"start": start, "ids": [], "next": None}
        try:
            body = await search.scroll(str(page["next"]))
        except UpstreamInvalidQuery as exc:
            raise CursorExpired(SCROLL_EXPIRED) from exc
        if body.get("exhausted"):
            return {"start": start, "ids": [], "next": None}
        return _page_of(body, start)

    async def _keep(self, search: Search, key: str, value: Any) -> None:
        await self.cache.set(key, value, ttl=search.scroll_ttl * KEEP)

    async def _facets(self, search: Search, facets: list[str] | None) -> Doc | None:
        if not facets:
            return None
        body = await search.query(fields=["_id"], size=0, facets=facets)
        result: Doc | None = body.get("facets")
        return result


def _page_of(body: Doc, start: int) -> Doc:
    """A scroll page as kept: its start in the scroll, its ids, the scroll id of the next."""
    ids = [str(hit["_id"]) for hit in body.get("hits", [])]
    scroll_id = body.get("_scroll_id")
    return {"start": start, "ids": ids, "next": str(scroll_id) if scroll_id and ids else None}


def _walk_key(search: Search, walk_id: str) -> str:
    return f"scroll-walk:{search.key}:{walk_id}"


def _page_key(search: Search, walk_id: str, start: int) -> str:
    return f"scroll-page:{search.key}:{walk_id}:{start}"
