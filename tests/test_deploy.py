"""The container files cannot be built here: check that they agree with the code instead."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # PyYAML ships no type hints

from genechem.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return loaded


def test_compose_runs_two_gateways_valkey_and_a_load_balancer() -> None:
    services = compose()["services"]
    assert set(services) == {"valkey", "gateway-a", "gateway-b", "lb"}
    assert services["lb"]["ports"] == ["8080:8080"]
    upstreams = re.findall(r"server (\S+):(\d+);", (ROOT / "deploy/nginx.conf").read_text())
    assert upstreams == [("gateway-a", "8000"), ("gateway-b", "8000")]


def test_gateway_environment_names_real_settings() -> None:
    fields = {f"GENECHEM_{name.upper()}" for name in Settings.model_fields}
    for name in ("gateway-a", "gateway-b"):
        env = compose()["services"][name]["environment"]
        assert {k for k in env if k.startswith("GENECHEM_")} <= fields
        assert env["GENECHEM_REDIS_URL"] == "redis://valkey:6379/0"
        assert "GENECHEM_CURSOR_SECRET" in env  # every replica must sign cursors alike


def test_dockerfile_copies_every_package_and_serves_the_exposed_port() -> None:
    text = (ROOT / "Dockerfile").read_text()
    for package in ("genechem", "schema", "resolvers", "backends", "mirror", "app.py"):
        assert re.search(rf"^COPY {re.escape(package)}\b", text, re.M), package
    assert "EXPOSE 8000" in text
    assert "--port 8000" in text
    assert "uv sync --frozen --no-dev" in text
