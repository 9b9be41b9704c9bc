"""`Gene`: a gene document from MyGene.info v3, any species."""

from __future__ import annotations

from typing import Any

import strawberry

from backends.shapes import as_list

Doc = dict[str, Any]

UPSTREAM_FIELDS: dict[str, tuple[str, ...]] = {
    "id": (),
    "entrezId": ("entrezgene",),
    "symbol": ("symbol",),
    "name": ("name",),
    "taxid": ("taxid",),
    "typeOfGene": ("type_of_gene",),
    "aliases": ("alias",),
    "summary": ("summary",),
    "mapLocation": ("map_location",),
    "hgncId": ("HGNC",),
}
"""The MyGene.info fields each GraphQL field reads: the upstream `fields` parameter is built from
the selection through this table (projection pushdown)."""


@strawberry.type(description="A gene, from MyGene.info v3 (NCBI Gene and Ensembl, every species).")
class Gene:
    doc: strawberry.Private[Doc]

    @strawberry.field(
        description="MyGene.info id: the NCBI Entrez Gene id, or the Ensembl gene id for genes "
        "that have no Entrez id."
    )
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.doc["_id"]))

    @strawberry.field(
        description="NCBI Entrez Gene id (`entrezgene`); null for Ensembl-only genes."
    )
    def entrez_id(self) -> int | None:
        value = self.doc.get("entrezgene")
        return int(value) if value is not None and str(value).isdigit() else None

    @strawberry.field(description="Official gene symbol (HGNC for human, MGI for mouse, ...).")
    def symbol(self) -> str | None:
        return self.doc.get("symbol")

    @strawberry.field(description="Full gene name.")
    def name(self) -> str | None:
        return self.doc.get("name")

    @strawberry.field(description="NCBI Taxonomy id of the species (9606 human, 10090 mouse).")
    def taxid(self) -> int | None:
        return self.doc.get("taxid")

    @strawberry.field(description="NCBI gene type, e.g. `protein-coding`, `ncRNA`, `pseudo`.")
    def type_of_gene(self) -> str | None:
        return self.doc.get("type_of_gene")

    @strawberry.field(description="Other symbols the gene is known by (`alias`); always a list.")
    def aliases(self) -> list[str]:
        return [str(a) for a in as_list(self.doc.get("alias"))]

    @strawberry.field(description="NCBI RefSeq summary of the gene's function; null if none.")
    def summary(self) -> str | None:
        return self.doc.get("summary")

    @strawberry.field(description="Cytogenetic band, e.g. `12q13.2`.")
    def map_location(self) -> str | None:
        return self.doc.get("map_location")

    @strawberry.field(description="HGNC id (`HGNC:1771`) of a human gene; null for other species.")
    def hgnc_id(self) -> str | None:
        value = self.doc.get("HGNC")
        return f"HGNC:{value}" if value is not None else None
