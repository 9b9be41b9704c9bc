"""`meta` answers the gateway's version and the schema's, without calling any service."""

from __future__ import annotations

import hashlib
import tomllib

from genechem.cli import SCHEMA_FILE

PYPROJECT = SCHEMA_FILE.parent / "pyproject.toml"


def test_meta_gives_the_package_version_and_the_committed_sdls_hash(gateway, demo_mirror) -> None:
    data = gateway.data("{ meta { gatewayVersion schemaVersion schemaHash } }")["meta"]
    version = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    digest = hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest()
    assert data == {
        "gatewayVersion": version,
        "schemaVersion": f"{version}+sdl.{digest[:12]}",
        "schemaHash": digest,
    }
    assert demo_mirror.requests() == []
