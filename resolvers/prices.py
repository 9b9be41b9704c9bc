"""What each field that reaches a service costs, in upstream calls, at one level of an
operation (`resolvers.cost` walks the operation and adds them up).

The prices, in `PRICES`, keyed by schema coordinate (`Type.field`):

- batched lookups (MyGene.info, MyChem.info): one call per 1000 keys per level, where the keys are
  the parents at that level times the keys each parent asks for (`ids` has its length, a link its
  documented bound). A level whose parents arrive in several groups (several calls answered them,
  or a loader's cache did) can be split into one batch per group, so a level costs
  `ceil(keys / 1000) + groups - 1`;
- HGNC REST has no batch route: one call per key. With the index (`GENECHEM_HGNC_INDEX`), two
  calls load or revalidate it; a gene's HGNC link then costs nothing, the symbol checker nothing
  for the symbols the loaded index explains, and other lookups still one per key (a miss is
  fetched);
- searches: one call for a first page; `scan`, or a cursor that may cross the 10,000-hit window,
  the scroll's pages (1000 ids each) and the hydration of the page as well;
- link connections and list fields multiply their children by `first` (default 10) or by the
  bound in `LIST_BOUNDS`.
"""

from __future__ import annotations

import base64
import binascii
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from genechem.errors import Source

SERVICES: tuple[Source, ...] = ("mygene", "mychem", "hgnc")
BATCH = 1000
"""Keys per call of a batch route (`POST /{type}`, `POST /query`): the services' cap."""
DEFAULT_FIRST = 10
MAX_FIRST = 1000
WINDOW = 10_000
SCROLL_PAGE = 1000

MATCHES_PER_TERM = 1000
"""Matches a querymany term may bring (the gateway asks for the services' cap)."""
RECORDS_PER_SYMBOL = 10
"""HGNC records one checked symbol may lead to (approved, or withdrawn): documented bound."""
HGNC_CALLS_PER_SYMBOL = 5
"""The symbol checker without the index: symbol, previous-symbol and alias fetches, and up to two
replacement records named by a withdrawn entry."""
HGNC_INDEX_CALLS_PER_SYMBOL = 3
"""With the index, for a symbol it does not explain: the fetch that tells withdrawn from unknown,
and up to two replacements. A symbol the loaded index explains costs nothing."""
HGNC_INDEX_CALLS = 2
"""`/info` and the approved set: loading or revalidating the index."""
SWISSPROT_PER_GENE = 20
"""Swiss-Prot accessions of one gene, each a key of `Gene.chemicals`: documented bound."""
ORTHOLOG_REFS_PER_GENE = 100
"""Ortholog references (HomoloGene and PANTHER) one gene names: documented bound."""
ORTHOLOGS_PER_GENE = 100
"""Ortholog genes one gene may have: documented bound."""
ORTHOLOG_SCOPES = 6
"""Id spaces orthologs are looked up in (HomoloGene Entrez, PANTHER HGNC, MGI, RGD, ZFIN,
Ensembl), one call each per level."""
SEARCH_FIRST_PAGE = 1
SEARCH_SCAN = 4
"""Scan: open the scroll, one more page, facets, hydrate the page."""
SEARCH_AFTER = 1 + WINDOW // SCROLL_PAGE + (WINDOW + MAX_FIRST) // SCROLL_PAGE + 1 + 1 + 1
"""A cursor may cross the window: open the scroll, re-read the served ids (10 pages), skip
through up to 11 scroll pages and one more, facets, hydrate the page."""

LIST_BOUNDS: dict[str, int] = {
    "GeneResolution.matches": MATCHES_PER_TERM,
    "ChemicalResolution.matches": MATCHES_PER_TERM,
    "SymbolCheck.approved": RECORDS_PER_SYMBOL,
    "SymbolCheck.withdrawn": RECORDS_PER_SYMBOL,
}
"""Items per parent of list fields that only read their parent but lead to fields that fetch.
A connection's `edges` take the `first` of the field that made the connection."""


