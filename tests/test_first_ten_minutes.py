"""What a newcomer meets first: `make` alone lists the targets without installing anything, and the
README's commands run as written when pasted in the repository's root."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from genechem.cli import parser

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
needs_make = pytest.mark.skipif(
    shutil.which("make") is None, reason="the `make` program is not installed on this machine"
)
COMMAND_WORDS = (".venv/bin/genechem", ".venv/bin/python", "genechem", "uv", "make", "curl", "git")


def make(*args: str, path: str | None = None) -> str:
    env = {**os.environ, "PATH": path} if path else None
    done = subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def readme_commands() -> list[str]:
    """Shell commands in README's plain code blocks, continuation lines joined."""
    blocks = re.findall(r"^```\n(.*?)^```$", README.read_text(encoding="utf-8"), re.M | re.S)
    commands = []
    for block in blocks:
        for command in block.replace("\\\n", " ").splitlines():
            words = shlex.split(command, comments=True)
            while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
                words.pop(0)  # environment assignments
            if words and words[0] in COMMAND_WORDS:
                commands.append(command)
    return commands


@needs_make
def test_make_alone_lists_the_targets_and_installs_nothing() -> None:
    planned = make("-n")
    assert "pip install" not in planned
    assert "uv sync" not in planned
    listing = make()
    for target in ("serve", "test", "check", "schema-check", "readme", "help"):
        assert re.search(rf"^  {target} +\S", listing, re.M), listing


@needs_make
def test_make_uses_the_uv_on_path_instead_of_bootstrapping_one(tmp_path: Path) -> None:
    fake = tmp_path / "bin" / "uv"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    planned = make("-n", "sync", path=f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    assert planned.splitlines() == [f"{fake} sync --frozen"]


def test_readme_commands_are_complete_and_run_from_the_repository() -> None:
    commands = readme_commands()
    assert len(commands) >= 8, commands
    for command in commands:
        assert not command.rstrip().endswith("..."), command
        words = shlex.split(command, comments=True)
        assert "genechem" not in words[:1], f"`genechem` is only on PATH inside the venv: {command}"


def test_readme_genechem_commands_parse() -> None:
    invocations = [
        shlex.split(c, comments=True) for c in readme_commands() if ".venv/bin/genechem" in c
    ]
    assert {words[words.index(".venv/bin/genechem") + 1] for words in invocations} >= {
        "serve",
        "mirror",
        "export-schema",
        "schema",
    }
    for words in invocations:
        parser().parse_args(words[words.index(".venv/bin/genechem") + 1 :])


@needs_make
def test_readme_make_targets_exist() -> None:
    listing = make()
    targets = {
        shlex.split(c, comments=True)[1]
        for c in readme_commands()
        if shlex.split(c, comments=True)[0] == "make"
    }
    assert targets, "README shows no make target"
    for target in targets:
        assert re.search(rf"^  {target} ", listing, re.M), target
