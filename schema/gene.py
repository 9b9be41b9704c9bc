"""`Gene`: a gene document from MyGene.info v3, any species, with its links to HGNC and MyChem."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from backends.mygene import TAXID_SPECIES
from backends.shapes import Doc
from resolvers import gene as gene_resolvers
from resolvers.context import Info
from resolvers.loaders import FieldsKey
from resolvers.pages import Window
from schema import chemical as chemical_schema
from schema import hgnc as hgnc_schema
from schema.connections import (
    AFTER_DOC,
    MAX_FIRST_DOC,
    Connection,
    Edge,
    Facet,
    SpeciesFacet,
    edges_of,
    facet,
    page_info,
    species_facet,
)
from schema.gene_sections import (
    ASSEMBLY_FIELDS,
    Assembly,
    EnsemblGene,
    GenomicPosition,
    GoAnnotations,
    InterProDomain,
    Pathway,
    RefSeq,
    UniProt,
)
from schema.resolution import REASON_DOC, TRUNCATED_DOC, ResolutionStatus
from schema.scalars import JSON
from schema.values import (
    document_id,
    first,
    integer,
    objects,
    raw_document,
    reads,
    text,
    texts,
    upstream,
)

if TYPE_CHECKING:
    from schema.chemical import GeneChemicalConnection
    from schema.hgnc import HgncRecord


@strawberry.type(description="A gene, from MyGene.info v3 (NCBI Gene and Ensembl, every species).")
class Gene(relay.Node):
    doc: strawberry.Private[Doc]

    @classmethod
    @document_id
    def resolve_id(cls, root: Gene, *, info: Info) -> str:
        """The global id holds MyGene.info's own id (`geneId`)."""
        return str(root.doc["_id"])

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Gene | None]:
        """Genes by MyGene.info id through the request's `GeneByIdLoader`: every gene of the
        request, under `node`, `nodes` or elsewhere, shares one batch."""
        fields = gene_resolvers.gene_fields(info)
        keys = [FieldsKey(i, fields) for i in node_ids]
        docs = await gene_resolvers.gene_by_id(info).load_many(keys)
        return [cls(doc=d) if d else None for d in docs]

    @strawberry.field(
        description="MyGene.info id: the NCBI Entrez Gene id, or the Ensembl gene id for genes "
        "that have no Entrez id."
    )
    def gene_id(self) -> str:
        return str(self.doc["_id"])

    @strawberry.field(
        description="NCBI Entrez Gene id (`entrezgene`), as text like every external id of the "
        "schema (`HgncRecord.entrezId` too); null for Ensembl-only genes.",
        metadata=upstream("entrezgene"),
    )
    def entrez_id(self) -> str | None:
        return text(self.doc.get("entrezgene"))

    @strawberry.field(
        description="Official gene symbol (HGNC for human, MGI for mouse, ...).",
        metadata=reads("symbol"),
    )
    def symbol(self) -> str | None:
        return text(self.doc.get("symbol"))

    @strawberry.field(description="Full gene name.", metadata=reads("name"))
    def name(self) -> str | None:
        return text(self.doc.get("name"))

    @strawberry.field(
        description="NCBI Taxonomy id of the species (9606 human, 10090 mouse).",
        metadata=upstream("taxid"),
    )
    def taxid(self) -> int | None:
        return integer(self.doc.get("taxid"))

    @strawberry.field(
        description="MyGene.info's common name of the species (`human`, `mouse`, `rat`, "
        "`zebrafish`, ...); null for species it has no common name for.",
        metadata=upstream("taxid"),
    )
    def species(self) -> str | None:
        return TAXID_SPECIES.get(integer(self.doc.get("taxid")) or 0)

    @strawberry.field(
        description="NCBI gene type, e.g. `protein-coding`, `ncRNA`, `pseudo`.",
        metadata=reads("type_of_gene"),
    )
    def type_of_gene(self) -> str | None:
        return text(self.doc.get("type_of_gene"))

    @strawberry.field(
        description="Other symbols the gene is known by (`alias`).", metadata=upstream("alias")
    )
    def aliases(self) -> list[str]:
        return texts(self.doc.get("alias"))

    @strawberry.field(
        description="Other full names of the gene (`other_names`).",
        metadata=upstream("other_names"),
    )
    def other_names(self) -> list[str]:
        return texts(self.doc.get("other_names"))

    @strawberry.field(
        description="NCBI RefSeq summary of the gene's function; null if none.",
        metadata=reads("summary"),
    )
    def summary(self) -> str | None:
        return text(self.doc.get("summary"))

    @strawberry.field(
        description="Cytogenetic band, e.g. `12q13.2`.", metadata=reads("map_location")
    )
    def map_location(self) -> str | None:
        return text(self.doc.get("map_location"))

    @strawberry.field(
        description="Genome positions (several for genes on alternate loci or patches).",
        metadata=upstream("genomic_pos", "genomic_pos_hg19", "genomic_pos_mm9"),
    )
    def genomic_positions(
        self,
        assembly: Annotated[
            Assembly,
            strawberry.argument(
                description="CURRENT (hg38, mm39, rn7: MyGene.info's current assembly per "
                "species), or HG19 (human) / MM9 (mouse) where MyGene.info still has them."
            ),
        ] = Assembly.CURRENT,
    ) -> list[GenomicPosition]:
        key = ASSEMBLY_FIELDS[assembly]
        return [
            GenomicPosition(
                chromosome=text(p.get("chr")),
                start=integer(p.get("start")),
                end=integer(p.get("end")),
                strand=integer(p.get("strand")),
                ensembl_gene_id=text(p.get("ensemblgene")),
            )
            for p in objects(self.doc.get(key))
        ]

    @strawberry.field(
        description="Ensembl annotations (several when Ensembl splits the gene).",
        metadata=upstream(
            "ensembl.gene", "ensembl.transcript", "ensembl.protein", "ensembl.type_of_gene"
        ),
    )
    def ensembl(self) -> list[EnsemblGene]:
        return [
            EnsemblGene(
                gene_id=text(e.get("gene")),
                transcripts=texts(e.get("transcript")),
                proteins=texts(e.get("protein")),
                type_of_gene=text(e.get("type_of_gene")),
            )
            for e in objects(self.doc.get("ensembl"))
        ]

    @strawberry.field(
        description="RefSeq accessions; empty lists when the gene has none.",
        metadata=upstream("refseq.rna", "refseq.protein", "refseq.genomic"),
    )
    def refseq(self) -> RefSeq:
        refseq = self.doc.get("refseq")
        section = refseq if isinstance(refseq, dict) else {}
        return RefSeq(
            rna=texts(section.get("rna")),
            protein=texts(section.get("protein")),
            genomic=texts(section.get("genomic")),
        )

    @strawberry.field(
        description="UniProt accessions; empty lists when the gene has none.",
        metadata=upstream("uniprot"),
    )
    def uniprot(self) -> UniProt:
        section = self.doc.get("uniprot")
        section = section if isinstance(section, dict) else {}
        return UniProt(
            swiss_prot=texts(section.get("Swiss-Prot")), trembl=texts(section.get("TrEMBL"))
        )

    @strawberry.field(
        description="Gene Ontology annotations (NCBI gene2go).", metadata=upstream("go")
    )
    def go(self) -> GoAnnotations:
        section = self.doc.get("go")
        section = section if isinstance(section, dict) else {}
        return GoAnnotations(section=section)

    @strawberry.field(
        description="Pathways from KEGG, Reactome, WikiPathways, BioCarta, ...",
        metadata=upstream("pathway"),
    )
    def pathways(self) -> list[Pathway]:
        section = self.doc.get("pathway")
        section = section if isinstance(section, dict) else {}
        return [
            Pathway(source=source, id=str(p["id"]), name=text(p.get("name")))
            for source in sorted(section)
            for p in objects(section[source])
            if p.get("id")
        ]

    @strawberry.field(description="InterPro domains and families.", metadata=upstream("interpro"))
    def interpro(self) -> list[InterProDomain]:
        return [
            InterProDomain(
                id=str(d["id"]),
                description=text(d.get("desc")),
                short_description=text(d.get("short_desc")),
            )
            for d in objects(self.doc.get("interpro"))
            if d.get("id")
        ]

    @strawberry.field(description="Pfam family ids, e.g. `PF00069`.", metadata=upstream("pfam"))
    def pfam(self) -> list[str]:
        return texts(self.doc.get("pfam"))

    @strawberry.field(description="PDB structure ids.", metadata=upstream("pdb"))
    def pdb(self) -> list[str]:
        return texts(self.doc.get("pdb"))

    @strawberry.field(description="OMIM gene entry ids (`MIM`).", metadata=upstream("MIM"))
    def omim(self) -> list[str]:
        return texts(self.doc.get("MIM"))

    @strawberry.field(
        description="HGNC id (`HGNC:1771`) of a human gene; null for other species.",
        metadata=upstream("HGNC"),
    )
    def hgnc_id(self) -> str | None:
        value = text(self.doc.get("HGNC"))
        return f"HGNC:{value}" if value else None

    @strawberry.field(
        description="NCBI HomoloGene group id, as text; null when the gene is in none.",
        metadata=upstream("homologene.id"),
    )
    def homologene_id(self) -> str | None:
        return text(first(self.doc.get("homologene"), "id"))

    @strawberry.field(
        description="The gene's `_id` and its document exactly as MyGene.info returns it for "
        "these `fields` (`GET /v3/gene/{id}?fields=...`), for fields the typed schema does not "
        "cover: a single value stays single, a list stays a list, objects in a list are "
        "filtered one by one. Selecting it never changes the other fields."
    )
    def raw(
        self,
        fields: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Dot paths to return (`exac.all.p_li`, `reagent`), with `*` "
                "wildcards (`pantherdb.*`) and `-path` to leave a path out, as MyGene.info's "
                "`fields` parameter; all fields when omitted or `all` (asks MyGene.info for the "
                "whole document)."
            ),
        ] = None,
    ) -> JSON:
        return JSON(raw_document(self.doc, fields))

    @strawberry.field(
        description="The gene's HGNC record (HGNC REST), through its HGNC id; null for non-human "
        "genes and genes HGNC does not name.",
        metadata=upstream("HGNC"),
    )
    async def hgnc(
        self, info: Info
    ) -> Annotated[HgncRecord, strawberry.lazy("schema.hgnc")] | None:
        doc = await gene_resolvers.hgnc_record_of(info, self.doc)
        return hgnc_schema.HgncRecord(doc=doc) if doc else None

    @strawberry.field(
        description="Orthologs of this gene in other species: its HomoloGene group and its "
        "PANTHER orthologs of every type (least diverged and others, named by HGNC, MGI, RGD, "
        "ZFIN or Ensembl ids). Each reference is looked up only in its own id space (HomoloGene "
        "by Entrez id, PANTHER by HGNC, MGI, RGD, ZFIN or Ensembl gene id) and kept only when that "
        "gene, in that species, holds the id: one MyGene.info call per id space for every gene "
        "of the request.",
        metadata=upstream("homologene.genes", "pantherdb.ortholog", "taxid"),
    )
    async def orthologs(
        self,
        info: Info,
        species: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Species by common name (`mouse`, `rat`, `zebrafish`, ...) or NCBI "
                "taxid (`10090`), one species per list item; every species when omitted. An "
                'item holding a list separator (`"mouse,rat"`) or an unknown name is '
                "INVALID_INPUT."
            ),
        ] = None,
    ) -> list[Gene]:
        docs = await gene_resolvers.orthologs_of(info, self.doc, species)
        return [Gene(doc=d) for d in docs]

    @strawberry.field(
        description="Chemicals whose recorded targets include this gene's Swiss-Prot proteins "
        "(MyChem.info: DrugBank targets and DrugCentral bioactivities), each edge with what the "
        "chemical does to the target. One MyChem.info call for every gene of the request.",
        metadata=upstream("uniprot.Swiss-Prot"),
    )
    async def chemicals(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description=MAX_FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
    ) -> Annotated[GeneChemicalConnection, strawberry.lazy("schema.chemical")]:
        found = await gene_resolvers.chemicals_targeting(info, self.doc)
        window = gene_resolvers.link_page(
            info, self.doc, "chemicals", found, first=first, after=after
        )
        return chemical_schema.gene_chemical_connection(window)


