"""Human MyGene.info v3 documents, written from the org.Hs.eg.db tables and HGNC rows.

`full_gene` turns one entry of `ncbi_selected_genes_40.json` into a document with every section the
facts support; `brief_gene` writes the smaller document used for drug targets outside those 40, from
`ncbi_human_genes.tsv` and the HGNC row alone. Ortholog links (`pantherdb`) are added later by
`orthologs.py`, once the mouse and rat documents exist.
"""

from __future__ import annotations

from typing import Any

from mirror.demo.facts import Facts, HgncRow, NcbiGene
from mirror.demo.shape import unique, unlist
from mirror.store import Doc

HUMAN_TAXID = 9606

REFSEQ_KIND = {
    "NM_": "rna",
    "NR_": "rna",
    "XM_": "rna",
    "XR_": "rna",
    "NP_": "protein",
    "XP_": "protein",
    "NC_": "genomic",
    "NG_": "genomic",
    "NT_": "genomic",
    "NW_": "genomic",
}

# The recorded CDK2 documents (human, mouse and rat alike) name the category key `gocategory` in BP
# and CC entries but `category` in MF entries; the demo keeps that difference.
GO_SECTIONS = (
    ("go_bp", "BP", "gocategory"),
    ("go_mf", "MF", "category"),
    ("go_cc", "CC", "gocategory"),
)


def _column(entry: dict[str, Any], table: str, key: str) -> list[str]:
    return unique(str(row[key]) for row in entry.get(table, []) if row.get(key) not in (None, ""))


def _put(doc: Doc, key: str, values: list[Any]) -> None:
    """Set `key` to the unlisted values, or leave it out when there are none."""
    if values:
        doc[key] = unlist(values)


def genomic_pos(entry: dict[str, Any], ensembl_gene: str) -> list[Doc]:
    """One span per sequence and strand from CHRLOC/CHRLOCEND (a negative start = minus strand).

    Primary chromosomes come first and carry the HGNC Ensembl gene; alt and fix contigs keep their
    UCSC sequence names, since the facts do not say which Ensembl gene lies on them.
    """
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    for row in entry.get("chromosome_locations", []):
        start, end = int(row["start_location"]), int(row["end_location"])
        strand = -1 if start < 0 else 1
        low, high = sorted((abs(start), abs(end)))
        key = (str(row["seqname"]), strand)
        old = spans.get(key)
        spans[key] = (low, high) if old is None else (min(old[0], low), max(old[1], high))
    positions: list[Doc] = []
    for (chrom, strand), (start, end) in sorted(
        spans.items(), key=lambda s: ("_" in s[0][0], s[0])
    ):
        pos: Doc = {"chr": chrom, "start": start, "end": end, "strand": strand}
        if "_" not in chrom and ensembl_gene:
            pos["ensemblgene"] = ensembl_gene
        positions.append(pos)
    return positions


def ensembl_section(entry: dict[str, Any], hgnc_gene: str) -> list[Doc]:
    """Ensembl genes, HGNC's first; transcripts and proteins only when there is a single gene.

    Transcripts are ENSEMBLTRANS plus the GENCODE ids of the UCSC table (version dropped); with
    several Ensembl genes (alt haplotypes) the facts cannot tell which transcript is whose.
    """
    genes = _column(entry, "ensembl", "ensembl_id")
    genes.sort(key=lambda gene: (gene != hgnc_gene, gene))
    if len(genes) != 1:
        return [{"gene": gene} for gene in genes]
    section: Doc = {"gene": genes[0]}
    ucsc = [ucsc_id.split(".")[0] for ucsc_id in _column(entry, "ucsc", "ucsc_id")]
    transcripts = sorted(set(_column(entry, "ensembl_trans", "trans_id")) | set(ucsc))
    proteins = sorted(set(_column(entry, "ensembl_prot", "prot_id")))
    _put(section, "transcript", [t for t in transcripts if t.startswith("ENST")])
    _put(section, "protein", proteins)
    return [section]


def refseq_section(entry: dict[str, Any]) -> Doc:
    """RefSeq accessions sorted into rna / protein / genomic by their prefix."""
    kinds: dict[str, list[str]] = {}
    for accession in sorted(_column(entry, "refseq", "accession")):
        kind = REFSEQ_KIND.get(accession[:3])
        if kind:
            kinds.setdefault(kind, []).append(accession)
    section: Doc = {}
    for kind, accessions in sorted(kinds.items()):
        _put(section, kind, accessions)
    return section


