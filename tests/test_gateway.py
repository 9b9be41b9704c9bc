"""The service end to end: GraphQL over HTTP, the source choice, error codes, the call report."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app import create_app
from genechem.settings import Settings
from tests.conftest import MirrorServer, sent_fields
from tests.gateway import Gateway
from tests.servers import serve

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens, connections are refused


@pytest.fixture(scope="module")
def offline_gateway() -> Iterator[Gateway]:
    """The gateway in `auto` mode with every public service unreachable."""
    settings = Settings(
        source="auto",
        mygene_url=UNREACHABLE,
        mychem_url=UNREACHABLE,
        hgnc_url=UNREACHABLE,
        probe_timeout=0.5,
    )
    with serve(create_app(settings)) as url:
        yield Gateway(url)


def test_auto_source_falls_back_to_the_demo_mirror(offline_gateway: Gateway) -> None:
    body = offline_gateway.post('{ gene(id: "1017") { symbol name } }')
    assert body == {"data": {"gene": {"symbol": "CDK2", "name": "cyclin dependent kinase 2"}}}
    sources = offline_gateway.post("{ sources { name kind dataVersion recordCount error } }")
    rows = {s["name"]: s for s in sources["data"]["sources"]}
    assert set(rows) == {"MYGENE", "MYCHEM", "HGNC"}
    assert {s["kind"] for s in rows.values()} == {"MIRROR"}
    assert all(s["error"] is None and s["recordCount"] > 0 for s in rows.values())
    health = httpx.get(f"{offline_gateway.url}/healthz").json()
    assert health == {"status": "ok", "source": "mirror"}


def test_graphql_over_get_works(offline_gateway: Gateway) -> None:
    answer = httpx.get(
        f"{offline_gateway.url}/graphql", params={"query": '{ gene(id: "7157") { symbol } }'}
    )
    assert answer.json()["data"] == {"gene": {"symbol": "TP53"}}
    assert "errors" not in answer.json()


def test_one_request_across_three_services(gateway: Gateway) -> None:
    body = gateway.post(
        '{ gene(id: "673") { symbol hgncId aliases } '
        'chemical(id: "DB08881") { name drugbank { id groups } } '
        'hgncRecord(by: {symbol: "BRAF"}) { hgncId status prevSymbols } }'
    )
    assert "errors" not in body
    data = body["data"]
    assert data["gene"]["symbol"] == "BRAF"
    assert data["gene"]["hgncId"] == "HGNC:1097"
    assert data["chemical"]["drugbank"]["id"] == "DB08881"
    assert "approved" in data["chemical"]["drugbank"]["groups"]
    assert data["hgncRecord"] == {"hgncId": "HGNC:1097", "status": "APPROVED", "prevSymbols": []}


def test_projection_pushdown_asks_only_for_selected_fields(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    gateway.post('{ gene(id: "1017") { symbol taxid } }')
    [call] = demo_mirror.requests("mygene")
    assert (call["method"], call["path"]) == ("GET", "/mygene/v3/gene/1017")
    assert sent_fields(call) == ["symbol", "taxid"]


def test_unknown_ids_are_null_without_errors(gateway: Gateway) -> None:
    body = gateway.post(
        '{ gene(id: "999999999999") { symbol } chemical(id: "DB99999") { name } '
        'hgncRecord(by: {symbol: "NOSUCH"}) { symbol } }'
    )
    assert body == {"data": {"gene": None, "chemical": None, "hgncRecord": None}}


def test_failed_service_gives_coded_error_and_partial_data(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    demo_mirror.set_faults([{"kind": "status", "status": 503, "path": "^/mygene/"}])
    body = gateway.post(
        '{ gene(id: "1017") { symbol } hgncRecord(by: {symbol: "CDK2"}) { symbol } }'
    )
    assert body["data"] == {"gene": None, "hgncRecord": {"symbol": "CDK2"}}
    [error] = body["errors"]
    assert error["path"] == ["gene"]
    assert error["extensions"] == {
        "code": "UPSTREAM_UNAVAILABLE",
        "source": "mygene",
        "status": 503,
    }
    assert error["message"].startswith("MyGene.info failed to answer")


def test_graphql_syntax_error_is_parse_failed(gateway: Gateway) -> None:
    body = gateway.post("{ gene(id: ) { symbol }")
    [error] = body["errors"]
    assert error["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"


def test_unknown_field_is_validation_failed(gateway: Gateway) -> None:
    body = gateway.post('{ gene(id: "1017") { nosuchfield } }')
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_upstream_calls_are_reported_on_request(gateway: Gateway) -> None:
    query = '{ a: gene(id: "1017") { symbol } b: gene(id: "7157") { symbol } }'
    body = gateway.post(query, report_calls=True)
    assert body["data"] == {"a": {"symbol": "CDK2"}, "b": {"symbol": "TP53"}}
    upstream = body["extensions"]["upstream"]
    assert upstream["calls"] == 1
    assert upstream["bySource"]["mygene"]["calls"] == 1
    assert "extensions" not in gateway.post(query)
