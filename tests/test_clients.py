"""The generated typed clients (clients/typescript, clients/python): each runs example operations
of queries/ against the demo gateway, and each is exactly what a fresh `make clients` writes from
schema.graphql and queries/, so a schema or query change without regenerated clients fails here.

The TypeScript tests need Node and npm on PATH (the client's packages are installed from its
lockfile with `npm ci` the first time); the Python freshness test needs uv (ariadne-codegen runs
in uv's isolated `codegen` group environment). Without them these tests skip and say so, unless
GENECHEM_REQUIRE_NODE=1 (CI, which installs Node), where they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from genechem_client import GenechemClient, GeneSort, GraphQLClientGraphQLMultiError
from genechem_client.enums import GeneSortField, SortDirection

from tests.gateway import Gateway

ROOT = Path(__file__).resolve().parents[1]
QUERIES_DIR = ROOT / "queries"
TS_DIR = ROOT / "clients" / "typescript"
TS_GENERATED = TS_DIR / "src" / "generated"
PY_DIR = ROOT / "clients" / "python"
PY_PACKAGE = PY_DIR / "genechem_client"
REQUIRE_ENV = "GENECHEM_REQUIRE_NODE"
# npm writes this after every install; it is newer than the lockfile unless the lockfile changed.
TS_INSTALLED_MARKER = TS_DIR / "node_modules" / ".package-lock.json"
REGENERATE = "run `make clients` and commit the result"


def missing_tool(reason: str) -> None:
    """Skip (a developer's machine) or fail (CI sets GENECHEM_REQUIRE_NODE=1)."""
    message = f"typed clients not checked: {reason}"
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(message)
    pytest.skip(message)


def node_tools() -> tuple[str, str]:
    """node and npm from PATH, or skip/fail saying so."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        missing_tool(
            "`node` or `npm` is not on PATH; install Node.js 18 or newer with npm "
            "(e.g. `apt-get install nodejs npm`, as .ci/run does)"
        )
    assert node is not None
    assert npm is not None
    return node, npm


def uv_tool() -> str:
    """uv from PATH, else the one `make` bootstraps into .tools/."""
    uv = shutil.which("uv") or str(ROOT / ".tools" / "bin" / "uv")
    if not Path(uv).exists():
        missing_tool("uv is not on PATH nor in .tools/bin (`make sync` installs it)")
    return uv


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Runs `command`, failing the test with its output when it fails; returns its stdout."""
    done = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def install_typescript_client(npm: str) -> None:
    """`npm ci` in clients/typescript when node_modules is missing or older than the lockfile."""
    lockfile = TS_DIR / "package-lock.json"
    installed = TS_INSTALLED_MARKER
    if installed.exists() and installed.stat().st_mtime >= lockfile.stat().st_mtime:
        return
    run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], TS_DIR)


def differences(committed: Path, fresh: Path) -> list[str]:
    """Files that differ, or exist on one side only, between two generated trees."""

    def files(root: Path) -> dict[str, bytes]:
        return {
            str(path.relative_to(root)): path.read_bytes()
            for path in root.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        }

    old, new = files(committed), files(fresh)
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))


def example(stem: str, kind: str) -> Any:
    return json.loads((QUERIES_DIR / f"{stem}.{kind}.json").read_text("utf-8"))


# --- Python -------------------------------------------------------------------------------------


async def test_python_client_answers_three_operations_as_expected(gateway: Gateway) -> None:
    async with GenechemClient(url=f"{gateway.url}/graphql") as client:
        gene = await client.gene_by_id(**example("gene_by_id", "variables"))
        resolved = await client.resolve_genes(
            terms=["CDK2", "NOSUCHGENE"],
            human_terms=["CDK2", "ERBB2", "NOSUCHGENE"],
            scopes=["symbol"],
            species=["human"],
        )
        chemicals = await client.search_chemicals(
            query="drugbank.targets.uniprot:P00533", drugbank_groups=["approved"], first=10
        )
    assert gene.gene is not None
    assert gene.gene.symbol == "CDK2"
    for answer, stem in (
        (gene, "gene_by_id"),
        (resolved, "resolve_genes"),
        (chemicals, "search_chemicals"),
    ):
        assert answer.model_dump(by_alias=True, mode="json") == example(stem, "expected")["data"]


