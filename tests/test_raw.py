"""`raw` answers the service's own JSON and never changes the other fields.

- Selecting `raw` (or `raw @skip(if: true)`) next to any selection, in every operation of
  `queries/` and for every field of `Gene` and `Chemical` alone, changes nothing else.
- Fields the query routes would not send by default (`mapLocation`) survive `raw @skip`, on
  `resolveGenes`, `searchGenes`, `orthologs` and `ChemicalTarget.gene`; every field is `fields=all`.
- A fragment on another type (`node { ... on Chemical { raw } }`) does not make a gene lookup
  fetch everything.
- `raw(fields:)` filters as the services filter: checked against the mirror's own projection
  (`mirror.biothings.projection`, the mirror's model of the services) on the real recorded
  documents of `../shared/reference` (skipped when absent), and end to end through a mirror.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import (
    ArgumentNode,
    BooleanValueNode,
    DirectiveNode,
    FieldNode,
    GraphQLObjectType,
    NameNode,
    SelectionSetNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    parse,
    print_ast,
    visit,
)

import schema as genechem_schema
from app import create_app
from backends.mychem import CHEMICAL_LIST_PATHS
from backends.mygene import GENE_LIST_PATHS
from backends.shapes import Doc, listify, original_of
from mirror.biothings.projection import project as mirror_project
from mirror.store import Dataset
from schema.node import to_global_id
from schema.values import project, raw_document
from tests.conftest import MirrorServer, dataset_mirror, sent_fields
from tests.gateway import Gateway
from tests.servers import serve

QUERIES_DIR = Path(__file__).parents[1] / "queries"
OPERATIONS = sorted(QUERIES_DIR.glob("*.graphql"))
REFERENCE = Path(__file__).parents[2] / "shared" / "reference"
GRAPHQL_SCHEMA = genechem_schema.schema._schema
RAW_TYPES = frozenset({"Gene", "Chemical"})
PROBE = "rawProbe"
META = ("_id", "_version", "_score", "query")


# --- adding `raw` to a document -----------------------------------------------------------------


def _probe(skipped: bool) -> FieldNode:
    directives: tuple[DirectiveNode, ...] = ()
    if skipped:
        condition = ArgumentNode(name=NameNode(value="if"), value=BooleanValueNode(value=True))
        directives = (DirectiveNode(name=NameNode(value="skip"), arguments=(condition,)),)
    return FieldNode(
        alias=NameNode(value=PROBE),
        name=NameNode(value="raw"),
        arguments=(),
        directives=directives,
        selection_set=None,
    )


class _AddRaw(Visitor):
    """Adds `rawProbe: raw` to every selection set on a `Gene` or a `Chemical`."""

    def __init__(self, type_info: TypeInfo, skipped: bool) -> None:
        super().__init__()
        self.type_info = type_info
        self.skipped = skipped

    def leave_selection_set(self, node: SelectionSetNode, *_: Any) -> SelectionSetNode | None:
        parent = self.type_info.get_parent_type()
        if parent is None or parent.name not in RAW_TYPES:
            return None
        return SelectionSetNode(selections=(*node.selections, _probe(self.skipped)))


def with_raw(query: str, *, skipped: bool) -> str:
    """`query` with `raw` (or `raw @skip(if: true)`) next to every Gene and Chemical selection."""
    type_info = TypeInfo(GRAPHQL_SCHEMA)
    changed = visit(parse(query), TypeInfoVisitor(type_info, _AddRaw(type_info, skipped)))
    return print_ast(changed)


def without_probe(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_probe(v) for k, v in value.items() if k != PROBE}
    if isinstance(value, list):
        return [without_probe(v) for v in value]
    return value


def probes(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        if PROBE in value:
            yield value[PROBE]
        for v in value.values():
            yield from probes(v)
    elif isinstance(value, list):
        for v in value:
            yield from probes(v)


def assert_raw_changes_nothing_else(gateway: Gateway, query: str, variables: Doc | None) -> None:
    plain = gateway.post(query, variables)
    skipped_query = with_raw(query, skipped=True)
    assert gateway.post(skipped_query, variables) == plain, skipped_query
    raw_query = with_raw(query, skipped=False)
    with_raw_answer = gateway.post(raw_query, variables)
    assert without_probe(with_raw_answer) == plain, raw_query
    for probe in probes(with_raw_answer):
        assert probe is None or "_id" in probe


def test_with_raw_adds_the_probe_at_every_gene_and_chemical_level() -> None:
    query = with_raw(
        "query Q($id: ID!) { gene(id: $id) { symbol hgnc { symbol } "
        "chemicals { edges { node { name } } } } node(id: $id) { ... on Chemical { name } } }",
        skipped=True,
    )
    assert query.count("rawProbe: raw @skip(if: true)") == 3
    assert "hgnc {\n      symbol\n    }" in query


# --- (a) every operation, every typed field ------------------------------------------------------


def _variables(operation: Path) -> Doc | None:
    path = operation.with_name(f"{operation.stem}.variables.json")
    variables: Doc | None = json.loads(path.read_text("utf-8")) if path.exists() else None
    return variables


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda p: p.stem)
def test_raw_next_to_every_selection_of_every_operation_changes_nothing_else(
    gateway: Gateway, operation: Path
) -> None:
    assert_raw_changes_nothing_else(gateway, operation.read_text("utf-8"), _variables(operation))


def _selection(type_name: str, seen: frozenset[str]) -> str:
    """Every field of an object type, objects recursing, types already on the way left out
    (so links are followed once), `raw` left out (the test adds it)."""
    object_type = GRAPHQL_SCHEMA.get_type(type_name)
    assert isinstance(object_type, GraphQLObjectType)
    parts = []
    for name, field in object_type.fields.items():
        if name == "raw":
            continue
        if any(str(a.type).endswith("!") and a.default_value is None for a in field.args.values()):
            continue
        named = get_named_type(field.type)
        if isinstance(named, GraphQLObjectType):
            if named.name in seen:
                continue
            below = _selection(named.name, seen | {named.name})
            if below:
                parts.append(f"{name} {{ {below} }}")
        else:
            parts.append(name)
    return " ".join(parts)


def _fields_of(type_name: str) -> list[str]:
    object_type = GRAPHQL_SCHEMA.get_type(type_name)
    assert isinstance(object_type, GraphQLObjectType)
    return [name for name in object_type.fields if name != "raw"]


def _one_field(type_name: str, field_name: str) -> str:
    """The selection of one field of `type_name`, with everything below it (a link to the same
    type, `orthologs`, followed once)."""
    object_type = GRAPHQL_SCHEMA.get_type(type_name)
    assert isinstance(object_type, GraphQLObjectType)
    named = get_named_type(object_type.fields[field_name].type)
    if not isinstance(named, GraphQLObjectType):
        return field_name
    below = _selection(named.name, frozenset({type_name, named.name}))
    assert below, field_name
    return f"{field_name} {{ {below} }}"


@pytest.mark.parametrize("field_name", _fields_of("Gene"))
def test_raw_next_to_each_gene_field_alone_changes_nothing_else(
    gateway: Gateway, field_name: str
) -> None:
    selection = _one_field("Gene", field_name)
    query = f'query G {{ genes(ids: ["1017", "5728", "ENSMUSG00000025358"]) {{ {selection} }} }}'
    assert_raw_changes_nothing_else(gateway, query, None)


@pytest.mark.parametrize("field_name", _fields_of("Chemical"))
def test_raw_next_to_each_chemical_field_alone_changes_nothing_else(
    gateway: Gateway, field_name: str
) -> None:
    selection = _one_field("Chemical", field_name)
    query = f'query C {{ chemicals(ids: ["DB00619", "DB00398"]) {{ {selection} }} }}'
    assert_raw_changes_nothing_else(gateway, query, None)


# --- (b) fields the query routes do not send by default -------------------------------------------


def _query_fields(mirror: MirrorServer, service: str = "mygene") -> list[list[str] | None]:
    """The `fields` of every `/query` request the mirror saw (None where there was none)."""
    return [sent_fields(e) for e in mirror.requests(service) if e["path"].endswith("/query")]


@pytest.mark.parametrize("raw", ["raw @skip(if: true)", "raw @include(if: false)", "raw"])
def test_resolve_genes_answers_map_location_next_to_raw(
    gateway: Gateway, demo_mirror: MirrorServer, raw: str
) -> None:
    data = gateway.data(
        'query { resolveGenes(terms: ["CDK2"], scopes: ["symbol"]) '
        f"{{ matches {{ entrezId mapLocation {raw} }} }} }}"
    )
    [resolution] = data["resolveGenes"]
    by_id = {m["entrezId"]: m for m in resolution["matches"]}
    assert by_id["1017"]["mapLocation"] == "12q13.2"
    [fields] = _query_fields(demo_mirror)
    if raw == "raw":
        assert fields == ["all"]
        assert by_id["1017"]["raw"]["map_location"] == "12q13.2"
    else:
        assert fields == ["entrezgene", "map_location"]


@pytest.mark.parametrize("raw", ["raw @skip(if: true)", "raw"])
def test_search_pages_answer_map_location_next_to_raw(
    gateway: Gateway, demo_mirror: MirrorServer, raw: str
) -> None:
    data = gateway.data(
        'query { searchGenes(query: "CDK2", species: ["human"]) '
        f"{{ edges {{ node {{ entrezId mapLocation {raw} }} }} }} }}"
    )
    nodes = {e["node"]["entrezId"]: e["node"] for e in data["searchGenes"]["edges"]}
    assert nodes["1017"]["mapLocation"] == "12q13.2"
    [fields] = _query_fields(demo_mirror)
    assert fields == (["all"] if raw == "raw" else ["entrezgene", "map_location"])


@pytest.mark.parametrize("raw", ["raw @skip(if: true)", "raw"])
def test_orthologs_answer_map_location_next_to_raw(
    gateway: Gateway, demo_mirror: MirrorServer, raw: str
) -> None:
    data = gateway.data(
        'query { gene(id: "ENSMUSG00000025358") { orthologs(species: ["human"]) '
        f"{{ entrezId mapLocation {raw} }} }} }}"
    )
    orthologs = data["gene"]["orthologs"]
    assert [(o["entrezId"], o["mapLocation"]) for o in orthologs] == [("1017", "12q13.2")]
    assert all(
        f is not None and (f == ["all"]) == (raw == "raw") for f in _query_fields(demo_mirror)
    )


@pytest.mark.parametrize("raw", ["raw @skip(if: true)", "raw"])
def test_chemical_target_genes_answer_map_location_next_to_raw(
    gateway: Gateway, demo_mirror: MirrorServer, raw: str
) -> None:
    data = gateway.data(
        'query { chemical(id: "DB00619") { targets { edges { node { uniprot '
        f"gene {{ symbol mapLocation {raw} }} }} }} }} }} }}"
    )
    genes = {e["node"]["uniprot"]: e["node"]["gene"] for e in data["chemical"]["targets"]["edges"]}
    assert genes["P00519"]["mapLocation"] == "9q34.12"
    assert genes["P10721"]["mapLocation"] == "4q12"
    [fields] = _query_fields(demo_mirror)
    assert fields == (["all"] if raw == "raw" else ["map_location", "symbol"])


# --- (c) fragments on another type ----------------------------------------------------------------


def _annotation_fields(mirror: MirrorServer, service: str) -> list[Any]:
    return [sent_fields(e) for e in mirror.annotations(service)]


def test_a_fragment_on_another_type_does_not_fetch_every_gene_field(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    gene_id, chemical_id = to_global_id("Gene", "1017"), to_global_id("Chemical", "DB00619")
    query = """
        query Nodes($gene: ID!, $ids: [ID!]!) {
          node(id: $gene) { id ... on Chemical { raw } ... on Gene { symbol } }
          nodes(ids: $ids) { ...ChemicalRaw ... on Gene { mapLocation } }
        }
        fragment ChemicalRaw on Chemical { name raw }
    """
    data = gateway.data(query, {"gene": gene_id, "ids": [gene_id, chemical_id]})
    assert data["node"] == {"id": gene_id, "symbol": "CDK2"}
    assert data["nodes"][0] == {"mapLocation": "12q13.2"}
    assert data["nodes"][1]["name"] == "Imatinib"
    assert data["nodes"][1]["raw"]["_id"] == "KTUFNOKKBVMGRW-UHFFFAOYSA-N"
    [gene_fields] = _annotation_fields(demo_mirror, "mygene")
    assert gene_fields == ["map_location", "symbol"]
    [chemical_fields] = _annotation_fields(demo_mirror, "mychem")
    assert chemical_fields is None  # `raw` without arguments: every field


def test_raw_left_out_by_a_variable_reads_nothing(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    query = """
        query G($withRaw: Boolean!) {
          gene(id: "1017") { symbol ... @include(if: $withRaw) { raw } }
        }
    """
    assert gateway.data(query, {"withRaw": False}) == {"gene": {"symbol": "CDK2"}}
    assert _annotation_fields(demo_mirror, "mygene") == [["symbol"]]
    demo_mirror.clear()
    assert gateway.data(query, {"withRaw": True})["gene"]["raw"]["symbol"] == "CDK2"
    assert _annotation_fields(demo_mirror, "mygene") == [None]


# --- (d) the service's own JSON -------------------------------------------------------------------


def test_raw_fields_keep_each_ortholog_and_each_position_as_the_service_sends_them(
    gateway: Gateway,
) -> None:
    data = gateway.data(
        """
        query {
          cdk2: gene(id: "1017") {
            mgiFirst: raw(fields: ["pantherdb.ortholog.MGI", "pantherdb.ortholog.RGD"])
            rgdFirst: raw(fields: ["pantherdb.ortholog.RGD", "pantherdb.ortholog.MGI"])
            position: raw(fields: ["genomic_pos"])
            genomicPositions { chromosome }
          }
          pten: gene(id: "5728") {
            raw(fields: ["genomic_pos.ensemblgene", "genomic_pos.chr"])
          }
        }
        """
    )
    orthologs = {"_id": "1017", "pantherdb": {"ortholog": [{"MGI": "104772"}, {"RGD": "70486"}]}}
    assert data["cdk2"]["mgiFirst"] == orthologs
    assert data["cdk2"]["rgdFirst"] == orthologs
    assert data["cdk2"]["position"]["genomic_pos"] == {
        "chr": "12",
        "end": 55972789,
        "ensemblgene": "ENSG00000123374",
        "start": 55966829,
        "strand": 1,
    }
    assert data["cdk2"]["genomicPositions"] == [{"chromosome": "12"}]
    assert data["pten"]["raw"]["genomic_pos"] == [
        {"chr": "10", "ensemblgene": "ENSG00000171862"},
        {"chr": "10_KQ090021v1_fix"},
    ]


def test_raw_without_arguments_is_the_document_as_sent() -> None:
    sent = {"_id": "1", "_version": 2, "query": "1", "alias": "A", "go": {"BP": {"id": "GO:1"}}}
    kept = copy.deepcopy(sent)
    normalized = listify(sent, GENE_LIST_PATHS)
    assert normalized["alias"] == ["A"]
    assert normalized["go"]["BP"] == [{"id": "GO:1"}]
    assert sent == kept, "normalisation never writes into the service's document"
    assert original_of(normalized) is sent
    assert raw_document(normalized, None) == {
        "_id": "1",
        "alias": "A",
        "go": {"BP": {"id": "GO:1"}},
    }
    assert raw_document(normalized, ["all"]) == raw_document(normalized, None)
    assert raw_document(normalized, ["go.BP.id"]) == {"_id": "1", "go": {"BP": {"id": "GO:1"}}}


def _jsonl(path: Path) -> list[Doc]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def reference_genes() -> list[Doc]:
    docs = [d for path in sorted((REFERENCE / "mygene").glob("*.jsonl")) for d in _jsonl(path)]
    return list({str(d["_id"]): d for d in reversed(docs) if "_id" in d}.values())[::-1]


def reference_chemicals() -> list[Doc]:
    mychem = REFERENCE / "mychem"
    docs = _jsonl(mychem / "mychem_3docs.jsonl")
    docs += json.loads((mychem / "chem_docs_6271_merged.json").read_text("utf-8"))
    return list({str(d["_id"]): d for d in reversed(docs) if "_id" in d}.values())[::-1]


GENE_FIELD_LISTS: list[list[str]] = [
    ["pantherdb.ortholog.MGI", "pantherdb.ortholog.RGD"],
    ["pantherdb.ortholog.RGD", "pantherdb.ortholog.MGI", "pantherdb.uniprot_kb"],
    ["genomic_pos"],
    ["genomic_pos.ensemblgene", "genomic_pos.chr"],
    ["genomic_pos_hg19.chr", "genomic_pos.start", "map_location"],
    ["go.BP.id", "go.BP.pubmed", "go.CC.evidence"],
    ["exons.position", "exons.transcript"],
    ["homologene.genes", "ensembl.transcript", "ensembl.gene"],
    ["refseq.*", "uniprot.Swiss-Prot"],
    ["*.pubmed"],
    ["go.*.term", "pathway.*.id"],
    ["pantherdb", "-pantherdb.ortholog"],
    ["-go", "-exons", "-pantherdb"],
    ["symbol", "no.such.path"],
    ["all"],
]
CHEMICAL_FIELD_LISTS: list[list[str]] = [
    ["drugbank.targets.uniprot", "drugbank.targets.actions"],
    ["drugbank.targets.actions", "drugbank.targets.uniprot", "drugbank.name"],
    ["chembl.drug_mechanisms.action_type", "chembl.drug_mechanisms.target_chembl_id"],
    ["drugcentral.bioactivity.uniprot.uniprot_id", "drugcentral.bioactivity.action_type"],
    ["pubchem.cid", "chebi.id", "unii.unii"],
    ["*.inchikey", "*.inchi_key"],
    ["drugbank.*", "-drugbank.targets"],
    ["aeolus.indications.indication_name", "aeolus.indications.count"],
    ["chembl.molecule_properties"],
]
RECORDINGS_MISSING = (
    "optional: compares with documents recorded from the real MyGene.info and MyChem.info "
    "services, which do not ship with the repository; nothing to fix"
)
needs_reference = pytest.mark.skipif(not REFERENCE.is_dir(), reason=RECORDINGS_MISSING)


def _service_answer(doc: Doc, fields: list[str]) -> Doc:
    source = {k: v for k, v in doc.items() if k not in META}
    return {"_id": doc["_id"], **mirror_project(source, fields)}


@needs_reference
@pytest.mark.parametrize(
    ("kind", "field_lists"), [("genes", GENE_FIELD_LISTS), ("chemicals", CHEMICAL_FIELD_LISTS)]
)
def test_raw_projection_equals_the_mirror_projection_on_real_documents(
    kind: str, field_lists: list[list[str]]
) -> None:
    docs, list_paths = (
        (reference_genes(), GENE_LIST_PATHS)
        if kind == "genes"
        else (reference_chemicals(), CHEMICAL_LIST_PATHS)
    )
    assert len(docs) > 50
    differing: list[str] = []
    for doc in docs:
        normalized = listify(doc, list_paths)
        for fields in field_lists:
            source = {k: v for k, v in doc.items() if k not in META}
            if project(source, fields) != mirror_project(source, fields):
                differing.append(f"{doc['_id']} {fields}: project")
            if raw_document(normalized, fields) != _service_answer(doc, fields):
                differing.append(f"{doc['_id']} {fields}: raw_document")
    assert not differing, "\n".join(differing[:20])


def test_the_reference_field_lists_reach_lists_single_values_and_multi_path_objects() -> None:
    """The differential cases are not vacuous: the recorded documents hold what they test."""
    if not REFERENCE.is_dir():
        pytest.skip(RECORDINGS_MISSING)
    genes = reference_genes()
    positions = [d.get("genomic_pos") for d in genes if "genomic_pos" in d]
    assert any(isinstance(p, dict) for p in positions)
    assert any(isinstance(p, list) and len(p) > 1 for p in positions)
    both = mirror_project(genes[0], ["pantherdb.ortholog.MGI", "pantherdb.ortholog.RGD"])
    orthologs = both["pantherdb"]["ortholog"]
    assert {"MGI"} in [set(o) for o in orthologs]
    assert {"RGD"} in [set(o) for o in orthologs]


def served_chemicals() -> list[Doc]:
    """The recorded chemicals with a DrugBank section (targets, lists of objects), 300 of them."""
    return [d for d in reference_chemicals() if isinstance(d.get("drugbank"), dict | list)][:300]


@pytest.fixture(scope="module")
def reference_mirror(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MirrorServer]:
    """A mirror serving the recorded genes and a slice of the recorded chemicals."""
    if not REFERENCE.is_dir():
        pytest.skip(RECORDINGS_MISSING)
    chemicals = served_chemicals()
    directory = tmp_path_factory.mktemp("raw-reference")
    with dataset_mirror(
        Dataset(genes=reference_genes(), chemicals=chemicals, hgnc=[]), directory
    ) as mirror:
        yield mirror


def _aliases(field_lists: list[list[str]]) -> str:
    return " ".join(f"r{n}: raw(fields: {json.dumps(f)})" for n, f in enumerate(field_lists))


@needs_reference
@pytest.mark.parametrize(
    ("root", "route", "field_lists"),
    [
        ("genes", "mygene/v3/gene", GENE_FIELD_LISTS),
        ("chemicals", "mychem/v1/chem", CHEMICAL_FIELD_LISTS),
    ],
)
def test_raw_through_the_gateway_answers_what_the_service_answers(
    reference_mirror: MirrorServer, root: str, route: str, field_lists: list[list[str]]
) -> None:
    """Each `raw(fields:)` equals the mirror's own annotation answer for the same `fields`
    (without the batch's `query` and the index's `_version`)."""
    docs = reference_genes() if root == "genes" else served_chemicals()
    ids = [str(d["_id"]) for d in docs]
    with serve(create_app(reference_mirror.settings(read_timeout=30.0))) as url:
        answer = Gateway(url).data(
            f"query R($ids: [ID!]!) {{ {root}(ids: $ids) {{ {_aliases(field_lists)} }} }}",
            {"ids": ids},
        )[root]
    for n, fields in enumerate(field_lists):
        expected = httpx.post(
            f"{reference_mirror.url}/{route}", json={"ids": ids, "fields": fields}, timeout=30
        ).json()
        service = {
            str(e["_id"]): {k: v for k, v in e.items() if k not in META[1:]} for e in expected
        }
        got = {str(a[f"r{n}"]["_id"]): a[f"r{n}"] for a in answer}
        assert got == service, fields


def test_skipped_facets_ask_the_service_for_none(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    """Every selection walker honours `@skip` / `@include`, not only the projection's."""
    query = """
        query S($facets: Boolean!) {
          searchGenes(query: "CDK2") {
            totalCount
            facets @include(if: $facets) { species { total } }
          }
        }
    """
    assert "facets" not in gateway.data(query, {"facets": False})["searchGenes"]
    assert all("facets" not in e["params"] for e in demo_mirror.requests("mygene"))
    demo_mirror.clear()
    assert gateway.data(query, {"facets": True})["searchGenes"]["facets"]["species"]["total"] > 0
    assert any("facets" in e["params"] for e in demo_mirror.requests("mygene"))
