"""Search roots: `searchGenes`, `genesInRegion`, `searchChemicals`, `searchHgnc`, each a Relay
connection (see `resolvers.search` and `resolvers.paging`), and the gene sort input."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types.arguments import StrawberryArgumentAnnotation

from genechem.errors import InvalidInput
from resolvers import search as search_resolvers
from resolvers.context import Info
from schema.chemical import ChemicalConnection, chemical_connection
from schema.connections import AFTER_DOC, MAX_FIRST_DOC
from schema.gene import GeneConnection, gene_connection
from schema.gene_sections import Assembly
from schema.hgnc import HgncRecordConnection, hgnc_record_connection

First = Annotated[int | None, strawberry.argument(description=MAX_FIRST_DOC)]
After = Annotated[str | None, strawberry.argument(description=AFTER_DOC)]


def scan_argument(order: str) -> StrawberryArgumentAnnotation:
    """The `scan` argument, its description naming the root's own order (only `searchGenes` has
    `sort`: a description must not promise an argument its root lacks)."""
    return strawberry.argument(
        description="Walk every hit exactly once on the service's scroll from the first page "
        "(the scroll's order; cursors expire a minute (MyGene.info) or ten (MyChem.info) after "
        f"the last page). Without it, the first 10,000 hits follow {order} and the walk goes on "
        "past them on the scroll, every hit still exactly once: hits after the 10,000th come in "
        "the service's scroll order."
    )


GeneScan = Annotated[bool, scan_argument("`sort` or relevance")]
ChemicalScan = Annotated[bool, scan_argument("relevance")]
SPECIES_DOC = (
    "common names (`human`, `mouse`, ...) or taxids, one species per list item. An item holding "
    'a list separator (`"human,mouse"`, a space, `|` or `+`) is INVALID_INPUT, never split.'
)


@strawberry.enum(description="Fields a gene search can be sorted by.")
class GeneSortField(Enum):
    SYMBOL = strawberry.enum_value("symbol", description="Official gene symbol (`symbol`).")
    NAME = strawberry.enum_value("name", description="Full gene name (`name`).")
    TAXID = strawberry.enum_value("taxid", description="NCBI taxid of the species (`taxid`).")
    ENTREZ_ID = strawberry.enum_value(
        "entrezgene", description="NCBI Entrez Gene id, numerically (`entrezgene`)."
    )


@strawberry.enum(description="Sort direction.")
class SortDirection(Enum):
    ASC = strawberry.enum_value("", description="Ascending: smallest or A first.")
    DESC = strawberry.enum_value("-", description="Descending: largest or Z first.")


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
            strawberry.argument(description=f"Species: {SPECIES_DOC} All when omitted."),
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
                f"species (MyGene.info `species_facet_filter`): {SPECIES_DOC}"
            ),
        ] = None,
        sort: Annotated[
            list[GeneSort] | None,
            strawberry.argument(description="Sort keys, up to 10; relevance when omitted."),
        ] = None,
        scan: GeneScan = False,
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
            sort=[str(s.direction.value) + str(s.field.value) for s in sort] if sort else None,
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
                description="One species, by common name or taxid; MyGene.info's default (all) "
                "when omitted. A value holding a list separator (`human,mouse`, a space, `|` or "
                "`+`) is INVALID_INPUT."
            ),
        ] = None,
        assembly: Annotated[
            Assembly,
            strawberry.argument(
                description="CURRENT (default), or HG19 / MM9 for the older human and mouse "
                "assemblies."
            ),
        ] = Assembly.CURRENT,
        first: First = None,
        after: After = None,
    ) -> GeneConnection:
        found = await search_resolvers.genes_in_region(
            info,
            chromosome=chromosome,
            start=start,
            end=end,
            species=species,
            assembly=str(assembly.value),
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
        scan: ChemicalScan = False,
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
    ) -> HgncRecordConnection:
        found = await search_resolvers.search_hgnc(info, query=query, first=first, after=after)
        return hgnc_record_connection(found.docs, found.window)
