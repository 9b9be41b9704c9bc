"""The lookup lane (`schema.lookup_lane`) answers exactly as the full path: the same bytes,
status, headers, upstream calls, cost report, log line and quota charge, over every example
operation, generated selections on real recorded documents, values the compiled plan refuses,
and upstream failures; and it leaves alone what it cannot answer.

Each test runs two gateways over one mirror: the default (lane on) and one with
GENECHEM_LOOKUP_LANE=false, where every request executes. The lane's answers are counted by a
spy on `genechem.graphql_http.answer_lookup`, so a test knows the lane (not the full path) gave
them."""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import msgspec
import pytest

from app import create_app
from genechem import graphql_http
from mirror.store import Dataset
from schema.lookup_lane import LaneAnswer
from tests.conftest import MirrorServer, dataset_mirror, sent_fields
from tests.servers import serve
from tests.test_compiled import (
    GRAPHQL_SCHEMA,
    LINKS,
    OPERATIONS,
    SelectionWriter,
    breaking_texts,  # noqa: F401 (a fixture)
    broken_mirror,
    inlined,
)
from tests.test_raw import RECORDINGS_MISSING, REFERENCE, reference_genes, served_chemicals

SIMPLE = '{ gene(id: "1017") { symbol name } }'
ID_QUERY = "query Gene($id: ID!) { gene(id: $id) { id symbol name } }"
BOTH = {"id": "1017", "n": True}
GLOBAL_ID = base64.b64encode(b"Gene:1017").decode()
COMPARED_HEADERS = (
    "content-type",
    "content-encoding",
    "cache-control",
    "vary",
    "access-control-allow-origin",
    "ratelimit-limit",
    "ratelimit-remaining",
)


@dataclass
class Sent:
    """One answer as a client gets it, and the upstream requests it cost at the mirror."""

    status: int
    body: bytes
    headers: dict[str, str]
    upstream: list[tuple[str, list[str] | None]]
    """Each upstream request: its path and the `fields` it asked for, sorted."""


@dataclass
class Side:
    url: str
    mirror: MirrorServer

    def send(
        self,
        query: str,
        headers: dict[str, str] | None = None,
        variables: dict[str, Any] | None = None,
    ) -> Sent:
        before = len(self.mirror.requests())
        body = {"query": query} if variables is None else {"query": query, "variables": variables}
        answer = httpx.post(f"{self.url}/graphql", json=body, headers=headers or {}, timeout=30)
        kept = {name: answer.headers[name] for name in COMPARED_HEADERS if name in answer.headers}
        made = self.mirror.requests()[before:]
        upstream = sorted((r["path"], sent_fields(r)) for r in made)  # concurrent calls: any order
        return Sent(answer.status_code, answer.content, kept, upstream)


@pytest.fixture
def lane_answers(monkeypatch: pytest.MonkeyPatch) -> list[LaneAnswer | None]:
    """What the lane returned for each request it took up (None: handed to the full path)."""
    answers: list[LaneAnswer | None] = []
    real = graphql_http.answer_lookup  # type: ignore[attr-defined]

    async def spied(*args: Any) -> LaneAnswer | None:
        answers.append(await real(*args))
        return answers[-1]

    monkeypatch.setattr(graphql_http, "answer_lookup", spied)
    return answers


@contextlib.contextmanager
def lane_and_full(mirror: MirrorServer, **settings: Any) -> Iterator[tuple[Side, Side]]:
    lane_app = create_app(mirror.settings(**settings))
    full_app = create_app(mirror.settings(**settings, lookup_lane=False))
    with serve(lane_app) as lane_url, serve(full_app) as full_url:
        yield Side(lane_url, mirror), Side(full_url, mirror)


