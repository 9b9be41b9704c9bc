"""Fault injection: every fault kind over real HTTP and in process, rule selection, admin routes."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pydantic
import pytest
from starlette.applications import Starlette

from mirror.app import create_mirror_app
from mirror.faults import FaultInjector, FaultRule, retry_after_header, rules_from_json
from mirror.store import Dataset
from tests.servers import serve

JSON = {"Accept": "application/json"}
RECORDS = [
    {
        "hgnc_id": f"HGNC:{n}",
        "symbol": f"GENE{n}",
        "name": f"test gene {n}",
        "status": "Approved",
        "alias_symbol": [f"ALIAS{n}"],
        "pubmed_id": [n],
    }
    for n in range(1, 4)
]


def faulty_app(*rules: FaultRule) -> Starlette:
    """The whole mirror over a few HGNC records, no genes or chemicals, with `rules` active."""
    return create_mirror_app(Dataset(hgnc=RECORDS), faults=rules)


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, FaultInjector]]:
    app = faulty_app()
    with serve(app) as base:
        yield base, app.state.mirror.faults


@pytest.fixture
def mirror(server: tuple[str, FaultInjector]) -> Iterator[str]:
    """Base URL of a server with no fault rules."""
    base, injector = server
    injector.clear()
    yield base
    injector.clear()


def set_faults(base: str, *rules: dict[str, Any]) -> None:
    httpx.put(f"{base}/_mirror/faults", json=list(rules)).raise_for_status()


def info(base: str) -> httpx.Response:
    return httpx.get(f"{base}/hgnc/info", headers=JSON)


# --- fault kinds -------------------------------------------------------------------------------


def test_no_rules_means_no_faults(mirror: str) -> None:
    assert [info(mirror).status_code for _ in range(5)] == [200] * 5


def test_latency_delays_the_request_then_serves_it_normally(mirror: str) -> None:
    set_faults(mirror, {"kind": "latency", "path": "^/hgnc/info", "latency_ms": 300})
    started = time.perf_counter()
    answer = info(mirror)
    slow = time.perf_counter() - started
    started = time.perf_counter()
    httpx.get(f"{mirror}/hgnc/fetch/symbol/GENE1", headers=JSON).raise_for_status()
    fast = time.perf_counter() - started
    assert answer.status_code == 200
    assert answer.json()["numDoc"] == len(RECORDS)
    assert slow >= 0.29
    assert fast < 0.25


def test_status_fault_answers_in_the_hgnc_error_shape(mirror: str) -> None:
    set_faults(mirror, {"kind": "status", "path": "^/hgnc/", "status": 503})
    answer = info(mirror)
    assert answer.status_code == 503
    assert answer.json()["responseHeader"]["status"] == 503
    assert answer.json()["error"]["code"] == 503


def test_status_fault_answers_in_the_biothings_error_shape(mirror: str) -> None:
    set_faults(mirror, {"kind": "status", "path": "^/mygene/", "status": 502})
    answer = httpx.get(f"{mirror}/mygene/v3/query", params={"q": "cdk2"})
    assert answer.status_code == 502
    assert answer.json() == {"code": 502, "success": False, "error": "Bad Gateway"}


def test_status_at_a_rate_hits_some_requests_reproducibly_for_a_seed(mirror: str) -> None:
    rule = {"kind": "status", "path": "^/hgnc/", "rate": 0.5, "seed": 7}
    with httpx.Client(base_url=mirror, headers=JSON) as client:
        set_faults(mirror, rule)
        first = [client.get("/hgnc/info").status_code for _ in range(20)]
        set_faults(mirror, rule)
        second = [client.get("/hgnc/info").status_code for _ in range(20)]
    assert first == second
    assert set(first) == {200, 503}
    assert 3 <= first.count(503) <= 17


def test_a_rule_with_times_is_spent_after_that_many_faults(mirror: str) -> None:
    set_faults(mirror, {"kind": "status", "status": 500, "times": 2})
    assert [info(mirror).status_code for _ in range(4)] == [500, 500, 200, 200]


@pytest.mark.parametrize(("retry_after", "header"), [(2.0, "2"), (0.05, "0.05")])
def test_rate_limit_answers_429_with_retry_after(
    mirror: str, retry_after: float, header: str
) -> None:
    set_faults(mirror, {"kind": "rate_limit", "retry_after": retry_after})
    answer = info(mirror)
    assert answer.status_code == 429
    assert answer.headers["Retry-After"] == header
    assert answer.json()["error"]["code"] == 429


def test_malformed_answers_200_with_a_truncated_body_that_does_not_parse(mirror: str) -> None:
    whole = httpx.get(f"{mirror}/hgnc/fetch/symbol/GENE1", headers=JSON).content
    set_faults(mirror, {"kind": "malformed", "path": "^/hgnc/fetch"})
    answer = httpx.get(f"{mirror}/hgnc/fetch/symbol/GENE1", headers=JSON)
    assert answer.status_code == 200
    assert 0 < len(answer.content) < len(whole)
    assert whole.startswith(answer.content)
    with pytest.raises(json.JSONDecodeError):
        answer.json()


def test_drop_cuts_the_connection_mid_response_over_http(mirror: str) -> None:
    set_faults(mirror, {"kind": "drop", "path": "^/hgnc/", "times": 1})
    with pytest.raises(httpx.RemoteProtocolError):
        info(mirror)
    assert info(mirror).status_code == 200


async def test_drop_raises_a_transport_error_in_process() -> None:
    transport = httpx.ASGITransport(faulty_app(FaultRule(kind="drop")))
    async with httpx.AsyncClient(transport=transport, base_url="http://mirror") as client:
        with pytest.raises(httpx.TransportError):
            await client.get("/hgnc/info", headers=JSON)


# --- which requests a rule hits -----------------------------------------------------------------


def test_rules_select_requests_by_path_and_method(mirror: str) -> None:
    set_faults(
        mirror,
        {"kind": "status", "path": "^/hgnc/fetch", "status": 500},
        {"kind": "status", "path": "^/mygene/", "method": "post", "status": 502},
    )
    assert info(mirror).status_code == 200
    assert httpx.get(f"{mirror}/hgnc/fetch/symbol/GENE1").status_code == 500
    assert httpx.get(f"{mirror}/mygene/v3/query", params={"q": "cdk2"}).status_code == 200
    assert httpx.post(f"{mirror}/mygene/v3/query", data={"q": "cdk2"}).status_code == 502


def test_the_first_matching_rule_that_fires_wins(mirror: str) -> None:
    set_faults(
        mirror,
        {"kind": "status", "status": 500, "times": 1},
        {"kind": "status", "status": 502, "rate": 0.0},
        {"kind": "status", "status": 504},
    )
    assert [info(mirror).status_code for _ in range(3)] == [500, 504, 504]


def test_admin_routes_are_never_faulted(mirror: str) -> None:
    set_faults(mirror, {"kind": "status", "status": 500}, {"kind": "drop"})
    answer = httpx.get(f"{mirror}/_mirror/faults")
    assert answer.status_code == 200
    assert len(answer.json()) == 2


def test_pick_uses_up_one_of_the_rules_times() -> None:
    spent_first = FaultRule(kind="status", path="^/a", times=1)
    fallback = FaultRule(kind="latency", path="^/a")
    injector = FaultInjector([spent_first, fallback])
    assert injector.pick("GET", "/a/b") is spent_first
    assert injector.pick("GET", "/a/b") is fallback
    assert injector.pick("GET", "/b") is None


# --- admin routes and settings ------------------------------------------------------------------


def test_admin_routes_list_replace_add_and_clear_rules(mirror: str) -> None:
    url = f"{mirror}/_mirror/faults"
    assert httpx.get(url).json() == []
    replaced = httpx.put(url, json=[{"kind": "latency", "latency_ms": 5}])
    assert [rule["kind"] for rule in replaced.json()] == ["latency"]
    added = httpx.post(url, json={"kind": "status", "status": 500, "path": "^/hgnc/"})
    assert [rule["kind"] for rule in added.json()] == ["latency", "status"]
    listed = httpx.get(url).json()
    assert listed[1] == FaultRule(kind="status", status=500, path="^/hgnc/").model_dump()
    assert httpx.delete(url).json() == []
    assert info(mirror).status_code == 200


@pytest.mark.parametrize(
    ("method", "body"),
    [
        ("POST", {"kind": "explode"}),
        ("POST", {"kind": "status", "rate": 1.5}),
        ("POST", {"kind": "status", "path": "(unclosed"}),
        ("POST", {"kind": "status", "colour": "red"}),
        ("PUT", {"kind": "status"}),
        ("PUT", [{"kind": "latency", "latency_ms": -1}]),
    ],
)
def test_an_invalid_rule_is_422_and_changes_nothing(mirror: str, method: str, body: Any) -> None:
    set_faults(mirror, {"kind": "latency"})
    answer = httpx.request(method, f"{mirror}/_mirror/faults", json=body)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["msg"]
    assert [rule["kind"] for rule in httpx.get(f"{mirror}/_mirror/faults").json()] == ["latency"]


def test_a_body_that_is_not_json_is_422(mirror: str) -> None:
    answer = httpx.put(f"{mirror}/_mirror/faults", content=b"not json")
    assert answer.status_code == 422


def test_rules_from_json_reads_the_settings_variable() -> None:
    rules = rules_from_json('[{"kind": "status", "status": 502, "path": "^/hgnc/", "times": 3}]')
    assert rules == [FaultRule(kind="status", status=502, path="^/hgnc/", times=3)]
    assert rules_from_json("  ") == []
    with pytest.raises(pydantic.ValidationError):
        rules_from_json('{"kind": "status"}')


def test_retry_after_is_whole_seconds_when_it_can_be() -> None:
    assert [retry_after_header(s) for s in (1.0, 0, 2.5)] == ["1", "0", "2.5"]
