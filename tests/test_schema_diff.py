"""The schema is a contract: `genechem schema diff` names breaking changes, and the release check
(`genechem schema check-release`, run by `.ci/run`) fails on one CHANGELOG.md does not list under
the version that makes it. Release checks run in a throwaway git repository in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from graphql import DefinitionNode, ObjectTypeDefinitionNode, parse, print_ast

from genechem.cli import SCHEMA_FILE, main
from genechem.schema_diff import SchemaChange, sdl_changes
from genechem.schema_release import breaking_entries, check_release, is_listed, names

SCHEMA = SCHEMA_FILE.read_text(encoding="utf-8")
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}
NO_ENTRY = "# Changelog\n\n## 0.1.0\n### Added\n- Everything.\n"


def without_field(sdl: str, type_name: str, field_name: str) -> str:
    """`sdl` with one field of one object type taken out."""
    document = parse(sdl)
    definitions: list[DefinitionNode] = []
    for node in document.definitions:
        if isinstance(node, ObjectTypeDefinitionNode) and node.name.value == type_name:
            kept = tuple(f for f in node.fields or () if f.name.value != field_name)
            assert len(kept) == len(node.fields or ()) - 1, f"{type_name}.{field_name} not found"
            definitions.append(
                ObjectTypeDefinitionNode(
                    name=node.name,
                    description=node.description,
                    interfaces=node.interfaces,
                    directives=node.directives,
                    fields=kept,
                )
            )
        else:
            definitions.append(node)
    return print_ast(type(document)(definitions=tuple(definitions))) + "\n"


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=root, env=GIT_ENV, capture_output=True, text=True, check=True
    )
    return done.stdout


def project(root: Path, *, version: str, schema: str, changelog: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(f'[project]\nname = "x"\nversion = "{version}"\n')
    (root / "schema.graphql").write_text(schema)
    (root / "CHANGELOG.md").write_text(changelog)


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


@pytest.fixture
def released(tmp_path: Path) -> Path:
    """A repository whose first commit has today's schema.graphql, and no tag."""
    repo = tmp_path / "repo"
    project(repo, version="0.1.0", schema=SCHEMA, changelog=NO_ENTRY)
    git(repo, "init", "-q")
    commit(repo, "first")
    return repo


