"""Cursor walks past 10,000 hits on any order, and cursors that can be used again.

The mirror's scroll hands hits out shard by shard, in an order unlike its offset pages (as the real
services' many-shard indices do), so crossing the window is exact only if the gateway skips the
hits it served wherever the scroll brings them.
"""

from __future__ import annotations

import base64
import contextlib
import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
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
WALK = """
query Walk($first: Int, $after: String, $scan: Boolean! = false, $sort: [GeneSort!]) {
  searchGenes(first: $first, after: $after, scan: $scan, sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { geneId symbol } }
  }
}
"""
Gateways = tuple[Gateway, MirrorServer, FastAPI]


@contextlib.contextmanager
def serve_gateway(mirror: MirrorServer) -> Iterator[Gateways]:
    app = create_app(mirror.settings())
    mirror.clear()
    with serve(app) as url:
        yield Gateway(url), mirror, app


@pytest.fixture(scope="module")
def species_mirror() -> Iterator[MirrorServer]:
    """25,000 genes cycling over human, mouse and rat."""
    with serve(create_mirror_app(Dataset(genes=generated_genes(TOTAL)))) as url:
        yield MirrorServer(url)


@pytest.fixture
def three_species(species_mirror: MirrorServer) -> Iterator[Gateways]:
    with serve_gateway(species_mirror) as running:
        yield running


def page_of(gateway: Gateway, first: int, after: str | None, **variables: Any) -> dict[str, Any]:
    answer = gateway.data(WALK, {"first": first, "after": after, **variables})
    page: dict[str, Any] = answer["searchGenes"]
    return page


def ids_of(page: dict[str, Any]) -> list[str]:
    return [str(edge["node"]["geneId"]) for edge in page["edges"]]


def walk(gateway: Gateway, first: int, **variables: Any) -> list[dict[str, Any]]:
    pages = [page_of(gateway, first, None, **variables)]
    while pages[-1]["pageInfo"]["hasNextPage"]:
        pages.append(page_of(gateway, first, pages[-1]["pageInfo"]["endCursor"], **variables))
    return pages


def payload_of(cursor: str) -> dict[str, Any]:
    body = cursor.split(".", maxsplit=1)[0]
    payload: dict[str, Any] = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    return payload


def scroll_calls(mirror: MirrorServer) -> int:
    return sum(1 for r in mirror.requests("mygene") if "scroll_id" in r["params"])


def scroll_opens(mirror: MirrorServer) -> int:
    return sum(1 for r in mirror.requests("mygene") if "fetch_all" in r["params"])


def id_reads(mirror: MirrorServer) -> list[dict[str, list[str]]]:
    """The offset pages of ids only that re-read the hits served before the switch."""
    return [
        r["params"]
        for r in mirror.requests("mygene")
        if r["params"].get("fields") == ["_id"] and "from" in r["params"]
    ]


# ---- the mirror's scroll order ------------------------------------------------------------------


def test_mirror_scroll_order_differs_from_its_offset_order(species_mirror: MirrorServer) -> None:
    base = f"{species_mirror.url}/mygene/v3/query"
    offsets = httpx.get(base, params={"q": "__all__", "fields": "_id", "size": 1000}).json()
    first = httpx.get(base, params={"q": "__all__", "fields": "_id", "fetch_all": "true"}).json()
    assert first["total"] == offsets["total"] == TOTAL
    offset_ids = [h["_id"] for h in offsets["hits"]]
    scroll_ids = [h["_id"] for h in first["hits"]]
    assert len(scroll_ids) == 1000
    assert set(scroll_ids) != set(offset_ids)
    seen, scroll_id = list(scroll_ids), first["_scroll_id"]
    while True:
        page = httpx.get(base, params={"scroll_id": scroll_id}).json()
        if "_scroll_id" not in page:
            assert page == {"success": False, "error": "No more results to return."}
            break
        assert page["_scroll_id"] != scroll_id
        reused = httpx.get(base, params={"scroll_id": scroll_id})
        assert reused.status_code == 400  # each page retires the id that fetched it
        assert reused.json()["details"] == "Invalid or stale scroll_id."
        seen += [h["_id"] for h in page["hits"]]
        scroll_id = page["_scroll_id"]
    assert len(seen) == len(set(seen)) == TOTAL


