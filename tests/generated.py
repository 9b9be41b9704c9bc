"""Generated data sets for tests that need volume (batches over 1000, scrolls, paging).

The documents have the services' shapes but made-up values: they are test data, never demo data.
"""

from __future__ import annotations

from typing import Any

SPECIES = ((9606, "HUMAN"), (10090, "Mouse"), (10116, "Rat"))


def generated_genes(count: int, *, start_id: int = 900_000_000) -> list[dict[str, Any]]:
    """`count` gene documents with ids `start_id`, `start_id + 1`, ... over three species.

    Every fifth gene has a single `alias` string (the others a list), like the real service."""
    genes = []
    for n in range(count):
        taxid, prefix = SPECIES[n % 3]
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
