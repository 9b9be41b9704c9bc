"""Every typed field over every real recorded record: the documents in `../shared/reference/`
(MyGene.info genes, MyChem.info chemicals, HGNC records, as the real services returned them) are
served by the mirror, and the gateway must answer each typed field of each record without an error.

The selections are built from the schema by introspection, so a typed field added later is covered
without touching this module: object fields recurse; the link fields (`LINKS`) and `raw` are left
out. The module is skipped when the reference folder is absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from graphql import get_introspection_query

import schema as genechem_schema
from app import create_app
from backends.shapes import Doc
from mirror.store import Dataset
from tests.conftest import dataset_mirror
from tests.gateway import Gateway
from tests.servers import serve

REFERENCE = Path(__file__).parents[2] / "shared" / "reference"

pytestmark = pytest.mark.skipif(
    not REFERENCE.is_dir(),
    reason="optional: checks every typed field over documents recorded from the real MyGene.info, "
    "MyChem.info and HGNC services, which do not ship with the repository; nothing to fix",
)


LINKS = frozenset(
    {
        ("Gene", "hgnc"),
        ("Gene", "orthologs"),
        ("Gene", "chemicals"),
        ("HgncRecord", "gene"),
        ("ChemicalTarget", "gene"),
    }
)
"""Fields that follow a link to another record (another upstream call), not typed data."""
UNTYPED = "raw"
ARGUMENT_VARIANTS: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("Gene", "genomicPositions"): ("assembly", ("CURRENT", "HG19", "MM9")),
}
"""Fields asked once per argument value, an enum value (under an alias each, lower case)."""
CHEMICALS_PER_REQUEST = 2000


# --- the data set -------------------------------------------------------------------------------


def _jsonl(path: Path) -> list[Doc]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _unique(docs: Sequence[Doc], key: str) -> list[Doc]:
    """The first document for each `key` value, in order; documents without one are dropped."""
    seen: dict[str, Doc] = {}
    for doc in docs:
        if doc.get(key) is not None:
            seen.setdefault(str(doc[key]), doc)
    return list(seen.values())


def reference_genes() -> list[Doc]:
    mygene = REFERENCE / "mygene"
    docs = _jsonl(mygene / "cdk2_orthologs_100.jsonl") + _jsonl(mygene / "query_tests_docs.jsonl")
    return _unique(docs, "_id")


def reference_chemicals() -> list[Doc]:
    mychem = REFERENCE / "mychem"
    recorded_batch = json.loads((mychem / "post_chem_drugbank_example.json").read_text("utf-8"))
    # A POST /v1/chem answer: each entry is a document plus the batch's `query` and `_score`;
    # `notfound` entries (and the recording's one entry without an `_id`) are not documents.
    from_batch = [
        {k: v for k, v in entry.items() if k not in ("query", "_score")}
        for entry in recorded_batch
        if not entry.get("notfound")
    ]
    docs = (
        _jsonl(mychem / "mychem_3docs.jsonl")
        + json.loads((mychem / "chem_docs_6271_merged.json").read_text("utf-8"))
        + from_batch
    )
    return _unique(docs, "_id")


def reference_hgnc_records() -> list[Doc]:
    hgnc = REFERENCE / "hgnc"
    fetched = json.loads((hgnc / "fetch_records_5.json").read_text("utf-8"))
    docs: list[Doc] = fetched["response"]["docs"]
    docs += json.loads((hgnc / "fetch_symbol_ZNF3_docs.json").read_text("utf-8"))
    try:
        excerpt = json.loads(
            (hgnc / "fetch_ensembl_gene_id_ENSG00000157693.EXCERPT.json").read_text()
        )
    except (OSError, json.JSONDecodeError):
        excerpt = {}
    docs += excerpt.get("response", {}).get("docs", [])
    return _unique(docs, "hgnc_id")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return Dataset(
        genes=reference_genes(), chemicals=reference_chemicals(), hgnc=reference_hgnc_records()
    )


@pytest.fixture(scope="module")
def reference_gateway(
    dataset: Dataset, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Gateway]:
    """A gateway over a mirror of the reference records, loaded as `genechem mirror --data DIR`
    loads its directory."""
    directory = tmp_path_factory.mktemp("reference-data")
    with (
        dataset_mirror(dataset, directory) as mirror,
        serve(create_app(mirror.settings(read_timeout=30.0))) as url,
    ):
        yield Gateway(url)


# --- selections from the schema -----------------------------------------------------------------


def _schema_types() -> dict[str, Doc]:
    result = genechem_schema.schema.execute_sync(get_introspection_query())
    assert result.errors is None
    assert result.data is not None
    return {t["name"]: t for t in result.data["__schema"]["types"]}


TYPES = _schema_types()


def _named(type_ref: Doc) -> Doc:
    while type_ref.get("ofType"):
        type_ref = type_ref["ofType"]
    return type_ref


def typed_selection(type_name: str, within: tuple[str, ...] = ()) -> str:
    """Every typed field of `type_name`, object fields recursing, links and `raw` left out."""
    assert type_name not in within, f"{' > '.join(within)} > {type_name}: add the link to LINKS"
    parts = []
    for field in TYPES[type_name]["fields"]:
        name = field["name"]
        if name == UNTYPED or (type_name, name) in LINKS:
            continue
        named = _named(field["type"])
        below = ""
        assert named["kind"] != "UNION", f"{type_name}.{name}: a union needs fragments here"
        if named["kind"] in ("OBJECT", "INTERFACE"):
            below = f" {{ {typed_selection(named['name'], (*within, type_name))} }}"
        variants = ARGUMENT_VARIANTS.get((type_name, name))
        if variants is None:
            parts.append(name + below)
            continue
        argument, values = variants
        parts += [f"{name}_{v.lower()}: {name}({argument}: {v}){below}" for v in values]
    return " ".join(parts)


def test_selections_leave_out_links_and_raw_and_ask_each_assembly() -> None:
    gene = typed_selection("Gene")
    assert "genomicPositions_hg19: genomicPositions(assembly: " in gene
    assert "uniprot { swissProt trembl }" in gene
    assert not {"raw", "hgnc", "orthologs", "chemicals"} & set(gene.replace("{", " ").split())
    target = typed_selection("ChemicalTarget")
    assert "uniprot" in target.split()
    assert "gene" not in target.split()


# --- the checks ---------------------------------------------------------------------------------


def _record_of(path: Sequence[str | int], ids: Sequence[str]) -> str:
    """The record an error path points at: by list index (`genes.3.go`) or alias (`r3.symbol`)."""
    index = next((p for p in path if isinstance(p, int)), None)
    if index is None and path and str(path[0])[1:].isdigit():
        index = int(str(path[0])[1:])
    return ids[index] if index is not None and index < len(ids) else "?"


def _data(gateway: Gateway, query: str, variables: Doc, ids: Sequence[str]) -> Doc:
    """The answer's data; fails naming each error's field, record id and message."""
    body = gateway.post(query, variables)
    problems = [
        f"{'.'.join(str(p) for p in e.get('path') or [])} of {_record_of(e.get('path') or [], ids)}"
        f": {e.get('message')}"
        for e in body.get("errors", [])
    ]
    assert not problems, "\n".join(problems)
    data: Doc = body["data"]
    return data


def test_every_typed_gene_field_of_every_real_gene(
    reference_gateway: Gateway, dataset: Dataset
) -> None:
    ids = [str(d["_id"]) for d in dataset.genes]
    query = f"query Genes($ids: [ID!]!) {{ genes(ids: $ids) {{ {typed_selection('Gene')} }} }}"
    genes = _data(reference_gateway, query, {"ids": ids}, ids)["genes"]
    by_id = dict(zip(ids, genes, strict=True))
    missing = [i for i, gene in by_id.items() if gene is None]
    assert not missing, f"genes that came back null: {missing}"
    assert all(by_id[i]["entrezId"] == i for i in ids if i.isdigit())
    cdk2 = by_id["1017"]
    assert cdk2["symbol"] == "CDK2"
    assert cdk2["uniprot"]["swissProt"] == ["P24941"]
    assert cdk2["hgncId"] == "HGNC:1771"
    assert cdk2["genomicPositions_current"][0]["chromosome"] == "12"
    assert cdk2["genomicPositions_hg19"][0]["chromosome"] == "12"
    assert by_id["12566"]["genomicPositions_mm9"], "mouse Cdk2 has an mm9 position"
    assert by_id["12566"]["species"] == "mouse"


def test_every_typed_chemical_field_of_every_real_chemical(
    reference_gateway: Gateway, dataset: Dataset
) -> None:
    ids = [str(d["_id"]) for d in dataset.chemicals]
    query = (
        "query Chemicals($ids: [ID!]!) "
        f"{{ chemicals(ids: $ids) {{ {typed_selection('Chemical')} }} }}"
    )
    chemicals: list[Doc | None] = []
    for start in range(0, len(ids), CHEMICALS_PER_REQUEST):
        chunk = ids[start : start + CHEMICALS_PER_REQUEST]
        chemicals += _data(reference_gateway, query, {"ids": chunk}, chunk)["chemicals"]
    missing = [i for i, chemical in zip(ids, chemicals, strict=True) if chemical is None]
    assert not missing, f"chemicals that came back null: {missing}"
    by_id = {i: c for i, c in zip(ids, chemicals, strict=True) if c is not None}
    drugbank_names = {
        str(d["_id"]): d["drugbank"]["name"]
        for d in dataset.chemicals
        if isinstance(d.get("drugbank"), dict) and d["drugbank"].get("name")
    }
    assert len(drugbank_names) > 150
    assert {i: by_id[i]["name"] for i in drugbank_names} == drugbank_names
    imatinib = by_id["KTUFNOKKBVMGRW-UHFFFAOYSA-N"]
    assert imatinib["name"] == "Imatinib"
    assert imatinib["inchikey"] == "KTUFNOKKBVMGRW-UHFFFAOYSA-N"
    # Names by the later rules: the FDA UNII preferred term, the PubChem preferred IUPAC name.
    assert by_id["FUTARTAINOHELR-UHFFFAOYSA-N"]["name"] == "3,10-PERYLENEDIONE"
    pubchem_only = by_id["120933777"]
    assert pubchem_only["name"].startswith("4-(aminomethyl)-N-(4-cyclohexyloxyphenyl)oxane")
    assert pubchem_only["pubchem"][0]["cid"] == "120933777"
    assert pubchem_only["molecularWeight"] == 368.9
    sorafenib = by_id["MLDQJTXFUGDVEO-UHFFFAOYSA-N"]
    assert "Renal cell carcinoma" in sorafenib["drugcentral"]["indications"]
    assert "Kinase Inhibitor" in sorafenib["drugcentral"]["pharmacologyClasses"]
    beta_alanine = by_id["UCMIRNVEIXFBKS-UHFFFAOYSA-N"]
    targets = [e["node"] for e in beta_alanine["targets"]["edges"]]
    assert [(t["uniprot"], t["source"]) for t in targets] == [("P9WIL5", "DRUGBANK")]


def test_every_typed_hgnc_field_of_every_real_record(
    reference_gateway: Gateway, dataset: Dataset
) -> None:
    ids = [str(d["hgnc_id"]) for d in dataset.hgnc]
    selection = typed_selection("HgncRecord")
    lookups = " ".join(
        f"r{n}: hgncRecord(by: {{hgncId: {json.dumps(i)}}}) {{ {selection} }}"
        for n, i in enumerate(ids)
    )
    data = _data(reference_gateway, f"query Records {{ {lookups} }}", {}, ids)
    records = [data[f"r{n}"] for n in range(len(ids))]
    missing = [i for i, record in zip(ids, records, strict=True) if record is None]
    assert not missing, f"HGNC records that came back null: {missing}"
    assert [r["hgncId"] for r in records] == ids
    braf = next(r for r in records if r["symbol"] == "BRAF")
    assert braf["status"] == "APPROVED"
    assert braf["geneGroups"] == [
        {"id": "654", "name": "Mitogen-activated protein kinase kinase kinases"},
        {"id": "1157", "name": "RAF family"},
    ]
