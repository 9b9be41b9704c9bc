"""The compiled path (`schema.compiled`) answers exactly what graphql-core's own executor answers.

Each test runs the same operations through two gateways over one mirror: the default (compiled)
and the reference (`build_schema(compiled=False)`, graphql-core executing every field), and
compares the whole bodies, errors included:

- every operation in `queries/`, over the demo data;
- generated operations (random selections of every type reachable from `Gene`, `Chemical` and
  `HgncRecord`, with aliases, merged fields, inline and named fragments, `@skip`/`@include`,
  `__typename` and arguments) over the real recorded documents of `../shared/reference`;
- broken values: an Int out of range, a pure resolver that raises, a null in a non-null list, so
  that errors, paths and null propagation are compared too.

Another test proves the compiled path is really taken: a heavy selection of 20 genes executes
fewer than 1% of its fields through graphql-core.
"""

from __future__ import annotations

import base64
import contextlib
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    REMOVE,
    GraphQLEnumType,
    GraphQLField,
    GraphQLObjectType,
    OperationDefinitionNode,
    VariableNode,
    Visitor,
    ast_from_value,
    coerce_input_value,
    get_named_type,
    is_leaf_type,
    is_object_type,
    is_required_argument,
    parse,
    print_ast,
    type_from_ast,
    visit,
)

import app as app_module
import schema as schema_module
from app import create_app
from mirror.store import Dataset
from schema.compiled import CompiledExecutor
from schema.pure_fields import DEFINITION
from schema.values import READS
from tests.conftest import MirrorServer, dataset_mirror
from tests.gateway import Gateway
from tests.servers import serve
from tests.test_raw import (
    CHEMICAL_FIELD_LISTS,
    GENE_FIELD_LISTS,
    RECORDINGS_MISSING,
    REFERENCE,
    reference_genes,
    served_chemicals,
)

QUERIES_DIR = Path(__file__).parents[1] / "queries"
OPERATIONS = sorted(QUERIES_DIR.glob("*.graphql"))
GRAPHQL_SCHEMA = schema_module.schema._schema
UNLIMITED = {"max_cost": 100_000, "max_answer_objects": 10_000_000, "max_list_argument": 10_000}


@contextlib.contextmanager
def reference_and_compiled(
    mirror: MirrorServer, **settings: Any
) -> Iterator[tuple[Gateway, Gateway]]:
    """Two gateways over `mirror`: graphql-core executing every field, and the default."""
    build = schema_module.build_schema
    patch = pytest.MonkeyPatch()
    patch.setattr(app_module, "build_schema", lambda *a, **k: build(*a, **k, compiled=False))
    reference_app = create_app(mirror.settings(**settings))
    patch.undo()
    compiled_app = create_app(mirror.settings(**settings))
    with serve(reference_app) as reference_url, serve(compiled_app) as compiled_url:
        yield Gateway(reference_url), Gateway(compiled_url)


