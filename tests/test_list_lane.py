"""The lookup lane's `genes(ids:)` (`schema.lookup_lane`) and its decode for the selection
(`schema.typed_go`) answer exactly as the full path: the same bytes, headers and upstream
calls, over demo genes, real recorded documents (single values where others have lists), GO
entries the typed decode refuses, upstream failures, and the limits.

Each test runs two gateways over one mirror (see tests/test_lookup_lane.py): the lane on, and
GENECHEM_LOOKUP_LANE=false, where every request executes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from graphql import FieldNode, OperationDefinitionNode, parse
from graphql.execution.values import get_variable_values

from mirror.store import Dataset
from schema import list_lane, typed_go
from schema.lookup_lane import LaneAnswer
from schema.query_cost import count_objects
from tests.conftest import MirrorServer, dataset_mirror
from tests.test_compiled import GRAPHQL_SCHEMA, SelectionWriter
from tests.test_lookup_lane import (
    GLOBAL_ID,
    Side,
    assert_same,
    demo_sides,  # noqa: F401 (a fixture)
    lane_and_full,
    lane_answers,  # noqa: F401 (a fixture)
    reference_sides,  # noqa: F401 (a fixture)
)
from tests.test_raw import reference_genes

GO = "go { biologicalProcess { id term evidence } cellularComponent { evidence id } }"
HEAVY = f"symbol name taxid {GO} ensembl {{ geneId transcripts proteins }} refseq {{ rna }}"
GENES = "query Genes($ids: [ID!]!) { genes(ids: $ids) { %s } }"
DEMO_IDS = ["1017", "1956", "7157", "0", "1017", 672, " 7157 "]
"""Demo genes, one missing, one twice, one an integer, one with spaces around it."""


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The data of every answer the lane wrote for a list."""
    data: list[Any] = []
    real = list_lane.ENCODER

    class Spy:
        def encode(self, value: Any) -> bytes:
            data.append(value)
            return real.encode(value)

    monkeypatch.setattr(list_lane, "ENCODER", Spy())
    return data


def test_genes_by_variable_take_the_lane_with_the_full_paths_answer(
    demo_sides: tuple[Side, Side],  # noqa: F811
    lane_answers: list[LaneAnswer | None],  # noqa: F811
    written: list[Any],
) -> None:
    query = GENES % HEAVY
    first = assert_same(demo_sides, query, times=1, variables={"ids": ["1017"]})
    assert len(first.upstream) == 1
    lane_answers.clear()
    for ids in (DEMO_IDS, ["7157", "1956"], ["0", "00"]):
        sent = assert_same(demo_sides, query, times=2, variables={"ids": ids})
        assert len(sent.upstream) == 1
        body = json.loads(sent.body)
        assert "errors" not in body
        assert len(body["data"]["genes"]) == len(ids)
    assert len(lane_answers) == 6
    assert all(a is not None for a in lane_answers)
    # The GO annotations of the answer were the decoded entries themselves.
    [genes, *_] = written
    annotations = [a for g in genes["genes"] if g for a in g["go"]["biologicalProcess"]]
    assert annotations
    assert all(isinstance(a, typed_go.GoEntry) for a in annotations)
    assert body["data"]["genes"] == [None, None]


def test_genes_written_in_take_the_lane(
    demo_sides: tuple[Side, Side],  # noqa: F811
    lane_answers: list[LaneAnswer | None],  # noqa: F811
) -> None:
    query = '{ genes(ids: ["1017", 1956, "0"]) { symbol go { cellularComponent { id } } } }'
    sent = assert_same(demo_sides, query, times=3)
    assert [g and g["symbol"] for g in json.loads(sent.body)["data"]["genes"]] == [
        "CDK2",
        "EGFR",
        None,
    ]
    assert len(lane_answers) == 2
    assert all(a is not None for a in lane_answers)


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (GENES % "symbol", {"ids": ["1017", GLOBAL_ID]}),
        (GENES % "symbol", {"ids": ["1017", 1.5]}),
        (GENES % "symbol", {"ids": []}),
        (GENES % "symbol", {"ids": ["1017"], "more": 1}),
        (GENES % "symbol hgnc { symbol }", {"ids": ["1017"]}),
        (GENES % "symbol raw", {"ids": ["1017", "1956"]}),
    ],
    ids=["global id", "float", "empty", "other variable", "link", "raw"],
)
def test_what_the_list_lane_cannot_answer_goes_the_full_path(
    demo_sides: tuple[Side, Side],  # noqa: F811
    lane_answers: list[LaneAnswer | None],  # noqa: F811
    query: str,
    variables: dict[str, Any],
) -> None:
    """Refused or read otherwise by graphql-core, or a selection the lane does not build whole,
    or (`raw`) one the lane builds but without the typed decode: the full path's answer."""
    assert_same(demo_sides, query, times=2, variables={"ids": ["1017", "1956"]})
    lane_answers.clear()
    assert_same(demo_sides, query, times=2, variables=variables)
    if query.endswith("raw } }"):
        assert len(lane_answers) == 2  # the lane answers it, with documents decoded whole
        assert all(a is not None for a in lane_answers)
    else:
        assert all(a is None for a in lane_answers)


