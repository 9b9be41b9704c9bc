"""Honest health: `/healthz` is liveness only, `/readyz` tells whether the services the source
needs answer and whether demo data is served, and `auto` goes back to live data when they do.

These tests also hold the cursor-secret rule: a key shorter than 32 bytes stops start-up.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pydantic
import pytest
import uvicorn
from starlette.types import ASGIApp

from app import create_app
from genechem.settings import Settings
from mirror.app import create_mirror_app
from mirror.store import Dataset
from tests.conftest import MirrorServer
from tests.servers import free_port, serve

ROOT = Path(__file__).resolve().parent.parent
GENE = '{ gene(id: "1017") { symbol } }'


def urls_at(base: str) -> dict[str, str]:
    return {
        "mygene_url": f"{base}/mygene/v3",
        "mychem_url": f"{base}/mychem/v1",
        "hgnc_url": f"{base}/hgnc",
    }


@pytest.fixture
def dead_base() -> str:
    return f"http://127.0.0.1:{free_port()}"


def auto_settings(base: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "source": "auto",
        "probe_timeout": 0.5,
        "probe_interval": 0.2,
        "retry_attempts": 1,
        **urls_at(base),
        **overrides,
    }
    return Settings(**values)  # type: ignore[arg-type]


def readyz(url: str) -> httpx.Response:
    return httpx.get(f"{url}/readyz", timeout=10)


def symbol_of(url: str) -> str:
    answer = httpx.post(f"{url}/graphql", json={"query": GENE}, timeout=10).json()
    symbol: str = answer["data"]["gene"]["symbol"]
    return symbol


def wait_for(condition: object, seconds: float = 10.0) -> bool:
    """Poll `condition()` until true, at most `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def mirror_down(demo_dataset: Dataset) -> Iterator[MirrorServer]:
    """A mirror whose every service answers 503 until its faults are cleared."""
    with serve(create_mirror_app(demo_dataset)) as url:
        mirror = MirrorServer(url)
        mirror.set_faults([{"kind": "status", "status": 503, "path": "^/(mygene|mychem|hgnc)"}])
        yield mirror


def test_auto_with_dead_services_serves_demo_and_readyz_says_so(dead_base: str) -> None:
    with serve(create_app(auto_settings(dead_base, probe_interval=60))) as url:
        assert symbol_of(url) == "CDK2"
        answer = readyz(url)
        assert answer.status_code == 503
        body = answer.json()
        assert body["source"] == "auto"
        assert body["serving"] == "mirror"
        assert body["demo"] is True
        assert set(body["services"]) == {"mygene", "mychem", "hgnc"}
        for state in body["services"].values():
            assert state["reachable"] is False
            assert state["error"]
        health = httpx.get(f"{url}/healthz", timeout=10)
        assert health.status_code == 200
        assert health.json() == {"status": "ok", "source": "mirror"}


def test_auto_switches_to_live_once_the_services_answer(mirror_down: MirrorServer) -> None:
    """Started while the services fail, the gateway serves demo data from its in-process
    mirror; once the faults are cleared, the next re-probe moves it to the live URLs, and the
    upstream mirror sees the gateway's queries."""
    with serve(create_app(auto_settings(mirror_down.url))) as url:
        assert readyz(url).json()["demo"] is True
        mirror_down.clear()
        assert symbol_of(url) == "CDK2"
        assert [r for r in mirror_down.requests() if "/gene" in r["path"]] == []

        mirror_down.set_faults([])
        assert wait_for(lambda: readyz(url).status_code == 200)
        body = readyz(url).json()
        assert body["serving"] == "live"
        assert body["demo"] is False
        assert all(s["reachable"] for s in body["services"].values())
        assert httpx.get(f"{url}/healthz", timeout=10).json()["source"] == "live"

        mirror_down.clear()
        # Another gene than before the switch: records the demo answers left in the gateway's
        # cache (same build version here, both mirrors serve the demo data) would hide the call.
        answer = httpx.post(
            f"{url}/graphql", json={"query": '{ gene(id: "2064") { symbol } }'}, timeout=10
        )
        assert answer.json()["data"] == {"gene": {"symbol": "ERBB2"}}
        assert any("/mygene/v3/gene" in r["path"] for r in mirror_down.requests("mygene"))


@contextlib.contextmanager
def serve_on(app: ASGIApp, port: int) -> Iterator[None]:
    """`tests.servers.serve`, on a port chosen beforehand (the one the gateway probes)."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: server.started), "mirror did not start"
        yield
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_auto_switches_to_live_when_a_server_starts_on_the_dead_port(
    demo_dataset: Dataset,
) -> None:
    """The probe target comes up only after start-up: a mirror on the very port that was dead."""
    port = free_port()
    with serve(create_app(auto_settings(f"http://127.0.0.1:{port}"))) as url:
        assert readyz(url).status_code == 503
        assert readyz(url).json()["demo"] is True
        with serve_on(create_mirror_app(demo_dataset), port):
            assert wait_for(lambda: readyz(url).json()["serving"] == "live")
            assert readyz(url).status_code == 200
            assert readyz(url).json()["demo"] is False
            assert symbol_of(url) == "CDK2"


def test_live_readyz_is_503_while_a_service_fails_and_200_after(demo_mirror: MirrorServer) -> None:
    settings = demo_mirror.settings(probe_interval=0.1, probe_timeout=0.5)
    with serve(create_app(settings)) as url:
        demo_mirror.set_faults([{"kind": "status", "status": 503, "path": "^/hgnc/"}])
        assert wait_for(lambda: readyz(url).status_code == 503)
        body = readyz(url).json()
        assert body["demo"] is False
        assert body["serving"] == "live"
        assert body["services"]["hgnc"] == {
            "reachable": False,
            "url": f"{demo_mirror.url}/hgnc",
            "error": "HTTP 503",
        }
        assert body["services"]["mygene"]["reachable"] is True
        demo_mirror.set_faults([])
        assert wait_for(lambda: readyz(url).status_code == 200)


def test_healthz_never_calls_a_service(demo_mirror: MirrorServer) -> None:
    with serve(create_app(demo_mirror.settings())) as url:
        demo_mirror.clear()
        for _ in range(3):
            assert httpx.get(f"{url}/healthz", timeout=10).json()["status"] == "ok"
        assert demo_mirror.requests() == []


def test_readyz_probes_at_most_once_per_interval(demo_mirror: MirrorServer) -> None:
    settings = demo_mirror.settings(probe_interval=600)
    with serve(create_app(settings)) as url:
        demo_mirror.clear()
        for _ in range(5):
            assert readyz(url).status_code == 200
        assert len(demo_mirror.requests()) == 3  # one probe: one call per service


def test_mirror_source_is_ready_without_services_and_says_demo() -> None:
    with serve(create_app(Settings(source="mirror"))) as url:
        answer = readyz(url)
        assert answer.status_code == 200
        assert answer.json() == {
            "source": "mirror",
            "status": "ready",
            "serving": "mirror",
            "demo": True,
            "services": {},
        }


def test_a_short_cursor_secret_is_refused() -> None:
    with pytest.raises(pydantic.ValidationError, match="at least 32 bytes, got 1"):
        Settings(cursor_secret="x")
    assert len(Settings(cursor_secret="k" * 32).cursor_secret.get_secret_value()) == 32


def test_genechem_serve_exits_with_a_clear_message_on_a_short_cursor_secret() -> None:
    env = {**os.environ, "GENECHEM_CURSOR_SECRET": "short", "GENECHEM_SOURCE": "mirror"}
    done = subprocess.run(
        [sys.executable, "-m", "genechem.cli", "serve", "--port", str(free_port())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "GENECHEM_CURSOR_SECRET must be at least 32 bytes, got 5" in done.stderr
    assert "Traceback" not in done.stderr