def assert_same(
    gateways: tuple[Gateway, Gateway], query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The compiled answer is the reference's; then the same for the operation with its
    variables written in as literals, twice: plans of an operation without variables are kept
    with its document, and the second run answers from them (`schema.document_cache.KEPT`)."""
    reference, compiled = gateways
    expected = reference.post(query, variables)
    expected_cost = reference.last_cost
    answer = compiled.post(query, variables)
    assert answer == expected, f"{query}\n{json.dumps(variables)[:300]}"
    assert compiled.last_cost == expected_cost
    if variables:
        literal = inlined(query, variables)
        expected = reference.post(literal)
        for _ in range(2):
            assert compiled.post(literal) == expected, literal
    return answer


def inlined(query: str, variables: dict[str, Any]) -> str:
    """`query` with each variable replaced by its value as a literal, and no variable
    definitions left."""
    document = parse(query)
    types: dict[str, Any] = {}
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            for variable in definition.variable_definitions or ():
                types[variable.variable.name.value] = type_from_ast(GRAPHQL_SCHEMA, variable.type)

    class Inline(Visitor):
        def enter_variable_definition(self, *_: Any) -> object:
            return REMOVE

        def enter_variable(self, node: VariableNode, *_: Any) -> object:
            name = node.name.value
            internal = coerce_input_value(variables[name], types[name])
            return ast_from_value(internal, types[name])

    return print_ast(visit(document, Inline()))


@pytest.fixture(scope="module")
def demo_pair(demo_mirror_server: MirrorServer) -> Iterator[tuple[Gateway, Gateway]]:
    with reference_and_compiled(demo_mirror_server) as pair:
        yield pair


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda p: p.stem)
def test_every_example_operation_answers_as_the_reference_executor(
    demo_pair: tuple[Gateway, Gateway], operation: Path
) -> None:
    variables_path = operation.with_name(f"{operation.stem}.variables.json")
    variables = json.loads(variables_path.read_text("utf-8")) if variables_path.exists() else None
    answer = assert_same(demo_pair, operation.read_text("utf-8"), variables)
    assert answer.get("data")


# --- generated operations over real recorded documents ---------------------------------------

ARGUMENTS: dict[tuple[str, str], list[str]] = {
    ("Gene", "genomicPositions"): ["", "(assembly: CURRENT)", "(assembly: HG19)"],
    ("Gene", "raw"): ["", *(f"(fields: {json.dumps(f)})" for f in GENE_FIELD_LISTS[:6])],
    ("Chemical", "raw"): ["", *(f"(fields: {json.dumps(f)})" for f in CHEMICAL_FIELD_LISTS[:5])],
    ("Gene", "orthologs"): ['(species: ["mouse"])', '(species: ["rat", "10090"])'],
    ("Gene", "chemicals"): ["(first: 3)", ""],
    ("Chemical", "targets"): ["(first: 2)", ""],
}
LINKS = frozenset({"hgnc", "orthologs", "chemicals", "targets", "gene", "genes", "approvedGene"})
"""Fields that fetch: generated selections follow them one level only, to keep operations small."""


class SelectionWriter:
    """Random valid selections over the schema, from a seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fragments: list[str] = []
        self.aliases = 0

    def selection(self, type_: GraphQLObjectType, depth: int = 0, links: int = 0) -> str:
        rng = self.rng
        names = sorted(type_.fields)
        chosen = rng.sample(names, k=min(len(names), rng.randint(1, 8)))
        parts = [self.field(type_, name, depth, links) for name in chosen]
        parts = [p for p in parts if p]
        if rng.random() < 0.3:
            parts.append("__typename")
        if rng.random() < 0.2 and parts:  # the same field again: graphql-core merges the two
            parts.append(rng.choice(parts))
        if rng.random() < 0.2 and parts:
            parts = [f"... on {type_.name} {{ {' '.join(parts)} }}"]
        if rng.random() < 0.15 and parts:
            name = f"F{len(self.fragments)}"
            self.fragments.append(f"fragment {name} on {type_.name} {{ {' '.join(parts)} }}")
            parts = [f"...{name}"]
        return " ".join(parts) or "__typename"

    def field(self, type_: GraphQLObjectType, name: str, depth: int, links: int) -> str:
        rng = self.rng
        field: GraphQLField = type_.fields[name]
        named = get_named_type(field.type)
        is_link = name in LINKS
        if (is_link and (links >= 1 or depth >= 2)) or depth > 4:
            return ""
        if any(is_required_argument(a) for a in field.args.values()) and (
            (type_.name, name) not in ARGUMENTS
        ):
            return ""  # a required argument this writer has no value for
        arguments = rng.choice(ARGUMENTS.get((type_.name, name), [""]))
        text = name + arguments
        if rng.random() < 0.25:
            self.aliases += 1
            text = f"a{self.aliases}: {text}"
        if rng.random() < 0.15:
            text += rng.choice([" @skip(if: $no)", " @include(if: $yes)", " @skip(if: true)"])
        if is_leaf_type(named) or isinstance(named, GraphQLEnumType):
            return text
        if not is_object_type(named):
            return ""
        assert isinstance(named, GraphQLObjectType)
        inner = self.selection(named, depth + 1, links + int(is_link))
        return f"{text} {{ {inner} }}"

    def operation(self, root: str, type_name: str) -> str:
        body = self.selection(GRAPHQL_SCHEMA.type_map[type_name], 0, 0)  # type: ignore[arg-type]
        fragments = "\n".join(self.fragments)
        return (
            "query Generated($ids: [ID!]!, $yes: Boolean!, $no: Boolean!) "
            f"{{ {root}(ids: $ids) {{ {body} }} "
            "yes: __typename @include(if: $yes) no: __typename @skip(if: $no) }\n"
            f"{fragments}"
        )


@pytest.fixture(scope="module")
def reference_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Gateway, Gateway]]:
    if not REFERENCE.is_dir():
        pytest.skip(RECORDINGS_MISSING)
    directory = tmp_path_factory.mktemp("compiled-reference")
    hgnc = json.loads((REFERENCE / "hgnc" / "fetch_records_5.json").read_text("utf-8"))
    dataset = Dataset(
        genes=reference_genes(), chemicals=served_chemicals(), hgnc=hgnc["response"]["docs"]
    )
    with (
        dataset_mirror(dataset, directory) as mirror,
        reference_and_compiled(mirror, **UNLIMITED) as pair,
    ):
        yield pair


