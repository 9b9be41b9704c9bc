"""MyGene.info v3 client."""

from __future__ import annotations

import re
from collections.abc import Sequence

from backends.answers import Typed
from backends.biothings import BioThingsClient
from backends.shapes import Doc
from genechem.errors import InvalidInput

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
"""Fields a gene document carries as a value or a list; the client always returns lists.

Not the `pubmed` and `qualifier` of each GO annotation: only `GoAnnotation` reads them, through
`texts`, which takes a value or a list, and making them lists meant copying every one of a
gene's hundreds of annotations: most of `listify`'s work on genes with GO terms."""


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


LIST_SEPARATORS = re.compile(r"[\s,|+]")
"""What MyGene.info splits a list parameter on: one species value holding any of these would
silently become several species."""


def species_param(species: Sequence[str] | None, argument: str = "species") -> str | None:
    """The `species` parameter for a list of species, one value each: common names or taxids,
    joined with commas; None (MyGene.info's default, every species) for no list or an empty one.

    A value that is empty or holds a list separator (`"human,mouse"`, `"human mouse"`) is
    rejected rather than sent: the service would read it as several species."""
    if not species:
        return None
    values = [s.strip() for s in species]
    bad = [s for s in values if not s or LIST_SEPARATORS.search(s)]
    if bad:
        raise InvalidInput(
            f"{argument}: {', '.join(map(repr, bad))} is not one species; give each species as "
            'its own list item (["human", "mouse"]), by common name or NCBI taxid.'
        )
    return ",".join(values)


class MyGeneClient(BioThingsClient):
    """MyGene.info v3: `/gene`, `/query`, `/metadata`."""

    annotation_type = "gene"
    list_paths = GENE_LIST_PATHS

    async def get_genes(
        self, ids: Sequence[str], fields: Sequence[str] | None = None, typed: Typed | None = None
    ) -> list[Doc]:
        """Annotation for Entrez or Ensembl gene ids (retired ids resolve), batched by 1000."""
        return await self.get_many(ids, fields=fields, typed=typed)
