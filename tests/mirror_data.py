"""Test data sets for the MyGene.info and MyChem.info mirrors, in the services' document shapes.

Small hand-written sets exercise each behaviour (retired ids, Ensembl-only genes, genome
intervals, chemical id forms); generated sets give volume (batches of 1000+ terms, long scrolls).
Values are made up or public identifiers; no record is copied from the recorded references.
"""

from __future__ import annotations

from typing import Any

from backends.shapes import Doc
from mirror.store import Dataset


def _gene(entrez: int, symbol: str, name: str, taxid: int, **extra: Any) -> Doc:
    return {
        "_id": str(entrez),
        "entrezgene": entrez,
        "symbol": symbol,
        "name": name,
        "taxid": taxid,
        "type_of_gene": "protein-coding",
        **extra,
    }


def small_genes() -> list[Doc]:
    """CDK2 in three species, relatives, a pseudogene, retired and Ensembl-only ids, ..."""
    return [
        _gene(
            12566,
            "Cdk2",
            "cyclin-dependent kinase 2",
            10090,
            MGI="MGI:104772",
            ensembl={"gene": "ENSMUSG00000025358", "transcript": ["ENSMUST00000026416"]},
            genomic_pos={"chr": "10", "start": 128532000, "end": 128538000, "strand": 1},
        ),
        _gene(
            1017,
            "CDK2",
            "cyclin dependent kinase 2",
            9606,
            HGNC="1771",
            MIM="116953",
            alias=["CDKN2", "p33(CDK2)"],
            retired=[4301, 4302],
            summary="This gene encodes a member of the serine/threonine protein kinase family.",
            ensembl={
                "gene": "ENSG00000123374",
                "transcript": ["ENST00000266970", "ENST0000354056"],
            },
            refseq={"rna": ["NM_001798.5", "NM_052827.4"], "protein": ["NP_001789.2"]},
            uniprot={"Swiss-Prot": "P24941", "TrEMBL": ["A0A024RB10", "G3V5T9"]},
            genomic_pos={"chr": "12", "start": 55966769, "end": 55972784, "strand": 1},
            genomic_pos_hg19={"chr": "12", "start": 56360553, "end": 56366568, "strand": 1},
            go={"BP": [{"id": "GO:0000082", "term": "G1/S transition"}, {"id": "GO:0006468"}]},
            pathway={"kegg": {"id": "hsa04110", "name": "Cell cycle"}},
        ),
        _gene(
            362817,
            "Cdk2",
            "cyclin dependent kinase 2",
            10116,
            RGD="70486",
            ensembl={"gene": "ENSRNOG00000005016"},
            genomic_pos=[
                {"chr": "7", "start": 1000, "end": 2000, "strand": 1},
                {"chr": "7_random", "start": 5000, "end": 6000, "strand": -1},
            ],
        ),
        _gene(
            1018,
            "CDK3",
            "cyclin dependent kinase 3",
            9606,
            HGNC="1772",
            alias="CDK3A",
            ensembl={"gene": "ENSG00000250506"},
            genomic_pos={"chr": "17", "start": 75992000, "end": 76000000, "strand": 1},
            go={"BP": {"id": "GO:0006468", "term": "protein phosphorylation"}},
        ),
        _gene(1019, "CDK4", "cyclin dependent kinase 4", 9606, HGNC="1773", alias=["CMM3"]),
        _gene(
            100287102,
            "CDK2P1",
            "cyclin dependent kinase 2 pseudogene 1",
            9606,
            type_of_gene="pseudo",
        ),
        _gene(7157, "TP53", "tumor protein p53", 9606, HGNC="11998", alias=["P53", "LFS1"]),
        _gene(22059, "Trp53", "transformation related protein 53", 10090, alias="p53"),
        _gene(
            3845,
            "KRAS",
            "KRAS proto-oncogene, GTPase",
            9606,
            ensembl=[{"gene": "ENSG00000133703"}, {"gene": "ENSG00000999999"}],
        ),
        _gene(
            9999001,
            "DUP1",
            "shared ensembl gene one",
            9606,
            ensembl={"gene": "ENSG00000000001"},
        ),
        _gene(
            9999002,
            "DUP2",
            "shared ensembl gene two",
            9606,
            ensembl={"gene": "ENSG00000000001"},
            _version=3,
        ),
        {
            "_id": "ENSDARG00000000001",
            "symbol": "zgc:1",
            "name": "ensembl only zebrafish gene",
            "taxid": 7955,
            "ensembl": {"gene": "ENSDARG00000000001"},
        },
        _gene(
            43740578,
            "orf1ab",
            "ORF1ab polyprotein",
            2697049,
            type_of_gene="protein-coding",
        ),
    ]


def volume_genes(count: int, *, start: int = 500_000_000) -> list[Doc]:
    """`count` mouse and rat genes named `VOL<n>`, all matching `q=volume`."""
    genes = []
    for n in range(count):
        taxid = 10090 if n % 2 else 10116
        genes.append(
            _gene(
                start + n,
                f"VOL{n}",
                f"volume gene {n}",
                taxid,
                ensembl={"gene": f"ENSMUSG{start + n:011d}"},
                type_of_gene="ncRNA" if n % 3 == 0 else "protein-coding",
            )
        )
    return genes