def test_removing_a_field_makes_schema_diff_exit_1_naming_it(tmp_path: Path) -> None:
    old, new = tmp_path / "old.graphql", tmp_path / "new.graphql"
    old.write_text(SCHEMA)
    new.write_text(without_field(SCHEMA, "Gene", "symbol"))
    done = subprocess.run(
        [sys.executable, "-m", "genechem.cli", "schema", "diff", str(old), str(new)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "breaking (1):\n  FIELD_REMOVED: Field Gene.symbol was removed." in done.stdout
    assert "dangerous (0):" in done.stdout


def test_a_dangerous_change_alone_is_printed_and_exits_0(tmp_path, capsys) -> None:
    old, new = tmp_path / "old.graphql", tmp_path / "new.graphql"
    old.write_text(SCHEMA)
    new.write_text(SCHEMA.replace("enum SymbolStatus {\n", "enum SymbolStatus {\n  RESERVED\n"))
    assert main(["schema", "diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "breaking (0):" in out
    assert "VALUE_ADDED_TO_ENUM: Enum value SymbolStatus.RESERVED was added." in out


def test_an_unreadable_schema_exits_2_saying_which(tmp_path, capsys) -> None:
    broken = tmp_path / "broken.graphql"
    broken.write_text("type Query { gene: Nope }\n")
    assert main(["schema", "diff", str(SCHEMA_FILE), str(broken)]) == 2
    assert f"{broken} is not a valid GraphQL schema" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("old", "new", "coordinate"),
    [
        ("type Query { a: Int b: Int }", "type Query { a: Int }", "Query.b"),
        ("type Query { a(x: Int): Int }", "type Query { a: Int }", "Query.a(x:)"),
        ("type Query { a: Int }", "type Query { a(x: Int!): Int }", "Query.a(x:)"),
        ("type Query { a: Int b: Int }", "type Query { a: String b: Int }", "Query.a"),
        ("enum E { A B } type Query { e: E }", "enum E { A } type Query { e: E }", "E.B"),
        ("type T { a: Int } type Query { a: Int t: T }", "type Query { a: Int t: Int }", "T"),
        (
            "type A { a: Int } type B { b: Int } union U = A | B type Query { u: U }",
            "type A { a: Int } type B { b: Int } union U = A type Query { u: U }",
            "U",
        ),
        (
            "input I { a: Int } type Query { q(i: I): Int }",
            "input I { a: Int b: Int! } type Query { q(i: I): Int }",
            "I.b",
        ),
    ],
)
def test_each_breaking_change_has_the_coordinate_a_changelog_names(old, new, coordinate) -> None:
    """The first breaking change of each kind (removing a type also changes the fields that
    returned it)."""
    changes = sdl_changes(old, new, "old", "new")
    assert next(c.coordinate for c in changes if c.breaking) == coordinate


def test_a_changelog_item_names_a_coordinate_only_as_a_whole_name() -> None:
    assert names("- `Gene.entrezId` is gone: use `Gene.geneId`.", "Gene.entrezId")
    assert not names("`Gene.entrezIds` removed", "Gene.entrezId")
    assert not names("`Gene.entrezId` removed", "Gene")
    assert not names("`MyGene` removed", "Gene")
    assert names("`Query.gene(id:)` is an ID!", "Query.gene(id:)")
    removed = SchemaChange(True, "FIELD_REMOVED", "Field Gene.symbol was removed.")
    assert is_listed(removed, ["Field Gene.symbol was removed."])
    assert not is_listed(removed, ["`Gene.symbolic` renamed"])


def test_only_the_breaking_list_of_the_version_counts() -> None:
    changelog = (
        "# Changelog\n\n## [0.3.0] - 2025-02-01\n### Breaking\n- `A.a` removed\n\n"
        "## v0.2.0\n### Added\n- `B.b` added\n### Breaking\n- `C.c` removed: use\n"
        "  `D.d` instead.\n* `E.e` changed\n### Fixed\n- `F.f` fixed\n\n## 0.1.0\n### Breaking\n"
        "- `G.g` removed\n"
    )
    assert breaking_entries(changelog, "0.2.0") == [
        "`C.c` removed: use `D.d` instead.",
        "`E.e` changed",
    ]
    assert breaking_entries(changelog, "0.3.0") == ["`A.a` removed"]
    assert breaking_entries(changelog, "0.4.0") == []


def test_release_check_fails_without_a_changelog_entry_and_passes_with_one(released) -> None:
    (released / "schema.graphql").write_text(without_field(SCHEMA, "Gene", "symbol"))

    failed = check_release(released)
    assert not failed.passed
    assert "first commit" in failed.report
    assert "Field Gene.symbol was removed.  [NOT in CHANGELOG.md]" in failed.report
    assert "- `Gene.symbol`: <what changed" in failed.report

    (released / "CHANGELOG.md").write_text(
        NO_ENTRY + "### Breaking\n- `Gene.symbol` removed: use `Gene.hgnc { symbol }`.\n"
    )
    passed = check_release(released)
    assert passed.passed, passed.report
    assert "Field Gene.symbol was removed.  [listed under 0.1.0]" in passed.report


def test_release_check_runs_from_the_command_line(released, capsys) -> None:
    assert main(["schema", "check-release", "--root", str(released)]) == 0
    assert "breaking (0):" in capsys.readouterr().out
    (released / "schema.graphql").write_text(without_field(SCHEMA, "Gene", "name"))
    assert main(["schema", "check-release", "--root", str(released)]) == 1
    assert "schema release check: FAILED" in capsys.readouterr().out


def test_release_check_compares_with_the_newest_tag_and_a_released_version_is_closed(
    released,
) -> None:
    (released / "schema.graphql").write_text(without_field(SCHEMA, "Gene", "name"))
    (released / "CHANGELOG.md").write_text(NO_ENTRY + "### Breaking\n- `Gene.name` removed\n")
    commit(released, "0.1.0")
    git(released, "tag", "v0.1.0")
    git(released, "tag", "v0.0.9", "HEAD~1")

    unchanged = check_release(released)
    assert unchanged.passed, unchanged.report
    assert "release tag v0.1.0" in unchanged.report
    assert "breaking (0):" in unchanged.report  # Gene.name went before v0.1.0: not asked again

    (released / "schema.graphql").write_text(
        without_field(without_field(SCHEMA, "Gene", "name"), "Gene", "symbol")
    )
    (released / "CHANGELOG.md").write_text(
        NO_ENTRY + "### Breaking\n- `Gene.name` removed\n- `Gene.symbol` removed\n"
    )
    closed = check_release(released)
    assert not closed.passed
    assert "version 0.1.0 is already released (v0.1.0): bump it" in closed.report

    project(
        released,
        version="0.2.0",
        schema=(released / "schema.graphql").read_text(),
        changelog="## 0.2.0\n### Breaking\n- `Gene.symbol` removed\n\n" + NO_ENTRY,
    )
    bumped = check_release(released)
    assert bumped.passed, bumped.report


def test_a_shallow_clone_without_tags_is_skipped_with_a_reason(released, tmp_path) -> None:
    (released / "schema.graphql").write_text(without_field(SCHEMA, "Gene", "symbol"))
    commit(released, "second")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{released}", str(shallow))
    outcome = check_release(shallow)
    assert outcome.passed
    assert "skipped: this is a shallow clone without a `v*` tag" in outcome.report
    assert "git fetch --unshallow --tags" in outcome.report


def test_outside_git_the_release_check_is_skipped_with_a_reason(tmp_path) -> None:
    project(tmp_path / "plain", version="0.1.0", schema=SCHEMA, changelog="")
    outcome = check_release(tmp_path / "plain")
    assert outcome.passed
    assert "is not a git checkout" in outcome.report
