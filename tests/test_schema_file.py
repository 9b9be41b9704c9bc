"""The committed SDL (`schema.graphql`) is the schema the code builds: regenerate it with
`genechem export-schema` (or `make schema`) whenever the schema changes, and review the diff."""

from __future__ import annotations

import subprocess
import sys

from genechem.cli import SCHEMA_FILE
from schema import schema


def test_committed_schema_matches_the_code() -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == str(schema) + "\n", "schema.graphql is stale: run `genechem export-schema`"


def test_export_schema_writes_the_sdl(tmp_path) -> None:
    target = tmp_path / "schema.graphql"
    subprocess.run(
        [sys.executable, "-m", "genechem.cli", "export-schema", "--output", str(target)],
        check=True,
        capture_output=True,
    )
    assert target.read_text(encoding="utf-8") == str(schema) + "\n"


def test_every_field_and_argument_is_described() -> None:
    from graphql import GraphQLObjectType

    missing = []
    for name, type_ in schema._schema.type_map.items():
        if name.startswith("__") or not isinstance(type_, GraphQLObjectType):
            continue
        for field_name, field in type_.fields.items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
            missing += [
                f"{name}.{field_name}({arg_name})"
                for arg_name, arg in field.args.items()
                if not arg.description
            ]
    assert missing == []
