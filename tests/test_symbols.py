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
            "withdrawn": [{"hgncId": "HGNC:1", "status": "Entry Withdrawn"}],
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
            "withdrawn": [{"hgncId": "HGNC:623", "status": "Entry Withdrawn"}],
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
    assert [r["path"] for r in mirror.requests("hgnc")] == ["/hgnc/fetch/status/Approved"]

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