@pytest.mark.parametrize("seed", range(40))
def test_generated_operations_on_recorded_documents_answer_as_the_reference_executor(
    reference_pair: tuple[Gateway, Gateway], seed: int
) -> None:
    writer = SelectionWriter(seed)
    root, type_name, ids = (
        ("genes", "Gene", [str(d["_id"]) for d in reference_genes()] + ["0"])
        if seed % 2 == 0
        else ("chemicals", "Chemical", [str(d["_id"]) for d in served_chemicals()[:120]])
    )
    variables = {"ids": ids, "yes": seed % 3 != 0, "no": seed % 4 == 0}
    query = writer.operation(root, type_name)
    answer = assert_same(reference_pair, query, variables)
    assert answer["data"][root], answer
    # The same text with the switches flipped: what is kept from the first run (the plans and
    # fields of selections that read no variable) must not carry its values over.
    flipped = {**variables, "yes": not variables["yes"], "no": not variables["no"]}
    reference, compiled = reference_pair
    assert compiled.post(query, flipped) == reference.post(query, flipped), query


# --- broken values: errors, paths and null propagation ------------------------------------------

BROKEN_GENES = [
    {
        "_id": "1",
        "symbol": "OK1",
        "taxid": 9606,
        "alias": ["A", "B"],
        # GO annotations are built by one generated loop per list: values it does not pass
        # as they are (a number, no term) go through the resolver inside that loop
        "go": {"BP": [{"id": "GO:1"}, {"id": "GO:2", "term": 7}, {"id": "GO:3", "term": "t"}]},
    },
    {"_id": "2", "symbol": "BIG", "taxid": 2**40, "alias": "C"},
    {"_id": "3", "symbol": "RAISES", "taxid": 10090, "alias": ["RAISE"]},
    {"_id": "4", "symbol": "NULLS", "taxid": 10116, "alias": ["NULL"], "refseq": {"rna": "NM_1"}},
]


@contextlib.contextmanager
def broken_mirror(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MirrorServer]:
    """A mirror serving `BROKEN_GENES` alone."""
    broken = Dataset(genes=BROKEN_GENES, chemicals=[], hgnc=[])
    with dataset_mirror(broken, tmp_path_factory.mktemp("broken")) as mirror:
        yield mirror


@pytest.fixture(scope="module")
def broken_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Gateway, Gateway]]:
    with broken_mirror(tmp_path_factory) as mirror, reference_and_compiled(mirror) as pair:
        yield pair


@pytest.fixture
def breaking_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """`texts` (behind `Gene.aliases`, a `[String!]!`) raises on `RAISE` and answers null on
    `NULL`: what a bug in a pure field would do."""
    from schema import gene as gene_schema
    from schema.values import texts

    def breaking(value: Any) -> Any:
        if value == ["RAISE"]:
            raise ValueError("a pure field failed")
        if value == ["NULL"]:
            return None
        return texts(value)

    monkeypatch.setattr(gene_schema, "texts", breaking)


