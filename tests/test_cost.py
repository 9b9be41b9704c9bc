"""Pricing: every fetching field has a price, and the estimate is an upper bound of the calls made.

The price table (`resolvers.prices.PRICES`) is keyed by schema coordinates: a renamed type or field
must fail here rather than go unpriced. The upper bound is checked per service against the call
log of real executions over the demo mirror: every operation in queries/ with its variables, and
operations generated from a seeded random walk over the schema's links (nested orthologs,
chemicals, targets, genes and HGNC records, aliases, fragments, lists of ids).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, get_named_type
from strawberry.types.base import StrawberryObjectDefinition

from app import create_app
from resolvers.prices import LIST_BOUNDS, PRICES, SERVICES
from schema import schema
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve

QUERIES_DIR = Path(__file__).parents[1] / "queries"
OPERATIONS = sorted(QUERIES_DIR.glob("*.graphql"))
UNPRICED_ASYNC: set[str] = set()
"""Async resolvers that never call a service (none today)."""


def coordinates() -> dict[str, Any]:
    """Every `Type.field` of the live schema, to its Strawberry field."""
    found: dict[str, Any] = {}
    converter = schema.config.name_converter
    for name in schema._schema.type_map:
        definition = schema.get_type_by_name(name)
        if isinstance(definition, StrawberryObjectDefinition) and not name.startswith("__"):
            for field in definition.fields:
                found[f"{name}.{converter.get_graphql_name(field)}"] = field
    return found


def test_every_fetching_field_is_priced() -> None:
    fields = coordinates()
    fetching = {
        c
        for c, f in fields.items()
        if f.base_resolver is not None and f.base_resolver.is_async and c not in UNPRICED_ASYNC
    }
    assert sorted(fetching - set(PRICES)) == []


def test_every_priced_coordinate_names_a_field_of_the_schema() -> None:
    fields = coordinates()
    assert sorted(set(PRICES) - set(fields)) == []
    assert sorted(set(LIST_BOUNDS) - set(fields)) == []


def reaches_priced(type_name: str, seen: set[str] | None = None) -> bool:
    """Whether some field below objects of this type is priced."""
    seen = seen if seen is not None else set()
    named = schema._schema.type_map.get(type_name)
    if type_name in seen or not isinstance(named, GraphQLObjectType):
        return False
    seen.add(type_name)
    return any(
        f"{type_name}.{name}" in PRICES or reaches_priced(get_named_type(f.type).name, seen)
        for name, f in named.fields.items()
    )


def test_every_list_leading_to_a_priced_field_has_a_bound() -> None:
    unbounded = []
    for type_name, named in schema._schema.type_map.items():
        if not isinstance(named, GraphQLObjectType) or type_name.startswith("__"):
            continue
        for name, field in named.fields.items():
            kind = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
            coordinate = f"{type_name}.{name}"
            is_edges = name == "edges" and "pageInfo" in named.fields
            if (
                isinstance(kind, GraphQLList)
                and reaches_priced(get_named_type(kind).name)
                and not (coordinate in PRICES or coordinate in LIST_BOUNDS or is_edges)
            ):
                unbounded.append(coordinate)
    assert unbounded == []


@pytest.fixture(params=[False, True], ids=["per-record", "hgnc-index"])
def unlimited(request: pytest.FixtureRequest, demo_mirror: MirrorServer) -> Iterator[Gateway]:
    """A gateway over the demo mirror that refuses nothing, in both HGNC modes."""
    settings = demo_mirror.settings(
        hgnc_index=request.param, max_cost=10**9, max_depth=100, max_aliases=1000
    )
    with serve(create_app(settings)) as url:
        yield Gateway(url)


def assert_upper_bound(gateway: Gateway, query: str, variables: dict[str, Any] | None) -> None:
    body = gateway.post(query, variables)
    cost = gateway.last_cost
    assert cost is not None, body
    for service in SERVICES:
        estimated, actual = cost["estimated"][service], cost["actual"][service]
        assert estimated >= actual, f"{service}: {estimated} < {actual} for\n{query}\n{body}"


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda p: p.stem)
def test_estimate_bounds_the_calls_of_every_example_operation(
    unlimited: Gateway, operation: Path
) -> None:
    variables_path = operation.with_name(f"{operation.stem}.variables.json")
    variables = json.loads(variables_path.read_text("utf-8")) if variables_path.exists() else None
    assert_upper_bound(unlimited, operation.read_text("utf-8"), variables)


GENES = ["1017", "7157", "673", "1956", "2064", "5728", "10", "no-such-gene"]
CHEMICALS = ["DB00619", "DB01259", "DB08881", "CHEMBL553", "DB99999"]
SYMBOLS = ["BRAF", "ERBB", "kras2", "CDC2", "HER2", "p53", "NOTAGENE"]


class Generator:
    """Random nested selections over the schema's links, reproducible from a seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.aliases = 0
        self.fragments: dict[str, str] = {}

    def alias(self, text: str) -> str:
        """Each link under its own alias: fields of one name with other arguments never merge,
        and each alias runs (and is priced) on its own."""
        self.aliases += 1
        return f"a{self.aliases}: {text}"

    def gene(self, depth: int) -> str:
        parts = ["symbol"]
        if depth > 0:
            for _ in range(self.rng.randint(1, 2)):
                choice = self.rng.choice(["hgnc", "orthologs", "chemicals", "fragment"])
                if choice == "hgnc":
                    parts.append(self.alias(f"hgnc {{ symbol {self.record(depth - 1)} }}"))
                elif choice == "orthologs":
                    species = self.rng.choice(["", '(species: ["mouse"])'])
                    parts.append(self.alias(f"orthologs{species} {{ {self.gene(depth - 1)} }}"))
                elif choice == "chemicals":
                    first = self.rng.choice(["", "(first: 3)", "(first: 50)"])
                    inner = self.chemical(depth - 1)
                    parts.append(
                        self.alias(f"chemicals{first} {{ edges {{ node {{ {inner} }} }} }}")
                    )
                else:
                    name = f"G{len(self.fragments)}"
                    self.fragments[name] = ""  # reserves the name for the nested ones
                    self.fragments[name] = f"fragment {name} on Gene {{ {self.gene(depth - 1)} }}"
                    parts.append(f"...{name}")
        return " ".join(parts)

    def chemical(self, depth: int) -> str:
        parts = ["name"]
        if depth > 0:
            first = self.rng.choice(["", "(first: 2)", "(first: 20)"])
            parts.append(
                self.alias(
                    f"targets{first} {{ edges {{ node {{ uniprot "
                    f"gene {{ {self.gene(depth - 1)} }} }} }} }}"
                )
            )
        return " ".join(parts)

    def record(self, depth: int) -> str:
        return f"gene {{ {self.gene(depth)} }}" if depth > 0 and self.rng.random() < 0.5 else ""

    def operation(self) -> str:
        depth = self.rng.randint(1, 3)
        roots = []
        for _ in range(self.rng.randint(1, 3)):
            kind = self.rng.choice(["gene", "genes", "chemical", "chemicals", "check", "node"])
            if kind == "gene":
                roots.append(
                    self.alias(f'gene(id: "{self.rng.choice(GENES)}") {{ {self.gene(depth)} }}')
                )
            elif kind == "genes":
                ids = json.dumps(self.rng.sample(GENES, self.rng.randint(1, 4)))
                roots.append(self.alias(f"genes(ids: {ids}) {{ {self.gene(depth)} }}"))
            elif kind == "chemical":
                cid = self.rng.choice(CHEMICALS)
                roots.append(self.alias(f'chemical(id: "{cid}") {{ {self.chemical(depth)} }}'))
            elif kind == "chemicals":
                ids = json.dumps(self.rng.sample(CHEMICALS, self.rng.randint(1, 3)))
                roots.append(self.alias(f"chemicals(ids: {ids}) {{ {self.chemical(depth)} }}"))
            elif kind == "check":
                symbols = json.dumps(self.rng.sample(SYMBOLS, self.rng.randint(1, 4)))
                record = self.record(depth)
                roots.append(
                    self.alias(
                        f"checkSymbols(symbols: {symbols}) {{ approved {{ symbol {record} }} }}"
                    )
                )
            else:
                roots.append(
                    self.alias(
                        f'node(id: "R2VuZToxMDE3") {{ ... on Gene {{ {self.gene(depth)} }} }}'
                    )
                )
        return "{ " + " ".join(roots) + " } " + " ".join(self.fragments.values())


