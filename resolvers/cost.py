"""What an operation costs in upstream calls, known before it runs.

The gateway plans its own batching, so it can price an operation from its document and variables
alone: `estimate` walks the fields the operation would execute (graphql-core's own field
collection, so fragments, `@skip`/`@include` and merged fields count as they run; each alias
counts on its own, as each runs on its own) and adds up the calls of every field that reaches a
service. Fields that only read their parent's document cost nothing.

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

The estimate is an upper bound of the calls made (tests/test_cost.py holds it to that for every
operation in queries/ and for generated ones), retries aside: `extensions.cost.actual` counts
every attempt.
"""

from __future__ import annotations

import base64
import binascii
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    get_named_type,
    is_abstract_type,
)
from graphql.execution.collect_fields import (
    FieldDetails,
    FragmentDetails,
    collect_fields,
    collect_subfields,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from graphql.language import DocumentNode, FragmentDefinitionNode

from backends.calls import CallLog
from genechem.errors import GenechemError, Source

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
EXPANSION_LIMIT = 20_000
"""Field executions an estimate walks at most; past it the operation is refused as too
complex whatever its calls (a fragment fan-out that would take long even to price)."""

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


@dataclass
class Estimate:
    """Upstream calls an operation may make, per service, and the objects its answer may hold."""

    calls: Counter[Source] = field(default_factory=Counter)
    objects: int = 0
    fields: int = 0
    complete: bool = True
    """False when the walk gave up on an operation that expands to too many fields."""

    @property
    def total(self) -> int:
        return sum(self.calls.values())

    def report(self) -> dict[str, int]:
        """`{"mygene": n, "mychem": n, "hgnc": n, "total": n}` for `extensions.cost`."""
        return {**{s: self.calls[s] for s in SERVICES}, "total": self.total}


def cost_report(found: Estimate, log: CallLog, limit: int) -> dict[str, object]:
    """`extensions.cost`: the estimate, the calls `log` holds per service, and the limit."""
    actual: dict[str, int] = {s: log.count(s) for s in SERVICES}
    return {
        "estimated": found.report(),
        "actual": {**actual, "total": sum(actual.values())},
        "limit": limit,
    }


class QueryTooComplex(GenechemError):
    """The operation would cost more than the gateway allows; refused before any call."""

    code = "QUERY_TOO_COMPLEX"

    def __init__(self, message: str, cost: Mapping[str, int], limit: int) -> None:
        super().__init__(message)
        self.cost = dict(cost)
        self.limit = limit

    def extensions(self) -> dict[str, Any]:
        return {"code": self.code, "cost": self.cost, "limit": self.limit}


class ListArgumentTooLong(GenechemError):
    """A list argument longer than `GENECHEM_MAX_LIST_ARGUMENT`; refused before any call."""

    code = "QUERY_TOO_COMPLEX"

    def __init__(self, argument: str, length: int, limit: int) -> None:
        super().__init__(
            f"The argument {argument} has {length} items; at most {limit} are allowed "
            "(GENECHEM_MAX_LIST_ARGUMENT): split the list over several requests."
        )
        self.argument = argument
        self.length = length
        self.limit = limit

    def extensions(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "argument": self.argument,
            "length": self.length,
            "limit": self.limit,
        }


class Walk:
    """One estimate in progress over an operation's fields."""

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        variables: Any,
        *,
        budget: int,
        max_list: int,
    ) -> None:
        self.schema = schema
        self.operation = operation
        self.variables = variables
        self.budget = budget
        self.max_list = max_list
        self.too_long: tuple[str, int] | None = None
        """The first list argument over `max_list` items: (`Type.field(argument:)`, length)."""
        self.fragments = {
            d.name.value: FragmentDetails(d)
            for d in document.definitions
            if isinstance(d, FragmentDefinitionNode)
        }
        self.estimate = Estimate()
        self.touches_hgnc = False

    def over(self) -> bool:
        return (
            self.estimate.total > self.budget
            or self.estimate.fields > EXPANSION_LIMIT
            or self.too_long is not None
        )

    def root(self, root_type: GraphQLObjectType, level: Level) -> None:
        collected = collect_fields(
            self.schema, self.fragments, self.variables, root_type, self.operation
        )
        self.fields(root_type, collected.grouped_field_set, level)

    def fields(
        self,
        parent: GraphQLObjectType,
        grouped: Mapping[str, list[FieldDetails]],
        level: Level,
    ) -> None:
        for details in grouped.values():
            if self.over():
                return
            self.field(parent, details, level)

    def field(self, parent: GraphQLObjectType, details: list[FieldDetails], level: Level) -> None:
        node = details[0].node
        name = node.name.value
        definition = parent.fields.get(name)
        if definition is None or name.startswith("__"):
            return
        self.estimate.fields += 1
        coordinate = f"{parent.name}.{name}"
        pricer = PRICES.get(coordinate)
        args = get_argument_values(definition, node, self.variables) if definition.args else {}
        for arg, value in args.items():
            if isinstance(value, list) and len(value) > self.max_list:
                self.too_long = (f"{coordinate}({arg}:)", len(value))
                return
        if pricer is not None:
            priced = pricer(args, level)
        else:
            priced = Priced(items=self.free_items(parent, name, definition, level))
        self.estimate.calls.update(priced.calls)
        self.touches_hgnc = self.touches_hgnc or coordinate in HGNC_FIELDS
        objects = level.objects * priced.items
        if node.selection_set is None or objects == 0:
            return
        self.estimate.objects += objects
        groups = level.groups if priced.groups is None else priced.groups
        child = replace(level, objects=objects, groups=groups, edges=priced.edges, nested=True)
        self.children(definition, details, child)

    def free_items(
        self, parent: GraphQLObjectType, name: str, definition: GraphQLField, level: Level
    ) -> int:
        if name == "edges" and "pageInfo" in parent.fields:
            return level.edges
        bound = LIST_BOUNDS.get(f"{parent.name}.{name}")
        if bound is not None:
            return bound
        return 1

    def children(self, definition: GraphQLField, details: list[FieldDetails], level: Level) -> None:
        named = get_named_type(definition.type)
        if is_abstract_type(named):
            runtime_types: list[GraphQLObjectType] = list(self.schema.get_possible_types(named))
        elif isinstance(named, GraphQLObjectType):
            runtime_types = [named]
        else:
            return
        for runtime in runtime_types:
            collected = collect_subfields(
                self.schema, self.fragments, self.variables, self.operation, runtime, details
            )
            # Each possible type is priced as if every object were of it: an upper bound.
            self.fields(runtime, collected.grouped_field_set, level)