def assert_same(
    sides: tuple[Side, Side],
    query: str,
    times: int = 3,
    variables: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Sent:
    """The full path's answer, and the lane gateway's, `times` in a row, byte for byte."""
    lane, full = sides
    expected = full.send(query, headers, variables)
    for _ in range(times):
        assert lane.send(query, headers, variables) == expected, (query, variables)
    return expected


@pytest.fixture(scope="module")
def demo_sides(demo_mirror_server: MirrorServer) -> Iterator[tuple[Side, Side]]:
    with lane_and_full(demo_mirror_server) as sides:
        yield sides


@pytest.mark.parametrize(
    "query",
    [
        '{ gene(id: "1017") { id symbol } }',
        '{ chemical(id: "DB00619") { id name } }',
        '{ c: chemical(id: "CHEBI:45783") { ... on Chemical { name __typename } } }',
    ],
)
def test_node_ids_aliases_and_fragments_take_the_lane(
    demo_sides: tuple[Side, Side], lane_answers: list[LaneAnswer | None], query: str
) -> None:
    sent = assert_same(demo_sides, query)
    assert "errors" not in json.loads(sent.body)
    assert len(lane_answers) == 2
    assert all(a is not None for a in lane_answers)


@pytest.mark.parametrize(
    "headers",
    [
        {"accept": "application/graphql-response+json"},
        {"accept": "application/json", "accept-encoding": "gzip"},
        {"accept-encoding": "zstd, gzip;q=0.5"},
        {"origin": "http://localhost:5173"},
    ],
    ids=["graphql-response+json", "gzip", "zstd", "cors"],
)
def test_media_types_compression_and_cors_are_the_full_paths(
    demo_sides: tuple[Side, Side], lane_answers: list[LaneAnswer | None], headers: dict[str, str]
) -> None:
    sent = assert_same(demo_sides, SIMPLE, headers=headers)
    assert sent.status == 200
    assert any(a is not None for a in lane_answers)


def test_a_lookup_by_variable_takes_the_lane_for_every_id(
    demo_sides: tuple[Side, Side], lane_answers: list[LaneAnswer | None]
) -> None:
    """The recipe of `query($id: ID!) { gene(id: $id) {...} }`, kept from the first request,
    answers any id after it (a missing one with null, an integer as graphql-core reads an ID);
    what graphql-core refuses or reads otherwise (a float, a global id, no id) goes the full
    path, with its answer."""
    assert_same(demo_sides, ID_QUERY, times=1, variables={"id": "1017"})
    lane_answers.clear()
    for id_ in ("1956", "7157", "0", 1017, " 1017 "):
        sent = assert_same(demo_sides, ID_QUERY, times=1, variables={"id": id_})
        assert len(sent.upstream) == 1
        assert "errors" not in json.loads(sent.body)
    assert len(lane_answers) == 5
    assert all(a is not None for a in lane_answers)
    for refused in ({"id": 1017.0}, {"id": True}, {"id": None}, {}, {"id": GLOBAL_ID}):
        assert_same(demo_sides, ID_QUERY, times=1, variables=refused)
    assert len(lane_answers) == 5


def test_a_repeated_lookup_takes_the_lane_with_the_same_answer(
    demo_sides: tuple[Side, Side], lane_answers: list[LaneAnswer | None]
) -> None:
    query = '{ repeated: gene(id: "1017") { symbol name } }'  # a text no other test sends
    sent = assert_same(demo_sides, query, times=4)
    assert json.loads(sent.body)["data"] == {
        "repeated": {"symbol": "CDK2", "name": "cyclin dependent kinase 2"}
    }
    assert len(sent.upstream) == 1
    # The first request runs the full path and keeps the recipe; every later one is the lane's.
    assert len(lane_answers) == 3
    assert all(a is not None for a in lane_answers)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda p: p.stem)
def test_every_example_operation_answers_as_the_full_path(
    demo_sides: tuple[Side, Side], operation: Path
) -> None:
    variables_path = operation.with_name(f"{operation.stem}.variables.json")
    variables = json.loads(variables_path.read_text("utf-8")) if variables_path.exists() else {}
    query = operation.read_text("utf-8")
    assert_same(demo_sides, inlined(query, variables) if variables else query)


def single_root(writer: SelectionWriter, root: str, type_name: str, id_: str) -> tuple[str, bool]:
    """A generated selection of one `root(id:)` with the writer's fragments, its `$yes` and
    `$no` written as literals; and whether it selects no link (then its plan builds the whole
    object, and the lane must answer it)."""
    body = writer.selection(GRAPHQL_SCHEMA.type_map[type_name], 0, 0)  # type: ignore[arg-type]
    text = f"{{ {root}(id: {json.dumps(id_)}) {{ {body} }} }}\n" + "\n".join(writer.fragments)
    names = set(re.findall(r"[A-Za-z_]\w*", text.split("{", 2)[2]))
    return text.replace("$yes", "true").replace("$no", "false"), not names & LINKS


@pytest.fixture(scope="module")
def reference_sides(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Side, Side]]:
    if not REFERENCE.is_dir():
        pytest.skip(RECORDINGS_MISSING)
    directory = tmp_path_factory.mktemp("lane-reference")
    dataset = Dataset(genes=reference_genes(), chemicals=served_chemicals(), hgnc=[])
    unlimited = {"max_cost": 100_000, "max_answer_objects": 10_000_000}
    with dataset_mirror(dataset, directory) as mirror, lane_and_full(mirror, **unlimited) as sides:
        yield sides