@strawberry.type(description="What one input term of `resolveGenes` matched.")
class GeneResolution:
    term: str = strawberry.field(description="The input term, as given.")
    status: ResolutionStatus = strawberry.field(
        description="FOUND, NOT_FOUND, AMBIGUOUS, or INVALID for a term never sent (see `reason`)."
    )
    truncated: bool = strawberry.field(description=TRUNCATED_DOC)
    reason: str | None = strawberry.field(description=REASON_DOC)
    matches: list[Gene] = strawberry.field(
        description="Every gene the term matched, up to 1000 (see `truncated`)."
    )


@strawberry.type(description="Facets of a gene search: counts over every hit, not just this page.")
class GeneFacets:
    species: SpeciesFacet | None = strawberry.field(
        description="Hits per species: NCBI taxid and common name."
    )
    type_of_gene: Facet | None = strawberry.field(description="Hits per gene type.")


@strawberry.type(description="A page of genes (Relay connection).")
class GeneConnection(Connection[Edge[Gene]]):
    facets: GeneFacets | None = strawberry.field(
        description="Counts per species and gene type over all hits; selecting it costs nothing "
        "extra on offset pages and one service call on scroll pages."
    )


def gene_connection(docs: list[Doc | None], window: Window) -> GeneConnection:
    genes = [Gene(doc=d) if d else None for d in docs]
    return GeneConnection(
        edges=edges_of(window, genes, lambda cursor, gene: Edge(cursor=cursor, node=gene)),
        page_info=page_info(window),
        total_count=window.total,
        facets=GeneFacets(
            species=species_facet(window.facets, "taxid"),
            type_of_gene=facet(window.facets, "type_of_gene"),
        ),
    )
