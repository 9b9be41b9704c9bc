"""The schema's shape before the first release (issue 9, section 3): one type per kind of id,
closed value sets as described enums, `@oneOf` for `hgncRecord`, global ids accepted by the
by-id roots, names typed clients keep, one connection shape with non-null edge nodes, and
`relay.Node` resolving through the batched loaders."""

from __future__ import annotations

import base64
import re

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLType,
    get_named_type,
)

from resolvers.pages import Window
from schema import schema
from schema.gene import gene_connection
from tests.conftest import MirrorServer
from tests.gateway import Gateway

GRAPHQL = schema._schema


def _own_types() -> list[GraphQLNamedType]:
    return [t for name, t in GRAPHQL.type_map.items() if not name.startswith("__")]


def _objects() -> list[GraphQLObjectType]:
    return [t for t in _own_types() if isinstance(t, GraphQLObjectType)]


def _field_type(type_name: str, field_name: str) -> GraphQLType:
    owner = GRAPHQL.type_map[type_name]
    assert isinstance(owner, GraphQLObjectType)
    found: GraphQLType = owner.fields[field_name].type
    return found


def _argument_type(type_name: str, field_name: str, argument: str) -> GraphQLType:
    owner = GRAPHQL.type_map[type_name]
    assert isinstance(owner, GraphQLObjectType)
    found: GraphQLType = owner.fields[field_name].args[argument].type
    return found


# --- names, ids, enums: by introspection of the whole schema -------------------------------------


def test_no_type_name_has_a_run_of_capitals_that_codegen_would_rename() -> None:
    """graphql-codegen and ariadne-codegen turn `HGNCRecord` into `HgncRecord`; a name without
    two capitals in a row comes out as written. Scalars (`JSON`, `ID`) are mapped, not named."""
    runs = [
        t.name
        for t in _own_types()
        if not t.name.startswith("__")
        and t.name not in ("ID", "JSON")
        and re.search("[A-Z]{2}", t.name)
    ]
    assert runs == []
    for name in ("ChebiSection", "ChemblSection", "HgncRecord", "GoAnnotation"):
        assert name in GRAPHQL.type_map


def test_each_kind_of_id_has_one_type_everywhere() -> None:
    """A field of the same id name has the same type on every object; record ids of other
    databases are text, the NCBI taxid a number."""
    seen: dict[str, set[str]] = {}
    for obj in _objects():
        for name, field in obj.fields.items():
            # `id` is each object's own (a global id, a GO term id, ...): not one kind.
            if name != "id" and (name.endswith(("Id", "Ids")) or name in ("taxid", "cid")):
                seen.setdefault(name, set()).add(str(get_named_type(field.type)))
    mixed = {name: types for name, types in seen.items() if len(types) > 1}
    assert mixed == {}
    assert seen["entrezId"] == {"String"}
    assert seen["taxid"] == {"Int"}
    for name in ("homologeneId", "orphanetId", "cid", "hgncId", "ensemblGeneId"):
        assert seen[name] == {"String"}, name


def test_every_enum_value_is_described() -> None:
    undescribed = [
        f"{t.name}.{value_name}"
        for t in _own_types()
        if isinstance(t, GraphQLEnumType)
        for value_name, value in t.values.items()
        if not value.description
    ]
    assert undescribed == []


@pytest.mark.parametrize(
    ("coordinate", "enum", "values"),
    [
        ("HgncRecord.status", "HgncStatus", {"APPROVED", "ENTRY_WITHDRAWN", "SYMBOL_WITHDRAWN"}),
        ("ChemicalTarget.source", "TargetSource", {"DRUGBANK", "DRUGCENTRAL"}),
        ("GeneChemicalEdge.claimSources", "TargetSource", {"DRUGBANK", "DRUGCENTRAL"}),
        ("SourceInfo.name", "SourceName", {"MYGENE", "MYCHEM", "HGNC"}),
        ("SymbolCheck.status", "SymbolStatus", None),
        ("GeneResolution.status", "ResolutionStatus", None),
    ],
)
def test_closed_value_sets_are_enums(coordinate: str, enum: str, values: set[str] | None) -> None:
    named = get_named_type(_field_type(*coordinate.split(".")))
    assert isinstance(named, GraphQLEnumType)
    assert named.name == enum
    if values is not None:
        assert set(named.values) == values