@dataclass(frozen=True)
class Level:
    """The objects a selection runs on: how many, and in how many groups they arrive."""

    objects: int
    groups: int = 1
    edges: int = 0
    """Items per connection, for an `edges` field below."""
    hgnc_index: bool = False
    nested: bool = False
    """Below the root fields: a link's loader may answer some keys from its cache at once."""
    known_symbol: Callable[[str], bool] | None = None
    """Whether the loaded HGNC index explains a symbol (approved, previous or alias): the
    symbol checker then makes no call for it. None: no index loaded, every symbol may call."""


@dataclass
class Priced:
    """What a field costs at one level, and what it hands its children."""

    calls: Counter[Source] = field(default_factory=Counter)
    items: int = 1
    """Objects per parent (list length; a connection counts as one)."""
    edges: int = 0
    """Items per connection, when the field returns one."""
    groups: int | None = None
    """In how many groups its objects arrive; None: as its parents did."""


Pricer = Callable[[Mapping[str, Any], Level], Priced]


def batched(keys: int, groups: int) -> int:
    """Calls of a batch loader over `keys` keys arriving in `groups` groups."""
    return 0 if keys <= 0 else math.ceil(keys / BATCH) + max(groups, 1) - 1


def arrivals(level: Level, per_group: int = 1) -> int:
    """Groups the objects of a link arrive in: one per batch the loaders answered (`per_group`
    loaders each per parent group), and one more for keys a loader's cache answers at once."""
    return per_group * level.groups + (1 if level.nested else 0)


def first_of(args: Mapping[str, Any]) -> int:
    value = args.get("first")
    return DEFAULT_FIRST if value is None else max(0, min(int(value), MAX_FIRST))


def count(args: Mapping[str, Any], name: str) -> int:
    value = args.get(name)
    return len(value) if isinstance(value, list | tuple) else 0


def by_id(service: Source, ids: str | None = None) -> Pricer:
    """A batched lookup: one key per parent, or `len(ids)` keys and as many objects."""

    def price(args: Mapping[str, Any], level: Level) -> Priced:
        per = 1 if ids is None else count(args, ids)
        calls = batched(level.objects * per, level.groups)
        return Priced(Counter({service: calls}), items=per, groups=arrivals(level))

    return price


def querymany(service: Source) -> Pricer:
    """`POST /query` over the terms, 1000 a call; one resolution per term."""

    def price(args: Mapping[str, Any], level: Level) -> Priced:
        terms = count(args, "terms")
        calls = level.objects * math.ceil(terms / BATCH)
        return Priced(Counter({service: calls}), items=terms)

    return price


def hgnc_records(per_parent: int = 1, *, indexed: bool = False) -> Pricer:
    """HGNC records: one `/fetch` per key. `indexed`: keys the index answers (HGNC ids of
    genes, approved records), nothing in index mode; an index miss is still fetched, so a gene
    naming a withdrawn HGNC id (rare) costs one call beyond the estimate."""

    def price(args: Mapping[str, Any], level: Level) -> Priced:
        per_key = 0 if indexed and level.hgnc_index else 1
        calls: Counter[Source] = Counter({"hgnc": level.objects * per_parent * per_key})
        return Priced(calls, items=per_parent, groups=arrivals(level))

    return price


def check_symbols(args: Mapping[str, Any], level: Level) -> Priced:
    symbols = args.get("symbols") or []
    if not level.hgnc_index:
        calls = len(symbols) * HGNC_CALLS_PER_SYMBOL
    else:
        known = level.known_symbol
        unknown = [s for s in symbols if known is None or not known(str(s).strip())]
        calls = len(unknown) * HGNC_INDEX_CALLS_PER_SYMBOL
    return Priced(Counter({"hgnc": level.objects * calls}), items=len(symbols))


def search(service: Source) -> Pricer:
    """A search connection: its first page, a scan, or a page after a cursor."""

    def price(args: Mapping[str, Any], level: Level) -> Priced:
        if args.get("after"):
            calls = SEARCH_AFTER
        elif args.get("scan"):
            calls = SEARCH_SCAN
        else:
            calls = SEARCH_FIRST_PAGE
        return Priced(Counter({service: level.objects * calls}), edges=first_of(args))

    return price