@pytest.mark.parametrize("seed", range(24))
def test_generated_lookups_on_recorded_documents_answer_as_the_full_path(
    reference_sides: tuple[Side, Side], lane_answers: list[LaneAnswer | None], seed: int
) -> None:
    writer = SelectionWriter(seed)
    if seed % 2 == 0:
        ids = [str(d["_id"]) for d in reference_genes()] + ["0"]
        root, type_name = "gene", "Gene"
    else:
        ids = [str(d["_id"]) for d in served_chemicals()]
        root, type_name = "chemical", "Chemical"
    chosen = ids[seed % len(ids)]
    query, pure = single_root(writer, root, type_name, chosen)
    assert_same(reference_sides, query)
    assert all(a is not None for a in lane_answers)
    if pure:
        assert len(lane_answers) == 2
    # A missing id answers null: the same with the lane on (it keeps no recipe for it).
    del lane_answers[:]
    assert_same(reference_sides, query.replace(f"(id: {json.dumps(chosen)})", '(id: "0")'))
    assert lane_answers == []


@pytest.fixture(scope="module")
def broken_sides(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Side, Side]]:
    with broken_mirror(tmp_path_factory) as mirror, lane_and_full(mirror) as sides:
        yield sides


@pytest.mark.usefixtures("breaking_texts")
def test_an_answer_with_errors_keeps_no_recipe(
    broken_sides: tuple[Side, Side], lane_answers: list[LaneAnswer | None]
) -> None:
    """Values the compiled plan refuses (a number too large for Int, a pure field raising or
    answering null) are reported by graphql-core; such an answer keeps no recipe."""
    for id_ in ("2", "3", "4"):
        sent = assert_same(broken_sides, f'{{ gene(id: "{id_}") {{ symbol taxid aliases }} }}')
        assert len(sent.upstream) == 1
        assert json.loads(sent.body)["errors"]
    assert lane_answers == []


