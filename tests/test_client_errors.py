"""Client mistakes are client errors: the real message and a precise `extensions.code`, logged at
INFO at most; only genuine faults are masked as INTERNAL_ERROR (and logged with their traceback,
once). Also: a document with several operations needs `operationName`; one `species` item is one
species; upstream rejections read as text."""

from __future__ import annotations

import logging
from typing import Any, NamedTuple

import httpx
import pytest

from backends.answers import upstream_reason
from resolvers import gene as gene_resolvers
from schema.extensions import SEVERAL_OPERATIONS
from tests.conftest import MirrorServer
from tests.gateway import Gateway


def no_error_logs(caplog: pytest.LogCaptureFixture) -> None:
    loud = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert loud == [], [r.getMessage() for r in loud]


def only_error(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("data") is None
    [error] = body["errors"]
    coded: dict[str, Any] = error
    return coded


class Mistake(NamedTuple):
    query: str
    variables: dict[str, Any] | None
    code: str
    message: str
    """A part of the message the client must see."""


@pytest.mark.parametrize(
    "mistake",
    [
        Mistake(
            'query ($n: Int) { searchGenes(query: "CDK2", first: $n) { totalCount } }',
            {"n": "ten"},
            "BAD_USER_INPUT",
            "Variable '$n' has invalid value",
        ),
        Mistake(
            "query ($id: ID!) { gene(id: $id) { symbol } }",
            {},
            "BAD_USER_INPUT",
            "Variable '$id' has invalid value: Expected a value of non-null type 'ID!'",
        ),
        Mistake(
            'query ($s: [GeneSort!]) { searchGenes(query: "CDK2", sort: $s) { totalCount } }',
            {"s": [{"field": "COLOUR"}]},
            "BAD_USER_INPUT",
            "Variable '$s' has invalid value",
        ),
        Mistake(
            '{ searchGenes(query: "CDK2", sort: [{field: COLOUR}]) { totalCount } }',
            None,
            "GRAPHQL_VALIDATION_FAILED",
            "Value 'COLOUR' does not exist in 'GeneSortField' enum",
        ),
        Mistake(
            '{ gene(id: "1017") { nosuchfield } }',
            None,
            "GRAPHQL_VALIDATION_FAILED",
            "Cannot query field 'nosuchfield' on type 'Gene'",
        ),
        Mistake("{ gene(id: ) { symbol }", None, "GRAPHQL_PARSE_FAILED", "Syntax Error"),
    ],
    ids=[
        "wrong-type-variable",
        "missing-variable",
        "unknown-enum-variable",
        "unknown-enum-literal",
        "unknown-field",
        "syntax",
    ],
)
def test_client_mistake_reaches_the_client_with_its_code(
    gateway: Gateway,
    demo_mirror: MirrorServer,
    caplog: pytest.LogCaptureFixture,
    mistake: Mistake,
) -> None:
    caplog.set_level(logging.INFO)
    error = only_error(gateway.post(mistake.query, mistake.variables))
    assert error["extensions"] == {"code": mistake.code}
    assert mistake.message in error["message"]
    assert "Internal error" not in error["message"]
    assert demo_mirror.requests() == []
    no_error_logs(caplog)


def test_genuine_fault_is_masked_and_logged_once_with_traceback(
    gateway: Gateway, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(gene_resolvers, "gene", broken)
    caplog.set_level(logging.INFO)
    body = gateway.post('{ gene(id: "1017") { symbol } }')
    [error] = body["errors"]
    assert error["extensions"] == {"code": "INTERNAL_ERROR"}
    assert "secret detail" not in error["message"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].exc_info is not None
    assert isinstance(errors[0].exc_info[1], RuntimeError)


def test_client_error_of_a_resolver_is_logged_at_info(
    gateway: Gateway, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    body = gateway.post('{ hgncRecord(by: {symbol: "BR\\nAF"}) { symbol } }')
    assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT"}
    no_error_logs(caplog)


SEVERAL = """
query Genes { gene(id: "1017") { symbol } }
query Records { hgncRecord(by: {symbol: "BRAF"}) { symbol } }
"""


def test_several_operations_without_operation_name_are_an_error(
    gateway: Gateway, demo_mirror: MirrorServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    error = only_error(gateway.post(SEVERAL))
    assert error["message"] == SEVERAL_OPERATIONS
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert demo_mirror.requests() == []
    no_error_logs(caplog)


def test_operation_name_picks_one_of_several(gateway: Gateway) -> None:
    answer = httpx.post(
        f"{gateway.url}/graphql", json={"query": SEVERAL, "operationName": "Records"}, timeout=30
    ).json()
    assert answer["data"] == {"hgncRecord": {"symbol": "BRAF"}}
    assert "errors" not in answer


@pytest.mark.parametrize(
    "query",
    [
        '{ resolveGenes(terms: ["CDK2"], species: ["human,mouse"]) { term } }',
        '{ searchGenes(query: "CDK2", species: ["human,mouse"]) { totalCount } }',
        '{ searchGenes(query: "CDK2", species: ["human mouse"]) { totalCount } }',
        '{ searchGenes(query: "CDK2", speciesFacetFilter: ["human|mouse"]) { totalCount } }',
        '{ genesInRegion(chromosome: "12", start: 1, end: 2, species: "human,mouse") '
        "{ totalCount } }",
    ],
    ids=["resolveGenes", "searchGenes", "space", "speciesFacetFilter", "genesInRegion"],
)
def test_one_species_item_holding_several_is_invalid_input(
    gateway: Gateway, demo_mirror: MirrorServer, query: str
) -> None:
    error = only_error(gateway.post(query))
    assert error["extensions"] == {"code": "INVALID_INPUT"}
    assert "human" in error["message"]
    assert "its own list item" in error["message"]
    assert demo_mirror.requests("mygene") == []


def test_ortholog_species_item_holding_several_is_invalid_input(gateway: Gateway) -> None:
    body = gateway.post(
        '{ gene(id: "1017") { symbol orthologs(species: ["mouse,rat"]) { symbol } } }'
    )
    [error] = body["errors"]
    assert error["path"] == ["gene", "orthologs"]
    assert error["extensions"] == {"code": "INVALID_INPUT"}


def test_separate_species_items_still_search_several_species(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    gateway.data('{ searchGenes(query: "CDK2", species: ["human", " mouse "]) { totalCount } }')
    [search] = demo_mirror.requests("mygene")
    assert search["params"]["species"] == ["human,mouse"]


def test_biothings_rejection_reads_as_text(gateway: Gateway) -> None:
    body = gateway.post('{ searchGenes(query: "symbol:(CDK2") { totalCount } }')
    [error] = body["errors"]
    assert error["extensions"]["code"] == "INVALID_QUERY"
    assert error["extensions"]["source"] == "mygene"
    message = error["message"]
    assert message.startswith("MyGene.info rejected the request: ")
    assert "(" in message
    assert "{" not in message
    assert "'" not in message.split(": ", 1)[0]


def test_hgnc_rejection_reads_as_text_not_a_dict(gateway: Gateway) -> None:
    body = gateway.post('{ searchHgnc(query: "nosuchfield:BRAF") { totalCount } }')
    [error] = body["errors"]
    assert error["extensions"]["source"] == "hgnc"
    assert error["message"].startswith("HGNC REST rejected the request: ")
    assert "{" not in error["message"]
    assert "'msg'" not in error["message"]
    assert "nosuchfield" in error["message"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            {"code": 400, "success": False, "error": "Bad Request", "keyword": "size", "max": 1000},
            "Bad Request (size must be at most 1000)",
        ),
        (
            {"code": 400, "success": False, "error": "ValueError", "details": "Invalid scroll."},
            "ValueError (Invalid scroll.)",
        ),
        (
            {"error": "parsing_exception", "root_cause_line_00": "a", "root_cause_line_01": "b"},
            "parsing_exception (a; b)",
        ),
        (
            {"responseHeader": {"status": 400}, "error": {"msg": "undefined field x", "code": 400}},
            "undefined field x",
        ),
        (
            {"error": "Bad Request", "details": {"msg": "nested", "code": 400}},
            "Bad Request (nested)",
        ),
        ({"error": ["one", "two"]}, "one; two"),
    ],
    ids=["keyword", "details", "root-cause", "solr", "nested-details", "list"],
)
def test_upstream_reason_is_text(body: dict[str, Any], reason: str) -> None:
    assert upstream_reason(httpx.Response(400, json=body)) == reason