def coerced_variables(
    schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Mapping[str, Any] | None
) -> VariableValues | None:
    """The operation's variables as execution will see them; None when they do not coerce
    (execution then refuses them itself, BAD_USER_INPUT, before any call)."""
    coerced = get_variable_values(schema, operation.variable_definitions or (), dict(inputs or {}))
    return None if isinstance(coerced, list) else coerced


def estimate(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping[str, Any] | None,
    *,
    hgnc_index: bool,
    version_checks: bool = False,
    budget: int,
    max_list: int,
    known_symbol: Callable[[str], bool] | None = None,
) -> Estimate | None:
    """The upstream calls the operation may make, per service. The walk stops once the estimate
    passes `budget` (the answer is then a refusal anyway). None when the variables do not fit
    the operation."""
    values = coerced_variables(schema, operation, variables)
    if values is None:
        return None
    root = schema.get_root_type(operation.operation)
    if root is None:
        return Estimate()
    walk = Walk(schema, document, operation, values, budget=budget, max_list=max_list)
    walk.root(root, Level(1, 1, hgnc_index=hgnc_index, known_symbol=known_symbol))
    if walk.too_long is not None:
        argument, length = walk.too_long
        raise ListArgumentTooLong(argument, length, max_list)
    found = walk.estimate
    found.complete = walk.estimate.fields <= EXPANSION_LIMIT
    if hgnc_index and walk.touches_hgnc:
        found.calls["hgnc"] += HGNC_INDEX_CALLS
    if version_checks:
        # The record cache reads each touched service's build version (metadata) first.
        for service in [s for s, n in found.calls.items() if n > 0]:
            found.calls[service] += 1
    return found
