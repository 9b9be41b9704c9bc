"""Relay global ids round-trip through `node` and `nodes`, batched by type; link connections
page in the gateway and batch across parents."""

from __future__ import annotations

import base64
import binascii
import random
import string

from resolvers.node import _decoded
from tests.conftest import MirrorServer
from tests.gateway import Gateway

NODE = """
query($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Gene { geneId symbol }
    ... on Chemical { chemicalId name }
    ... on HgncRecord { hgncId approvedSymbol: symbol }
  }
}
"""


def global_ids(gateway: Gateway) -> dict[str, str]:
    data = gateway.data(
        '{ gene(id: "1017") { id } chemical(id: "DB00619") { id } '
        'hgncRecord(by: {symbol: "BRAF"}) { id } }'
    )
    return {name: value["id"] for name, value in data.items()}


def test_global_ids_round_trip_through_node(gateway: Gateway) -> None:
    ids = global_ids(gateway)
    assert len(set(ids.values())) == 3
    gene = gateway.data(NODE, {"id": ids["gene"]})["node"]
    assert gene == {"__typename": "Gene", "id": ids["gene"], "geneId": "1017", "symbol": "CDK2"}
    chemical = gateway.data(NODE, {"id": ids["chemical"]})["node"]
    assert chemical["__typename"] == "Chemical"
    assert chemical["name"] == "Imatinib"
    record = gateway.data(NODE, {"id": ids["hgncRecord"]})["node"]
    assert record == {
        "__typename": "HgncRecord",
        "id": ids["hgncRecord"],
        "hgncId": "HGNC:1097",
        "approvedSymbol": "BRAF",
    }


def test_nodes_batches_each_type_into_one_call(gateway: Gateway, demo_mirror: MirrorServer) -> None:
    ids = global_ids(gateway)
    other = gateway.data('{ gene(id: "7157") { id } chemical(id: "DB00317") { id } }')
    demo_mirror.clear()
    wanted = [ids["gene"], other["gene"]["id"], ids["chemical"], other["chemical"]["id"]]
    data = gateway.data(
        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Gene { symbol } "
        "... on Chemical { name } } }",
        {"ids": wanted},
    )
    assert data["nodes"] == [
        {"symbol": "CDK2"},
        {"symbol": "TP53"},
        {"name": "Imatinib"},
        {"name": "Gefitinib"},
    ]
    paths = sorted(r["path"] for r in demo_mirror.requests())
    assert paths == ["/mychem/v1/chem", "/mygene/v3/gene"]


def test_unknown_and_malformed_global_ids(gateway: Gateway) -> None:
    import base64

    gone = base64.b64encode(b"Gene:999999999999").decode()
    assert gateway.data(NODE, {"id": gone}) == {"node": None}
    for bad in ["not base64!", base64.b64encode(b"Planet:1").decode()]:
        body = gateway.post(NODE, {"id": bad})
        assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT"}


def test_link_connection_pages_and_batches_across_parents(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    page = """
    chemicals(first: 2, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { chemicalId } actions }
    }
    """
    three = 'query($after: String) { genes(ids: ["1956", "2064", "25"]) { ' + page + " } }"
    genes = gateway.data(three)["genes"]
    assert [r["path"] for r in demo_mirror.requests("mychem")] == ["/mychem/v1/query"]
    assert all(g["chemicals"]["totalCount"] >= 2 for g in genes)
    query = 'query($after: String) { genes(ids: ["1956"]) { ' + page + " } }"
    egfr = genes[0]["chemicals"]
    assert egfr["totalCount"] > 2
    assert len(egfr["edges"]) == 2
    assert egfr["pageInfo"]["hasNextPage"] is True
    walked = [e["node"]["chemicalId"] for e in egfr["edges"]]
    after = egfr["pageInfo"]["endCursor"]
    while after:
        page = gateway.data(query, {"after": after})["genes"][0]["chemicals"]
        walked += [e["node"]["chemicalId"] for e in page["edges"]]
        after = page["pageInfo"]["endCursor"] if page["pageInfo"]["hasNextPage"] else None
    assert len(walked) == len(set(walked)) == egfr["totalCount"]


def test_link_cursor_of_another_parent_is_invalid(gateway: Gateway) -> None:
    first = gateway.data('{ gene(id: "1956") { chemicals(first: 1) { pageInfo { endCursor } } } }')
    cursor = first["gene"]["chemicals"]["pageInfo"]["endCursor"]
    body = gateway.post(
        'query($a: String) { gene(id: "2064") { chemicals(after: $a) { totalCount } } }',
        {"a": cursor},
    )
    assert body["errors"][0]["extensions"] == {"code": "INVALID_CURSOR"}
    assert body["data"] == {"gene": None}


def test_chemical_targets_connection_batches_gene_lookups(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    data = gateway.data(
        '{ chemicals(ids: ["DB01259", "DB00619"]) { targets(first: 5) { totalCount '
        "edges { node { uniprot gene { symbol } } } } } }"
    )
    lapatinib, imatinib = data["chemicals"]
    assert {e["node"]["gene"]["symbol"] for e in lapatinib["targets"]["edges"]} >= {"EGFR", "ERBB2"}
    assert "ABL1" in {e["node"]["gene"]["symbol"] for e in imatinib["targets"]["edges"]}
    assert [r["path"] for r in demo_mirror.requests("mygene")] == ["/mygene/v3/query"]


def test_only_padded_base64_is_tried_as_a_global_id() -> None:
    """`_decoded` skips strings whose length rules out padded base64 (most source ids) and
    answers every string as decoding it would."""

    def decoded_the_long_way(value: str) -> tuple[str, str] | None:
        try:
            text = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        type_name, colon, source_id = text.partition(":")
        return (type_name, source_id) if colon and type_name.isidentifier() and source_id else None

    rng = random.Random(7)
    alphabet = string.ascii_letters + string.digits + "+/=:- "
    values = ["".join(rng.choices(alphabet, k=rng.randint(0, 14))) for _ in range(20_000)]
    values += [base64.b64encode(f"Gene:{n}".encode()).decode() for n in range(200)]
    values += ["600000000", "1017", "R0VuZTox", base64.b64encode(b"Gene:1").decode()[:-1]]
    assert [_decoded(v) for v in values] == [decoded_the_long_way(v) for v in values]
    assert _decoded(base64.b64encode(b"Gene:1017").decode()) == ("Gene", "1017")
