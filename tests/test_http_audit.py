"""The graphql-http audit of the GraphQL-over-HTTP spec, run against the gateway: 0 errors and
0 warnings.

The audit is the npm package `graphql-http` (its `auditServer`), pinned by
tests/http_audit/package-lock.json and installed there with `npm ci` the first time (and again
when the lockfile changes); tests/http_audit/audit.mjs runs it and prints the results as JSON.
Node and npm come from PATH. Without them the test skips and says so, unless
GENECHEM_REQUIRE_NODE=1 (CI, which installs Node), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.gateway import Gateway

AUDIT_DIR = Path(__file__).resolve().parent / "http_audit"
REQUIRE_ENV = "GENECHEM_REQUIRE_NODE"
# npm writes this after every install; it is newer than the lockfile unless the lockfile changed.
INSTALLED_MARKER = AUDIT_DIR / "node_modules" / ".package-lock.json"


def no_node(reason: str) -> None:
    """Skip (a developer's machine) or fail (CI sets GENECHEM_REQUIRE_NODE=1)."""
    message = (
        f"graphql-http audit not run: {reason}; install Node.js 18 or newer with npm "
        "(e.g. `apt-get install nodejs npm`, as .ci/run does) to run it"
    )
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(message)
    pytest.skip(message)


def node_tools() -> tuple[str, str]:
    """node and npm from PATH, or skip/fail saying which one is missing."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        no_node("`node` or `npm` is not on PATH")
    assert node is not None
    assert npm is not None
    return node, npm


def install_audit(npm: str) -> None:
    """`npm ci` in tests/http_audit when its node_modules is missing or older than the lockfile."""
    lockfile = AUDIT_DIR / "package-lock.json"
    if INSTALLED_MARKER.exists() and INSTALLED_MARKER.stat().st_mtime >= lockfile.stat().st_mtime:
        return
    done = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=AUDIT_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"npm ci in {AUDIT_DIR} failed:\n{done.stderr}"


def run_audit(node: str, url: str) -> list[dict[str, Any]]:
    """The audit's results against `url`: id, name, status (ok, warn, error) and reason."""
    done = subprocess.run(
        [node, str(AUDIT_DIR / "audit.mjs"), url],
        cwd=AUDIT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"the audit script failed:\n{done.stderr}"
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def test_graphql_over_http_audit_passes_without_warnings(gateway: Gateway) -> None:
    node, npm = node_tools()
    install_audit(npm)
    results = run_audit(node, f"{gateway.url}/graphql")
    failing = [r for r in results if r["status"] != "ok"]
    report = "\n".join(f"{r['status']} {r['id']} {r['name']}: {r['reason']}" for r in failing)
    assert not failing, f"{len(failing)} of {len(results)} audits not ok:\n{report}"
    # The audit grows with graphql-http's releases; fewer results would mean it did not all run.
    assert len(results) >= 60