# ---- crossing the window ------------------------------------------------------------------------


@pytest.mark.parametrize("first", [1000, 333])
def test_walk_25000_genes_of_three_species_every_hit_once(
    three_species: Gateways, first: int
) -> None:
    gateway, mirror, _ = three_species
    pages = walk(gateway, first)
    ids = [i for p in pages for i in ids_of(p)]
    assert len(ids) == TOTAL
    assert set(ids) == {str(900_000_000 + n) for n in range(TOTAL)}
    assert {p["totalCount"] for p in pages} == {TOTAL}
    assert [p["pageInfo"]["hasNextPage"] for p in pages] == [True] * (len(pages) - 1) + [False]
    assert all(p["pageInfo"]["hasPreviousPage"] for p in pages[1:])
    kinds = [payload_of(e["cursor"])["k"] for p in pages for e in p["edges"]]
    in_window = first * (10_000 // first)
    assert set(kinds[:in_window]) == {"o"}
    assert set(kinds[in_window:]) == {"s"}
    # One scroll, and the served hits read again once, 1000 ids a call.
    assert scroll_opens(mirror) == 1
    reads = id_reads(mirror)
    assert len(reads) == 10
    assert sum(int(r["size"][0]) for r in reads) == in_window


def test_sorted_walk_crosses_the_window_exactly_once(three_species: Gateways) -> None:
    gateway, _, _ = three_species
    sort = [{"field": "SYMBOL", "direction": "DESC"}]
    pages = walk(gateway, 1000, sort=sort)
    symbols = [e["node"]["symbol"] for p in pages for e in p["edges"]]
    assert len(symbols) == len(set(symbols)) == TOTAL
    # The first 10,000 follow the sort; the rest come in the service's scroll order.
    assert symbols[:10_000] == sorted(symbols, key=str.casefold, reverse=True)[:10_000]


def test_data_changed_under_the_walk_is_result_changed() -> None:
    genes = generated_genes(10_500)
    with (
        serve(create_mirror_app(Dataset(genes=genes))) as url,
        serve_gateway(MirrorServer(url)) as (gateway, _, _),
    ):
        sort = [{"field": "SYMBOL", "direction": "ASC"}]
        after = None
        for _ in range(10):
            after = page_of(gateway, 1000, after, sort=sort)["pageInfo"]["endCursor"]
        # A gene from beyond the window now sorts first: the 10,000 served are no longer the
        # first 10,000, so continuing on the scroll would lose one hit and repeat none.
        last = max(genes, key=lambda g: str(g["symbol"]).casefold())
        last["symbol"] = "AAAA"
        body = gateway.post(WALK, {"first": 1000, "after": after, "sort": sort})
    [error] = body["errors"]
    assert error["extensions"] == {"code": "RESULT_CHANGED"}
    assert "changed" in error["message"]
    assert "search again" in error["message"]
    assert body["data"] is None


# ---- idempotent cursors -------------------------------------------------------------------------


def test_retried_end_cursor_gives_the_same_hits_without_moving_the_scroll(
    three_species: Gateways,
) -> None:
    gateway, mirror, _ = three_species
    first = page_of(gateway, 1000, None, scan=True)
    second = page_of(gateway, 1000, first["pageInfo"]["endCursor"], scan=True)
    calls = scroll_calls(mirror)
    assert calls == 1
    again = page_of(gateway, 1000, first["pageInfo"]["endCursor"], scan=True)
    assert ids_of(again) == ids_of(second)
    assert [e["cursor"] for e in again["edges"]] == [e["cursor"] for e in second["edges"]]
    # An earlier edge cursor of an already served page: the hits after it, across two pages.
    middle = page_of(gateway, 1000, first["edges"][499]["cursor"], scan=True)
    assert ids_of(middle) == ids_of(first)[500:] + ids_of(second)[:500]
    # The walk goes on from the retried page as from the first answer.
    third = page_of(gateway, 1000, again["pageInfo"]["endCursor"], scan=True)
    assert not set(ids_of(third)) & set(ids_of(first) + ids_of(second))
    assert scroll_calls(mirror) == calls + 1
    assert scroll_opens(mirror) == 1


def test_concurrent_retries_fetch_the_next_page_once(three_species: Gateways) -> None:
    gateway, mirror, _ = three_species
    first = page_of(gateway, 1000, None, scan=True)
    after = first["pageInfo"]["endCursor"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        pages = list(pool.map(lambda _: page_of(gateway, 1000, after, scan=True), range(4)))
    assert len({tuple(ids_of(p)) for p in pages}) == 1
    assert scroll_calls(mirror) == 1


def test_retried_cursor_at_the_window_reuses_the_walk(three_species: Gateways) -> None:
    gateway, mirror, _ = three_species
    after = None
    for _ in range(10):
        after = page_of(gateway, 1000, after)["pageInfo"]["endCursor"]
    crossing = page_of(gateway, 1000, after)
    retried = page_of(gateway, 1000, after)
    assert ids_of(retried) == ids_of(crossing)
    assert len(ids_of(crossing)) == 1000
    assert scroll_opens(mirror) == 1
    assert len(id_reads(mirror)) == 10
    later = page_of(gateway, 1000, crossing["edges"][9]["cursor"])
    assert ids_of(later)[:990] == ids_of(crossing)[10:]


def test_expired_scroll_says_so_while_cached_pages_still_answer(
    three_species: Gateways,
) -> None:
    gateway, mirror, _ = three_species
    first = page_of(gateway, 1000, None, scan=True)
    second = page_of(gateway, 1000, first["pageInfo"]["endCursor"], scan=True)
    mirror.advance_clock(61)
    # The page after `first` was fetched already: a retry needs no scroll and still answers.
    assert ids_of(page_of(gateway, 1000, first["pageInfo"]["endCursor"], scan=True)) == ids_of(
        second
    )
    body = gateway.post(
        WALK, {"first": 1000, "scan": True, "after": second["pageInfo"]["endCursor"]}
    )
    [error] = body["errors"]
    assert error["extensions"] == {"code": "CURSOR_EXPIRED"}
    assert "service's scroll" in error["message"]
    assert "expired" in error["message"]
    assert "search again" in error["message"]


def test_cached_page_gone_is_cursor_expired_saying_so(three_species: Gateways) -> None:
    gateway, _, app = three_species
    first = page_of(gateway, 1000, None, scan=True)
    cache = app.state.pager.cache
    cache.clock = lambda: time.monotonic() + 3600
    body = gateway.post(WALK, {"first": 10, "scan": True, "after": first["edges"][3]["cursor"]})
    [error] = body["errors"]
    assert error["extensions"] == {"code": "CURSOR_EXPIRED"}
    assert "cached page" in error["message"]
    assert "gone" in error["message"]


def test_cursor_outside_its_page_is_refused(three_species: Gateways) -> None:
    gateway, _, app = three_species
    codec = app.state.pager.codec
    first = page_of(gateway, 10, None, scan=True)
    real = payload_of(first["pageInfo"]["endCursor"])
    scan_search = real.pop("s")
    real.pop("v")
    offset_search = payload_of(page_of(gateway, 1, None)["pageInfo"]["endCursor"])["s"]
    hits = ids_of(first)
    forged = {
        "past the page": {**real, "i": 1000, "n": 1000},
        "another hit": {**real, "i": 3, "id": hits[5]},
        "negative": {**real, "i": -1},
        "offset past the window": {"k": "o", "o": 10_000, "h": "0"},
        "negative offset": {"k": "o", "o": -5, "h": "0"},
    }
    for name, position in forged.items():
        cursor = codec.encode(scan_search if position["k"] == "s" else offset_search, position)
        body = gateway.post(WALK, {"first": 10, "scan": position["k"] == "s", "after": cursor})
        [error] = body["errors"]
        assert error["extensions"] == {"code": "INVALID_CURSOR"}, name
        assert body["data"] is None
