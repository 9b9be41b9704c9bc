"""MyGene.info v3 client."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from backends.biothings import BioThingsClient, Doc, join_list

GENE_LIST_PATHS = (
    "alias",
    "other_names",
    "genomic_pos",
    "genomic_pos_hg19",
    "genomic_pos_mm9",
    "ensembl",
    "ensembl.transcript",
    "ensembl.protein",
    "refseq.rna",
    "refseq.protein",
    "refseq.genomic",
    "uniprot.Swiss-Prot",
    "uniprot.TrEMBL",
    "go.BP",
    "go.MF",
    "go.CC",
    "go.BP.pubmed",
    "go.MF.pubmed",
    "go.CC.pubmed",
    "go.BP.qualifier",
    "go.MF.qualifier",
    "go.CC.qualifier",
    "pathway.biocarta",
    "pathway.kegg",
    "pathway.netpath",
    "pathway.pid",
    "pathway.reactome",
    "pathway.smpdb",
    "pathway.wikipathways",
    "interpro",
    "pfam",
    "prosite",
    "pdb",
    "MIM",
    "ec",
    "retired",
    "homologene.genes",
    "pantherdb",
    "pantherdb.ortholog",
)
"""Fields a gene document carries as a value or a list; the client always returns lists."""


SPECIES_TAXIDS: dict[str, int] = {
    "human": 9606,
    "mouse": 10090,
    "rat": 10116,
    "fruitfly": 7227,
    "nematode": 6239,
    "zebrafish": 7955,
    "thale-cress": 3702,
    "frog": 8364,
    "pig": 9823,
}
"""MyGene.info's common species names (its `species` parameter accepts these or taxids)."""

TAXID_SPECIES = {taxid: name for name, taxid in SPECIES_TAXIDS.items()}


def taxid_of(species: str) -> int | None:
    """A common name or a numeric taxid as a taxid; None for a name MyGene.info does not know."""
    value = species.strip().lower()
    if value.isdigit():
        return int(value)
    return SPECIES_TAXIDS.get(value)


class MyGeneClient(BioThingsClient):
    """MyGene.info v3: `/gene`, `/query`, `/metadata`."""

    annotation_type = "gene"
    list_paths = GENE_LIST_PATHS

    async def get_genes(self, ids: Sequence[str], fields: Sequence[str] | None = None) -> list[Doc]:
        """Annotation for Entrez or Ensembl gene ids (retired ids resolve), batched by 1000."""
        return await self.get_many(ids, fields=fields)

    async def query_genes(
        self,
        q: str | None,
        *,
        species: Sequence[str] | None = None,
        fields: Sequence[str] | None = None,
        **params: Any,
    ) -> Doc:
        """`GET /query` with MyGene's `species` filter (common names or taxids)."""
        return await self.query(q, species=join_list(species), fields=join_list(fields), **params)
