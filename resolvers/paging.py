"""Relay pagination mapped onto the services' two paging modes.

OFFSET: within the `from + size <= 10,000` window, a cursor carries the offset of its hit (and its
id). SCROLL: past the window, or from the first page when the client asks to scan everything, the
connection runs on the upstream scroll (`fetch_all`, pages of 1000). A scroll cursor carries the
scroll id that fetches the page after the one its hit is on, and the hit's absolute position. The
gateway keeps that one page, as ids only, in its cache for no longer than the service keeps the
scroll, so any `first` continues without losing or repeating hits; the hits are then fetched with
the fields the client selected, through the same loaders as every other lookup.

Switching from offsets to the scroll at the window skips the first N hits of the scroll, which is
exact only when they are the N hits the offset pages served (as when every hit scores the same).
Each offset cursor carries a running hash of the set of ids served up to it; at the switch the
gateway hashes the scroll's first N ids and compares. When they differ it answers
RESULT_WINDOW_EXCEEDED (search again with `scan: true`), never lost or repeated hits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from genechem.cache import Cache
from genechem.cursors import CursorCodec
from genechem.errors import (
    CursorExpired,
    InvalidCursor,
    InvalidInput,
    ResultWindowExceeded,
    UpstreamInvalidQuery,
)

Doc = dict[str, Any]
WINDOW = 10_000
MAX_FIRST = 1000
DEFAULT_FIRST = 10

QueryFn = Callable[..., Awaitable[Doc]]
"""The service's `GET /query` with the search's own parameters bound: `(**paging) -> body`."""
ScrollFn = Callable[[str], Awaitable[Doc]]


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
class Window:
    """The hits of one connection page, in order, with everything the connection reports."""

    hits: list[Any]
    """Service documents (search pages), or the items of a link (link connections)."""
    cursors: list[str]
    total: int
    has_next: bool
    has_previous: bool
    facets: Doc | None = None
    hydrate: bool = False
    """True when `hits` hold only `_id`: the caller fetches the selected fields."""
    extra: dict[str, Any] = field(default_factory=dict)


def id_set_hash(ids: Iterable[str], start: int = 0) -> int:
    """An order-independent hash of a set of ids (a sum of 64-bit digests), extendable by
    passing the hash of the ids before them as `start`."""
    total = start
    for hit_id in ids:
        total += int.from_bytes(hashlib.sha256(hit_id.encode()).digest()[:8], "big")
    return total % (1 << 64)


def check_first(first: int | None) -> int:
    value = DEFAULT_FIRST if first is None else first
    if not 0 <= value <= MAX_FIRST:
        raise InvalidInput(f"first must be between 0 and {MAX_FIRST}.")
    return value


class Pager:
    """Serves connection pages of a `Search`, offset or scroll, from cursors it signed."""

    def __init__(self, codec: CursorCodec, cache: Cache) -> None:
        self.codec = codec
        self.cache = cache

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
            served = int(str(position.get("h", "0")), 16)
            return await self._offsets(search, int(position["o"]) + 1, count, facets, served)
        if position.get("k") == "s":
            return await self._scroll_continue(search, position, count, facets)
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
        page, total = await self._open_scroll(search)
        window = await self._serve(search, page, 0, count, total)
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
        page, total = await self._open_scroll(search)
        skipped = 0
        while page is not None and page["start"] + len(page["ids"]) < start:
            skipped = id_set_hash(page["ids"], skipped)
            page = await self._next_page(search, page, total)
        if page is None or start > total:
            return Window([], [], total, False, start > 0, await self._facets(search, facets))
        skipped = id_set_hash(page["ids"][: start - page["start"]], skipped)
        if skipped != served:
            await self.cache.delete(_page_key(page["sid"]))
            raise ResultWindowExceeded(
                "Paging by offset stops at 10,000 hits, and this search's order cannot be "
                "continued on the service's scroll. Search again with `scan: true` to walk every "
                "hit once."
            )
        window = await self._serve(search, page, start, count, total)
        window.has_previous = start > 0
        window.facets = await self._facets(search, facets)
        return window

    async def _scroll_continue(
        self, search: Search, position: Doc, count: int, facets: list[str] | None
    ) -> Window:
        page = await self.cache.get(_page_key(str(position["sid"])))
        if page is None:
            raise CursorExpired(
                "The search behind this cursor has expired (the service keeps it only briefly "
                "between pages); run the search again from the start."
            )
        window = await self._serve(search, page, int(position["n"]) + 1, count, page["total"])
        window.facets = await self._facets(search, facets)
        return window

    async def _serve(
        self, search: Search, page: Doc | None, start: int, count: int, total: int
    ) -> Window:
        """Hits `start .. start + count` of the scroll, from the kept page and the ones after it."""
        ids: list[str] = []
        cursors: list[str] = []
        position = start
        while page is not None and len(ids) < count:
            offset = position - page["start"]
            if offset < len(page["ids"]):
                for hit_id in page["ids"][offset : offset + count - len(ids)]:
                    ids.append(hit_id)
                    cursors.append(
                        self.codec.encode(search.key, {"k": "s", "sid": page["sid"], "n": position})
                    )
                    position += 1
            if len(ids) < count and position >= page["start"] + len(page["ids"]):
                page = await self._next_page(search, page, total)
        return Window(
            hits=[{"_id": i} for i in ids],
            cursors=cursors,
            total=total,
            has_next=position < total,
            has_previous=start > 0,
            hydrate=True,
        )

    async def _open_scroll(self, search: Search) -> tuple[Doc | None, int]:
        """Start the upstream scroll (ids only): its first page, kept, and the hit total."""
        body = await search.query(fields=["_id"], fetch_all=True)
        total = int(body.get("total") or 0)
        return await self._keep_page(search, body, start=0, total=total), total

    async def _keep_page(self, search: Search, body: Doc, start: int, total: int) -> Doc | None:
        scroll_id = body.get("_scroll_id")
        ids = [str(h["_id"]) for h in body.get("hits", [])]
        if not scroll_id or not ids:
            return None
        page: Doc = {"sid": str(scroll_id), "start": start, "ids": ids, "total": total}
        await self.cache.set(_page_key(page["sid"]), page, ttl=search.scroll_ttl * 0.9)
        return page

    async def _next_page(self, search: Search, page: Doc, total: int) -> Doc | None:
        """The page after `page`; the old page is dropped (one kept page per walk)."""
        try:
            body = await search.scroll(page["sid"])
        except UpstreamInvalidQuery as exc:
            raise CursorExpired(
                "The service's scroll behind this cursor has expired; run the search again."
            ) from exc
        await self.cache.delete(_page_key(page["sid"]))
        if body.get("exhausted"):
            return None
        return await self._keep_page(search, body, page["start"] + len(page["ids"]), total)

    async def _facets(self, search: Search, facets: list[str] | None) -> Doc | None:
        if not facets:
            return None
        body = await search.query(fields=["_id"], size=0, facets=facets)
        result: Doc | None = body.get("facets")
        return result


def _page_key(scroll_id: str) -> str:
    return f"scroll-page:{scroll_id}"


def slice_items(
    codec: CursorCodec, key: str, items: list[Any], first: int | None, after: str | None
) -> Window:
    """A connection page over a list the gateway already holds (link fields, HGNC search)."""
    count = check_first(first)
    start = int(codec.decode(after, key)["o"]) + 1 if after else 0
    page = items[start : start + count]
    return Window(
        hits=page,
        cursors=[codec.encode(key, {"k": "o", "o": start + i}) for i in range(len(page))],
        total=len(items),
        has_next=start + len(page) < len(items),
        has_previous=start > 0,
    )
