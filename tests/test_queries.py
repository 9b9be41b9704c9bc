"""Every example operation in `queries/` runs through the gateway (live mode, over the demo mirror
via HTTP) and must answer exactly its committed body.

Each operation is `queries/<name>.graphql`: one named operation, with a `#` comment on top saying
what it shows. Its variables, when it declares any, are `queries/<name>.variables.json`; the full
response body it must give (`{"data": ...}`) is `queries/<name>.expected.json`.

The expected files are documentation of behaviour, checked by hand against the demo data
(`mirror/data/demo/*.jsonl`), so a default run only compares. To regenerate them deliberately,
after a change whose new answers you have checked:

    GENECHEM_UPDATE_EXPECTED=1 uv run pytest tests/test_queries.py

then read `git diff queries/` before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from graphql import OperationDefinitionNode, parse

from tests.gateway import Gateway

QUERIES_DIR = Path(__file__).parents[1] / "queries"
OPERATIONS = sorted(QUERIES_DIR.glob("*.graphql"))
UPDATE_EXPECTED = os.environ.get("GENECHEM_UPDATE_EXPECTED") == "1"


def _companion(operation: Path, kind: str) -> Path:
    return operation.with_name(f"{operation.stem}.{kind}.json")


def _variables(operation: Path) -> dict[str, Any] | None:
    path = _companion(operation, "variables")
    variables: dict[str, Any] | None = (
        json.loads(path.read_text("utf-8")) if path.exists() else None
    )
    return variables


def _operations_in(path: Path) -> list[OperationDefinitionNode]:
    document = parse(path.read_text("utf-8"))
    return [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", "utf-8")


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda p: p.stem)
def test_operation_answers_its_expected_body(gateway: Gateway, operation: Path) -> None:
    body = gateway.post(operation.read_text("utf-8"), _variables(operation))
    expected_path = _companion(operation, "expected")
    if UPDATE_EXPECTED:
        _write_json(expected_path, body)
    assert expected_path.exists(), f"no {expected_path.name}: see this module's docstring"
    assert body == json.loads(expected_path.read_text("utf-8"))


def test_there_are_at_least_twelve_named_operations_each_documented() -> None:
    assert len(OPERATIONS) >= 12
    for path in OPERATIONS:
        [operation] = _operations_in(path)
        assert operation.name is not None, f"{path.name}: the operation has no name"
        assert path.read_text("utf-8").startswith("#"), f"{path.name}: no `#` comment on top"


def test_variables_files_match_the_declared_variables() -> None:
    for path in OPERATIONS:
        [operation] = _operations_in(path)
        declared = {v.variable.name.value for v in operation.variable_definitions or ()}
        given = set(_variables(path) or {})
        assert given == declared, f"{path.name}: declares {declared}, variables file gives {given}"


def test_every_expected_file_belongs_to_an_operation() -> None:
    stems = {p.stem for p in OPERATIONS}
    for path in QUERIES_DIR.glob("*.json"):
        owner = path.name.rsplit(".", 2)[0]
        assert owner in stems, f"{path.name} has no {owner}.graphql"