@pytest.mark.parametrize("seed", range(20))
def test_estimate_bounds_the_calls_of_generated_operations(unlimited: Gateway, seed: int) -> None:
    query = Generator(seed).operation()
    assert_upper_bound(unlimited, query, None)


def test_every_answer_reports_estimated_and_actual_cost(gateway: Gateway) -> None:
    body = gateway.post('{ a: gene(id: "1017") { symbol } b: gene(id: "7157") { symbol } }')
    assert body["data"] == {"a": {"symbol": "CDK2"}, "b": {"symbol": "TP53"}}
    assert gateway.last_cost == {
        "estimated": {"mygene": 2, "mychem": 0, "hgnc": 0, "total": 2},
        "actual": {"mygene": 1, "mychem": 0, "hgnc": 0, "total": 1},
        "limit": 200,
    }


def test_cost_and_the_detailed_call_report_come_together(gateway: Gateway) -> None:
    body = gateway.post("{ sources { name } }", report_calls=True)
    assert body["extensions"]["upstream"]["calls"] == 3
    assert gateway.last_cost is not None
    assert gateway.last_cost["estimated"]["total"] == 3
    assert gateway.last_cost["actual"]["total"] == 3


def test_estimate_covers_the_record_caches_version_check(demo_mirror: MirrorServer) -> None:
    """With the record cache on, a request first reads each touched service's build version:
    the estimate counts that call, and a repeat is answered from the cache with none."""
    settings = demo_mirror.settings(record_cache_ttl=300, metadata_ttl=300)
    with serve(create_app(settings)) as url:
        gateway = Gateway(url)
        for expected_actual in (2, 0):
            body = gateway.post('{ gene(id: "1017") { symbol } }')
            assert body["data"] == {"gene": {"symbol": "CDK2"}}
            assert gateway.last_cost is not None
            assert gateway.last_cost["actual"]["mygene"] == expected_actual
            assert gateway.last_cost["estimated"]["mygene"] == 2


