"""The GraphQL schema: types per domain (`schema.gene`, `schema.chemical`, `schema.hgnc`,
`schema.sources`), the root `Query` composed from per-domain query classes, and `schema`."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from genechem.errors import InvalidInput
from resolvers import chemical as chemical_resolvers
from resolvers import gene as gene_resolvers
from resolvers import hgnc as hgnc_resolvers
from resolvers import node as node_resolvers
from resolvers import sources as source_resolvers
from resolvers.context import Info
from schema.chemical import Chemical, ChemicalResolution
from schema.extensions import ErrorCodes, GatewaySchema, UpstreamCalls
from schema.gene import Gene, GeneResolution
from schema.hgnc import (
    HGNCRecord,
    SymbolCheck,
    SymbolStatus,
)
from schema.meta import MetaQueries
from schema.node import Node, from_global_id
from schema.resolution import TERMS_DOC, status_of
from schema.search import SearchQueries
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
Terms = Annotated[list[str], strawberry.argument(description=TERMS_DOC)]


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
            strawberry.argument(
                description="Approved symbol, e.g. `BRAF` (case-insensitive, matched exactly: "
                "`?` and `*` are not wildcards). Empty or with a control character: "
                "INVALID_INPUT."
            ),
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
                approved=[HGNCRecord(doc=d) for d in c.records],
                withdrawn=[HGNCRecord(doc=d) for d in c.withdrawn],
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
class Query(
    GeneQueries,
    ChemicalQueries,
    HGNCQueries,
    SearchQueries,
    NodeQueries,
    SourceQueries,
    MetaQueries,
):
    pass


schema = GatewaySchema(
    query=Query, types=[Gene, Chemical, HGNCRecord], extensions=[ErrorCodes, UpstreamCalls]
)