def small_chemicals() -> list[Doc]:
    """Chemicals with every source id form: ChEBI, ChEMBL, PubChem, DrugBank, UNII, PharmGKB."""
    return [
        {
            "_id": "BSYNRYMUTXBXSQ-UHFFFAOYSA-N",
            "chebi": {
                "_license": "http://example.org/chebi",
                "id": "CHEBI:15365",
                "name": "aspirin",
            },
            "chembl": {
                "_license": "http://example.org/chembl",
                "molecule_chembl_id": "CHEMBL25",
                "pref_name": "ASPIRIN",
                "max_phase": 4,
            },
            "drugbank": {
                "_license": "http://example.org/drugbank",
                "id": "DB00945",
                "name": "Acetylsalicylic acid",
                "targets": [
                    {"uniprot": "P23219", "gene_name": "PTGS1", "actions": ["inhibitor"]},
                    {"uniprot": "P35354", "gene_name": "PTGS2", "actions": "inhibitor"},
                ],
            },
            "pubchem": {"cid": 2244, "molecular_formula": "C9H8O4"},
            "unii": {"unii": "R16CO5Y76E", "preferred_term": "ASPIRIN"},
            "pharmgkb": {"id": "PA448497", "name": "aspirin"},
        },
        {
            "_id": "RZVAJINKPMORJF-UHFFFAOYSA-N",
            "chebi": {"id": "CHEBI:46195", "name": "paracetamol"},
            "chembl": {"molecule_chembl_id": "CHEMBL112", "pref_name": "ACETAMINOPHEN"},
            "drugbank": {"id": "DB00316", "name": "Acetaminophen"},
            "pubchem": {"cid": 1983},
            "unii": {"unii": "362O9ITL9D"},
        },
        {
            "_id": "CHEMBL9999999",
            "chembl": {"molecule_chembl_id": "CHEMBL9999999", "pref_name": "NO STRUCTURE"},
        },
    ]


def volume_chemicals(count: int) -> list[Doc]:
    """`count` generated chemicals, all matching `q=generated`."""
    return [
        {
            "_id": f"GEN{n:011d}-UHFFFAOYSA-N",
            "pubchem": {"cid": 90_000_000 + n, "iupac": f"generated compound {n}"},
            "chembl": {"molecule_chembl_id": f"CHEMBL{80_000_000 + n}", "max_phase": n % 5},
        }
        for n in range(count)
    ]


def mirror_dataset(*, volume: int = 2500) -> Dataset:
    """Small sets plus `volume` generated genes and chemicals, and some configured metadata."""
    return Dataset(
        genes=small_genes() + volume_genes(volume),
        chemicals=small_chemicals() + volume_chemicals(volume),
        metadata={
            "mygene": {"build_version": "20240101", "stats": {"total_genes": 1}},
            "mychem": {"build_version": "20240102"},
        },
    )


def ortholog_collision_genes() -> list[Doc]:
    """EGFR with its mouse and rat orthologs, beside the human genes whose ids of *another* id
    space equal EGFR's own (real identifiers): CHRNA2's HGNC number is EGFR's Entrez id (1956),
    HOXD10's Entrez id is EGFR's HGNC number (3236). A lookup that ignores which id space a
    reference comes from finds them too. `Made1` is made up: a mouse gene whose Entrez id is
    Egfr's MGI number, for a lookup that drops the `MGI:` prefix."""
    egfr_group = {"id": 74545, "genes": [[9606, 1956], [10090, 13649], [10116, 24329]]}
    to_human = [{"HGNC": "3236", "ortholog_type": "LDO", "taxid": 9606, "uniprot_kb": "P00533"}]
    return [
        _gene(
            1956,
            "EGFR",
            "epidermal growth factor receptor",
            9606,
            HGNC="3236",
            ensembl={"gene": "ENSG00000146648"},
            homologene=egfr_group,
            pantherdb={
                "HGNC": "3236",
                "ortholog": [
                    {
                        "MGI": "95294",
                        "ortholog_type": "LDO",
                        "taxid": 10090,
                        "uniprot_kb": "Q01279",
                    },
                    {"RGD": "2543", "ortholog_type": "LDO", "taxid": 10116},
                ],
                "uniprot_kb": "P00533",
            },
        ),
        _gene(
            1135,
            "CHRNA2",
            "cholinergic receptor nicotinic alpha 2 subunit",
            9606,
            HGNC="1956",
            ensembl={"gene": "ENSG00000120903"},
        ),
        _gene(
            3236,
            "HOXD10",
            "homeobox D10",
            9606,
            HGNC="5133",
            ensembl={"gene": "ENSG00000128710"},
        ),
        _gene(
            13649,
            "Egfr",
            "epidermal growth factor receptor",
            10090,
            MGI="MGI:95294",
            ensembl={"gene": "ENSMUSG00000020122"},
            homologene=egfr_group,
            pantherdb={"MGI": "MGI:95294", "ortholog": to_human},
        ),
        _gene(
            24329,
            "Egfr",
            "epidermal growth factor receptor",
            10116,
            RGD="2543",
            ensembl={"gene": "ENSRNOG00000004332"},
            homologene=egfr_group,
            pantherdb={"RGD": "2543", "ortholog": to_human},
        ),
        _gene(95294, "Made1", "made-up gene numbered as Egfr's MGI id", 10090),
    ]
