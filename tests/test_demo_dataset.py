"""The committed demo dataset (`mirror/data/demo/`): contents, real shapes, links, reproducibility.

Most tests read only the committed files. Two need the shared folders beside the repository and
skip without them: the InChIKey cross-check (`shared/reference/`) and the rebuild (`shared/facts/`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mirror.demo.build import build
from mirror.demo.chemicals import FactMismatchError, chebi_id, chemical_doc
from mirror.demo.drugs import Drug, Target
from mirror.demo.facts import DrugIds, Facts, load_facts
from mirror.demo.hgnc import locus_group
from mirror.demo.shape import unlist
from mirror.store import DATA_FILES, Dataset

REPO = Path(__file__).resolve().parent.parent
DEMO_DIR = REPO / "mirror" / "data" / "demo"
SHARED = REPO.parent / "shared"
FACTS_DIR = SHARED / "facts"
REFERENCE_DIR = SHARED / "reference"
RECORDINGS_MISSING = (
    "optional: compares with documents recorded from the real MyChem.info and MyGene.info "
    "services, which do not ship with the repository; nothing to fix"
)
FACTS_MISSING = (
    "optional: rebuilds the demo dataset from public gene, HGNC and drug-id tables, which do "
    "not ship with the repository; nothing to fix, the committed dataset is tested above"
)

SELECTED_40 = (
    "1017",
    "983",
    "1018",
    "1019",
    "1021",
    "7157",
    "1956",
    "673",
    "3845",
    "672",
    "675",
    "4609",
    "5728",
    "207",
    "2064",
    "25",
    "3717",
    "5290",
    "7422",
    "7124",
    "3569",
    "3630",
    "348",
    "1080",
    "2475",
    "2099",
    "367",
    "7490",
    "203068",
    "144568",
    "7551",
    "203197",
    "8812",
    "123263",
    "1496",
    "1",
    "2",
    "10",
    "100",
    "1000",
)


@pytest.fixture(scope="module")
def demo() -> Dataset:
    return Dataset.load(DEMO_DIR)


def _humans(demo: Dataset) -> list[dict[str, Any]]:
    return [doc for doc in demo.genes if doc["taxid"] == 9606]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_dataset_load_reads_all_three_collections_and_metadata(demo: Dataset) -> None:
    assert len(demo.genes) > 100
    assert len(demo.chemicals) >= 30
    assert len(demo.hgnc) > 40
    assert set(demo.metadata) >= {"mygene", "mychem", "hgnc"}
    assert demo.metadata["mygene"]["taxonomy"] == {"human": 9606, "mouse": 10090, "rat": 10116}
    assert demo.metadata["mygene"]["genome_assembly"]["human"] == "hg38"
    assert demo.metadata["mygene"]["stats"]["total"] == len(demo.genes)
    assert "genechem" in demo.metadata["mygene"]["demo"]


def test_cdk2_has_its_real_symbol_name_and_swiss_prot(demo: Dataset) -> None:
    cdk2 = next(doc for doc in demo.genes if doc["_id"] == "1017")
    assert cdk2["symbol"] == "CDK2"
    assert cdk2["name"] == "cyclin dependent kinase 2"
    assert cdk2["uniprot"]["Swiss-Prot"] == "P24941"
    assert cdk2["HGNC"] == "1771"
    assert cdk2["alias"] == ["CDKN2", "p33(CDK2)"]
    assert cdk2["genomic_pos"]["chr"] == "12"
    assert cdk2["genomic_pos"]["strand"] == 1
    assert {"id": "hsa04110"} in cdk2["pathway"]["kegg"]


def test_all_forty_selected_genes_are_human_entrez_documents(demo: Dataset) -> None:
    by_id = {doc["_id"]: doc for doc in demo.genes}
    for entrez in SELECTED_40:
        doc = by_id[entrez]
        assert doc["entrezgene"] == entrez
        assert doc["taxid"] == 9606
        assert doc["go"], f"{entrez} has no GO annotations"


def test_every_human_gene_has_an_hgnc_record_with_its_entrez_id(demo: Dataset) -> None:
    records = {record["hgnc_id"]: record for record in demo.hgnc}
    for gene in _humans(demo):
        record = records[f"HGNC:{gene['HGNC']}"]
        assert record["entrez_id"] == gene["_id"]
        assert record["symbol"] == gene["symbol"]
        assert record["status"] == "Approved"


def test_every_ortholog_points_to_a_human_gene_that_points_back(demo: Dataset) -> None:
    humans = {doc["HGNC"]: doc for doc in _humans(demo)}
    models = [doc for doc in demo.genes if doc["taxid"] in (10090, 10116)]
    assert len(models) > 80
    for model in models:
        key = "MGI" if model["taxid"] == 10090 else "RGD"
        number = model[key].removeprefix("MGI:")
        assert model["_id"].startswith("ENS")
        for link in model["pantherdb"]["ortholog"]:
            human = humans[link["HGNC"]]
            back = [o for o in human["pantherdb"]["ortholog"] if o.get(key) == number]
            assert back == [
                {key: number, "taxid": model["taxid"], "ortholog_type": back[0]["ortholog_type"]}
            ]
            assert link["ortholog_type"] == back[0]["ortholog_type"]


def test_mgi_keeps_its_prefix_and_rgd_does_not_as_in_the_real_documents(demo: Dataset) -> None:
    by_id = {doc["_id"]: doc for doc in demo.genes}
    mouse, rat = by_id["ENSMUSG00000025358"], by_id["ENSRNOG00000006469"]
    assert (mouse["symbol"], mouse["MGI"], mouse["alias"]) == (
        "Cdk2",
        "MGI:104772",
        "A630093N05Rik",
    )
    assert (rat["symbol"], rat["RGD"]) == ("Cdk2", "70486")
    human_links = by_id["1017"]["pantherdb"]["ortholog"]
    assert {"MGI": "104772", "taxid": 10090, "ortholog_type": "LDO"} in human_links
    assert {"RGD": "70486", "taxid": 10116, "ortholog_type": "LDO"} in human_links


def test_thirty_approved_drugs_each_target_a_dataset_gene(demo: Dataset) -> None:
    swiss_prot = {doc["uniprot"]["Swiss-Prot"] for doc in _humans(demo) if "uniprot" in doc}
    approved = [doc for doc in demo.chemicals if "approved" in doc["drugbank"]["groups"]]
    assert len(approved) >= 30
    for drug in approved:
        targets = _as_list(drug["drugbank"]["targets"])
        assert any(target["uniprot"] in swiss_prot for target in targets), drug["_id"]
        assert all(target["organism"] == "Humans" for target in targets)


def test_small_molecules_are_keyed_by_inchikey_and_biologics_by_drugbank_id(demo: Dataset) -> None:
    for drug in demo.chemicals:
        inchikey = drug["drugbank"].get("inchi_key")
        assert drug["_id"] == (inchikey or drug["drugbank"]["id"])
        for section, key in (("chembl", "inchi_key"), ("chebi", "inchikey")):
            if inchikey and section in drug:
                assert drug[section][key] == inchikey
    ids = {drug["_id"] for drug in demo.chemicals}
    assert "KTUFNOKKBVMGRW-UHFFFAOYSA-N" in ids  # imatinib
    assert "DB00072" in ids  # trastuzumab


def test_single_and_list_quirks_are_both_present(demo: Dataset) -> None:
    aliases = [doc["alias"] for doc in demo.genes if "alias" in doc]
    assert any(isinstance(alias, str) for alias in aliases)
    assert any(isinstance(alias, list) for alias in aliases)
    targets = [drug["drugbank"]["targets"] for drug in demo.chemicals]
    assert any(isinstance(target, dict) for target in targets)
    assert any(isinstance(target, list) for target in targets)
    tnf = next(doc for doc in demo.genes if doc["_id"] == "7124")
    assert isinstance(tnf["genomic_pos"], list)
    assert isinstance(tnf["ensembl"], list)
    assert all(isinstance(drug["drugbank"]["groups"], list) for drug in demo.chemicals)


def test_ids_are_unique_in_every_collection(demo: Dataset) -> None:
    for docs, key in ((demo.genes, "_id"), (demo.chemicals, "_id"), (demo.hgnc, "hgnc_id")):
        ids = [doc[key] for doc in docs]
        assert len(ids) == len(set(ids))


def test_symbol_checker_cases_are_in_the_hgnc_records(demo: Dataset) -> None:
    by_symbol = {record["symbol"]: record for record in demo.hgnc}
    assert "ERBB" in by_symbol["EGFR"]["prev_symbol"]
    assert "FRAP1" in by_symbol["MTOR"]["prev_symbol"]
    assert "HGF" in by_symbol["IL6"]["alias_symbol"]
    assert by_symbol["HGF"]["status"] == "Approved"
    withdrawn = {r["symbol"] for r in demo.hgnc if r["status"] == "Entry Withdrawn"}
    assert withdrawn == {"A12M1", "ACTL5", "APPL", "GSK1"}
    assert by_symbol["APPL"]["prev_symbol"] == ["APPL1"]


def test_the_committed_dataset_stays_small() -> None:
    total = sum(path.stat().st_size for path in DEMO_DIR.iterdir())
    assert total < 3 * 1024 * 1024


def test_unlist_keeps_lists_of_several_and_unwraps_one() -> None:
    assert unlist(["a"]) == "a"
    assert unlist(["a", "b"]) == ["a", "b"]
    with pytest.raises(ValueError, match="at least one"):
        unlist([])


def test_locus_groups_follow_hgnc_grouping() -> None:
    assert locus_group("gene with protein product") == "protein-coding gene"
    assert locus_group("RNA, long non-coding") == "non-coding RNA"
    assert locus_group("T cell receptor pseudogene") == "pseudogene"
    assert locus_group("phenotype only") == "phenotype"
    assert locus_group("unknown") == "other"


def test_chebi_id_prefers_the_id_chebi_and_drugbank_agree_on() -> None:
    tamoxifen = DrugIds(
        names=("Tamoxifen",),
        chembl=("CHEMBL83",),
        chebi=(("41774", "chebi"), ("41774", "drugbank"), ("9397", "chebi")),
    )
    assert chebi_id(tamoxifen) == "CHEBI:41774"
    assert chebi_id(DrugIds(names=(), chembl=(), chebi=())) is None


def test_a_target_accession_unknown_to_hgnc_stops_the_build() -> None:
    facts = Facts(
        hgnc=[],
        ncbi={},
        selected={},
        go_terms={},
        mgi={},
        rgd={},
        drugbank={"DB00317": DrugIds(names=("Gefitinib",), chembl=(), chebi=())},
        ncbi_metadata={},
    )
    typo = Drug("DB00317", "Gefitinib", (Target("P00534", "EGFR", ("inhibitor",)),), None)
    with pytest.raises(FactMismatchError, match="P00534"):
        chemical_doc(typo, facts, {"P00533": "EGFR"})
    renamed = Drug("DB00317", "Iressa", (), None)
    with pytest.raises(FactMismatchError, match="Iressa"):
        chemical_doc(renamed, facts, {})


@pytest.mark.skipif(not REFERENCE_DIR.is_dir(), reason=RECORDINGS_MISSING)
def test_inchikeys_and_ids_agree_with_recorded_mychem_documents(demo: Dataset) -> None:
    recorded = json.loads((REFERENCE_DIR / "mychem" / "chem_docs_6271_merged.json").read_text())
    by_drugbank = {
        doc["drugbank"]["id"]: doc for doc in recorded if isinstance(doc.get("drugbank"), dict)
    }
    checked = 0
    for drug in demo.chemicals:
        reference = by_drugbank.get(drug["drugbank"]["id"])
        if reference is None:
            continue
        checked += 1
        assert drug["_id"] == reference["_id"]
        assert drug["drugbank"]["name"] == reference["drugbank"]["name"]
        for section, key in (("chembl", "molecule_chembl_id"), ("chebi", "id")):
            if isinstance(reference.get(section), dict) and key in reference[section]:
                assert drug[section][key] == reference[section][key]
    assert checked >= 10


@pytest.mark.skipif(not REFERENCE_DIR.is_dir(), reason=RECORDINGS_MISSING)
def test_gene_keys_are_typed_like_the_recorded_cdk2_documents(demo: Dataset) -> None:
    lines = (REFERENCE_DIR / "mygene" / "cdk2_orthologs_100.jsonl").read_text().splitlines()
    recorded = {doc["_id"]: doc for doc in map(json.loads, lines)}
    human = next(doc for doc in demo.genes if doc["_id"] == "1017")
    for key in ("entrezgene", "HGNC", "MIM", "symbol", "name", "taxid", "map_location", "ec"):
        assert human[key] == recorded["1017"][key], key
    mouse = next(doc for doc in demo.genes if doc.get("MGI") == recorded["12566"]["MGI"])
    rat = next(doc for doc in demo.genes if doc.get("RGD") == recorded["362817"]["RGD"])
    assert mouse["ensembl"]["gene"] == recorded["12566"]["ensembl"]["gene"]
    assert rat["ensembl"]["gene"] == recorded["362817"]["ensembl"]["gene"]
    real_links = recorded["1017"]["pantherdb"]["ortholog"][:2]
    for ours, real in zip(human["pantherdb"]["ortholog"], real_links, strict=True):
        assert {k: real[k] for k in ours} == ours


@pytest.mark.skipif(not FACTS_DIR.is_dir(), reason=FACTS_MISSING)
def test_rebuilding_from_the_facts_reproduces_the_committed_files(tmp_path: Path) -> None:
    build(load_facts(FACTS_DIR)).write(tmp_path)
    for name in [*DATA_FILES.values(), "metadata.json"]:
        assert (tmp_path / name).read_bytes() == (DEMO_DIR / name).read_bytes(), name