def uniprot_section(uniprot_ids: list[str], swiss_prot: str) -> Doc:
    """HGNC's UniProt id is the Swiss-Prot entry; every other id NCBI links is TrEMBL."""
    section: Doc = {}
    if swiss_prot:
        section["Swiss-Prot"] = swiss_prot
    _put(section, "TrEMBL", sorted(set(uniprot_ids) - {swiss_prot}))
    return section


def go_section(entry: dict[str, Any], go_terms: dict[str, dict[str, str]]) -> Doc:
    """GO annotations per ontology, one entry per (term, evidence) pair, sorted."""
    section: Doc = {}
    for table, ontology, category_key in GO_SECTIONS:
        pairs = sorted({(row["go_id"], row["evidence"]) for row in entry.get(table, [])})
        annotations: list[Doc] = []
        for go_id, evidence in pairs:
            annotation: Doc = {"id": go_id, "evidence": evidence, category_key: ontology}
            if go_id in go_terms:
                annotation["term"] = go_terms[go_id]["term"]
            annotations.append(annotation)
        _put(section, ontology, annotations)
    return section


def _hgnc_number(row: HgncRow) -> str:
    return row.hgnc_id.removeprefix("HGNC:")


def full_gene(entry: dict[str, Any], hgnc: HgncRow, facts: Facts) -> Doc:
    """The MyGene document of one of the 40 selected genes."""
    info = entry["gene_info"][0]
    entrez = str(entry["gene_id"])
    swiss_prot = hgnc.uniprot_ids[0] if hgnc.uniprot_ids else ""
    doc: Doc = {
        "_id": entrez,
        "entrezgene": entrez,
        "symbol": info["symbol"],
        "name": info["gene_name"],
        "taxid": HUMAN_TAXID,
        "HGNC": _hgnc_number(hgnc),
    }
    _put(doc, "type_of_gene", _column(entry, "genetype", "gene_type"))
    # ALIAS2EG lists the official symbol among the aliases; MyGene's `alias` does not.
    _put(doc, "alias", [a for a in _column(entry, "alias", "alias_symbol") if a != info["symbol"]])
    _put(doc, "map_location", _column(entry, "cytogenetic_locations", "cytogenetic_location")[:1])
    _put(doc, "genomic_pos", genomic_pos(entry, hgnc.ensembl_gene_id))
    _put(doc, "ensembl", ensembl_section(entry, hgnc.ensembl_gene_id))
    for key, section in (
        ("refseq", refseq_section(entry)),
        ("uniprot", uniprot_section(_column(entry, "uniprot", "uniprot_id"), swiss_prot)),
        ("go", go_section(entry, facts.go_terms)),
    ):
        if section:
            doc[key] = section
    kegg = [{"id": f"hsa{path}"} for path in sorted(_column(entry, "kegg", "path_id"))]
    if kegg:
        doc["pathway"] = {"kegg": unlist(kegg)}
    _put(doc, "pfam", sorted(_column(entry, "pfam", "pfam_id")))
    _put(doc, "prosite", sorted(_column(entry, "prosite", "prosite_id")))
    _put(doc, "ec", sorted(_column(entry, "ec", "ec_number")))
    _put(doc, "MIM", sorted(_column(entry, "omim", "omim_id"), key=int))
    return doc


def brief_gene(gene: NcbiGene, hgnc: HgncRow) -> Doc:
    """A smaller document for a human gene outside the 40 (a drug target, a symbol-checker case).

    NCBI's own synonyms are not among the facts; HGNC's alias and previous symbols stand in for them
    in `alias`, which is where MyGene puts NCBI synonyms.
    """
    doc: Doc = {
        "_id": gene.entrez_id,
        "entrezgene": gene.entrez_id,
        "symbol": gene.symbol,
        "name": gene.name,
        "taxid": HUMAN_TAXID,
        "type_of_gene": gene.type_of_gene,
        "HGNC": _hgnc_number(hgnc),
    }
    _put(doc, "alias", unique([*hgnc.alias_symbols, *hgnc.prev_symbols]))
    _put(doc, "map_location", [gene.map_location] if gene.map_location else [])
    if hgnc.ensembl_gene_id:
        doc["ensembl"] = {"gene": hgnc.ensembl_gene_id}
    if hgnc.uniprot_ids:
        doc["uniprot"] = uniprot_section(list(hgnc.uniprot_ids), hgnc.uniprot_ids[0])
    _put(doc, "ec", list(hgnc.enzyme_ids))
    return doc
