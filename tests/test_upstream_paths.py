"""No user value changes the path or the query string of an upstream request.

Every client that puts a value in a URL path (HGNC `/fetch` and `/search`, BioThings
`GET /{type}/{id}`) is sent hostile values; the mirror's request log shows the exact raw path it
received, and the mirror (decoding each segment as the real services do) answers for the value
itself: a record whose symbol *is* `a/b?c#d` is found by fetching `a/b?c#d`.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator

import pytest

from backends.biothings import BioThingsClient
from backends.hgnc import HGNCClient
from backends.http import ServiceHTTP
from backends.sources import HGNC_HEADERS, Backends, build_backends
from backends.urls import path_segment
from genechem.errors import InvalidInput, UpstreamError, UpstreamNotFound
from mirror.app import create_mirror_app
from mirror.store import Dataset
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve

# value -> its one encoded path segment, written out by hand
HOSTILE = {
    "BRAF?format=xml": "BRAF%3Fformat%3Dxml",
    "a/b": "a%2Fb",
    "a#b": "a%23b",
    "100%": "100%25",
    "%2E%2E": "%252E%252E",
    "a b": "a%20b",
    "a+b": "a%2Bb",
    "x&fields=all": "x%26fields%3Dall",
    "..": "%2E%2E",
    ".": "%2E",
    "...": "%2E%2E%2E",
    "../../gene/1017": "..%2F..%2Fgene%2F1017",
    "a\nb": "a%0Ab",
    "\"(x)'": "%22%28x%29%27",
    "β-cat": "%CE%B2-cat",
    "HGNC:1097": "HGNC:1097",
}


def test_path_segment_encodes_every_structural_character() -> None:
    assert {value: path_segment(value) for value in HOSTILE} == HOSTILE


@pytest.fixture(scope="module")
def odd_symbols_mirror() -> Iterator[MirrorServer]:
    """A mirror whose HGNC records are named by the hostile values themselves."""
    records = [
        {"hgnc_id": f"HGNC:{n}", "symbol": value, "status": "Approved", "name": f"odd {n}"}
        for n, value in enumerate(HOSTILE, start=1)
        if value.strip()
    ]
    with serve(create_mirror_app(Dataset(hgnc=records))) as url:
        yield MirrorServer(url)


@pytest.fixture
async def hgnc(odd_symbols_mirror: MirrorServer) -> AsyncIterator[HGNCClient]:
    odd_symbols_mirror.clear()
    settings = odd_symbols_mirror.settings()
    client = HGNCClient(
        ServiceHTTP("hgnc", f"{odd_symbols_mirror.url}/hgnc", settings, headers=HGNC_HEADERS)
    )
    yield client
    await client.aclose()


@pytest.mark.parametrize("value", list(HOSTILE))
async def test_hgnc_fetch_sends_one_segment_and_finds_the_value_itself(
    hgnc: HGNCClient, odd_symbols_mirror: MirrorServer, value: str
) -> None:
    try:
        docs = await hgnc.fetch("symbol", value)
    except UpstreamNotFound:
        # Starlette's routes do not match a path with a newline in it: the mirror answers 404
        # (the gateway never sends one: such a symbol is INVALID before any call).
        assert value == "a\nb"
        docs = [{"symbol": value}]
    [request] = odd_symbols_mirror.requests("hgnc")
    assert request["raw_path"] == f"/hgnc/fetch/symbol/{HOSTILE[value]}"
    assert request["params"] == {}
    # The mirror decoded the segment back to the value, as HGNC does.
    assert [d["symbol"] for d in docs] == [value]


SEARCHES = {
    "CDK?": "CDK%3F",
    "symbol:BRAF?format=xml": "symbol:BRAF%3Fformat%3Dxml",
    "a/b": "a%2Fb",
    "..": "%2E%2E",
    "a#b OR c": "a%23b%20OR%20c",
    "x&fields=all": "x%26fields%3Dall",
}


@pytest.mark.parametrize("query", list(SEARCHES))
async def test_hgnc_search_sends_one_segment_with_and_without_a_field(
    hgnc: HGNCClient, odd_symbols_mirror: MirrorServer, query: str
) -> None:
    for field in (None, "symbol"):
        # A query the mirror's Solr syntax rejects is still sent as one segment.
        with contextlib.suppress(UpstreamError):
            await hgnc.search(query, field=field)
    plain, fielded = odd_symbols_mirror.requests("hgnc")
    assert plain["raw_path"] == f"/hgnc/search/{SEARCHES[query]}"
    assert fielded["raw_path"] == f"/hgnc/search/symbol/{SEARCHES[query]}"
    assert plain["params"] == fielded["params"] == {}


async def test_hgnc_search_for_a_quoted_odd_symbol_finds_it(hgnc: HGNCClient) -> None:
    hits = await hgnc.search('"a/b"', field="symbol")
    assert hits[0]["symbol"] == "a/b"  # the exact value first; the phrase `a b` matches others


async def test_hgnc_rejects_empty_terms_before_any_call(
    hgnc: HGNCClient, odd_symbols_mirror: MirrorServer
) -> None:
    with pytest.raises(InvalidInput):
        await hgnc.fetch("symbol", "  ")
    with pytest.raises(InvalidInput):
        await hgnc.search("")
    assert odd_symbols_mirror.requests("hgnc") == []


@pytest.fixture
async def backends(demo_mirror: MirrorServer) -> AsyncIterator[Backends]:
    backends = build_backends(demo_mirror.settings(), "live")
    yield backends
    await backends.aclose()


BIOTHINGS_IDS = {
    "1017?fields=all": "1017%3Ffields%3Dall",
    "..": "%2E%2E",
    ".": "%2E",
    "a/b": "a%2Fb",
    "x#y": "x%23y",
    "100%": "100%25",
    "a b": "a%20b",
}


@pytest.mark.parametrize("service", ["mygene", "mychem"])
@pytest.mark.parametrize("value", list(BIOTHINGS_IDS))
async def test_biothings_annotation_route_takes_an_id_as_one_segment(
    backends: Backends, demo_mirror: MirrorServer, service: str, value: str
) -> None:
    """`GET /{type}/{id}` built the one way a client builds a path (`path_segment`)."""
    client: BioThingsClient = getattr(backends, service)
    base = {"mygene": "/mygene/v3", "mychem": "/mychem/v1"}[service]
    route = f"/{client.annotation_type}/{path_segment(value)}"
    # Whatever the service answers (a 404 is fine); what matters is what it was asked.
    with contextlib.suppress(UpstreamError):
        await client.http.request_json("GET", route)
    [request] = demo_mirror.requests(service)
    assert request["raw_path"] == f"{base}/{client.annotation_type}/{BIOTHINGS_IDS[value]}"
    assert request["params"] == {}


async def test_biothings_annotation_route_finds_a_real_id(
    backends: Backends, demo_mirror: MirrorServer
) -> None:
    body = await backends.mygene.http.request_json("GET", f"/gene/{path_segment('1017')}")
    assert body["symbol"] == "CDK2"
    [request] = demo_mirror.requests("mygene")
    assert request["raw_path"] == "/mygene/v3/gene/1017"


@pytest.mark.parametrize(
    ("query", "service", "route"),
    [
        ('{ gene(id: "../query?q=x") { symbol } }', "mygene", "/mygene/v3/gene"),
        ('{ genes(ids: ["1017?fields=all", ".."]) { symbol } }', "mygene", "/mygene/v3/gene"),
        ('{ chemical(id: "../query?q=x") { name } }', "mychem", "/mychem/v1/chem"),
    ],
)
def test_gene_and_chemical_ids_travel_in_the_body_never_the_path(
    gateway: Gateway, demo_mirror: MirrorServer, query: str, service: str, route: str
) -> None:
    answer = gateway.post(query)
    assert "errors" not in answer, answer
    requests = demo_mirror.requests(service)
    assert requests, "the lookup reached the service"
    assert {(r["method"], r["raw_path"]) for r in requests} == {("POST", route)}


RECORD = "query R($s: String!) { hgncRecord(by: {symbol: $s}) { symbol } }"
CHECK = "query C($s: [String!]!) { checkSymbols(symbols: $s) { input status approved { symbol } } }"
SEARCH = "query S($q: String!) { searchHgnc(query: $q) { edges { node { symbol } } } }"


def test_hgnc_record_with_a_query_string_in_the_symbol_is_not_braf(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    assert gateway.data(RECORD, {"s": "BRAF?format=xml"}) == {"hgncRecord": None}
    [request] = demo_mirror.requests("hgnc")
    assert request["raw_path"] == "/hgnc/fetch/symbol/BRAF%3Fformat%3Dxml"
    assert request["params"] == {}


@pytest.mark.parametrize("value", ["..", ".", "../../info", "BRAF/.."])
def test_hgnc_record_with_dot_segments_stays_a_fetch_of_that_symbol(
    gateway: Gateway, demo_mirror: MirrorServer, value: str
) -> None:
    assert gateway.data(RECORD, {"s": value}) == {"hgncRecord": None}
    [request] = demo_mirror.requests("hgnc")
    assert request["raw_path"] == "/hgnc/fetch/symbol/" + path_segment(value)
    assert request["path"] == f"/hgnc/fetch/symbol/{value}"


def test_check_symbols_with_a_question_mark_is_not_approved(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    [check] = gateway.data(CHECK, {"s": ["BRAF?"]})["checkSymbols"]
    assert check == {"input": "BRAF?", "status": "UNKNOWN", "approved": []}
    raw = sorted(r["raw_path"] for r in demo_mirror.requests("hgnc"))
    assert raw == [
        "/hgnc/fetch/alias_symbol/BRAF%3F",
        "/hgnc/fetch/prev_symbol/BRAF%3F",
        "/hgnc/fetch/symbol/BRAF%3F",
    ]


def test_search_hgnc_sends_the_wildcard_as_part_of_the_query(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    edges = gateway.data(SEARCH, {"q": "symbol:CDK?"})["searchHgnc"]["edges"]
    assert sorted(e["node"]["symbol"] for e in edges) == ["CDK1", "CDK2", "CDK3", "CDK4", "CDK6"]
    [search] = [r for r in demo_mirror.requests("hgnc") if "/search/" in r["path"]]
    assert search["raw_path"] == "/hgnc/search/symbol:CDK%3F"
    assert search["path"] == "/hgnc/search/symbol:CDK?"
    assert search["params"] == {}