def test_a_value_the_plan_refuses_once_the_recipe_is_kept_is_handed_over(
    broken_sides: tuple[Side, Side],
    lane_answers: list[LaneAnswer | None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text the lane answers, then a pure field under it failing (as a new build of the
    service could make it): the lane hands the request over, and the answer is the full
    path's error, from the document the lane fetched (one upstream call, counted in
    `extensions.cost`)."""
    from schema import gene as gene_schema
    from schema.values import texts

    query = '{ gene(id: "3") { symbol aliases } }'
    assert_same(broken_sides, query)
    assert len(lane_answers) == 2
    assert all(a is not None for a in lane_answers)

    def breaking(value: Any) -> Any:
        if value == ["RAISE"]:
            raise ValueError("a pure field failed")
        return texts(value)

    monkeypatch.setattr(gene_schema, "texts", breaking)
    sent = assert_same(broken_sides, query, times=2)
    body = json.loads(sent.body)
    assert body["data"] == {"gene": None}
    assert [e["path"] for e in body["errors"]] == [["gene", "aliases"]]
    assert len(sent.upstream) == 1
    assert body["extensions"]["cost"]["actual"]["mygene"] == 1
    assert lane_answers[2:] == [None, None]


def test_an_upstream_failure_is_handed_over_without_a_second_call(
    demo_mirror: MirrorServer, lane_answers: list[LaneAnswer | None]
) -> None:
    with lane_and_full(demo_mirror) as sides:
        assert_same(sides, SIMPLE, times=2)
        assert len(lane_answers) == 1
        assert lane_answers[0] is not None
        demo_mirror.set_faults([{"kind": "status", "path": "^/mygene/v3/gene", "status": 503}])
        sent = assert_same(sides, SIMPLE, times=1)
    body = json.loads(sent.body)
    assert body["data"] == {"gene": None}
    [error] = body["errors"]
    assert error["extensions"]["code"] == "UPSTREAM_UNAVAILABLE"
    assert error["extensions"]["source"] == "mygene"
    assert len(sent.upstream) == 3  # the three attempts of one call, on both sides
    assert body["extensions"]["cost"]["actual"]["mygene"] == 3
    assert lane_answers[1:] == [None]


@pytest.mark.parametrize(
    ("query", "variables", "headers"),
    [
        ('query($id: ID! = "1017") { gene(id: $id) { symbol } }', {"id": "1017"}, {}),
        ("query($id: ID!, $n: Boolean!) { gene(id: $id) { symbol @include(if: $n) } }", BOTH, {}),
        (ID_QUERY, {"id": "1017", "unused": 1}, {}),
        (SIMPLE, {"unused": 1}, {}),
        ('{ gene(id: "1017") { symbol } other: gene(id: "1019") { symbol } }', None, {}),
        ('{ gene(id: "1017") @include(if: true) { symbol } }', None, {}),
        ('{ gene(id: "1017") { symbol hgnc { symbol } } }', None, {}),
        ('query($ids: [ID!]! = ["7157"]) { genes(ids: $ids) { symbol } }', {"ids": ["1017"]}, {}),
        (f'{{ gene(id: "{GLOBAL_ID}") {{ symbol }} }}', None, {}),
        (SIMPLE, None, {"X-Genechem-Upstream-Calls": "1"}),
    ],
    ids=[
        "default",
        "variable in the selection",
        "unused variable",
        "variables without definitions",
        "two roots",
        "root directive",
        "link",
        "list variable with a default",
        "global id",
        "report",
    ],
)
def test_what_the_lane_cannot_answer_always_executes(
    demo_sides: tuple[Side, Side],
    lane_answers: list[LaneAnswer | None],
    query: str,
    variables: dict[str, Any] | None,
    headers: dict[str, str],
) -> None:
    lane, _ = demo_sides
    lane.send(query, headers, variables)  # a recipe for this text, if the lane could take it
    for _ in range(2):
        answer = httpx.post(
            f"{lane.url}/graphql",
            json={"query": query, "variables": variables},
            headers=headers,
            timeout=30,
        )
        assert "errors" not in answer.json(), answer.text
        assert answer.json()["data"]
    assert lane_answers == []


def test_a_body_the_lane_hands_on_is_read_once(
    demo_sides: tuple[Side, Side], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lane reads each POST body to look its recipe up; the full path then takes the JSON
    it read instead of reading the body again."""
    lane, _ = demo_sides
    body = json.dumps({"query": '{ gene(id: "1017") { symbol hgnc { symbol } } }'}).encode()
    reads: list[bytes] = []
    decode = msgspec.json.decode

    def counted(data: Any, *args: Any, **kwargs: Any) -> Any:
        if data == body:
            reads.append(data)
        return decode(data, *args, **kwargs)

    monkeypatch.setattr(msgspec.json, "decode", counted)
    for _ in range(2):
        answer = httpx.post(
            f"{lane.url}/graphql", content=body, headers={"content-type": "application/json"}
        )
        assert answer.json()["data"]["gene"]["hgnc"]["symbol"] == "CDK2"
    assert len(reads) == 2  # once per request


def test_a_get_and_the_lane_switched_off_always_execute(
    demo_sides: tuple[Side, Side], lane_answers: list[LaneAnswer | None]
) -> None:
    lane, full = demo_sides
    for _ in range(3):
        full.send(SIMPLE)
        httpx.get(f"{lane.url}/graphql", params={"query": SIMPLE}).raise_for_status()
    assert lane_answers == []


def test_the_lane_logs_and_charges_as_the_full_path(
    demo_mirror: MirrorServer,
    lane_answers: list[LaneAnswer | None],
    caplog: pytest.LogCaptureFixture,
) -> None:
    quota = {"quota_calls": 3, "quota_window": 3600}
    with lane_and_full(demo_mirror, **quota) as sides, caplog.at_level(logging.INFO):
        lane, full = sides
        lines: dict[str, list[dict[str, Any]]] = {}
        for name, side in (("lane", lane), ("full", full)):
            caplog.clear()
            answers = [side.send(SIMPLE) for _ in range(4)]
            assert [a.headers.get("ratelimit-remaining") for a in answers] == ["2", "1", "0", "0"]
            assert answers[-1].status == 429
            lines[name] = [
                r.request  # type: ignore[attr-defined]
                for r in caplog.records
                if r.name == "genechem.requests"
            ]
    assert len(lane_answers) == 2  # the second and third requests; the fourth was over quota
    varying = ("request_id", "client", "duration_ms")
    for line in (*lines["lane"], *lines["full"]):
        for name in varying:
            line.pop(name)
    assert lines["lane"] == lines["full"]
    assert lines["lane"][1]["upstream_calls"] == 1
    assert lines["lane"][1]["outcome"] == "data"
