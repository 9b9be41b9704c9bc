"""Generated data sets for tests that need volume (batches over 1000, scrolls, paging).

The documents have the services' shapes but made-up values: they are test data, never demo data.
"""

from __future__ import annotations

from typing import Any

from mirror.store import Dataset

SPECIES = ((9606, "HUMAN"), (10090, "Mouse"), (10116, "Rat"))


def generated_genes(
    count: int,
    *,
    start_id: int = 900_000_000,
    species: tuple[tuple[int, str], ...] = SPECIES,
) -> list[dict[str, Any]]:
    """`count` gene documents with ids `start_id`, `start_id + 1`, ..., cycling over `species`.

    Every fifth gene has a single `alias` string (the others a list), like the real service."""
    genes = []
    for n in range(count):
        taxid, prefix = species[n % len(species)]
        gene_id = start_id + n
        symbol = f"{prefix}G{n}"
        genes.append(
            {
                "_id": str(gene_id),
                "entrezgene": gene_id,
                "symbol": symbol,
                "name": f"generated gene {n}",
                "taxid": taxid,
                "type_of_gene": "protein-coding" if n % 4 else "ncRNA",
                "alias": f"{symbol}A" if n % 5 == 0 else [f"{symbol}A", f"{symbol}B"],
                "genomic_pos": {
                    "chr": str(1 + n % 22),
                    "start": 1000 * n,
                    "end": 1000 * n + 500,
                    "strand": 1,
                },
            }
        )
    return genes


def linked_dataset(count: int) -> Dataset:
    """`count` human genes, each with an HGNC record, a mouse ortholog (PANTHER link by MGI id),
    a Swiss-Prot accession, and one chemical per ten genes targeting them: every link of the schema
    at volume. Gene `i` has Entrez id `800000000 + i`, symbol `GC{i}`, HGNC `HGNC:{100000 + i}`."""
    human, mouse, records, chemicals = [], [], [], []
    for i in range(count):
        mgi = str(300_000 + i)
        human.append(
            {
                "_id": str(800_000_000 + i),
                "entrezgene": 800_000_000 + i,
                "symbol": f"GC{i}",
                "name": f"generated linked gene {i}",
                "taxid": 9606,
                "HGNC": str(100_000 + i),
                "uniprot": {"Swiss-Prot": f"X{i:05d}"},
                "pantherdb": {"ortholog": [{"MGI": mgi, "taxid": 10090, "ortholog_type": "LDO"}]},
            }
        )
        mouse.append(
            {"_id": f"ENSMUSG9{i:010d}", "symbol": f"Gc{i}", "taxid": 10090, "MGI": f"MGI:{mgi}"}
        )
        records.append(
            {
                "hgnc_id": f"HGNC:{100_000 + i}",
                "symbol": f"GC{i}",
                "name": f"generated linked gene {i}",
                "status": "Approved",
                "entrez_id": str(800_000_000 + i),
                "prev_symbol": [f"OLDGC{i}"],
                "alias_symbol": [f"ALIASGC{i}"],
            }
        )
    for c in range(0, count, 10):
        targets = [
            {"uniprot": f"X{i:05d}", "actions": ["inhibitor"], "organism": "Humans"}
            for i in range(c, min(c + 10, count))
        ]
        chemicals.append(
            {
                "_id": f"DBX{c:05d}",
                "drugbank": {
                    "id": f"DBX{c:05d}",
                    "name": f"generated drug {c}",
                    "targets": targets,
                },
            }
        )
    return Dataset(genes=human + mouse, chemicals=chemicals, hgnc=records)