GO_GENES = [
    {
        "_id": "11",
        "symbol": "SINGLE",
        "go": {"BP": {"id": "GO:1", "term": "one", "evidence": "IDA", "pubmed": 5}},
        "ensembl": {"gene": "ENSG1", "transcript": "ENST1"},
        "refseq": {"rna": "NM_1"},
    },
    {"_id": "12", "symbol": "LISTS", "go": {"BP": [{"id": "GO:2"}, {"id": "GO:3", "term": None}]}},
    {"_id": "13", "symbol": "NOGO", "go": {}},
    {"_id": "14", "symbol": "NUMBER", "go": {"BP": [{"id": "GO:4", "term": 7}]}},
    {"_id": "15", "symbol": "EMPTY", "go": {"BP": [{"id": ""}, {"id": "GO:5", "term": ""}]}},
    {"_id": "16", "symbol": "TEXT", "go": {"BP": ["GO:6", {"id": "GO:7"}]}},
    {"_id": "17", "symbol": "LIST TERM", "go": {"CC": [{"id": "GO:8", "evidence": ["a", "b"]}]}},
    {"_id": "18", "symbol": "NULL", "go": {"BP": None}},
]
"""GO entries the typed decode takes (a single entry, lists, no term, no aspect) and ones it
refuses, which the schema answers leniently (a number, empty strings, an entry that is not an
object, a list where a text is, a null aspect): the lane then decodes the answer whole."""


@pytest.fixture(scope="module")
def go_sides(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Side, Side]]:
    dataset = Dataset(genes=GO_GENES, chemicals=[], hgnc=[])
    with (
        dataset_mirror(dataset, tmp_path_factory.mktemp("go")) as mirror,
        lane_and_full(mirror) as sides,
    ):
        yield sides


@pytest.mark.parametrize(
    "ids",
    [["11", "12", "13"], ["11", "14"], ["15", "12"], ["16", "11"], ["17", "11"], ["18", "12"]],
)
def test_go_entries_answer_as_the_full_path_whichever_decode_takes_them(
    go_sides: tuple[Side, Side],
    lane_answers: list[LaneAnswer | None],  # noqa: F811
    written: list[Any],
    ids: list[str],
) -> None:
    query = GENES % f"symbol {GO} ensembl {{ geneId transcripts }} refseq {{ rna protein }}"
    sent = assert_same(go_sides, query, times=2, variables={"ids": ids})
    assert len(sent.upstream) == 1
    assert lane_answers
    assert all(a is not None for a in lane_answers)
    typed = [
        isinstance(a, typed_go.GoEntry)
        for answer in written
        for gene in answer["genes"]
        for a in (gene["go"]["biologicalProcess"] if gene else [])
    ]
    decodes = {"11": True, "12": True, "13": True, "18": True}  # the genes of no refused entry
    assert all(typed) == all(decodes.get(i, False) for i in ids)


def test_a_single_go_entry_and_single_values_are_lists_in_the_answer(
    go_sides: tuple[Side, Side],
) -> None:
    query = GENES % f"symbol {GO} ensembl {{ geneId transcripts }} refseq {{ rna }}"
    sent = assert_same(go_sides, query, times=2, variables={"ids": ["11", "12"]})
    single, lists = json.loads(sent.body)["data"]["genes"]
    assert single["go"]["biologicalProcess"] == [{"id": "GO:1", "term": "one", "evidence": "IDA"}]
    assert single["ensembl"] == [{"geneId": "ENSG1", "transcripts": ["ENST1"]}]
    assert single["refseq"] == {"rna": ["NM_1"]}
    assert lists["go"]["biologicalProcess"] == [
        {"id": "GO:2", "term": None, "evidence": None},
        {"id": "GO:3", "term": None, "evidence": None},
    ]


@pytest.mark.parametrize("seed", range(12))
def test_generated_selections_of_recorded_genes_answer_as_the_full_path(
    reference_sides: tuple[Side, Side],  # noqa: F811
    seed: int,
) -> None:
    """Every recorded gene in one list, under a generated selection (links included: the full
    path then answers), and under the typed GO selection with the writer's fields beside it."""
    writer = SelectionWriter(seed)
    body = writer.selection(GRAPHQL_SCHEMA.type_map["Gene"], 0, 0)  # type: ignore[arg-type]
    fragments = "\n".join(writer.fragments)
    ids = [str(d["_id"]) for d in reference_genes()] + ["0"]
    for selection in (body, f"{body} {GO}"):
        query = f"{GENES % selection}\n{fragments}"
        query = query.replace("$yes", "true").replace("$no", "false")
        assert_same(reference_sides, query, times=2, variables={"ids": ids})
    assert_same(reference_sides, GENES % HEAVY, times=2, variables={"ids": ids[seed:]})