def test_assemblies_are_one_enum_for_both_arguments() -> None:
    for coordinate in (("Gene", "genomicPositions"), ("Query", "genesInRegion")):
        named = get_named_type(_argument_type(*coordinate, "assembly"))
        assert isinstance(named, GraphQLEnumType)
        assert named.name == "Assembly"
        assert set(named.values) == {"CURRENT", "HG19", "MM9"}


# --- connections: one shape, non-null nodes -------------------------------------------------------


def test_every_connection_has_one_shape_and_every_edge_a_non_null_node() -> None:
    connections = [t for t in _objects() if t.name.endswith("Connection")]
    assert {c.name for c in connections} >= {
        "GeneConnection",
        "ChemicalConnection",
        "HgncRecordConnection",
        "GeneChemicalConnection",
        "ChemicalTargetConnection",
    }
    for connection in connections:
        fields = connection.fields
        assert str(fields["pageInfo"].type) == "PageInfo!", connection.name
        assert str(fields["totalCount"].type) == "Int!", connection.name
        edge = get_named_type(fields["edges"].type)
        assert str(fields["edges"].type) == f"[{edge.name}!]!", connection.name
        assert isinstance(edge, GraphQLObjectType)
        assert str(edge.fields["cursor"].type) == "String!", edge.name
        assert isinstance(edge.fields["node"].type, GraphQLNonNull), edge.name


def test_a_hit_gone_before_fetch_leaves_no_null_edge_and_paging_stays_exact() -> None:
    window = Window(
        hits=[{"_id": "1"}, {"_id": "2"}, {"_id": "3"}],
        cursors=["c1", "c2", "c3"],
        total=10,
        has_next=True,
        has_previous=False,
    )
    page = gene_connection([{"_id": "1"}, None, {"_id": "3"}], window)
    assert [e.cursor for e in page.edges] == ["c1", "c3"]
    assert [e.node.doc["_id"] for e in page.edges] == ["1", "3"]
    assert page.page_info.end_cursor == "c3"


def test_gene_chemical_edges_keep_what_they_say_about_the_link(gateway: Gateway) -> None:
    data = gateway.data(
        '{ gene(id: "1956") { chemicals(first: 1) { totalCount edges { cursor actions '
        "claimSources targetUniprot node { chemicalId } } } } }"
    )
    [edge] = data["gene"]["chemicals"]["edges"]
    assert edge["claimSources"]
    assert set(edge["claimSources"]) <= {"DRUGBANK", "DRUGCENTRAL"}
    assert edge["targetUniprot"]
    assert edge["node"]["chemicalId"]


# --- hgncRecord: @oneOf -------------------------------------------------------------------------


def test_hgnc_record_by_is_a_one_of_input() -> None:
    by = get_named_type(_argument_type("Query", "hgncRecord", "by"))
    assert isinstance(by, GraphQLInputObjectType)
    assert set(by.fields) == {"symbol", "hgncId", "entrezId", "ensemblGeneId"}
    assert "input HgncRecordBy @oneOf" in str(schema)


@pytest.mark.parametrize(
    "by", ["{}", '{symbol: "BRAF", hgncId: "HGNC:1097"}', '{symbol: "BRAF", entrezId: null}']
)
def test_hgnc_record_refuses_none_or_several_identifiers_in_the_document(
    gateway: Gateway, demo_mirror: MirrorServer, by: str
) -> None:
    demo_mirror.clear()
    body = gateway.post(f"{{ hgncRecord(by: {by}) {{ symbol }} }}")
    [error] = body["errors"]
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert "HgncRecordBy" in error["message"]
    assert demo_mirror.requests("hgnc") == []


@pytest.mark.parametrize("by", [{}, {"symbol": "BRAF", "hgncId": "HGNC:1097"}])
def test_hgnc_record_refuses_none_or_several_identifiers_in_variables(
    gateway: Gateway, demo_mirror: MirrorServer, by: dict[str, str]
) -> None:
    demo_mirror.clear()
    body = gateway.post(
        "query R($by: HgncRecordBy!) { hgncRecord(by: $by) { symbol } }", {"by": by}
    )
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    assert "exactly one key" in error["message"]
    assert demo_mirror.requests("hgnc") == []


