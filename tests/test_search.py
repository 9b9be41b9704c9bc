"""Search connections: walking 25,000 genes exactly once across the offset window and the scroll,
cursor errors, facets, escaped filters, genome intervals, HGNC paging."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI

from app import create_app
from mirror.app import create_mirror_app
from mirror.store import Dataset
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.generated import generated_genes
from tests.servers import serve

TOTAL = 25_000
SEARCH = """
query Walk($first: Int, $after: String, $scan: Boolean! = false, $sort: [GeneSort!]) {
  searchGenes(first: $first, after: $after, scan: $scan, sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { geneId } }
  }
}
"""


@pytest.fixture(scope="module")
def big_mirror() -> Iterator[MirrorServer]:
    # One species, so the facet and filter counts below are simple; the scroll's order still
    # differs from the offset pages' (the mirror's shards), see tests/test_paging.py.
    genes = generated_genes(TOTAL, species=((9606, "HUMAN"),))
    with serve(create_mirror_app(Dataset(genes=genes))) as url:
        yield MirrorServer(url)


@pytest.fixture
def big(big_mirror: MirrorServer) -> Iterator[tuple[Gateway, MirrorServer, FastAPI]]:
    app = create_app(big_mirror.settings())
    big_mirror.clear()
    with serve(app) as url:
        yield Gateway(url), big_mirror, app


def cursor_kind(cursor: str) -> str:
    body = cursor.split(".", maxsplit=1)[0]
    payload: dict[str, Any] = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    return str(payload["k"])


def walk(gateway: Gateway, app: FastAPI, first: int, **variables: Any) -> list[dict[str, Any]]:
    pages: list[dict[str, Any]] = []
    after = None
    while True:
        page = gateway.data(SEARCH, {"first": first, "after": after, **variables})["searchGenes"]
        pages.append(page)
        # The gateway keeps a walk's scroll pages (ids), its record and its switch: no more.
        assert len(app.state.pager.cache) <= TOTAL // 1000 + 2
        if not page["pageInfo"]["hasNextPage"]:
            return pages
        after = page["pageInfo"]["endCursor"]


@pytest.mark.parametrize("first", [1000, 333])
def test_walk_25000_genes_every_hit_once_across_the_window(
    big: tuple[Gateway, MirrorServer, FastAPI], first: int
) -> None:
    gateway, mirror, app = big
    pages = walk(gateway, app, first)
    ids = [e["node"]["geneId"] for p in pages for e in p["edges"]]
    assert len(ids) == TOTAL
    assert len(set(ids)) == TOTAL
    assert {p["totalCount"] for p in pages} == {TOTAL}
    kinds = [cursor_kind(e["cursor"]) for p in pages for e in p["edges"]]
    # Offsets for every page that fits in the 10,000-hit window, the scroll after it.
    in_window = first * (10_000 // first)
    assert set(kinds[:in_window]) == {"o"}
    assert set(kinds[in_window:]) == {"s"}
    scroll_starts = [r for r in mirror.requests("mygene") if r["params"].get("fetch_all")]
    assert len(scroll_starts) == 1
    assert pages[-1]["pageInfo"]["hasNextPage"] is False
    assert pages[0]["pageInfo"]["hasPreviousPage"] is False
    assert pages[1]["pageInfo"]["hasPreviousPage"] is True


def test_scan_walks_on_the_scroll_from_the_first_page(
    big: tuple[Gateway, MirrorServer, FastAPI],
) -> None:
    gateway, _, app = big
    pages = walk(gateway, app, 1000, scan=True)
    ids = [e["node"]["geneId"] for p in pages for e in p["edges"]]
    assert len(ids) == len(set(ids)) == TOTAL
    assert {cursor_kind(e["cursor"]) for p in pages for e in p["edges"]} == {"s"}


def test_expired_scroll_is_cursor_expired(big: tuple[Gateway, MirrorServer, FastAPI]) -> None:
    gateway, mirror, _ = big
    page = gateway.data(SEARCH, {"first": 1000, "scan": True})["searchGenes"]
    mirror.advance_clock(61)
    body = gateway.post(
        SEARCH, {"first": 1000, "scan": True, "after": page["pageInfo"]["endCursor"]}
    )
    [error] = body["errors"]
    assert error["extensions"]["code"] == "CURSOR_EXPIRED"
    assert "search again" in error["message"]
    assert body["data"] is None


def test_tampered_garbage_and_foreign_cursors_are_invalid(gateway: Gateway) -> None:
    page = gateway.data('{ searchGenes(query: "CDK*", first: 1) { pageInfo { endCursor } } }')
    cursor = page["searchGenes"]["pageInfo"]["endCursor"]
    body, signature = cursor.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["o"] = 5
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    cases = {
        "tampered": f"{forged}.{signature}",
        "garbage": "not-a-cursor",
        "foreign": cursor,  # used with another query below
    }
    for name, bad in cases.items():
        query = "TP5*" if name == "foreign" else "CDK*"
        answer = gateway.post(
            "query($a: String) { searchGenes(query: " + json.dumps(query) + ", after: $a) "
            "{ totalCount } }",
            {"a": bad},
        )
        [error] = answer["errors"]
        assert error["extensions"] == {"code": "INVALID_CURSOR"}, name
        assert answer["data"] is None


def test_first_over_1000_is_invalid_input(gateway: Gateway) -> None:
    body = gateway.post("{ searchGenes(first: 1001) { totalCount } }")
    assert body["errors"][0]["extensions"] == {"code": "INVALID_INPUT"}


def test_facets_count_every_hit(big: tuple[Gateway, MirrorServer, FastAPI]) -> None:
    gateway, _, _ = big
    data = gateway.data(
        "{ searchGenes(first: 2) { totalCount facets { species { terms { taxid species count } "
        "total other missing } typeOfGene { terms { term count } } } } }"
    )["searchGenes"]
    species = data["facets"]["species"]
    assert [(t["taxid"], t["species"], t["count"]) for t in species["terms"]] == [
        (9606, "human", TOTAL)
    ]
    assert species["total"] == TOTAL
    assert species["other"] == 0
    kinds = {t["term"]: t["count"] for t in data["facets"]["typeOfGene"]["terms"]}
    assert kinds == {"protein-coding": 18750, "ncRNA": 6250}


def test_species_facet_filter_keeps_counts_of_every_species(gateway: Gateway) -> None:
    data = gateway.data(
        '{ searchGenes(first: 1, speciesFacetFilter: ["mouse"]) { totalCount '
        "facets { species { terms { taxid species count } } } } }"
    )["searchGenes"]
    assert data["totalCount"] == 53
    counts = {(t["taxid"], t["species"]): t["count"] for t in data["facets"]["species"]["terms"]}
    assert counts == {(10090, "mouse"): 53, (9606, "human"): 50, (10116, "rat"): 48}


@pytest.mark.parametrize(
    "value",
    ['a:b (c) "d" * \\ AND OR', 'protein-coding" OR taxid:"9606', "ncRNA) OR (taxid:9606", "*"],
)
def test_typed_filters_are_escaped(big: tuple[Gateway, MirrorServer, FastAPI], value: str) -> None:
    gateway, _, _ = big
    answer = gateway.post(
        "query($t: [String!]) { searchGenes(typeOfGene: $t) { totalCount } }", {"t": [value]}
    )
    assert answer == {"data": {"searchGenes": {"totalCount": 0}}}


def test_typed_filter_matches_its_value(big: tuple[Gateway, MirrorServer, FastAPI]) -> None:
    gateway, _, _ = big
    data = gateway.data('{ searchGenes(typeOfGene: ["ncRNA"], species: ["human"]) { totalCount } }')
    assert data["searchGenes"]["totalCount"] == TOTAL // 4


def test_genes_in_region(gateway: Gateway) -> None:
    data = gateway.data(
        '{ genesInRegion(chromosome: "12", start: 55966000, end: 55973000, species: "human") '
        "{ totalCount edges { node { symbol genomicPositions { chromosome start end } } } } }"
    )["genesInRegion"]
    assert [e["node"]["symbol"] for e in data["edges"]] == ["CDK2"]
    assert data["totalCount"] == 1


def test_genes_in_region_rejects_bad_intervals(gateway: Gateway) -> None:
    body = gateway.post('{ genesInRegion(chromosome: "12 OR *", start: 5, end: 1) { totalCount } }')
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"


def test_hgnc_search_pages_without_repeats(gateway: Gateway, demo_mirror: MirrorServer) -> None:
    query = (
        'query($a: String) { searchHgnc(query: "CDK*", first: 2, after: $a) { totalCount '
        "pageInfo { hasNextPage endCursor } edges { score node { symbol status } } } }"
    )
    seen: list[str] = []
    after = None
    while True:
        page = gateway.data(query, {"a": after})["searchHgnc"]
        seen += [e["node"]["symbol"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"]
    assert {"CDK1", "CDK2", "CDK4", "CDK6"} <= set(seen)
