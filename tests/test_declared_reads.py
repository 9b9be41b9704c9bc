"""Each `Gene` and `Chemical` field declares, next to its definition, the service fields it reads
(`schema.values.upstream` / `reads`), and projection pushdown asks for exactly those. The
declarations are tested the way they are used: every field, asked for alone, answers what it
answers when the whole document is fetched (`raw` without arguments asks for all of it), over
the demo data and, where they are present, over documents recorded from the real services
(the demo documents lack some paths, Ensembl proteins for one)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from graphql import (
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    get_named_type,
    is_leaf_type,
)

from app import create_app
from backends.shapes import Doc
from mirror.app import create_mirror_app
from mirror.store import Dataset
from resolvers.projection import _declared_reads
from schema import schema
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve
from tests.test_raw import REFERENCE, reference_chemicals, reference_genes

READS_NOTHING = {"Gene": {"id", "geneId", "raw"}, "Chemical": {"id", "chemicalId", "raw"}}
"""The fields that read no declared path: the id (always fetched) and `raw` (its argument)."""
DEMO_IDS: dict[str, tuple[str, ...]] = {
    "gene": ("1017", "7157", "1956"),
    "chemical": ("DB08881", "DB00619", "DB01259"),
}
RECORDED = 12
"""Most recorded documents of each kind asked for (see `covering`)."""
LINKED = {"Gene": "{ id }", "Chemical": "{ id }", "HgncRecord": "{ hgncId symbol }"}
"""What is asked of a linked object: which one it is (its own fields read its own document)."""


def selection(kind: GraphQLOutputType, depth: int = 3) -> str:
    """Every field of `kind` that needs no argument, `depth` levels down ("" for a leaf)."""
    named = get_named_type(kind)
    if is_leaf_type(named):
        return ""
    assert isinstance(named, GraphQLObjectType)
    if named.name in LINKED:
        return LINKED[named.name]
    if depth == 0:
        return "{ __typename }"
    parts = []
    for name, field in named.fields.items():
        if any(isinstance(arg.type, GraphQLNonNull) for arg in field.args.values()):
            continue
        parts.append(f"{name} {selection(field.type, depth - 1)}".strip())
    return "{ " + " ".join(parts) + " }"


def own_fields(type_name: str) -> dict[str, GraphQLOutputType]:
    definition = schema._schema.get_type(type_name)
    assert isinstance(definition, GraphQLObjectType)
    return {name: field.type for name, field in definition.fields.items()}


@pytest.mark.parametrize("type_name", ["Gene", "Chemical"])
def test_every_field_declares_what_it_reads(type_name: str) -> None:
    declared = _declared_reads(schema, type_name)
    assert set(own_fields(type_name)) - set(declared) == READS_NOTHING[type_name]
    assert all(paths and all(paths) for paths in declared.values())


Sources = tuple[Gateway, dict[str, tuple[str, ...]]]


def paths_in(value: Any, depth: int = 2, prefix: str = "") -> set[str]:
    """The dot paths of `value` holding something, `depth` levels down, through lists."""
    if isinstance(value, list):
        return {p for v in value for p in paths_in(v, depth, prefix)}
    if not isinstance(value, dict) or depth == 0:
        return {prefix} if prefix and value not in (None, "", [], {}) else set()
    found = {prefix} if prefix else set()
    for key, inner in value.items():
        if not key.startswith("_"):
            found |= paths_in(inner, depth - 1, f"{prefix}.{key}" if prefix else key)
    return found


def covering(docs: list[Doc]) -> list[Doc]:
    """Up to `RECORDED` documents that between them hold as many of the documents' paths (two
    levels down) as they can, the most covering first. Chosen from the documents, not from the
    declarations: a declaration that leaves a path out then changes some answer."""
    held = [(d, paths_in(d)) for d in docs]
    chosen: list[Doc] = []
    covered: set[str] = set()
    while len(chosen) < RECORDED:
        doc, paths = max(held, key=lambda pair: len(pair[1] - covered))
        if not paths - covered:
            break
        chosen.append(doc)
        covered |= paths
    return chosen


@pytest.fixture(scope="module", params=["demo", "recorded"])
def sources(request: pytest.FixtureRequest) -> Iterator[Sources]:
    """A gateway over a mirror of the demo data or of the recorded documents, and the ids to
    ask for."""
    demo: Dataset = request.getfixturevalue("demo_dataset")
    if request.param == "demo":
        mirror: MirrorServer = request.getfixturevalue("demo_mirror_server")
        with serve(create_app(mirror.settings())) as url:
            yield Gateway(url), DEMO_IDS
        return
    if not REFERENCE.is_dir():
        pytest.skip("no recorded documents (../shared/reference) on this checkout")
    genes, chemicals = covering(reference_genes()), covering(reference_chemicals())
    recorded = Dataset(genes, chemicals, demo.hgnc, demo.metadata)
    with serve(create_mirror_app(recorded)) as mirror_url:
        settings = MirrorServer(mirror_url).settings()
        with serve(create_app(settings)) as url:
            ids = {
                "gene": tuple(str(d["_id"]) for d in genes),
                "chemical": tuple(str(d["_id"]) for d in chemicals),
            }
            yield Gateway(url), ids


@pytest.mark.parametrize(("root", "type_name"), [("gene", "Gene"), ("chemical", "Chemical")])
def test_each_field_alone_answers_as_with_the_whole_document(
    sources: Sources, root: str, type_name: str
) -> None:
    gateway, ids = sources
    fields = {
        name: kind
        for name, kind in own_fields(type_name).items()
        if name not in READS_NOTHING[type_name]
    }
    for id_ in ids[root]:
        whole = " ".join(f"{name} {selection(kind)}" for name, kind in fields.items())
        everything = gateway.data(f'{{ {root}(id: "{id_}") {{ {whole} raw }} }}')[root]
        assert everything is not None, id_
        for name, kind in fields.items():
            alone = gateway.data(f'{{ {root}(id: "{id_}") {{ {name} {selection(kind)} }} }}')
            assert alone[root][name] == everything[name], (id_, name)