@pytest.mark.parametrize(
    "selection",
    [
        "symbol taxid",
        "symbol aliases",
        "s: symbol ... on Gene { aliases taxid } refseq { rna }",
        "symbol go { biologicalProcess { id term } } aliases species",
        "symbol aliases hgnc { symbol }",
    ],
)
def test_broken_values_fail_as_in_the_reference_executor(
    broken_pair: tuple[Gateway, Gateway], breaking_texts: None, selection: str
) -> None:
    query = f"query Broken($ids: [ID!]!) {{ genes(ids: $ids) {{ {selection} }} }}"
    answer = assert_same(broken_pair, query, {"ids": ["1", "2", "3", "4"]})
    genes = answer["data"]["genes"]
    assert genes[0]["symbol" if "s:" not in selection else "s"] == "OK1"
    if "go" in selection:
        terms = [(a["id"], a["term"]) for a in genes[0]["go"]["biologicalProcess"]]
        assert terms == [("GO:1", None), ("GO:2", "7"), ("GO:3", "t")]
    if "taxid" in selection:
        assert any(e["path"] == ["genes", 1, "taxid"] for e in answer["errors"])
    if "aliases" in selection:
        assert genes[2:] == [None, None]  # a non-null `aliases` failing nulls the gene
        paths = [e["path"] for e in answer["errors"] if e["path"][-1] == "aliases"]
        assert paths == [["genes", 2, "aliases"], ["genes", 3, "aliases"]]
        assert {e["extensions"]["code"] for e in answer["errors"]} == {"INTERNAL_ERROR"}


# --- the compiled path is taken ------------------------------------------------------------------


def calls_by_type(monkeypatch: pytest.MonkeyPatch, method: str) -> list[str]:
    """The name of the type each call of `CompiledExecutor.<method>` is given first (the parent
    type of `execute_field`, the object type of `complete_object_value`), call by call."""
    seen: list[str] = []
    reference = getattr(CompiledExecutor, method)

    def counting(self: CompiledExecutor, type_: GraphQLObjectType, *args: Any) -> Any:
        seen.append(type_.name)
        return reference(self, type_, *args)

    monkeypatch.setattr(CompiledExecutor, method, counting)
    return seen


