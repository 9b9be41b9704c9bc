"""Relay connections, one generic shape for every domain: `Edge[T]`, `Connection[E]`, `PageInfo`,
facets, and the page helpers.

Every connection is `Connection[<its edge>]`: `edges`, `pageInfo`, `totalCount`. A plain edge is
`Edge[T]` (`GeneEdge`, `ChemicalEdge`, ...); an edge that says more about the link subclasses it
(`GeneChemicalEdge`: `actions`, `claimSources`, `targetUniprot`; `HgncRecordEdge`: `score`). A
connection with facets subclasses its `Connection[...]` and adds `facets`. An edge's `node` is
never null: a search hit that vanished between paging and fetch is left out of `edges`, while
`pageInfo` still walks the hits the service listed, so paging stays exact.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

import strawberry

from backends.mygene import TAXID_SPECIES
from resolvers.pages import Window
from schema.values import integer, objects, text

MAX_FIRST_DOC = "Number of items to return, 0 to 1000 (default 10)."
AFTER_DOC = "Cursor to continue after: an `endCursor` or edge `cursor` of this same search."

NodeT = TypeVar("NodeT")
EdgeT = TypeVar("EdgeT")
ItemT = TypeVar("ItemT")


@strawberry.type(description="Relay page information.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow (exact).")
    has_previous_page: bool = strawberry.field(description="Whether items precede this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last edge: pass it as `after` for the next page."
    )


@strawberry.type(description="One item of a page and its cursor (Relay edge).")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(description="Opaque cursor of this edge, for `after`.")
    node: NodeT = strawberry.field(description="The item; never null.")


@strawberry.type(description="A page of items (Relay connection).")
class Connection(Generic[EdgeT]):
    edges: list[EdgeT] = strawberry.field(
        description="The items of this page, in the connection's order."
    )
    page_info: PageInfo = strawberry.field(description="Cursors and whether more pages exist.")
    total_count: int = strawberry.field(
        description="Number of items of the whole connection, over every page."
    )


def page_info(window: Window) -> PageInfo:
    return PageInfo(
        has_next_page=window.has_next,
        has_previous_page=window.has_previous,
        start_cursor=window.cursors[0] if window.cursors else None,
        end_cursor=window.cursors[-1] if window.cursors else None,
    )


def edges_of(
    window: Window, items: Iterable[ItemT | None], edge: Callable[[str, ItemT], EdgeT]
) -> list[EdgeT]:
    """One edge per item of the page, with its cursor; an item that is None (a hit the service
    no longer has) is left out, so no edge has a null node."""
    return [
        edge(cursor, item)
        for cursor, item in zip(window.cursors, items, strict=True)
        if item is not None
    ]


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


@strawberry.type(description="One species of a species facet and how many hits belong to it.")
class SpeciesFacetTerm:
    taxid: int = strawberry.field(
        description="NCBI Taxonomy id of the species (9606 human), as in `Gene.taxid`."
    )
    species: str | None = strawberry.field(
        description="MyGene.info's common name of the species (`human`, `mouse`), as in "
        "`Gene.species`; null for species it has no common name for."
    )
    count: int = strawberry.field(description="Number of hits of this species.")


@strawberry.type(description="Counts of hits per species over all the hits.")
class SpeciesFacet:
    terms: list[SpeciesFacetTerm] = strawberry.field(
        description="Species, most frequent first (the service's `facet_size`, 10 by default)."
    )
    total: int = strawberry.field(description="Hits with a species.")
    other: int = strawberry.field(description="Hits whose species is not among `terms`.")
    missing: int = strawberry.field(description="Hits without a species.")


def _facet_body(facets: dict[str, Any] | None, field_path: str) -> dict[str, Any] | None:
    if not facets or not isinstance(facets.get(field_path), dict):
        return None
    body: dict[str, Any] = facets[field_path]
    return body


def facet(facets: dict[str, Any] | None, field_path: str) -> Facet | None:
    """The service's facet answer for `field_path`, typed; None when it was not asked for."""
    body = _facet_body(facets, field_path)
    if body is None:
        return None
    return Facet(
        terms=[
            FacetTerm(term=text(t.get("term")) or "", count=integer(t.get("count")) or 0)
            for t in objects(body.get("terms"))
        ],
        total=integer(body.get("total")) or 0,
        other=integer(body.get("other")) or 0,
        missing=integer(body.get("missing")) or 0,
    )


def species_facet(facets: dict[str, Any] | None, field_path: str) -> SpeciesFacet | None:
    """The service's taxid facet with each taxid's common name; None when not asked for. A term
    that is not a taxid (never seen from MyGene.info) is left out."""
    body = _facet_body(facets, field_path)
    if body is None:
        return None
    terms = []
    for t in objects(body.get("terms")):
        taxid = integer(t.get("term"))
        if taxid is not None:
            terms.append(
                SpeciesFacetTerm(
                    taxid=taxid,
                    species=TAXID_SPECIES.get(taxid),
                    count=integer(t.get("count")) or 0,
                )
            )
    return SpeciesFacet(
        terms=terms,
        total=integer(body.get("total")) or 0,
        other=integer(body.get("other")) or 0,
        missing=integer(body.get("missing")) or 0,
    )