def test_hgnc_record_by_one_identifier_in_variables(gateway: Gateway) -> None:
    data = gateway.data(
        "query R($by: HgncRecordBy!) { hgncRecord(by: $by) { symbol status } }",
        {"by": {"entrezId": "673"}},
    )
    assert data == {"hgncRecord": {"symbol": "BRAF", "status": "APPROVED"}}


# --- global ids at the by-id roots ----------------------------------------------------------------


def test_gene_and_chemical_accept_their_global_ids(gateway: Gateway) -> None:
    ids = gateway.data('{ gene(id: "1017") { id } chemical(id: "DB00619") { id } }')
    gene_id, chemical_id = ids["gene"]["id"], ids["chemical"]["id"]
    assert base64.b64decode(gene_id) == b"Gene:1017"
    data = gateway.data(
        "query($g: ID!, $c: ID!) { gene(id: $g) { geneId symbol } chemical(id: $c) { name } "
        'genes(ids: [$g, "7157"]) { symbol } chemicals(ids: [$c]) { name } }',
        {"g": gene_id, "c": chemical_id},
    )
    assert data == {
        "gene": {"geneId": "1017", "symbol": "CDK2"},
        "chemical": {"name": "Imatinib"},
        "genes": [{"symbol": "CDK2"}, {"symbol": "TP53"}],
        "chemicals": [{"name": "Imatinib"}],
    }


def test_a_global_id_of_another_type_is_invalid_input(gateway: Gateway) -> None:
    ids = gateway.data('{ gene(id: "1017") { id } chemical(id: "DB00619") { id } }')
    body = gateway.post(
        "query($id: ID!) { gene(id: $id) { symbol } }", {"id": ids["chemical"]["id"]}
    )
    [error] = body["errors"]
    assert error["extensions"] == {"code": "INVALID_INPUT"}
    assert "Chemical" in error["message"]
    assert "Gene" in error["message"]
    body = gateway.post("query($id: ID!) { chemical(id: $id) { name } }", {"id": ids["gene"]["id"]})
    assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT"}


def test_source_ids_that_happen_to_be_base64_are_still_source_ids(gateway: Gateway) -> None:
    """`1017` and `7157` are valid base64, but decode to no `<Type>:` text: looked up as is."""
    data = gateway.data('{ gene(id: "1017") { symbol } genes(ids: ["7157"]) { symbol } }')
    assert data == {"gene": {"symbol": "CDK2"}, "genes": [{"symbol": "TP53"}]}


# --- relay.Node through the loaders ---------------------------------------------------------------


def test_nodes_over_three_genes_make_one_upstream_call(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    found = gateway.data('{ genes(ids: ["1017", "7157", "5728"]) { id } }')["genes"]
    demo_mirror.clear()
    data = gateway.data(
        "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Gene { symbol } } }",
        {"ids": [g["id"] for g in found]},
    )
    assert [n["symbol"] for n in data["nodes"]] == ["CDK2", "TP53", "PTEN"]
    assert [n["id"] for n in data["nodes"]] == [g["id"] for g in found]
    assert [r["path"] for r in demo_mirror.requests()] == ["/mygene/v3/gene"]


def test_node_resolves_an_hgnc_record_and_nulls_what_is_gone(gateway: Gateway) -> None:
    record_id = gateway.data('{ hgncRecord(by: {symbol: "BRAF"}) { id } }')["hgncRecord"]["id"]
    gone = base64.b64encode(b"HgncRecord:HGNC:999999999").decode()
    data = gateway.data(
        "query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on HgncRecord { symbol } } }",
        {"ids": [record_id, gone]},
    )
    assert data["nodes"] == [{"__typename": "HgncRecord", "symbol": "BRAF"}, None]


@pytest.mark.parametrize("name", ["Planet", "PageInfo", "Query"])
def test_a_global_id_of_a_type_that_is_no_node_is_invalid_input(
    gateway: Gateway, name: str
) -> None:
    bad = base64.b64encode(f"{name}:1".encode()).decode()
    body = gateway.post("query($id: ID!) { node(id: $id) { id } }", {"id": bad})
    assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT"}
