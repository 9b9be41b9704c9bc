"""The GraphQL schema: types per domain (`schema.gene`, `schema.chemical`, `schema.hgnc`,
`schema.sources`), the root `Query` composed from per-domain query classes, and `schema`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated

import strawberry
from strawberry.extensions import MaxTokensLimiter, SchemaExtension

from genechem.settings import Settings
from resolvers import chemical as chemical_resolvers
from resolvers import gene as gene_resolvers
from resolvers import hgnc as hgnc_resolvers
from resolvers import node as node_resolvers
from resolvers import sources as source_resolvers
from resolvers.context import Info
from schema.chemical import Chemical, ChemicalResolution
from schema.compiled import CompiledExecutor
from schema.document_cache import document_caches
from schema.document_limits import StableAliasesLimiter, StableDepthLimiter
from schema.extensions import ErrorCodes, GatewaySchema
from schema.gene import Gene, GeneResolution
from schema.hgnc import HgncRecord, HgncRecordBy, SymbolCheck, SymbolStatus
from schema.lookup_lane import LookupRecipes
from schema.meta import MetaQueries
from schema.node import NodeQueries
from schema.query_cost import CostLimits, IndexedQueryCost, QueryCost
from schema.resolution import TERMS_DOC, status_of
from schema.search import SearchQueries
from schema.sources import SourceInfo

GeneId = Annotated[
    strawberry.ID,
    strawberry.argument(
        description="Entrez Gene id (`1017`) or Ensembl gene id (`ENSG00000123374`); a retired "
        "Entrez id resolves to the current gene. A gene's global id (its `id`) works too; the "
        "global id of another type is INVALID_INPUT."
    ),
]
ChemicalId = Annotated[
    strawberry.ID,
    strawberry.argument(
        description="InChIKey, DrugBank id (`DB00619`), ChEMBL id (`CHEMBL941`), PubChem CID, "
        "UNII, or a CURIE such as `CHEBI:45783` or `DRUGBANK:DB00619`. A chemical's global id "
        "(its `id`) works too; the global id of another type is INVALID_INPUT."
    ),
]
Terms = Annotated[list[str], strawberry.argument(description=TERMS_DOC)]


@strawberry.type
class GeneQueries:
    @strawberry.field(description="One gene by id (MyGene.info); null if there is none.")
    async def gene(self, info: Info, id: GeneId) -> Gene | None:
        doc = await gene_resolvers.gene(info, node_resolvers.own_id(info, str(id), Gene))
        return Gene(doc=doc) if doc else None

    @strawberry.field(
        description="Genes by id, in input order, null where not found; any number "
        "of ids (1000 per MyGene.info call), duplicates fetched once."
    )
    async def genes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description="Entrez or Ensembl gene ids, or genes' global ids."),
        ],
    ) -> list[Gene | None]:
        own = [node_resolvers.own_id(info, str(i), Gene) for i in ids]
        docs = await gene_resolvers.genes(info, own)
        return [Gene(doc=d) if d else None for d in docs]

    @strawberry.field(
        description="MyGene.info querymany: one result per input term, in order, "
        "with every gene it matched (up to 1000 per term; `truncated` says when a term "
        "reached that cap)."
    )
    async def resolve_genes(
        self,
        info: Info,
        terms: Terms,
        scopes: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Fields to match the terms in (`symbol`, `alias`, `ensembl.gene`, "
                "`uniprot.Swiss-Prot`, ...); MyGene.info's default is `_id`, `entrezgene`, "
                "`ensembl.gene`, `retired`."
            ),
        ] = None,
        species: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Restrict to species: common names (`human`, `mouse`, ...) or "
                "taxids, one species per list item; all when omitted. An item holding a list "
                'separator (`"human,mouse"`, a space, `|` or `+`) is INVALID_INPUT, never '
                "split."
            ),
        ] = None,
    ) -> list[GeneResolution]:
        found = await gene_resolvers.resolve_genes(info, terms, scopes, species)
        return [
            GeneResolution(
                term=r.term,
                status=status_of(r),
                truncated=r.truncated,
                reason=r.reason,
                matches=[Gene(doc=d) for d in r.matches],
            )
            for r in found
        ]


@strawberry.type
class ChemicalQueries:
    @strawberry.field(description="One chemical by any id form MyChem.info knows; null if none.")
    async def chemical(self, info: Info, id: ChemicalId) -> Chemical | None:
        own = node_resolvers.own_id(info, str(id), Chemical)
        doc = await chemical_resolvers.chemical(info, own)
        return Chemical(doc=doc) if doc else None

    @strawberry.field(description="Chemicals by id, in input order, null where not found.")
    async def chemicals(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(
                description="Any id forms MyChem.info recognises, or chemicals' global ids."
            ),
        ],
    ) -> list[Chemical | None]:
        own = [node_resolvers.own_id(info, str(i), Chemical) for i in ids]
        docs = await chemical_resolvers.chemicals(info, own)
        return [Chemical(doc=d) if d else None for d in docs]

    @strawberry.field(
        description="MyChem.info querymany: one result per input term, in order, with every "
        "chemical it matched (up to 1000 per term; `truncated` says when a term reached that "
        "cap)."
    )
    async def resolve_chemicals(
        self,
        info: Info,
        terms: Terms,
        scopes: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Fields to match the terms in (`drugbank.name`, `chembl.pref_name`, "
                "`drugbank.id`, ...); MyChem.info's default is `_id`."
            ),
        ] = None,
    ) -> list[ChemicalResolution]:
        found = await chemical_resolvers.resolve_chemicals(info, terms, scopes)
        return [
            ChemicalResolution(
                term=r.term,
                status=status_of(r),
                truncated=r.truncated,
                reason=r.reason,
                matches=[Chemical(doc=d) for d in r.matches],
            )
            for r in found
        ]


@strawberry.type
class HgncQueries:
    @strawberry.field(
        description="One HGNC record, by exactly one of its identifiers; null when "
        "HGNC has none. An approved record is preferred when several match."
    )
    async def hgnc_record(
        self,
        info: Info,
        by: Annotated[
            HgncRecordBy,
            strawberry.argument(
                description="The identifier to look the record up by: exactly one of `symbol`, "
                "`hgncId`, `entrezId`, `ensemblGeneId`."
            ),
        ],
    ) -> HgncRecord | None:
        doc = await hgnc_resolvers.record_by(info, *by.chosen())
        return HgncRecord(doc=doc) if doc else None

    @strawberry.field(
        description="HGNC multi-symbol checker: for each input symbol, in order, whether it is "
        "approved, a previous symbol, an alias, withdrawn or unknown, with the current "
        "approved record(s). An input that cannot be a symbol (empty, or with a control "
        "character) is INVALID in its own item; it never fails the list. Costs up to three "
        "HGNC lookups per distinct symbol; with GENECHEM_HGNC_INDEX=true none once the index "
        "is loaded (two calls, `/info` and the approved set, the first time), plus one per "
        "symbol HGNC has no approved record for."
    )
    async def check_symbols(
        self,
        info: Info,
        symbols: Annotated[
            list[str], strawberry.argument(description="Gene symbols to check, any case.")
        ],
    ) -> list[SymbolCheck]:
        checks = await hgnc_resolvers.check_symbols(info, symbols)
        return [
            SymbolCheck(
                input=c.input,
                status=SymbolStatus(c.status),
                approved=[HgncRecord(doc=d) for d in c.records],
                withdrawn=[HgncRecord(doc=d) for d in c.withdrawn],
                reason=c.reason,
            )
            for c in checks
        ]


@strawberry.type
class SourceQueries:
    sources: list[SourceInfo] = strawberry.field(
        resolver=source_resolvers.sources,
        description="Each upstream service: live or mirror, base URL, data version and build "
        "date (one metadata call to each service).",
    )


@strawberry.type(description="genechem: genes, chemicals and HGNC nomenclature in one graph.")
class Query(
    GeneQueries,
    ChemicalQueries,
    HgncQueries,
    SearchQueries,
    NodeQueries,
    SourceQueries,
    MetaQueries,
):
    pass


def limit_extensions(
    settings: Settings, *, serving: bool = False
) -> list[Callable[[], SchemaExtension]]:
    """The schema extensions that refuse too much work before it runs, from `settings`: depth,
    aliases and tokens (Strawberry's own limiters), then the upstream-call price and the answer
    size (`QueryCost`, which also reports `extensions.cost` and the call log), and the recipes
    of the lookup lane (`schema.lookup_lane`) when it is on."""
    limits = CostLimits(
        max_cost=settings.max_cost,
        max_depth=settings.max_depth,
        max_aliases=settings.max_aliases,
        max_list_argument=settings.max_list_argument,
        max_answer_objects=settings.max_answer_objects,
        hgnc_index=settings.hgnc_index,
        version_checks=settings.record_cache_ttl > 0 and settings.metadata_ttl > 0,
    )
    # Before the cost extension: its end (keeping a recipe) runs after the answer's bound.
    lane = [LookupRecipes.configured(limits)] if settings.lookup_lane else []
    return [
        functools.partial(StableDepthLimiter, max_depth=settings.max_depth),
        functools.partial(StableAliasesLimiter, max_alias_count=settings.max_aliases),
        functools.partial(MaxTokensLimiter, max_token_count=settings.max_tokens),
        *lane,
        (IndexedQueryCost if serving else QueryCost).configured(limits),
    ]


def build_schema(
    settings: Settings | None = None, *, serving: bool = False, compiled: bool = True
) -> GatewaySchema:
    """The schema with its limits from `settings`; the settings' defaults when none are given,
    without reading the environment. `serving` (`app.create_app`): async execution only, which
    lets the price of the symbol checker wait for the HGNC index to load. `compiled`: pure-data
    fields built by `schema.compiled` (the default); without it, graphql-core executes every
    field (the reference the compiled path is tested against)."""
    settings = settings or Settings.model_construct()
    return GatewaySchema(
        query=Query,
        types=[Gene, Chemical, HgncRecord],
        extensions=[*document_caches(), ErrorCodes, *limit_extensions(settings, serving=serving)],
        execution_context_class=CompiledExecutor if compiled else None,
    )


schema = build_schema()
"""The schema with default limits (sync and async execution; its SDL, `genechem export-schema`,
is the same for any limits)."""