def test_an_upstream_failure_is_handed_over_without_a_second_call(
    demo_mirror: MirrorServer,
    lane_answers: list[LaneAnswer | None],  # noqa: F811
) -> None:
    query = GENES % HEAVY
    with lane_and_full(demo_mirror) as sides:
        assert_same(sides, query, times=2, variables={"ids": ["1017", "1956"]})
        assert lane_answers[-1] is not None
        demo_mirror.set_faults([{"kind": "status", "path": "^/mygene/v3/gene", "status": 503}])
        sent = assert_same(sides, query, times=1, variables={"ids": ["1017", "1956"]})
    body = json.loads(sent.body)
    assert body["data"] is None  # `genes` is a non-null list
    assert {e["extensions"]["code"] for e in body["errors"]} == {"UPSTREAM_UNAVAILABLE"}
    assert len(sent.upstream) == 3  # the three attempts of one call, on both sides
    assert body["extensions"]["cost"]["actual"]["mygene"] == 3
    assert lane_answers[-1] is None


def test_limits_refuse_as_the_full_path(
    demo_mirror: MirrorServer,
    lane_answers: list[LaneAnswer | None],  # noqa: F811
) -> None:
    """Too many ids: refused before any call. An answer over the object limit, counted with
    its decoded GO entries: handed over, refused from the documents the lane fetched."""
    query = GENES % HEAVY
    limits = {"max_list_argument": 3, "max_answer_objects": 60}
    with lane_and_full(demo_mirror, **limits) as sides:
        assert_same(sides, query, times=2, variables={"ids": ["0", "00"]})
        assert lane_answers[-1] is not None
        too_many = assert_same(sides, query, times=2, variables={"ids": ["1", "2", "3", "4"]})
        assert not too_many.upstream
        assert json.loads(too_many.body)["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
        too_big = assert_same(sides, query, times=2, variables={"ids": ["1017", "1956"]})
        assert len(too_big.upstream) == 1
        assert json.loads(too_big.body)["errors"]
        assert lane_answers[-1] is None


def operation_of(query: str) -> tuple[Any, OperationDefinitionNode, FieldNode]:
    document = parse(query)
    [operation] = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    [field] = operation.selection_set.selections
    assert isinstance(field, FieldNode)
    return document, operation, field


FIELDS = frozenset({"symbol", "go"})


@pytest.mark.parametrize(
    ("selection", "aspects"),
    [
        ("go { biologicalProcess { id } }", {"BP": ("id",)}),
        ("go { __typename molecularFunction { term id } }", {"MF": ("term", "id")}),
        ("...G go { cellularComponent { id } }", {"CC": ("evidence", "id")}),
        ("a: go { biologicalProcess { id } } b: go { biologicalProcess { id } }", {"BP": ("id",)}),
        ("go { biologicalProcess { goId: id } }", None),
        ("go { biologicalProcess { id qualifiers } }", None),
        ("go { biologicalProcess { __typename id } }", None),
        ("a: go { biologicalProcess { id } } b: go { biologicalProcess { term } }", None),
        ("go { biologicalProcess { id } } raw", None),
        ("symbol", None),
    ],
)
def test_the_decode_is_typed_only_for_entries_it_answers(
    selection: str, aspects: dict[str, tuple[str, ...]] | None
) -> None:
    fragment = "fragment G on Gene { go { cellularComponent { evidence id } } }"
    query = f"query($ids: [ID!]!) {{ genes(ids: $ids) {{ {selection} }} }}\n{fragment}"
    document, operation, field = operation_of(query)
    variables = get_variable_values(
        GRAPHQL_SCHEMA, operation.variable_definitions or (), {"ids": []}
    )
    assert not isinstance(variables, list)
    decoder = typed_go.gene_decoder(
        GRAPHQL_SCHEMA, document, operation, variables=variables, field=field, fields=FIELDS
    )
    if aspects is None:
        assert decoder is None
    else:
        assert decoder is typed_go.decoder_for(FIELDS, tuple(sorted(aspects.items())))


def test_decoded_entries_count_as_objects() -> None:
    entry = typed_go.entry_type(("id",))
    data = {"genes": [{"go": [entry(id="GO:1"), entry(id="GO:2")]}]}
    assert count_objects(data, 100) == 1 + 1 + 1 + 2 + 2  # dicts, items, entries
    assert entry(id="GO:1").get("id") == entry(id="GO:1")["id"] == "GO:1"
    assert entry(id="GO:1").get("term") is None
    with pytest.raises(KeyError):
        entry(id="GO:1")["term"]
