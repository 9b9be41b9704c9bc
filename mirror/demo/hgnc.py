"""HGNC REST `/fetch` records for the demo's human genes, plus withdrawn entries.

Fields come from `hgnc_entries.tsv`, except `location` (NCBI's map location, which HGNC also shows)
and `omim_id` (NCBI's MIM links, for the 40 selected genes). `locus_group` follows HGNC's published
grouping of locus types. Fields without a fact (dates, `refseq_accession`, `uuid`, gene groups) are
left out rather than guessed; HGNC itself omits empty fields the same way.
"""

from __future__ import annotations

from mirror.demo.facts import Facts, HgncRow
from mirror.store import Doc

# Entry-withdrawn records a symbol checker should meet: A12M1 (plain), ACTL5 (has an alias, ACTFIB),
# APPL (its previous symbol APPL1 is now another gene's approved symbol) and GSK1 (a kinase name).
WITHDRAWN_IDS = ("HGNC:1", "HGNC:159", "HGNC:623", "HGNC:4614")

LOCUS_GROUPS = {
    "gene with protein product": "protein-coding gene",
    "immunoglobulin pseudogene": "pseudogene",
    "T cell receptor pseudogene": "pseudogene",
    "pseudogene": "pseudogene",
    "phenotype only": "phenotype",
}
# Every other locus type not starting with "RNA, " (the non-coding RNA group) is grouped as "other":
# complex locus constituent, endogenous retrovirus, fragile site, immunoglobulin gene, readthrough,
# region, T cell receptor gene, transposable element, unknown, virus integration site.


def locus_group(locus_type: str) -> str:
    """HGNC's locus group for a locus type."""
    if locus_type.startswith("RNA, "):
        return "non-coding RNA"
    return LOCUS_GROUPS.get(locus_type, "other")


def hgnc_record(row: HgncRow, location: str = "", omim: tuple[str, ...] = ()) -> Doc:
    """One `/fetch` document; list fields only when they have items."""
    record: Doc = {
        "hgnc_id": row.hgnc_id,
        "symbol": row.symbol,
        "name": row.name,
        "status": row.status,
        "locus_type": row.locus_type,
        "locus_group": locus_group(row.locus_type),
    }
    scalars = {
        "location": location,
        "entrez_id": row.entrez_id,
        "ensembl_gene_id": row.ensembl_gene_id,
    }
    record.update({key: value for key, value in scalars.items() if value})
    lists = {
        "alias_symbol": row.alias_symbols,
        "prev_symbol": row.prev_symbols,
        "uniprot_ids": row.uniprot_ids,
        "mgd_id": row.mgi_ids,
        "rgd_id": row.rgd_ids,
        "omim_id": omim,
        "enzyme_id": row.enzyme_ids,
    }
    record.update({key: list(values) for key, values in lists.items() if values})
    return record


def hgnc_records(entrez_ids: list[str], facts: Facts) -> list[Doc]:
    """Records for the given human genes and the chosen withdrawn entries, by HGNC number."""
    by_entrez = facts.hgnc_by_entrez()
    by_id = {row.hgnc_id: row for row in facts.hgnc}
    records: list[Doc] = []
    for entrez in entrez_ids:
        row = by_entrez[entrez]
        gene = facts.ncbi.get(entrez)
        selected = facts.selected.get(entrez, {})
        omim = tuple(sorted({str(r["omim_id"]) for r in selected.get("omim", [])}, key=int))
        records.append(hgnc_record(row, gene.map_location if gene else "", omim))
    for hgnc_id in WITHDRAWN_IDS:
        row = by_id[hgnc_id]
        if row.status != "Entry Withdrawn":
            raise ValueError(f"{hgnc_id} is {row.status}, not withdrawn")
        records.append(hgnc_record(row))
    return sorted(records, key=lambda record: int(record["hgnc_id"].removeprefix("HGNC:")))