def search_hgnc(args: Mapping[str, Any], level: Level) -> Priced:
    """One HGNC search, then the full record of every hit of the page."""
    first = first_of(args)
    return Priced(Counter({"hgnc": level.objects * (1 + first)}), edges=first)


def sources(args: Mapping[str, Any], level: Level) -> Priced:
    return Priced(Counter(dict.fromkeys(SERVICES, level.objects)), items=len(SERVICES))


NODE_SERVICES: dict[str, Source] = {"Gene": "mygene", "Chemical": "mychem", "HgncRecord": "hgnc"}


def node_service(global_id: object) -> Source | None:
    """The service a global id is looked up in; None when it is no global id (refused)."""
    try:
        text = base64.b64decode(str(global_id).strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return NODE_SERVICES.get(text.partition(":")[0])


def nodes(ids: Iterable[object], level: Level) -> Counter[Source]:
    per_service = Counter(s for s in map(node_service, ids) if s is not None)
    calls: Counter[Source] = Counter()
    for service, keys in per_service.items():
        total = level.objects * keys
        calls[service] = total if service == "hgnc" else batched(total, level.groups)
    return calls


def node(args: Mapping[str, Any], level: Level) -> Priced:
    return Priced(nodes([args.get("id")], level), groups=arrivals(level))


def nodes_root(args: Mapping[str, Any], level: Level) -> Priced:
    ids = args.get("ids") or []
    return Priced(nodes(ids, level), items=len(ids), groups=arrivals(level))


def gene_chemicals(args: Mapping[str, Any], level: Level) -> Priced:
    """Every chemical targeting one of the gene's Swiss-Prot accessions; a page of them."""
    calls = batched(level.objects * SWISSPROT_PER_GENE, level.groups)
    return Priced(Counter({"mychem": calls}), edges=first_of(args), groups=arrivals(level))


def orthologs(args: Mapping[str, Any], level: Level) -> Priced:
    """One call per id space per level."""
    keys = level.objects * ORTHOLOG_REFS_PER_GENE
    calls = 0 if keys <= 0 else math.ceil(keys / BATCH) + ORTHOLOG_SCOPES * level.groups - 1
    groups = arrivals(level, ORTHOLOG_SCOPES)
    return Priced(Counter({"mygene": calls}), items=ORTHOLOGS_PER_GENE, groups=groups)


def connection(args: Mapping[str, Any], level: Level) -> Priced:
    """A connection over items the parent already holds: no call, `first` items."""
    return Priced(edges=first_of(args))


PRICES: dict[str, Pricer] = {
    "Query.gene": by_id("mygene"),
    "Query.genes": by_id("mygene", ids="ids"),
    "Query.resolveGenes": querymany("mygene"),
    "Query.searchGenes": search("mygene"),
    "Query.genesInRegion": search("mygene"),
    "Query.chemical": by_id("mychem"),
    "Query.chemicals": by_id("mychem", ids="ids"),
    "Query.resolveChemicals": querymany("mychem"),
    "Query.searchChemicals": search("mychem"),
    "Query.hgncRecord": hgnc_records(),
    "Query.checkSymbols": check_symbols,
    "Query.searchHgnc": search_hgnc,
    "Query.sources": sources,
    "Query.node": node,
    "Query.nodes": nodes_root,
    "Gene.hgnc": hgnc_records(indexed=True),
    "Gene.orthologs": orthologs,
    "Gene.chemicals": gene_chemicals,
    "Chemical.targets": connection,
    "ChemicalTarget.gene": by_id("mygene"),
    "HgncRecord.gene": by_id("mygene"),
}
"""Every field that calls a service (or hands on a connection of items), by schema coordinate.
tests/test_cost.py fails when a field whose resolver fetches is missing here, or a coordinate
here names no field of the schema."""


HGNC_FIELDS = frozenset(
    {"Query.hgncRecord", "Query.checkSymbols", "Query.searchHgnc", "Query.node", "Query.nodes"}
    | {"Gene.hgnc"}
)
"""Fields that may read the HGNC index (and so load or revalidate it: HGNC_INDEX_CALLS)."""
