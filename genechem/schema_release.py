"""The release comparison CI runs (`genechem schema check-release`, `make schema-check`).

The working tree's `schema.graphql` is compared with the last released one: the newest `v*` tag
reachable from HEAD (in version order), or, before the first release, the first commit that has
`schema.graphql`. A breaking change passes only when CHANGELOG.md lists it under the version that
makes it, the `version` in pyproject.toml:

    ## 0.2.0
    ### Breaking
    - `Gene.entrezId` removed: use `Gene.geneId` (deprecated since 0.1.0).

An item lists a change when it holds the change's description, as `genechem schema diff` prints
it, or its schema coordinate (`Gene.entrezId`, `Query.gene(id:)`, `SourceKind.LIVE`) as a whole
name. A breaking change under a version that already has its tag fails: bump the version first.

With nothing to compare against the check passes and says why: not a git checkout, no commit with
`schema.graphql` yet, no `schema.graphql` in the release, or a shallow clone without a `v*` tag
(its first commit is not the first commit, so it cannot stand in for the last release; CI clones
with full history, `git fetch --unshallow --tags` fixes a shallow one).
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

from genechem.schema_diff import SchemaChange, change_lines, sdl_changes

SCHEMA_NAME = "schema.graphql"
CHANGELOG_NAME = "CHANGELOG.md"
_VERSION_HEADING = re.compile(r"^##\s+\[?v?(\d[^\s\]]*)")


@dataclass(frozen=True)
class Baseline:
    """The released schema to compare with."""

    ref: str
    """A git revision holding it."""
    label: str
    """What it is, for people: `release tag v0.1.0` or `first commit 4830f43 with ...`."""
    version: str | None
    """The released version (the tag without `v`); None before the first release."""


@dataclass(frozen=True)
class ReleaseCheck:
    """The outcome: whether CI passes, and the report to print."""

    passed: bool
    report: str


def _git(root: Path, *args: str) -> str | None:
    """git's stripped output, run in `root` (so paths are relative to it); None when git is
    missing or the command fails."""
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def find_baseline(root: Path) -> Baseline | str:
    """The last released schema, or why there is none to compare with."""
    if _git(root, "rev-parse", "--is-inside-work-tree") != "true":
        return f"{root} is not a git checkout"
    tags = _git(root, "tag", "--merged", "HEAD", "--list", "v*", "--sort=-v:refname")
    if tags:
        tag = tags.splitlines()[0]
        return Baseline(tag, f"release tag {tag}", tag.removeprefix("v"))
    if _git(root, "rev-parse", "--is-shallow-repository") == "true":
        return (
            "this is a shallow clone without a `v*` tag, so the first commit with "
            f"{SCHEMA_NAME} is not here (run `git fetch --unshallow --tags`)"
        )
    added = _git(root, "log", "--reverse", "--diff-filter=A", "--format=%h", "--", SCHEMA_NAME)
    if not added:
        return f"no commit has {SCHEMA_NAME} yet, and there is no `v*` tag"
    first = added.splitlines()[0]
    return Baseline(first, f"first commit {first} with {SCHEMA_NAME} (no `v*` tag yet)", None)


def project_version(root: Path) -> str:
    """The version being made: `project.version` in pyproject.toml."""
    with (root / "pyproject.toml").open("rb") as file:
        version: str = tomllib.load(file)["project"]["version"]
    return version


def breaking_entries(changelog: str, version: str) -> list[str]:
    """The items of the `### Breaking` list under `## <version>` (a heading may also read
    `## [0.2.0] - 2025-01-31` or `## v0.2.0`); an indented line continues the item above."""
    entries: list[str] = []
    in_version = in_breaking = False
    for line in changelog.splitlines():
        if line.startswith("## "):
            heading = _VERSION_HEADING.match(line)
            in_version = heading is not None and heading.group(1) == version
            in_breaking = False
        elif line.startswith("### "):
            in_breaking = in_version and line[4:].strip().lower() == "breaking"
        elif in_breaking:
            text = line.strip()
            if text.startswith(("- ", "* ")):
                entries.append(text[2:])
            elif text and entries and line[:1].isspace():
                entries[-1] += " " + text
    return entries


def names(entry: str, coordinate: str) -> bool:
    """Whether `entry` names `coordinate` as a whole: `Gene.entrezId` names neither `Gene` nor
    `Gene.entrezIds`."""
    pattern = rf"(?<![\w.@]){re.escape(coordinate)}(?![\w(]|\.\w)"
    return re.search(pattern, entry) is not None


def is_listed(change: SchemaChange, entries: list[str]) -> bool:
    """Whether some entry holds the change's description or names its coordinate."""
    return any(change.description in e or names(e, change.coordinate) for e in entries)


def _failure_help(version: str, unlisted: list[SchemaChange]) -> str:
    examples = "\n".join(
        f"- `{c.coordinate}`: <what changed, and what to use instead>" for c in unlisted
    )
    return (
        f"{CHANGELOG_NAME} does not list {len(unlisted)} breaking change(s) under "
        f'"## {version}" / "### Breaking". Retire a field with @deprecated(reason: ...) '
        "first and remove it in a later version; when the break is intended, list it:\n"
        f"## {version}\n### Breaking\n{examples}"
    )


def check_release(root: Path) -> ReleaseCheck:
    """Compare `root`'s schema.graphql with the last release and judge it against CHANGELOG.md."""
    baseline = find_baseline(root)
    if isinstance(baseline, str):
        return ReleaseCheck(True, f"schema release check skipped: {baseline}.")
    old_sdl = _git(root, "show", f"{baseline.ref}:./{SCHEMA_NAME}")
    if old_sdl is None:
        return ReleaseCheck(True, f"schema release check skipped: {baseline.label} has no schema.")
    new_sdl = (root / SCHEMA_NAME).read_text(encoding="utf-8")
    changes = sdl_changes(old_sdl, new_sdl, f"{SCHEMA_NAME} at {baseline.ref}", SCHEMA_NAME)
    version = project_version(root)
    changelog = root / CHANGELOG_NAME
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    entries = breaking_entries(text, version)
    breaking = [c for c in changes if c.breaking]
    unlisted = [c for c in breaking if not is_listed(c, entries)]
    note = {
        c: "NOT in CHANGELOG.md" if c in unlisted else f"listed under {version}" for c in breaking
    }
    report = [
        f"{SCHEMA_NAME} (version {version}) against {baseline.label}:",
        change_lines(changes, note),
    ]
    released = bool(breaking) and baseline.version == version
    if released:
        report.append(
            f"pyproject.toml's version {version} is already released ({baseline.ref}): bump it and "
            f"list the breaking changes under the new version in {CHANGELOG_NAME}."
        )
    elif unlisted:
        report.append(_failure_help(version, unlisted))
    passed = not released and not unlisted
    report.append("schema release check: " + ("passed" if passed else "FAILED"))
    return ReleaseCheck(passed, "\n".join(report))
