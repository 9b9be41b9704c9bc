"""Mouse and rat ortholog documents, linked to their human genes through `pantherdb`.

HGNC's MGI and RGD columns name each human gene's mouse and rat counterparts; `mgi_entries.tsv`
and `rgd_entries.tsv` give their symbols, synonyms and Ensembl genes. With no Entrez ids among the
facts, each document is an Ensembl-only MyGene document (`_id` = Ensembl gene id). A one-to-one HGNC
mapping is written `ortholog_type: "LDO"` (least diverged ortholog); a human gene mapped to several
mouse or rat genes gets `"O"` (ortholog) on each link: PANTHER would call one of them least
diverged, but HGNC's mapping does not say which.
"""

from __future__ import annotations

from dataclasses import dataclass

from mirror.demo.facts import Facts, HgncRow, ModelGene
from mirror.demo.shape import unlist
from mirror.store import Doc

MOUSE_TAXID = 10090
RAT_TAXID = 10116


@dataclass(frozen=True)
class Species:
    """How one model organism's ids are written: the key, and the id as doc field and as link."""

    key: str
    taxid: int
    prefix: str
    keep_prefix_in_doc: bool
    """The recorded mouse CDK2 has `"MGI": "MGI:104772"`, the rat `"RGD": "70486"`."""

    def doc_id(self, number: str) -> str:
        """The id as the species' own document writes it (the human side never has a prefix)."""
        return f"{self.prefix}{number}" if self.keep_prefix_in_doc else number


MOUSE = Species("MGI", MOUSE_TAXID, "MGI:", keep_prefix_in_doc=True)
RAT = Species("RGD", RAT_TAXID, "RGD:", keep_prefix_in_doc=False)


def _human_link(row: HgncRow, ortholog_type: str) -> Doc:
    link: Doc = {
        "HGNC": row.hgnc_id.removeprefix("HGNC:"),
        "taxid": 9606,
        "ortholog_type": ortholog_type,
    }
    if row.uniprot_ids:
        link["uniprot_kb"] = row.uniprot_ids[0]
    return link


def _model_doc(species: Species, gene: ModelGene) -> Doc:
    doc: Doc = {
        "_id": gene.ensembl[0],
        "taxid": species.taxid,
        "symbol": gene.symbol,
        "ensembl": unlist([{"gene": ensembl} for ensembl in gene.ensembl]),
        species.key: species.doc_id(gene.id),
        "pantherdb": {species.key: species.doc_id(gene.id), "ortholog": []},
    }
    if gene.synonyms:
        doc["alias"] = unlist(list(gene.synonyms))
    return doc


def _link(
    species: Species,
    genes: dict[str, ModelGene],
    ids: tuple[str, ...],
    row: HgncRow,
    docs: dict[str, Doc],
) -> list[Doc]:
    """Make (or extend) the documents of `row`'s orthologs in one species; return the human side."""
    numbers = [i.removeprefix(species.prefix) for i in ids]
    found = [genes[n] for n in numbers if n in genes and genes[n].ensembl]
    ortholog_type = "LDO" if len(numbers) == 1 else "O"
    links: list[Doc] = []
    for gene in found:
        if gene.ensembl[0] not in docs:
            docs[gene.ensembl[0]] = _model_doc(species, gene)
        doc = docs[gene.ensembl[0]]
        doc["pantherdb"]["ortholog"].append(_human_link(row, ortholog_type))
        links.append({species.key: gene.id, "taxid": species.taxid, "ortholog_type": ortholog_type})
    return links


def ortholog_docs(human_docs: list[Doc], facts: Facts) -> list[Doc]:
    """Mouse and rat documents for every human document; adds `pantherdb` to the human ones."""
    hgnc = {row.hgnc_id: row for row in facts.hgnc}
    docs: dict[str, Doc] = {}
    for human in human_docs:
        row = hgnc[f"HGNC:{human['HGNC']}"]
        links = _link(MOUSE, facts.mgi, row.mgi_ids, row, docs)
        links += _link(RAT, facts.rgd, row.rgd_ids, row, docs)
        if not links:
            continue
        panther: Doc = {"HGNC": human["HGNC"], "ortholog": links}
        if row.uniprot_ids:
            panther["uniprot_kb"] = row.uniprot_ids[0]
        human["pantherdb"] = panther
    for doc in docs.values():
        doc["pantherdb"]["ortholog"] = sorted(
            doc["pantherdb"]["ortholog"], key=lambda link: int(link["HGNC"])
        )
    return list(docs.values())