async def test_an_operation_without_variables_is_priced_once_per_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its estimate depends on the document alone (and the HGNC index the symbols are checked
    in): kept for the next request of the document, recomputed when the index state changes;
    an operation with variables is priced every time."""
    from resolvers import cost
    from schema import query_cost

    priced: list[str] = []
    real = cost.estimate

    def counted(*args: Any, **kwargs: Any) -> Any:
        priced.append(args[2].name.value if args[2].name else "-")
        return real(*args, **kwargs)

    monkeypatch.setattr("schema.query_cost.estimate", counted)
    plain = "query Plain { __typename }"
    first, second = await schema.execute(plain), await schema.execute(plain)
    assert first.extensions == second.extensions
    assert first.extensions is not None
    assert "cost" in first.extensions
    assert priced == ["Plain"]
    with_variables = "query Flagged($x: Boolean!) { __typename @include(if: $x) }"
    for flag in (True, True, False):
        await schema.execute(with_variables, variable_values={"x": flag})
    assert priced == ["Plain", "Flagged", "Flagged", "Flagged"]
    monkeypatch.setattr(query_cost.QueryCost, "index_state", lambda *_: (1, 2.0))
    await schema.execute(plain)
    await schema.execute(plain)
    assert priced == ["Plain", "Flagged", "Flagged", "Flagged", "Plain"]
