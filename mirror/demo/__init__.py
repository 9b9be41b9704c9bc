"""genechem's bundled demo dataset: real facts written in the services' own document shapes.

The gateway serves this through the mirror when it cannot reach MyGene.info, MyChem.info or HGNC.
`build.py` writes `mirror/data/demo/` from the fact files in `shared/facts/` (see its SOURCES.md):

    uv run python -m mirror.demo.build --facts ../shared/facts --out mirror/data/demo

The generated files are committed, so a fresh clone needs no facts; a test rebuilds them where the
facts exist and compares byte for byte. What the dataset holds:

- 40 human genes with every section org.Hs.eg.db gives (`genes.py`), plus a smaller document for
  each drug target outside them and for two symbol-checker cases (HGF, TEP1).
- Mouse and rat orthologs of every human gene (`orthologs.py`). The facts hold no mouse or rat
  Entrez ids, so these are Ensembl-only documents, `_id` = Ensembl gene id, as MyGene writes genes
  that have no Entrez id. They are linked both ways with MyGene's real `pantherdb` shape: the human
  document lists `{"MGI": "104772", "taxid": 10090, "ortholog_type": "LDO"}` (and the RGD link),
  and each mouse or rat document lists `{"HGNC": "1771", "taxid": 9606, "ortholog_type": "LDO",
  "uniprot_kb": ...}`. The links are HGNC's curated MGI/RGD mappings, not PANTHER's trees: a
  one-to-one mapping is the least diverged ortholog ("LDO"); a human gene mapped to several mouse
  or rat genes (MYC, INS, NAT2) gets "O" on each. No `panther_family`: no fact gives it.
- Approved drugs from the curated table in `drugs.py` (`chemicals.py`): `_id` is the InChIKey of a
  small molecule, the DrugBank id of a biologic (an antibody, insulin), which has no InChIKey.
- HGNC `/fetch` records for every human gene and four withdrawn entries (`hgnc.py`).
- What `/metadata` and HGNC `/info` report (`metadata.py`).

Values appear only where a fact gives them; single-item lists become plain values as in the real
services (`shape.py`). GO entries carry no `pubmed` or `qualifier`, RefSeq accessions no version
suffix, and no document has `summary`, `other_names` or `pubchem`: the facts do not give them.
"""
