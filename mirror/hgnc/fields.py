"""What the HGNC REST service declares about its records: searchable and stored fields."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

SEARCHABLE_FIELDS: tuple[str, ...] = (
    "alias_name",
    "alias_symbol",
    "ccds_id",
    "curator_notes",
    "ena",
    "ensembl_gene_id",
    "entrez_id",
    "hgnc_id",
    "locus_group",
    "locus_type",
    "mgd_id",
    "name",
    "prev_name",
    "prev_symbol",
    "refseq_accession",
    "rgd_id",
    "status",
    "symbol",
    "symbol_report_tag",
    "ucsc_id",
    "uniprot_ids",
    "vega_id",
)
"""Fields `/fetch` and `/search` accept; anything else is a 400."""

RECORD_FIELDS: tuple[str, ...] = (
    "hgnc_id",
    "symbol",
    "name",
    "status",
    "locus_group",
    "locus_type",
    "location",
    "location_sortable",
    "alias_symbol",
    "alias_name",
    "prev_symbol",
    "prev_name",
    "gene_group",
    "gene_group_id",
    "date_approved_reserved",
    "date_modified",
    "date_name_changed",
    "date_symbol_changed",
    "entrez_id",
    "ensembl_gene_id",
    "vega_id",
    "ucsc_id",
    "ena",
    "refseq_accession",
    "ccds_id",
    "uniprot_ids",
    "pubmed_id",
    "mgd_id",
    "rgd_id",
    "omim_id",
    "orphanet",
    "cosmic",
    "mane_select",
    "agr",
    "uuid",
    "_version_",
)
"""The record fields the contract names, in its order."""


def stored_fields(docs: Iterable[dict[str, Any]]) -> list[str]:
    """The contract's record fields, then every other field the records carry, sorted."""
    extra = {key for doc in docs for key in doc} - set(RECORD_FIELDS)
    return [*RECORD_FIELDS, *sorted(extra)]
