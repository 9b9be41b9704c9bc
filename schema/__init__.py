"""The GraphQL schema: types per domain (`schema.gene`, `schema.chemical`, `schema.hgnc`,
`schema.sources`), the root `Query` composed from per-domain query classes, and `schema`."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import strawberry

from genechem.errors import InvalidInput
from resolvers import chemical as chemical_resolvers
from resolvers import gene as gene_resolvers
from resolvers import hgnc as hgnc_resolvers
from resolvers import node as node_resolvers
from resolvers import search as search_resolvers
from resolvers import sources as source_resolvers
from resolvers.context import Info
from schema.chemical import Chemical, ChemicalConnection, ChemicalResolution, chemical_connection
from schema.connections import AFTER_DOC, MAX_FIRST_DOC
from schema.extensions import ErrorCodes, UpstreamCalls
from schema.gene import Gene, GeneConnection, GeneResolution, gene_connection
from schema.hgnc import (
    HGNCRecord,
    HGNCRecordConnection,
    SymbolCheck,
    SymbolStatus,
    hgnc_record_connection,
)
from schema.node import Node, from_global_id
from schema.resolution import status_of
from schema.sources import SourceInfo

GeneId = Annotated[
    strawberry.ID,
    strawberry.argument(
        description="Entrez Gene id (`1017`) or Ensembl gene id (`ENSG00000123374`); a retired "
        "Entrez id resolves to the current gene."
    ),
]
ChemicalId = Annotated[
    strawberry.ID,
    strawberry.argument(
        description="InChIKey, DrugBank id (`DB00619`), ChEMBL id (`CHEMBL941`), PubChem CID, "
        "UNII, or a CURIE such as `CHEBI:45783` or `DRUGBANK:DB00619`."
    ),
]
Terms = Annotated[
    list[str],
    strawberry.argument(description="Input terms; any number (sent upstream 1000 per call)."),
]


@strawberry.type
class GeneQueries:
    @strawberry.field(description="One gene by id (MyGene.info); null if there is none.")
    async def gene(self, info: Info, id: GeneId) -> Gene | None:
        doc = await gene_resolvers.gene(info, str(id))
        return Gene(doc=doc) if doc else None

    @strawberry.field(
        description="Genes by id, in input order, null where not found; any number "
        "of ids (1000 per MyGene.info call), duplicates fetched once."
    )
    async def genes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID], strawberry.argument(description="Entrez or Ensembl gene ids.")
        ],
    ) -> list[Gene | None]:
        docs = await gene_resolvers.genes(info, [str(i) for i in ids])
        return [Gene(doc=d) if d else None for d in docs]

    @strawberry.field(
        description="MyGene.info querymany: one result per input term, in order, "
        "with every gene it matched."
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
                description="Restrict to species: common names or taxids; all when omitted."
            ),
        ] = None,
    ) -> list[GeneResolution]:
        found = await gene_resolvers.resolve_genes(info, terms, scopes, species)
        return [
            GeneResolution(
                term=r.term, status=status_of(r.matches), matches=[Gene(doc=d) for d in r.matches]
            )
            for r in found
        ]


@strawberry.type
class ChemicalQueries:
    @strawberry.field(description="One chemical by any id form MyChem.info knows; null if none.")
    async def chemical(self, info: Info, id: ChemicalId) -> Chemical | None:
        doc = await chemical_resolvers.chemical(info, str(id))
        return Chemical(doc=doc) if doc else None

    @strawberry.field(description="Chemicals by id, in input order, null where not found.")
    async def chemicals(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description="Any id forms MyChem.info recognises."),
        ],
    ) -> list[Chemical | None]:
        docs = await chemical_resolvers.chemicals(info, [str(i) for i in ids])
        return [Chemical(doc=d) if d else None for d in docs]

    @strawberry.field(description="MyChem.info querymany: one result per input term, in order.")
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
                status=status_of(r.matches),
                matches=[Chemical(doc=d) for d in r.matches],
            )
            for r in found
        ]


@strawberry.type
class HGNCQueries:
    @strawberry.field(
        description="One HGNC record, by exactly one of its identifiers; null when "
        "HGNC has none. An approved record is preferred when several match."
    )
    async def hgnc_record(
        self,
        info: Info,
        symbol: Annotated[
            str | None,
            strawberry.argument(description="Approved symbol, e.g. `BRAF` (case-insensitive)."),
        ] = None,
        hgnc_id: Annotated[
            str | None, strawberry.argument(description="HGNC id, e.g. `HGNC:1097`.")
        ] = None,
        entrez_id: Annotated[
            str | None, strawberry.argument(description="NCBI Entrez Gene id, e.g. `673`.")
        ] = None,
        ensembl_gene_id: Annotated[
            str | None, strawberry.argument(description="Ensembl gene id, e.g. `ENSG00000157764`.")
        ] = None,
    ) -> HGNCRecord | None:
        given = {
            "symbol": symbol,
            "hgnc_id": hgnc_id,
            "entrez_id": entrez_id,
            "ensembl_gene_id": ensembl_gene_id,
        }
        chosen = [(k, v) for k, v in given.items() if v is not None]
        if len(chosen) != 1:
            raise InvalidInput("Give exactly one of symbol, hgncId, entrezId, ensemblGeneId.")
        doc = await hgnc_resolvers.record_by(info, *chosen[0])
        return HGNCRecord(doc=doc) if doc else None

    @strawberry.field(
        description="HGNC multi-symbol checker: for each input symbol, whether it is "
        "approved, a previous symbol, an alias, withdrawn or unknown, with the current "
        "approved record(s). Costs up to three HGNC lookups per symbol (one call in "
        "all with GENECHEM_HGNC_INDEX=true, plus one per symbol HGNC has no approved "
        "record for)."
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
                approved=[HGNCRecord(doc=d) for d in c.records],
                withdrawn=[HGNCRecord(doc=d) for d in c.withdrawn],
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


First = Annotated[int | None, strawberry.argument(description=MAX_FIRST_DOC)]
After = Annotated[str | None, strawberry.argument(description=AFTER_DOC)]
Scan = Annotated[
    bool,
    strawberry.argument(
        description="Walk every hit exactly once on the service's scroll (no order; cursors "
        "expire a minute (MyGene.info) or ten (MyChem.info) after the last page). Without it, "
        "pages follow `sort` or relevance and stop at 10,000 hits."
    ),
]


@strawberry.enum(description="Fields a gene search can be sorted by.")
class GeneSortField(Enum):
    SYMBOL = "symbol"
    NAME = "name"
    TAXID = "taxid"
    ENTREZ_ID = "entrezgene"


@strawberry.enum(description="Sort direction.")
class SortDirection(Enum):
    ASC = ""
    DESC = "-"


@strawberry.input(description="One sort key of a gene search.")
class GeneSort:
    field: GeneSortField = strawberry.field(description="The field to sort by.")
    direction: SortDirection = strawberry.field(
        default=SortDirection.ASC, description="ASC (default) or DESC."
    )


@strawberry.type
class SearchQueries:
    @strawberry.field(description="Search genes (MyGene.info `/query`), as a Relay connection.")
    async def search_genes(
        self,
        info: Info,
        *,
        query: Annotated[
            str | None,
            strawberry.argument(
                description="MyGene.info query: a symbol, name words, an id, or Lucene syntax "
                "(`symbol:CDK*`, `go.BP.id:GO\\:0006468`, `chrX:151073054-151383976`); every gene "
                "when omitted."
            ),
        ] = None,
        species: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Species: common names (`human`, `mouse`, ...) or taxids; all when "
                "omitted."
            ),
        ] = None,
        type_of_gene: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Keep genes of these types (`protein-coding`, `ncRNA`, ...)."
            ),
        ] = None,
        species_facet_filter: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Keep hits of these species but count `facets.species` over every "
                "species (MyGene.info `species_facet_filter`)."
            ),
        ] = None,
        sort: Annotated[
            list[GeneSort] | None,
            strawberry.argument(description="Sort keys, up to 10; relevance when omitted."),
        ] = None,
        scan: Scan = False,
        first: First = None,
        after: After = None,
    ) -> GeneConnection:
        if sort and len(sort) > 10:
            raise InvalidInput("sort takes at most 10 keys.")
        found = await search_resolvers.search_genes(
            info,
            query=query,
            species=species,
            type_of_gene=type_of_gene,
            sort=[s.direction.value + s.field.value for s in sort] if sort else None,
            species_facet_filter=species_facet_filter,
            scan=scan,
            first=first,
            after=after,
        )
        return gene_connection(found.docs, found.window)

    @strawberry.field(
        description="Genes overlapping a genome interval (MyGene.info interval "
        "query), as a Relay connection ordered by the service."
    )
    async def genes_in_region(
        self,
        info: Info,
        *,
        chromosome: Annotated[
            str, strawberry.argument(description="Chromosome: `12`, `X`, `chr7`.")
        ],
        start: Annotated[int, strawberry.argument(description="Interval start, base pairs.")],
        end: Annotated[int, strawberry.argument(description="Interval end, base pairs.")],
        species: Annotated[
            str | None,
            strawberry.argument(
                description="Species name or taxid; MyGene.info's default (all) when omitted."
            ),
        ] = None,
        assembly: Annotated[
            str,
            strawberry.argument(
                description="`current` (default), or `hg19` / `mm9` for the older human and mouse "
                "assemblies."
            ),
        ] = "current",
        first: First = None,
        after: After = None,
    ) -> GeneConnection:
        found = await search_resolvers.genes_in_region(
            info,
            chromosome=chromosome,
            start=start,
            end=end,
            species=species,
            assembly=assembly,
            first=first,
            after=after,
        )
        return gene_connection(found.docs, found.window)

    @strawberry.field(description="Search chemicals (MyChem.info `/query`), as a Relay connection.")
    async def search_chemicals(
        self,
        info: Info,
        *,
        query: Annotated[
            str | None,
            strawberry.argument(
                description="MyChem.info query: a name, an id, or Lucene syntax "
                "(`drugbank.targets.uniprot:P00533`); every chemical when omitted."
            ),
        ] = None,
        drugbank_groups: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Keep chemicals in these DrugBank groups (`approved`, ...)."
            ),
        ] = None,
        min_max_phase: Annotated[
            float | None,
            strawberry.argument(
                description="Keep chemicals whose ChEMBL max phase is at least this (4 = approved)."
            ),
        ] = None,
        scan: Scan = False,
        first: First = None,
        after: After = None,
    ) -> ChemicalConnection:
        found = await search_resolvers.search_chemicals(
            info,
            query=query,
            drugbank_groups=drugbank_groups,
            min_max_phase=min_max_phase,
            scan=scan,
            first=first,
            after=after,
        )
        return chemical_connection(found.docs, found.window)

    @strawberry.field(
        description="Search HGNC (HGNC REST `/search`, Solr syntax), as a Relay "
        "connection; HGNC answers every match at once, the gateway pages them."
    )
    async def search_hgnc(
        self,
        info: Info,
        query: Annotated[
            str,
            strawberry.argument(
                description="HGNC search in Solr syntax: `BRAF`, `symbol:ZNF*`, "
                "`status:Approved AND locus_group:pseudogene`."
            ),
        ],
        first: First = None,
        after: After = None,
    ) -> HGNCRecordConnection:
        found = await search_resolvers.search_hgnc(info, query=query, first=first, after=after)
        return hgnc_record_connection(found.docs, found.window)


def _node(type_name: str, doc: dict[str, Any] | None) -> Node | None:
    if doc is None:
        return None
    node_types: dict[str, type[Gene] | type[Chemical] | type[HGNCRecord]] = {
        "Gene": Gene,
        "Chemical": Chemical,
        "HGNCRecord": HGNCRecord,
    }
    return node_types[type_name](doc=doc)


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Any object by its global id (Relay); null if it is gone.")
    async def node(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="A global id from an object's `id` field."),
        ],
    ) -> Node | None:
        type_name, source_id = from_global_id(str(id))
        return _node(type_name, await node_resolvers.load(info, type_name, source_id))

    @strawberry.field(
        description="Objects by global id, in input order, null where gone; the "
        "lookups of each type are batched."
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description="Global ids from objects' `id` fields."),
        ],
    ) -> list[Node | None]:
        decoded = [from_global_id(str(i)) for i in ids]
        docs = await node_resolvers.load_many(info, decoded)
        return [_node(t, d) for (t, _), d in zip(decoded, docs, strict=True)]


@strawberry.type(description="genechem: genes, chemicals and HGNC nomenclature in one graph.")
class Query(GeneQueries, ChemicalQueries, HGNCQueries, SearchQueries, NodeQueries, SourceQueries):
    pass


schema = strawberry.Schema(
    query=Query, types=[Gene, Chemical, HGNCRecord], extensions=[ErrorCodes, UpstreamCalls]
)
