"""The sections of a gene document (positions, Ensembl, RefSeq, UniProt, GO annotations,
pathways, InterPro) as typed GraphQL objects, and the readers that build them from MyGene.info's
documents; `schema.gene` puts them on `Gene`."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from backends.shapes import Doc, as_list
from schema.typed_go import GoEntry
from schema.values import reads, text, texts


@strawberry.enum(description="A genome assembly MyGene.info holds gene positions on.")
class Assembly(Enum):
    CURRENT = strawberry.enum_value(
        "current",
        description="MyGene.info's current assembly of each species (hg38 human, mm39 mouse, "
        "rn7 rat, ...).",
    )
    HG19 = strawberry.enum_value(
        "hg19", description="GRCh37 / hg19, the previous human assembly (human genes only)."
    )
    MM9 = strawberry.enum_value(
        "mm9", description="NCBI37 / mm9, an older mouse assembly (mouse genes only)."
    )


ASSEMBLY_FIELDS = {
    Assembly.CURRENT: "genomic_pos",
    Assembly.HG19: "genomic_pos_hg19",
    Assembly.MM9: "genomic_pos_mm9",
}


@strawberry.type(description="A genome position of a gene on one assembly.")
class GenomicPosition:
    chromosome: str | None = strawberry.field(description="Chromosome name, e.g. `12`, `X`.")
    start: int | None = strawberry.field(description="Start, 1-based, in base pairs.")
    end: int | None = strawberry.field(description="End, inclusive, in base pairs.")
    strand: int | None = strawberry.field(description="1 (plus strand) or -1 (minus strand).")
    ensembl_gene_id: str | None = strawberry.field(
        description="The Ensembl gene this position belongs to, when MyGene.info records it."
    )


@strawberry.type(description="An Ensembl gene annotation of this gene.")
class EnsemblGene:
    gene_id: str | None = strawberry.field(description="Ensembl gene id, e.g. `ENSG00000123374`.")
    transcripts: list[str] = strawberry.field(description="Ensembl transcript ids (`ENST...`).")
    proteins: list[str] = strawberry.field(description="Ensembl protein ids (`ENSP...`).")
    type_of_gene: str | None = strawberry.field(
        description="Ensembl biotype, e.g. `protein_coding`."
    )


@strawberry.type(description="NCBI RefSeq accessions of the gene's sequences.")
class RefSeq:
    rna: list[str] = strawberry.field(description="RNA accessions (`NM_`, `NR_`, `XM_`, `XR_`).")
    protein: list[str] = strawberry.field(description="Protein accessions (`NP_`, `XP_`).")
    genomic: list[str] = strawberry.field(description="Genomic accessions (`NC_`, `NG_`).")


@strawberry.type(description="UniProt accessions of the gene's proteins.")
class UniProt:
    swiss_prot: list[str] = strawberry.field(description="Reviewed (Swiss-Prot) accessions.")
    trembl: list[str] = strawberry.field(description="Unreviewed (TrEMBL) accessions.")


def go_id(root: Doc) -> str:
    return str(root["id"])


def go_term(root: Doc) -> str | None:
    return text(root.get("term"))


def go_evidence(root: Doc) -> str | None:
    return text(root.get("evidence"))


def go_qualifiers(root: Doc) -> list[str]:
    return texts(root.get("qualifier"))


def go_pubmed_ids(root: Doc) -> list[str]:
    return texts(root.get("pubmed"))


@strawberry.type(description="One Gene Ontology annotation of the gene.")
class GoAnnotation:
    """Answered from its gene2go entry itself, the fields' `root`: a gene has hundreds of
    annotations, and an object wrapping each entry cost a tenth of a 1000-gene answer's CPU."""

    id: str = strawberry.field(
        resolver=go_id, description="GO term id, e.g. `GO:0004693`.", metadata=reads("id", "")
    )
    term: str | None = strawberry.field(
        resolver=go_term, description="GO term name.", metadata=reads("term", "")
    )
    evidence: str | None = strawberry.field(
        resolver=go_evidence,
        description="Evidence code, e.g. `IDA`, `IEA`.",
        metadata=reads("evidence", ""),
    )
    qualifiers: list[str] = strawberry.field(
        resolver=go_qualifiers, description="Qualifiers, e.g. `NOT`, `enables`."
    )
    pubmed_ids: list[str] = strawberry.field(
        resolver=go_pubmed_ids,
        description="PubMed ids supporting the annotation, as text: the source holds values "
        "beyond GraphQL's 32-bit Int (e.g. two ids run together), passed on as given.",
    )


@strawberry.type(description="Gene Ontology annotations by aspect.")
class GoAnnotations:
    """The gene's `go` section; each aspect answers its gene2go entries as they are (see
    `GoAnnotation`)."""

    section: strawberry.Private[Doc]

    @strawberry.field(description="BP annotations.", graphql_type=list[GoAnnotation])
    def biological_process(self) -> list[Doc]:
        return _go(self.section.get("BP"))

    @strawberry.field(description="MF annotations.", graphql_type=list[GoAnnotation])
    def molecular_function(self) -> list[Doc]:
        return _go(self.section.get("MF"))

    @strawberry.field(description="CC annotations.", graphql_type=list[GoAnnotation])
    def cellular_component(self) -> list[Doc]:
        return _go(self.section.get("CC"))


@strawberry.type(description="A pathway the gene takes part in.")
class Pathway:
    source: str = strawberry.field(description="Pathway database: `kegg`, `reactome`, ...")
    id: str = strawberry.field(description="Pathway id in that database, e.g. `hsa04110`.")
    name: str | None = strawberry.field(description="Pathway name, when the source gives one.")


@strawberry.type(description="An InterPro domain or family of the gene's proteins.")
class InterProDomain:
    id: str = strawberry.field(description="InterPro id, e.g. `IPR000719`.")
    description: str | None = strawberry.field(description="InterPro entry name.")
    short_description: str | None = strawberry.field(description="InterPro short name.")


def _go(entries: Any) -> list[Any]:
    """The entries of one GO aspect that are annotations: objects with an id. Entries decoded
    for the selection (`schema.typed_go`) are all annotations."""
    if type(entries) is list:
        if entries and isinstance(entries[0], GoEntry):
            return entries
    elif isinstance(entries, GoEntry):
        return [entries]
    return [e for e in as_list(entries) if type(e) is dict and e.get("id")]
