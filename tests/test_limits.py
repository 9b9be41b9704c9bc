"""Every cap refuses its case before any upstream call (the mirror's request log stays empty), with
a precise code: the issue's hostile operations, and each setting on its own."""

from __future__ import annotations

import json
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import orjson
import pytest

from app import create_app
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve


@pytest.fixture
def limited(demo_mirror: MirrorServer) -> Iterator[Any]:
    """Serves gateways over the demo mirror with the given settings."""

    def start(**overrides: Any) -> Gateway:
        context = serve(create_app(demo_mirror.settings(**overrides)))
        url = context.__enter__()
        opened.append(context)
        return Gateway(url)

    opened: list[Any] = []
    yield start
    for context in opened:
        context.__exit__(None, None, None)


def only_error(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("data") is None, body
    [error] = body["errors"]
    return dict(error)


def nested_links(levels: int) -> str:
    """`gene -> chemicals -> targets -> gene`, `levels` times."""
    link = "chemicals { edges { node { targets { edges { node { gene { "
    return '{ gene(id: "1017") { ' + link * levels + "symbol" + " } } } } } } }" * levels + " } }"


def test_ten_levels_of_links_are_refused_by_price_before_any_call(
    limited: Any, demo_mirror: MirrorServer
) -> None:
    gateway = limited(max_depth=1000)
    error = only_error(gateway.post(nested_links(10)))
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert error["extensions"]["limit"] == 200
    cost = error["extensions"]["cost"]
    assert cost["total"] > 200
    assert cost["mygene"] > 0
    assert demo_mirror.requests() == []


def test_ten_levels_of_links_are_refused_by_depth_with_the_defaults(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    error = only_error(gateway.post(nested_links(10)))
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX"}
    assert "maximum operation depth of 15" in error["message"]
    assert demo_mirror.requests() == []


def test_one_level_of_links_runs_within_its_price(gateway: Gateway) -> None:
    body = gateway.post(nested_links(1))
    assert "errors" not in body
    assert gateway.last_cost is not None
    assert gateway.last_cost["actual"]["total"] <= gateway.last_cost["estimated"]["total"]


SOURCES_ALIASES = "{ " + " ".join(f"s{i}: sources {{ name }}" for i in range(1000)) + " }"


def test_a_thousand_aliases_of_sources_are_refused_by_the_alias_cap(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    error = only_error(gateway.post(SOURCES_ALIASES))
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX"}
    assert "1000 aliases found. Allowed: 50" in error["message"]
    assert demo_mirror.requests() == []


def test_a_thousand_aliases_of_sources_are_refused_by_price(
    limited: Any, demo_mirror: MirrorServer
) -> None:
    gateway = limited(max_aliases=5000)
    error = only_error(gateway.post(SOURCES_ALIASES))
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    # The walk stops once past the limit: the estimate shown already exceeds it.
    assert error["extensions"]["cost"]["total"] > 200
    assert demo_mirror.requests() == []


CHECK = "query($s: [String!]!) { checkSymbols(symbols: $s) { input status } }"
UNKNOWN_SYMBOLS = [f"NOSUCH{i}" for i in range(500)]


def test_checking_500_symbols_one_call_each_is_refused(
    limited: Any, demo_mirror: MirrorServer
) -> None:
    gateway = limited(hgnc_index=False)
    error = only_error(gateway.post(CHECK, {"s": UNKNOWN_SYMBOLS}))
    assert error["extensions"] == {
        "code": "QUERY_TOO_COMPLEX",
        "cost": {"mygene": 0, "mychem": 0, "hgnc": 2500, "total": 2500},
        "limit": 200,
    }
    assert demo_mirror.requests() == []


def test_a_few_symbols_are_checked_within_the_limit(limited: Any) -> None:
    gateway = limited(hgnc_index=False)
    body = gateway.post(CHECK, {"s": ["BRAF", "NOTAGENE"]})
    assert [c["status"] for c in body["data"]["checkSymbols"]] == ["APPROVED", "UNKNOWN"]
    assert gateway.last_cost is not None
    assert gateway.last_cost["estimated"]["hgnc"] == 10


def test_the_cost_limit_is_a_setting(limited: Any, demo_mirror: MirrorServer) -> None:
    gateway = limited(max_cost=1)
    error = only_error(
        gateway.post('{ gene(id: "1017") { symbol } chemical(id: "DB00619") { name } }')
    )
    assert error["extensions"]["cost"] == {"mygene": 1, "mychem": 1, "hgnc": 0, "total": 2}
    assert error["extensions"]["limit"] == 1
    assert demo_mirror.requests() == []
    assert gateway.post('{ gene(id: "1017") { symbol } }')["data"] == {"gene": {"symbol": "CDK2"}}


def test_a_list_argument_over_its_cap_is_refused(limited: Any, demo_mirror: MirrorServer) -> None:
    gateway = limited(max_list_argument=3)
    query = "query($ids: [ID!]!) { genes(ids: $ids) { symbol } }"
    error = only_error(gateway.post(query, {"ids": ["1017", "7157", "673", "10"]}))
    assert error["extensions"] == {
        "code": "QUERY_TOO_COMPLEX",
        "argument": "Query.genes(ids:)",
        "length": 4,
        "limit": 3,
    }
    assert demo_mirror.requests() == []


def test_a_document_over_the_token_cap_is_refused(limited: Any, demo_mirror: MirrorServer) -> None:
    gateway = limited(max_tokens=20)
    error = only_error(gateway.post(nested_links(1)))
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX"}
    assert "more than 20 tokens" in error["message"]
    assert demo_mirror.requests() == []


def test_an_answer_over_the_object_cap_is_replaced_by_an_error(limited: Any) -> None:
    gateway = limited(max_answer_objects=5)
    query = 'query { genes(ids: ["1017", "7157", "673", "10"]) { symbol } }'
    error = only_error(gateway.post(query))
    assert error["extensions"] == {"code": "ANSWER_TOO_LARGE"}
    assert "more than 5 objects" in error["message"]


def test_an_89_megabyte_body_of_aliases_is_refused_before_parsing(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    aliases = " ".join(f"a{i}: sources {{ name }}" for i in range(350_000))
    body = json.dumps({"query": "{ " + aliases + " }"}).encode()
    assert len(body) > 8_900_000
    answer = httpx.post(
        f"{gateway.url}/graphql",
        content=body,
        headers={"content-type": "application/json"},
        timeout=30,
    )
    assert answer.status_code == 413
    [error] = answer.json()["errors"]
    assert error["extensions"] == {"code": "REQUEST_TOO_LARGE"}
    assert "1000000 bytes" in error["message"]
    assert demo_mirror.requests() == []


def test_a_streamed_body_without_length_is_cut_at_the_cap(
    limited: Any, demo_mirror: MirrorServer
) -> None:
    gateway = limited(max_body_bytes=1000)

    def chunks() -> Iterator[bytes]:
        yield b'{"query": "{ '
        for i in range(200):
            yield f"a{i}: sources {{ name }} ".encode()
        yield b'}"}'

    answer = httpx.post(
        f"{gateway.url}/graphql",
        content=chunks(),
        headers={"content-type": "application/json"},
        timeout=30,
    )
    assert answer.status_code == 413
    assert answer.json()["errors"][0]["extensions"] == {"code": "REQUEST_TOO_LARGE"}
    assert demo_mirror.requests() == []


def test_a_body_under_the_cap_still_runs(limited: Any) -> None:
    gateway = limited(max_body_bytes=1000)
    assert gateway.post('{ gene(id: "1017") { symbol } }')["data"] == {"gene": {"symbol": "CDK2"}}


def _counted(value: Any) -> int:
    """The answer-object count by its definition: every object, and every list item."""
    if isinstance(value, dict):
        return 1 + sum(_counted(v) for v in value.values())
    if isinstance(value, list):
        return len(value) + sum(_counted(v) for v in value)
    return 0


@pytest.mark.parametrize(
    "answer",
    [
        {"genes": [None, {"symbol": "A", "go": {"bp": [{"id": "1"}, {"id": "2"}]}}, None]},
        {"raw": {"a": [1, "x", None, [2, 3, {"b": []}], {}], "c": {"d": {"e": [[]]}}}},
        {"empty": [], "scalars": ["a", "b", 1, 2.5, True, None]},
        [{"a": 1}, [{"b": [1, 2]}]],
        "a scalar",
    ],
)
def test_answer_objects_are_counted_as_defined(answer: Any) -> None:
    from schema.query_cost import count_objects

    assert count_objects(answer, 10_000) == _counted(answer)
    assert (count_objects(answer, 2) > 2) == (_counted(answer) > 2)  # stops past the limit


@pytest.mark.parametrize(
    "answer",
    [
        {"genes": [None, {"symbol": "A", "go": {"bp": [{"id": "1"}, {"id": "2"}]}}, None]},
        {"raw": {"a": [1, "x", None, [2, 3, {"b": []}], {}], "c": {"d": {"e": [[]]}}}},
        {"empty": [{}, {}, [], [[]], 0, 1, None], "n": [[{}]]},
        [{}, [{}], [[{}, {}]]],
        {"dense": [{}] * 50, "lists": [[]] * 50, "nested": [[[{}]]] * 10},
        {"text": ["{[,", "{{{", ",,,", "[[["] * 20, "empty": [""] * 30},
    ],
)
def test_an_answer_within_the_limit_in_bytes_is_within_it_in_objects(answer: Any) -> None:
    """`fits_in` skips the count when the encoded answer's bytes bound its objects: it must
    never say yes to an answer that counts more (the densest answers, `{}`s and `[]`s, and
    strings full of braces and commas, too)."""
    from schema.query_cost import encoded, fits_in

    counted = _counted(answer)
    written = encoded(answer)
    for limit in range(counted + 40):
        if fits_in(written, limit):
            assert counted <= limit
    assert fits_in(written, len(orjson.dumps(answer)))
    assert not fits_in(encoded("\ud800"), 10)  # orjson refuses a lone surrogate: counted instead


def test_a_large_answer_is_bounded_by_its_structure_without_a_walk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An answer of long strings (GO terms, names) is far longer in bytes than in objects: its
    `{`, `[` and `,` bound it, and the walk is left for the answers they cannot."""
    from schema import query_cost
    from schema.query_cost import QueryCost, encoded, fits_in

    term = {"id": "GO:0005576", "term": "extracellular region " * 4, "evidence": "IDA"}
    answer = {"genes": [{"go": [term] * 30} for _ in range(20)]}
    written = encoded(answer)
    assert written is not None
    counted = _counted(answer)  # 20 genes, 600 terms: 1241
    structure = sum(written.count(c) for c in b"{[,")  # and the commas between keys: 2441
    assert counted < structure < len(written) // 30
    assert fits_in(written, structure)
    assert not fits_in(written, structure - 1)
    walks: list[int] = []

    def count_objects(data: object, limit: int) -> int:
        walks.append(limit)
        return 0

    monkeypatch.setattr(query_cost, "count_objects", count_objects)
    for limit, walked in ((structure, 0), (structure - 1, 1)):
        walks.clear()
        cost = QueryCost.configured(query_cost.CostLimits(max_answer_objects=limit))()
        cost.execution_context = SimpleNamespace(result=SimpleNamespace(data=answer))  # type: ignore[assignment]
        cost.bound_answer()
        assert len(walks) == walked
