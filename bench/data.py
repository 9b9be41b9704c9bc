"""The benchmark's data set: the demo records plus 5000 human genes of realistic size.

Each generated gene is a copy of a real demo gene that has GO annotations, Ensembl and RefSeq
(the heavy fields), under a new Entrez id, so documents weigh what real ones weigh. The first
`LINKED` of them are linked like real genes: an HGNC record, a mouse ortholog (PANTHER, by MGI
id), a Swiss-Prot accession and a chemical targeting it, for the nested case.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from genechem.settings import DEMO_DATA_DIR
from mirror.store import Dataset

GENES = 5000
LINKED = 100
FIRST_ID = 600_000_000
HEAVY_KEYS = ("go", "ensembl", "refseq")
DROPPED_KEYS = ("HGNC", "pantherdb", "homologene", "uniprot", "MGI", "_version", "_score")


def gene_ids(count: int) -> list[str]:
    """The ids of the first `count` generated genes."""
    return [str(FIRST_ID + n) for n in range(count)]


def templates(demo: Dataset) -> list[dict[str, Any]]:
    """Demo human genes that carry every heavy field: the shapes the copies take."""
    return [
        g
        for g in demo.genes
        if g.get("taxid") == 9606 and all(k in g for k in HEAVY_KEYS) and "go" in g
    ]


def generated_gene(n: int, template: dict[str, Any]) -> dict[str, Any]:
    gene = {k: copy.deepcopy(v) for k, v in template.items() if k not in DROPPED_KEYS}
    gene_id = FIRST_ID + n
    gene.update(_id=str(gene_id), entrezgene=gene_id, symbol=f"{template['symbol']}B{n}")
    if n < LINKED:
        gene["HGNC"] = str(900_000 + n)
        gene["uniprot"] = {"Swiss-Prot": f"Q9B{n:03d}"}
        gene["pantherdb"] = {
            "ortholog": [{"MGI": str(8_000_000 + n), "taxid": 10090, "ortholog_type": "LDO"}]
        }
    return gene


def linked_records(n: int, gene: dict[str, Any], hgnc_template: dict[str, Any]) -> list[Any]:
    """The HGNC record, the mouse gene and the chemical of linked gene `n`."""
    record = copy.deepcopy(hgnc_template)
    record.update(
        hgnc_id=f"HGNC:{900_000 + n}",
        symbol=gene["symbol"],
        name=gene.get("name", ""),
        status="Approved",
        entrez_id=gene["_id"],
    )
    mouse = {
        "_id": f"ENSMUSG8{n:010d}",
        "symbol": gene["symbol"].capitalize(),
        "name": gene.get("name", ""),
        "taxid": 10090,
        "MGI": f"MGI:{8_000_000 + n}",
        "type_of_gene": "protein-coding",
    }
    chemical = {
        "_id": f"BENCHCHEM{n:05d}",
        "drugbank": {
            "id": f"DB9{n:04d}",
            "name": f"bench drug {n}",
            "targets": [{"uniprot": f"Q9B{n:03d}", "actions": ["inhibitor"], "organism": "Humans"}],
        },
    }
    return [record, mouse, chemical]


def bench_dataset() -> Dataset:
    """The demo records and the generated genes, in the mirror's format."""
    demo = Dataset.load(DEMO_DATA_DIR)
    shapes = templates(demo)
    hgnc_template = next(r for r in demo.hgnc if r.get("status") == "Approved")
    data = Dataset(
        genes=list(demo.genes),
        chemicals=list(demo.chemicals),
        hgnc=list(demo.hgnc),
        metadata=demo.metadata,
    )
    for n in range(GENES):
        gene = generated_gene(n, shapes[n % len(shapes)])
        data.genes.append(gene)
        if n < LINKED:
            record, mouse, chemical = linked_records(n, gene, hgnc_template)
            data.hgnc.append(record)
            data.genes.append(mouse)
            data.chemicals.append(chemical)
    return data


def write_dataset(directory: Path) -> Path:
    bench_dataset().write(directory)
    return directory
