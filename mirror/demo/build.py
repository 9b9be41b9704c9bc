"""Build the demo dataset from the fact files.

    uv run python -m mirror.demo.build --facts ../shared/facts --out mirror/data/demo

The output is deterministic (sorted keys, documents in a fixed order), so a rebuild from the same
facts reproduces the committed files byte for byte.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mirror.demo.chemicals import chemical_docs, target_accessions
from mirror.demo.facts import Facts, load_facts
from mirror.demo.genes import brief_gene, full_gene
from mirror.demo.hgnc import hgnc_records
from mirror.demo.metadata import hgnc_metadata, mychem_metadata, mygene_metadata
from mirror.demo.orthologs import ortholog_docs
from mirror.store import Dataset, Doc

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "demo"

# Approved genes whose symbol is also an alias of a demo gene, so a symbol checker meets ambiguity:
# HGF (hepatocyte growth factor) is an alias of IL6, TEP1 (telomerase protein 1) one of PTEN.
SYMBOL_CHECKER_ENTREZ = ("3082", "7011")


def _gene_order(doc: Doc) -> tuple[int, int, str]:
    _id = str(doc["_id"])
    return (int(doc["taxid"]), int(_id) if _id.isdigit() else 0, _id)


def extra_human_entrez(facts: Facts) -> list[str]:
    """Entrez ids of the drug targets and symbol-checker genes outside the 40 selected genes."""
    by_uniprot = {
        row.uniprot_ids[0]: row.entrez_id
        for row in facts.hgnc
        if row.status == "Approved" and row.uniprot_ids and row.entrez_id
    }
    wanted = {by_uniprot[accession] for accession in target_accessions()}
    wanted.update(SYMBOL_CHECKER_ENTREZ)
    return sorted(wanted - set(facts.selected), key=int)


def human_genes(facts: Facts) -> list[Doc]:
    """Full documents for the 40 selected genes, brief ones for the extra human genes."""
    hgnc = facts.hgnc_by_entrez()
    docs = [full_gene(entry, hgnc[entrez], facts) for entrez, entry in facts.selected.items()]
    docs += [brief_gene(facts.ncbi[entrez], hgnc[entrez]) for entrez in extra_human_entrez(facts)]
    return docs


def build(facts: Facts) -> Dataset:
    """The whole demo dataset."""
    humans = human_genes(facts)
    genes = sorted(humans + ortholog_docs(humans, facts), key=_gene_order)
    chemicals = chemical_docs(facts)
    hgnc = hgnc_records(sorted((str(doc["_id"]) for doc in humans), key=int), facts)
    return Dataset(
        genes=genes,
        chemicals=chemicals,
        hgnc=hgnc,
        metadata={
            "mygene": mygene_metadata(facts.ncbi_metadata, genes),
            "mychem": mychem_metadata(chemicals),
            "hgnc": hgnc_metadata(hgnc),
        },
    )


def main(argv: list[str] | None = None) -> None:
    """Command line: read `--facts`, write `--out`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--facts", type=Path, required=True, help="the shared/facts directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output data directory")
    args = parser.parse_args(argv)
    dataset = build(load_facts(args.facts))
    dataset.write(args.out)
    print(
        f"wrote {len(dataset.genes)} genes, {len(dataset.chemicals)} chemicals, "
        f"{len(dataset.hgnc)} HGNC records to {args.out}"
    )


if __name__ == "__main__":
    main()
