"""The HGNC symbol checker, and HGNC index mode's call count."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import create_app
from mirror.app import create_mirror_app
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.generated import linked_dataset
from tests.servers import serve

CHECK = """
query Check($symbols: [String!]!) {
  checkSymbols(symbols: $symbols) {
    input status approved { symbol } withdrawn { hgncId status }
  }
}
"""


def test_each_kind_of_symbol(gateway: Gateway) -> None:
    symbols = ["BRAF", "erbb", "HER2", "A12M1", "NOTAGENE", " kras2 ", "APPL1"]
    checks = gateway.data(CHECK, {"symbols": symbols})["checkSymbols"]
    assert checks == [
        {"input": "BRAF", "status": "APPROVED", "approved": [{"symbol": "BRAF"}], "withdrawn": []},
        {
            "input": "erbb",
            "status": "PREVIOUS_SYMBOL",
            "approved": [{"symbol": "EGFR"}],
            "withdrawn": [],
        },
        {
            "input": "HER2",
            "status": "ALIAS_SYMBOL",
            "approved": [{"symbol": "ERBB2"}],
            "withdrawn": [],
        },
        {
            "input": "A12M1",
            "status": "WITHDRAWN",
            "approved": [],
            "withdrawn": [{"hgncId": "HGNC:1", "status": "ENTRY_WITHDRAWN"}],
        },
        {"input": "NOTAGENE", "status": "UNKNOWN", "approved": [], "withdrawn": []},
        {
            "input": "kras2",
            "status": "PREVIOUS_SYMBOL",
            "approved": [{"symbol": "KRAS"}],
            "withdrawn": [],
        },
        # APPL1 is a previous symbol of the withdrawn entry APPL (HGNC:623) in the demo data.
        {
            "input": "APPL1",
            "status": "WITHDRAWN",
            "approved": [],
            "withdrawn": [{"hgncId": "HGNC:623", "status": "ENTRY_WITHDRAWN"}],
        },
    ]


def test_approved_symbol_costs_one_lookup_by_default(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    gateway.data(CHECK, {"symbols": ["BRAF", "TP53"]})
    paths = sorted(r["path"] for r in demo_mirror.requests("hgnc"))
    assert paths == ["/hgnc/fetch/symbol/BRAF", "/hgnc/fetch/symbol/TP53"]


def test_non_approved_symbol_costs_previous_and_alias_lookups(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    gateway.data(CHECK, {"symbols": ["HER2"]})
    paths = sorted(r["path"] for r in demo_mirror.requests("hgnc"))
    assert paths == [
        "/hgnc/fetch/alias_symbol/HER2",
        "/hgnc/fetch/prev_symbol/HER2",
        "/hgnc/fetch/symbol/HER2",
    ]


@pytest.fixture(scope="module")
def indexed_gateway() -> Iterator[tuple[Gateway, MirrorServer]]:
    with serve(create_mirror_app(linked_dataset(1200))) as mirror_url:
        mirror = MirrorServer(mirror_url)
        with serve(create_app(mirror.settings(hgnc_index=True))) as url:
            yield Gateway(url), mirror


def test_index_mode_checks_a_thousand_symbols_in_one_call(
    indexed_gateway: tuple[Gateway, MirrorServer],
) -> None:
    gateway, mirror = indexed_gateway
    mirror.clear()
    symbols = [f"GC{i}" for i in range(400)] + [f"oldgc{i}" for i in range(400, 700)]
    symbols += [f"ALIASGC{i}" for i in range(700, 1000)]
    checks = gateway.data(CHECK, {"symbols": symbols})["checkSymbols"]
    statuses = [c["status"] for c in checks]
    assert statuses == ["APPROVED"] * 400 + ["PREVIOUS_SYMBOL"] * 300 + ["ALIAS_SYMBOL"] * 300
    assert checks[500]["approved"] == [{"symbol": "GC500"}]
    # The load reads HGNC's release date first, then every approved record at once.
    assert [r["path"] for r in mirror.requests("hgnc")] == [
        "/hgnc/info",
        "/hgnc/fetch/status/Approved",
    ]

    # Loaded once: the next request costs nothing, and gene -> hgnc links use the index too.
    mirror.clear()
    gateway.data(CHECK, {"symbols": ["GC1"]})
    gateway.data('{ genes(ids: ["800000001", "800000002"]) { hgnc { symbol } } }')
    assert mirror.requests("hgnc") == []


def test_index_mode_still_tells_unknown_symbols(
    indexed_gateway: tuple[Gateway, MirrorServer],
) -> None:
    gateway, mirror = indexed_gateway
    mirror.clear()
    [check] = gateway.data(CHECK, {"symbols": ["NOPE1"]})["checkSymbols"]
    assert check["status"] == "UNKNOWN"
    # A symbol the approved index lacks may be withdrawn: one fetch tells.
    assert [r["path"] for r in mirror.requests("hgnc")] == ["/hgnc/fetch/symbol/NOPE1"]


def test_an_invalid_item_gets_its_own_status_and_the_rest_answer(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    answer = gateway.post(CHECK, {"symbols": ["BRAF", "", "a\nb", " \t ", "HER2"]})
    assert "errors" not in answer, answer["errors"]
    checks = answer["data"]["checkSymbols"]
    assert [(c["input"], c["status"]) for c in checks] == [
        ("BRAF", "APPROVED"),
        ("", "INVALID"),
        ("a\nb", "INVALID"),
        ("", "INVALID"),
        ("HER2", "ALIAS_SYMBOL"),
    ]
    assert checks[1] == {"input": "", "status": "INVALID", "approved": [], "withdrawn": []}

    # Invalid inputs are looked up nowhere.
    paths = sorted(r["path"] for r in demo_mirror.requests("hgnc"))
    assert paths == [
        "/hgnc/fetch/alias_symbol/HER2",
        "/hgnc/fetch/prev_symbol/HER2",
        "/hgnc/fetch/symbol/BRAF",
        "/hgnc/fetch/symbol/HER2",
    ]


def test_an_invalid_item_says_why(gateway: Gateway) -> None:
    reasons = gateway.data(
        "query C($s: [String!]!) { checkSymbols(symbols: $s) { reason } }",
        {"s": ["BRAF", "", "a\nb"]},
    )["checkSymbols"]
    assert reasons == [
        {"reason": None},
        {"reason": "The symbol is empty."},
        {"reason": "The symbol contains a control character."},
    ]


def test_index_mode_invalid_item_does_not_fail_the_list(
    indexed_gateway: tuple[Gateway, MirrorServer],
) -> None:
    gateway, _ = indexed_gateway
    checks = gateway.data(CHECK, {"symbols": ["GC1", "", "x\ny"]})["checkSymbols"]
    assert [c["status"] for c in checks] == ["APPROVED", "INVALID", "INVALID"]


@pytest.mark.parametrize("symbol", ["", "  ", "BR\nAF"])
def test_hgnc_record_by_an_impossible_symbol_is_invalid_input(
    gateway: Gateway, demo_mirror: MirrorServer, symbol: str
) -> None:
    answer = gateway.post(
        "query R($s: String!) { hgncRecord(by: {symbol: $s}) { symbol } }", {"s": symbol}
    )
    assert answer["data"] == {"hgncRecord": None}
    [error] = answer["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT"
    assert demo_mirror.requests("hgnc") == []


def test_one_fetch_per_symbol_per_request_across_record_and_checker(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    query = """{
      braf: hgncRecord(by: {symbol: "BRAF"}) { symbol }
      her2: hgncRecord(by: {symbol: "HER2"}) { symbol }
      checkSymbols(symbols: ["BRAF", "HER2", "braf"]) { status approved { symbol } }
      again: checkSymbols(symbols: ["HER2"]) { status }
    }"""
    data = gateway.data(query)
    assert data["braf"] == {"symbol": "BRAF"}
    assert data["her2"] is None  # HER2 is an alias, not an approved symbol
    assert [c["status"] for c in data["checkSymbols"]] == [
        "APPROVED",
        "ALIAS_SYMBOL",
        "APPROVED",
    ]
    assert data["again"] == [{"status": "ALIAS_SYMBOL"}]
    paths = sorted(r["path"] for r in demo_mirror.requests("hgnc"))
    # Once each: the two loaders (records and the checker's) share one fetch per (field, value).
    # BRAF and braf are distinct inputs to HGNC's case-insensitive fetch, hence two.
    assert paths == [
        "/hgnc/fetch/alias_symbol/HER2",
        "/hgnc/fetch/prev_symbol/HER2",
        "/hgnc/fetch/symbol/BRAF",
        "/hgnc/fetch/symbol/HER2",
        "/hgnc/fetch/symbol/braf",
    ]
