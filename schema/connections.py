"""Relay connection types shared by every domain: `PageInfo`, facets, and the page helpers."""

from __future__ import annotations

from typing import Any

import strawberry

from resolvers.paging import Window
from schema.values import integer, objects, text

MAX_FIRST_DOC = "Number of items to return, 0 to 1000 (default 10)."
AFTER_DOC = "Cursor to continue after: an `endCursor` or edge `cursor` of this same search."


@strawberry.type(description="Relay page information.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow (exact).")
    has_previous_page: bool = strawberry.field(description="Whether items precede this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last edge: pass it as `after` for the next page."
    )


def page_info(window: Window) -> PageInfo:
    return PageInfo(
        has_next_page=window.has_next,
        has_previous_page=window.has_previous,
        start_cursor=window.cursors[0] if window.cursors else None,
        end_cursor=window.cursors[-1] if window.cursors else None,
    )


@strawberry.type(description="One value of a facet and how many hits have it.")
class FacetTerm:
    term: str = strawberry.field(description="The value, as text.")
    count: int = strawberry.field(description="Number of hits with this value.")


@strawberry.type(description="Counts of the most frequent values of a field over all the hits.")
class Facet:
    terms: list[FacetTerm] = strawberry.field(
        description="Values, most frequent first (the service's `facet_size`, 10 by default)."
    )
    total: int = strawberry.field(description="Hits with a value for the field.")
    other: int = strawberry.field(description="Hits whose value is not among `terms`.")
    missing: int = strawberry.field(description="Hits without the field.")


def facet(facets: dict[str, Any] | None, field_path: str) -> Facet | None:
    """The service's facet answer for `field_path`, typed; None when it was not asked for."""
    if not facets or not isinstance(facets.get(field_path), dict):
        return None
    body = facets[field_path]
    return Facet(
        terms=[
            FacetTerm(term=text(t.get("term")) or "", count=integer(t.get("count")) or 0)
            for t in objects(body.get("terms"))
        ],
        total=integer(body.get("total")) or 0,
        other=integer(body.get("other")) or 0,
        missing=integer(body.get("missing")) or 0,
    )