async def test_python_client_sends_input_objects_and_enums(gateway: Gateway) -> None:
    variables = example("search_genes_sorted", "variables")
    [sort] = variables["sort"]
    async with GenechemClient(url=f"{gateway.url}/graphql") as client:
        answer = await client.search_genes_sorted(
            species=variables["species"],
            sort=[GeneSort(field=GeneSortField(sort["field"]), direction=SortDirection.DESC)],
            first=variables["first"],
        )
    expected = example("search_genes_sorted", "expected")["data"]
    assert answer.model_dump(by_alias=True, mode="json") == expected


async def test_python_client_raises_an_error_carrying_extensions_code(gateway: Gateway) -> None:
    async with GenechemClient(url=f"{gateway.url}/graphql") as client:
        with pytest.raises(GraphQLClientGraphQLMultiError) as raised:
            await client.search_genes_sorted(species=["human,mouse"])
    [error] = raised.value.errors
    assert error.extensions is not None
    assert error.extensions["code"] == "INVALID_INPUT"


def test_python_client_is_what_make_clients_generates(tmp_path: Path) -> None:
    uv = uv_tool()
    config = (PY_DIR / "pyproject.toml").read_text("utf-8")
    target = 'target_package_path = "."'
    assert target in config, "clients/python/pyproject.toml no longer sets target_package_path"
    fresh_config = tmp_path / "pyproject.toml"
    fresh_config.write_text(config.replace(target, f"target_package_path = {str(tmp_path)!r}"))
    # Same working directory as `make clients`, so relative paths and the comments quoting them
    # come out the same.
    run(
        [
            uv,
            "run",
            "--project",
            str(ROOT),
            "--frozen",
            "--isolated",
            "--only-group",
            "codegen",
            "ariadne-codegen",
            "--config",
            str(fresh_config),
            "client",
        ],
        PY_DIR,
    )
    stale = differences(PY_PACKAGE, tmp_path / PY_PACKAGE.name)
    assert not stale, f"clients/python/genechem_client is stale ({', '.join(stale)}): {REGENERATE}"


# --- TypeScript ---------------------------------------------------------------------------------


def test_typescript_client_compiles_strict_and_answers_against_the_gateway(
    gateway: Gateway,
) -> None:
    node, npm = node_tools()
    install_typescript_client(npm)
    shutil.rmtree(TS_DIR / "dist", ignore_errors=True)
    run([node, str(TS_DIR / "node_modules" / "typescript" / "bin" / "tsc"), "-p", "."], TS_DIR)
    output = run(
        [node, "--test", "--test-reporter=tap", "dist/test/client.test.js"],
        TS_DIR,
        env={"GENECHEM_URL": f"{gateway.url}/graphql"},
    )
    passed = re.search(r"^# pass (\d+)$", output, re.MULTILINE)
    failed = re.search(r"^# fail (\d+)$", output, re.MULTILINE)
    assert passed is not None, output
    assert failed is not None, output
    assert (int(passed.group(1)), int(failed.group(1))) == (4, 0), output


def test_typescript_client_is_what_make_clients_generates(tmp_path: Path) -> None:
    node, npm = node_tools()
    install_typescript_client(npm)
    config = (TS_DIR / "codegen.yml").read_text("utf-8")
    output = "  src/generated/:"
    assert output in config, "clients/typescript/codegen.yml no longer writes src/generated/"
    fresh = tmp_path / "generated"
    fresh_config = tmp_path / "codegen.yml"
    fresh_config.write_text(config.replace(output, f"  {fresh}/:"))
    codegen = TS_DIR / "node_modules" / "@graphql-codegen" / "cli" / "cjs" / "bin.js"
    run([node, str(codegen), "--config", str(fresh_config), "--silent"], TS_DIR)
    stale = ", ".join(differences(TS_GENERATED, fresh))
    assert not stale, f"clients/typescript/src/generated is stale ({stale}): {REGENERATE}"
