"""Facet answers without `hits`: with `size=0`, or when nothing matched, the services send facets
and leave the empty hit list out (the mirror does the same). That is the contract, not a malformed
answer; an answer without `hits` that asked for hits and got no facets still is one."""

from __future__ import annotations

import httpx
import pytest

from backends.http import ServiceHTTP
from backends.mygene import MyGeneClient
from genechem.errors import UpstreamMalformed
from genechem.settings import Settings
from tests.conftest import MirrorServer
from tests.gateway import Gateway

FACETS = "facets { species { total terms { taxid count } } }"


def test_scan_with_only_facets_answers(gateway: Gateway, demo_mirror: MirrorServer) -> None:
    data = gateway.data(f'{{ searchGenes(query: "CDK2", scan: true) {{ {FACETS} }} }}')
    species = data["searchGenes"]["facets"]["species"]
    assert species["total"] > 0
    bodies = [r for r in demo_mirror.requests("mygene") if r["params"].get("size") == ["0"]]
    assert bodies, "the facets come from a size=0 query"


def test_first_zero_answers_facets_and_total(gateway: Gateway) -> None:
    query = (
        f'{{ searchGenes(query: "CDK2", first: 0) {{ totalCount edges {{ cursor }} {FACETS} }} }}'
    )
    connection = gateway.data(query)["searchGenes"]
    assert connection["edges"] == []
    assert connection["totalCount"] > 0
    assert connection["facets"]["species"]["total"] > 0


@pytest.mark.parametrize("scan", ["false", "true"])
def test_search_without_hits_answers_empty_facets(gateway: Gateway, scan: str) -> None:
    query = (
        f'{{ searchGenes(query: "symbol:NOSUCHGENEXYZ", scan: {scan}) '
        f"{{ totalCount edges {{ cursor }} {FACETS} }} }}"
    )
    connection = gateway.data(query)["searchGenes"]
    assert connection["totalCount"] == 0
    assert connection["edges"] == []
    assert connection["facets"]["species"]["total"] == 0


def test_chemical_facets_with_first_zero_answer(gateway: Gateway) -> None:
    query = (
        '{ searchChemicals(query: "imatinib", first: 0) '
        "{ totalCount facets { drugbankGroups { total } } } }"
    )
    connection = gateway.data(query)["searchChemicals"]
    assert connection["facets"]["drugbankGroups"]["total"] >= 0


def client_answering(body: dict[str, object]) -> MyGeneClient:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
    settings = Settings(source="live", retry_attempts=1)
    return MyGeneClient(
        ServiceHTTP("mygene", "http://mygene.test/v3", settings, transport=transport)
    )


async def test_size_zero_answer_without_hits_is_an_empty_page() -> None:
    client = client_answering({"took": 1, "total": 7, "max_score": None})
    body = await client.query("cdk2", size=0)
    assert (body["total"], body["hits"]) == (7, [])
    await client.aclose()


async def test_facets_without_hits_is_an_empty_page() -> None:
    facets = {"taxid": {"_type": "terms", "terms": [], "total": 0, "other": 0, "missing": 0}}
    client = client_answering({"took": 1, "total": 0, "max_score": None, "facets": facets})
    body = await client.query("nosuch", size=10, facets=["taxid"])
    assert (body["hits"], body["facets"]) == ([], facets)
    await client.aclose()


async def test_hits_missing_where_hits_were_due_is_malformed() -> None:
    client = client_answering({"took": 1, "total": 7, "max_score": None})
    with pytest.raises(UpstreamMalformed):
        await client.query("cdk2", size=10)
    await client.aclose()
