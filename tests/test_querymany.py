"""querymany (`resolveGenes`, `resolveChemicals`): every match up to the services' cap of 1000 per
term, `truncated` when a term reached it, and one blank term never failing the list.

The mirror answers POST /query with the real services' default of 10 matches per term when no
`size` is sent, so a term with 12 matches proves the gateway asks for more."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app import create_app
from mirror.app import create_mirror_app
from mirror.store import Dataset
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve

CAP = 1000


def _gene(n: int, alias: str) -> dict[str, Any]:
    return {
        "_id": str(700_000_000 + n),
        "entrezgene": 700_000_000 + n,
        "symbol": f"QM{n}",
        "name": f"querymany gene {n}",
        "taxid": 9606,
        "alias": [alias],
    }


def _chemical(n: int, name: str) -> dict[str, Any]:
    return {"_id": f"QMCHEM{n:05d}", "drugbank": {"id": f"DBQ{n:05d}", "name": name}}


def querymany_dataset() -> Dataset:
    """Terms matching 12 records (over the default of 10) and 1001 records (over the cap)."""
    genes = [_gene(n, "TWELVE") for n in range(12)]
    genes += [_gene(100 + n, "MANY") for n in range(CAP + 1)]
    chemicals = [_chemical(n, "twelve") for n in range(12)]
    chemicals += [_chemical(100 + n, "many") for n in range(CAP + 1)]
    return Dataset(genes=genes, chemicals=chemicals)


@pytest.fixture(scope="module")
def querymany_mirror() -> Iterator[MirrorServer]:
    with serve(create_mirror_app(querymany_dataset())) as url:
        yield MirrorServer(url)


@pytest.fixture
def querymany_gateway(querymany_mirror: MirrorServer) -> Iterator[Gateway]:
    querymany_mirror.clear()
    with serve(create_app(querymany_mirror.settings())) as url:
        yield Gateway(url)


RESOLVE_GENES = """query ($terms: [String!]!) {
  resolveGenes(terms: $terms, scopes: ["alias"]) { term status truncated reason matches { symbol } }
}"""
RESOLVE_CHEMICALS = """query ($terms: [String!]!) {
  resolveChemicals(terms: $terms, scopes: ["drugbank.name"]) {
    term status truncated reason matches { chemicalId }
  }
}"""


def test_mirror_stops_at_ten_matches_per_term_without_size(
    querymany_mirror: MirrorServer,
) -> None:
    answer = httpx.post(
        f"{querymany_mirror.url}/mygene/v3/query",
        json={"q": ["TWELVE"], "scopes": ["alias"], "fields": ["symbol"]},
    )
    assert len(answer.json()) == 10


def test_resolve_genes_returns_every_match_past_the_default_ten(
    querymany_gateway: Gateway, querymany_mirror: MirrorServer
) -> None:
    [twelve] = querymany_gateway.data(RESOLVE_GENES, {"terms": ["TWELVE"]})["resolveGenes"]
    assert twelve["status"] == "AMBIGUOUS"
    assert sorted(m["symbol"] for m in twelve["matches"]) == sorted(f"QM{n}" for n in range(12))
    assert twelve["truncated"] is False
    assert twelve["reason"] is None
    [post] = querymany_mirror.requests("mygene")
    assert post["body"]["size"] == CAP


def test_resolve_genes_term_reaching_the_cap_is_truncated(querymany_gateway: Gateway) -> None:
    data = querymany_gateway.data(RESOLVE_GENES, {"terms": ["MANY", "TWELVE", "NONE"]})
    many, twelve, none = data["resolveGenes"]
    assert (len(many["matches"]), many["truncated"]) == (CAP, True)
    assert (len(twelve["matches"]), twelve["truncated"]) == (12, False)
    assert (none["status"], none["matches"], none["truncated"]) == ("NOT_FOUND", [], False)


def test_resolve_chemicals_returns_every_match_and_flags_the_cap(
    querymany_gateway: Gateway, querymany_mirror: MirrorServer
) -> None:
    data = querymany_gateway.data(RESOLVE_CHEMICALS, {"terms": ["twelve", "many"]})
    twelve, many = data["resolveChemicals"]
    assert (len(twelve["matches"]), twelve["truncated"]) == (12, False)
    assert (len(many["matches"]), many["truncated"]) == (CAP, True)
    [post] = querymany_mirror.requests("mychem")
    assert post["body"]["size"] == CAP


def test_blank_gene_term_is_invalid_alone_and_never_sent(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    query = """{ resolveGenes(terms: ["CDK2", "", "  "], scopes: ["symbol"], species: ["human"]) {
      term status reason matches { symbol } } }"""
    cdk2, empty, spaces = gateway.data(query)["resolveGenes"]
    assert (cdk2["status"], [m["symbol"] for m in cdk2["matches"]]) == ("FOUND", ["CDK2"])
    assert cdk2["reason"] is None
    for blank, term in ((empty, ""), (spaces, "  ")):
        assert (blank["term"], blank["status"], blank["matches"]) == (term, "INVALID", [])
        assert "empty" in blank["reason"]
    [post] = demo_mirror.requests("mygene")
    assert post["body"]["q"] == ["CDK2"]


def test_only_blank_terms_cost_no_call(gateway: Gateway, demo_mirror: MirrorServer) -> None:
    data = gateway.data('{ resolveGenes(terms: [""]) { status } }')
    assert data == {"resolveGenes": [{"status": "INVALID"}]}
    assert demo_mirror.requests("mygene") == []


def test_blank_chemical_term_is_invalid_alone(gateway: Gateway, demo_mirror: MirrorServer) -> None:
    query = """{ resolveChemicals(terms: ["DB00619", ""], scopes: ["drugbank.id"]) {
      term status reason matches { chemicalId } } }"""
    imatinib, empty = gateway.data(query)["resolveChemicals"]
    assert imatinib["status"] == "FOUND"
    assert [m["chemicalId"] for m in imatinib["matches"]] == ["KTUFNOKKBVMGRW-UHFFFAOYSA-N"]
    assert (empty["status"], empty["matches"]) == ("INVALID", [])
    [post] = demo_mirror.requests("mychem")
    assert post["body"]["q"] == ["DB00619"]
