"""A connection page and what its cursors hold: `Window` (the hits of a page, their cursors
and what the connection reports), the offset and scroll positions a cursor names, the hash of
the ids served up to it, and `slice_items` for lists the gateway already holds. The paging engine
over the services' offset pages and scrolls is `resolvers.paging`."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from backends.shapes import Doc
from genechem.cursors import CursorCodec
from genechem.errors import InvalidCursor, InvalidInput

MAX_FIRST = 1000
DEFAULT_FIRST = 10
NOT_IN_PAGE = (
    "The cursor does not point at a hit of the scroll page it names; run the search again."
)


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


@dataclass(frozen=True)
class ScrollPosition:
    """Where a scroll cursor points: hit `index` of the page starting at `page` of walk `walk`,
    which is hit `hit` and the `served`-th hit of the connection (from 0)."""

    walk: str
    page: int
    index: int
    hit: str
    served: int

    @classmethod
    def of(cls, payload: Doc) -> ScrollPosition:
        try:
            position = cls(
                str(payload["w"]),
                int(payload["p"]),
                int(payload["i"]),
                str(payload["id"]),
                int(payload["n"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidCursor("The cursor is not one this API issued.") from exc
        if min(position.page, position.index, position.served) < 0:
            raise InvalidCursor(NOT_IN_PAGE)
        return position

    def payload(self) -> Doc:
        return {
            "k": "s",
            "w": self.walk,
            "p": self.page,
            "i": self.index,
            "id": self.hit,
            "n": self.served,
        }


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


def offset_after(payload: Doc, limit: int | None = None) -> int:
    """The offset after an offset cursor's hit; a negative offset, or one at or past `limit`,
    is refused (it would serve hits the cursor never pointed at)."""
    offset = payload.get("o")
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise InvalidCursor("The cursor is not one this API issued.")
    if limit is not None and offset >= limit:
        raise InvalidCursor("The cursor points outside the pages it can continue.")
    return offset + 1


def served_hash(payload: Doc) -> int:
    try:
        return int(str(payload.get("h", "0")), 16)
    except ValueError as exc:
        raise InvalidCursor("The cursor is not one this API issued.") from exc


def slice_items(
    codec: CursorCodec, key: str, items: list[Any], first: int | None, after: str | None
) -> Window:
    """A connection page over a list the gateway already holds (link fields, HGNC search)."""
    count = check_first(first)
    start = offset_after(codec.decode(after, key)) if after else 0
    page = items[start : start + count]
    return Window(
        hits=page,
        cursors=[codec.encode(key, {"k": "o", "o": start + i}) for i in range(len(page))],
        total=len(items),
        has_next=start + len(page) < len(items),
        has_previous=start > 0,
    )