def test_a_heavy_selection_executes_almost_no_field_through_graphql_core(
    demo_mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    executed = calls_by_type(monkeypatch, "execute_field")
    query = (
        "query Heavy($ids: [ID!]!) { genes(ids: $ids) { id symbol name taxid go { "
        "biologicalProcess { id term evidence } cellularComponent { id term } } "
        "ensembl { geneId transcripts } refseq { rna protein } } }"
    )
    ids = ["1017", "1956", "7157", "672", "3845"]
    with serve(create_app(demo_mirror.settings())) as url:
        data = Gateway(url).data(query, {"ids": ids})
    go_terms = sum(len(g["go"]["biologicalProcess"]) for g in data["genes"] if g)
    assert go_terms > 20
    # `genes` itself; nothing else (`id` is built too: `Gene.resolve_id` reads the document)
    assert executed == ["Query"]
    assert [g["id"] for g in data["genes"]] == [
        base64.b64encode(f"Gene:{i}".encode()).decode() for i in ids
    ]


def test_a_list_a_resolver_returns_is_built_whole_unless_an_item_breaks(
    demo_mirror: MirrorServer,
    broken_pair: tuple[Gateway, Gateway],
    breaking_texts: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`genes(ids:)`'s genes, a missing id's null among them, complete without graphql-core's
    per-item completion; a list with an item the build refuses is completed item by item, with
    the reference executor's errors (`test_broken_values_fail_as_in_the_reference_executor`)."""
    completed = calls_by_type(monkeypatch, "complete_object_value")
    query = "query G($ids: [ID!]!) { genes(ids: $ids) { symbol aliases ensembl { geneId } } }"
    with serve(create_app(demo_mirror.settings())) as url:
        data = Gateway(url).data(query, {"ids": ["1017", "0", "7157"]})
    assert [g and g["symbol"] for g in data["genes"]] == ["CDK2", None, "TP53"]
    assert completed == []

    answer = assert_same(broken_pair, query, {"ids": ["1", "3"]})
    assert answer["data"]["genes"][1] is None  # `aliases` failed on gene 3: graphql-core's error
    assert completed.count("Gene") >= 2


def test_every_reads_declaration_is_what_its_resolver_reads() -> None:
    """A field declared with `reads(key)` is read inline by the compiled path when the value is
    a non-empty string: its resolver must answer such a value unchanged, or the two paths would
    answer differently (other values go through the resolver on both paths)."""
    declared = 0
    for type_ in GRAPHQL_SCHEMA.type_map.values():
        if not isinstance(type_, GraphQLObjectType):
            continue
        for field in type_.fields.values():
            definition = field.extensions.get(DEFINITION)
            reading = definition.metadata.get(READS) if definition else None
            if reading is None:
                continue
            declared += 1
            document, key = reading
            owner = definition.origin
            for value in ["text", "GO:0004693", " spaced ", "ünïcode"]:
                read = {key: value, "other": "x"}
                source: Any = read  # `document=""`: the source is the document (`root`)
                if document:
                    source = owner.__new__(owner)
                    setattr(source, document, read)
                assert definition.base_resolver(source) == value, (type_.name, field)
    assert declared >= 8


# --- plans kept with the document ----------------------------------------------------------------


def test_an_operation_without_variables_is_compiled_once_per_document(
    demo_mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repeated operation finds its plans made (the document cache hands back the same
    document), also with variables where the selection reads none; where it reads one
    (`@include(if: $go)`), the plans above it are made for every request."""
    compiled_fields: list[str] = []
    compile_field = CompiledExecutor.compile_field

    def counting(self: CompiledExecutor, parent_type: GraphQLObjectType, details: Any) -> Any:
        compiled_fields.append(details[0].node.name.value)
        return compile_field(self, parent_type, details)

    monkeypatch.setattr(CompiledExecutor, "compile_field", counting)
    literal = '{ gene(id: "1017") { symbol go { cellularComponent { id term } } } }'
    # Two root fields: the lookup lane (tests/test_lookup_lane.py) leaves it to the executor.
    variable = (
        "query($id: ID!) { gene(id: $id) { symbol go { cellularComponent { id } } } t: __typename }"
    )
    reading = (
        "query($id: ID!, $go: Boolean!) { gene(id: $id) "
        "{ symbol go @include(if: $go) { cellularComponent { id } } } }"
    )
    with serve(create_app(demo_mirror.settings())) as url:
        gateway = Gateway(url)
        answers = [gateway.data(literal) for _ in range(3)]
        assert answers[0]["gene"]["symbol"] == "CDK2"
        assert answers[0]["gene"]["go"]["cellularComponent"]
        assert answers[1:] == answers[:2]
        # made by the first request only: the root, the gene, its `go`, the terms
        assert compiled_fields == ["gene", "symbol", "go", "cellularComponent", "id", "term"]
        compiled_fields.clear()
        for id_ in ("1017", "1956"):
            assert gateway.data(variable, {"id": id_})["gene"]["go"]["cellularComponent"]
        # the gene's fields once: its selection reads no variable (the root's does)
        assert compiled_fields.count("gene") == 2
        assert compiled_fields.count("symbol") == compiled_fields.count("cellularComponent") == 1
        compiled_fields.clear()
        for go in (True, False, True):
            answer = gateway.data(reading, {"id": "1017", "go": go})
            assert ("go" in answer["gene"]) is go
        # the gene's field set reads `$go`: made every request; `go`'s own (no variable) once
        assert compiled_fields.count("symbol") == 3
        assert compiled_fields.count("cellularComponent") == 1


def test_a_kept_plan_belongs_to_one_type_where_types_share_the_fields(
    demo_pair: tuple[Gateway, Gateway],
) -> None:
    """`nodes` collects the same field nodes on each type it answers: a plan kept with the
    document belongs to its type, and the second run (from kept plans) answers like the first."""
    ids = demo_pair[1].data('{ gene(id: "1017") { id } chemical(id: "DB00619") { id } }')
    query = (
        f'{{ nodes(ids: ["{ids["gene"]["id"]}", "{ids["chemical"]["id"]}"]) {{ __typename id }} }}'
    )
    for _ in range(2):
        answer = assert_same(demo_pair, query)
        assert answer["data"]["nodes"] == [
            {"__typename": "Gene", "id": ids["gene"]["id"]},
            {"__typename": "Chemical", "id": ids["chemical"]["id"]},
        ]


async def test_plans_are_kept_no_longer_than_their_document() -> None:
    """Plans hold nothing that keeps their operation alive: once the bounded memos that hold a
    document let it go, its plans go with it, so 3000 distinct documents leave at most what
    those memos keep."""
    import gc

    from schema.document_cache import KEPT

    def ours() -> int:
        """Operations of this test still kept (other tests' may come and go meanwhile)."""
        operations = (reference() for reference, _ in list(KEPT.values()))
        return sum(
            o is not None and o.loc is not None and o.loc.source.body.endswith(": __typename }")
            for o in operations
        )

    for n in range(3000):
        result = await schema_module.schema.execute(f"{{ a{n}: __typename }}")
        assert result.data == {f"a{n}": "Query"}
    gc.collect()
    assert 0 < ours() <= 1024
