"""Search roots: searchGenes, searchChemicals, genesInRegion, searchHgnc.

`query` is the services' Lucene syntax, passed through for power users. Typed filters are compiled
into the query as quoted phrases with `\\` and `"` escaped, so no user value can change the query's
structure. Pages come from `resolvers.paging`; hits served from a scroll hold only ids and are
fetched with the selected fields through the same loaders as `genes(ids:)`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backends.mygene import species_param
from backends.shapes import Doc
from genechem.cursors import fingerprint
from genechem.errors import InvalidInput
from resolvers import gene as gene_resolvers
from resolvers import hgnc as hgnc_resolvers
from resolvers.chemical import chemical_by_id
from resolvers.context import Info
from resolvers.loaders import BatchByIdLoader, FieldsKey
from resolvers.pages import Window, check_first, slice_items
from resolvers.paging import Search
from resolvers.projection import (
    child_selections,
    fields_selected,
    node_fields,
    own_selections,
)

MATCH_ALL = "__all__"
SCROLL_TTL = {"mygene": 60.0, "mychem": 600.0}
GENE_FACETS = {"species": "taxid", "typeOfGene": "type_of_gene"}
CHEMICAL_FACETS = {"drugbankGroups": "drugbank.groups", "chemblMaxPhase": "chembl.max_phase"}
CHROMOSOME = re.compile(r"^(chr)?([0-9]{1,2}|[XYM]|MT|[A-Za-z0-9_.]{1,40})$")
ASSEMBLY_PREFIX = {"current": "", "hg38": "", "mm39": "", "hg19": "hg19.", "mm9": "mm9."}


def phrase(value: str) -> str:
    """A value as a Lucene phrase: quotes and backslashes escaped, everything else literal."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def any_of(field_path: str, values: Sequence[str] | None) -> str | None:
    """`field:("a" OR "b")`, or None when there is nothing to filter on."""
    if not values:
        return None
    return f"{field_path}:(" + " OR ".join(phrase(v) for v in values) + ")"


def combined(query: str | None, filters: Sequence[str | None]) -> str:
    """The user's query AND every filter; every record when both are absent. A query alone goes
    as written, so the service's own reading of it (a symbol, an interval, a wildcard) applies;
    with filters it is grouped in parentheses and read as Lucene syntax."""
    wanted = [f for f in filters if f]
    text = query.strip() if query else ""
    if not wanted:
        return text or MATCH_ALL
    return " AND ".join(([f"({text})"] if text else []) + wanted)


@dataclass
class Connection:
    """A connection page: the hits as documents, their cursors, and what the connection reports."""

    docs: list[Doc | None]
    window: Window


async def hydrated(
    window: Window, loader: BatchByIdLoader, fields: frozenset[str]
) -> list[Doc | None]:
    """The page's documents: as served on offset pages; fetched with the selected fields through
    the domain's loader when the page came from a scroll (which caches ids only)."""
    if not (window.hydrate and window.hits):
        return list(window.hits)
    docs: list[Doc | None] = await loader.load_many(
        [FieldsKey(str(h["_id"]), fields) for h in window.hits]
    )
    return docs


def wanted_facets(info: Info, names: dict[str, str]) -> list[str]:
    """The service facets behind the facet fields the client selected."""
    selected = {f.name for f in fields_selected(child_selections(own_selections(info), "facets"))}
    return [field_path for name, field_path in names.items() if name in selected]


async def search_genes(
    info: Info,
    *,
    query: str | None,
    species: Sequence[str] | None,
    type_of_gene: Sequence[str] | None,
    sort: Sequence[str] | None,
    species_facet_filter: Sequence[str] | None,
    scan: bool,
    first: int | None,
    after: str | None,
    kind: str = "genes",
) -> Connection:
    q = combined(query, [any_of("type_of_gene", type_of_gene)])
    if sort and scan:
        raise InvalidInput("A scan walks the service's scroll, which has no order: drop sort.")
    params: Doc = {
        "species": species_param(species),
        "species_facet_filter": species_param(species_facet_filter, "speciesFacetFilter"),
        "sort": ",".join(sort) if sort else None,
    }
    fields = node_fields(info, "Gene")
    mygene = info.context.backends.mygene

    async def run(**paging: Any) -> Doc:
        return await mygene.query(q, **{**params, **paging})

    search = Search(
        key=fingerprint(kind, {"q": q, **params, "scan": scan}),
        query=run,
        scroll=mygene.scroll,
        scroll_ttl=SCROLL_TTL["mygene"],
        fields=sorted(fields) or None,
        scan=scan,
    )
    window = await info.context.pager.page(search, first, after, wanted_facets(info, GENE_FACETS))
    return Connection(await hydrated(window, gene_resolvers.gene_by_id(info), fields), window)


async def genes_in_region(
    info: Info,
    *,
    chromosome: str,
    start: int,
    end: int,
    species: str | None,
    assembly: str,
    first: int | None,
    after: str | None,
) -> Connection:
    match = CHROMOSOME.match(chromosome.strip())
    if match is None:
        raise InvalidInput(f"{chromosome!r} is not a chromosome name (e.g. 12, X, chr7).")
    if start < 0 or end < start:
        raise InvalidInput("start must be at least 0 and end at least start.")
    if assembly not in ASSEMBLY_PREFIX:
        raise InvalidInput(f"assembly must be one of {', '.join(ASSEMBLY_PREFIX)}.")
    interval = f"{ASSEMBLY_PREFIX[assembly]}chr{match.group(2)}:{start}-{end}"
    return await search_genes(
        info,
        query=interval,
        species=[species] if species else None,
        type_of_gene=None,
        sort=None,
        species_facet_filter=None,
        scan=False,
        first=first,
        after=after,
        kind="region",
    )


async def search_chemicals(
    info: Info,
    *,
    query: str | None,
    drugbank_groups: Sequence[str] | None,
    min_max_phase: float | None,
    scan: bool,
    first: int | None,
    after: str | None,
) -> Connection:
    phase = f"chembl.max_phase:[{float(min_max_phase)} TO *]" if min_max_phase is not None else None
    q = combined(query, [any_of("drugbank.groups", drugbank_groups), phase])
    fields = node_fields(info, "Chemical")
    mychem = info.context.backends.mychem

    async def run(**paging: Any) -> Doc:
        return await mychem.query(q, **paging)

    search = Search(
        key=fingerprint("chemicals", {"q": q, "scan": scan}),
        query=run,
        scroll=mychem.scroll,
        scroll_ttl=SCROLL_TTL["mychem"],
        fields=sorted(fields) or None,
        scan=scan,
    )
    window = await info.context.pager.page(
        search, first, after, wanted_facets(info, CHEMICAL_FACETS)
    )
    return Connection(await hydrated(window, chemical_by_id(info), fields), window)


async def search_hgnc(
    info: Info, *, query: str, first: int | None, after: str | None
) -> Connection:
    """HGNC answers every match at once: the gateway slices it with offset cursors, then fetches
    the full records of the page (HGNC search hits carry only id, symbol and score)."""
    if not query.strip():
        raise InvalidInput("query must not be empty.")
    key = fingerprint("hgnc", {"q": query})
    check_first(first)
    if after:
        info.context.pager.codec.decode(after, key)  # a bad cursor fails before any call
    matches = await info.context.backends.hgnc.search(query)
    window = slice_items(info.context.pager.codec, key, matches, first, after)
    records = await hgnc_resolvers.records_loader(info).load_many(
        [("hgnc_id", str(m["hgnc_id"])) for m in window.hits]
    )
    docs: list[Doc | None] = [next(iter(r), None) for r in records]
    return Connection(docs, window)
