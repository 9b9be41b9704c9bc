"""Codes say what happened to a service: reached but too slow is UPSTREAM_TIMEOUT (every attempt
cut by GENECHEM_READ_TIMEOUT, or the request's deadline); refusing or dropping connections, or
answering 5xx, is UPSTREAM_UNAVAILABLE. Either way the other services' fields keep their data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app import create_app
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve

QUERY = '{ gene(id: "1017") { symbol } chemical(id: "DB00619") { name } }'


@pytest.fixture
def quick_gateway(demo_mirror: MirrorServer) -> Iterator[Gateway]:
    """Read timeout 0.3 s, two attempts: a slow service shows in well under a second."""
    settings = demo_mirror.settings(read_timeout=0.3, retry_attempts=2)
    with serve(create_app(settings)) as url:
        yield Gateway(url)


def mygene_error(body: dict[str, Any]) -> dict[str, Any]:
    assert body["data"]["gene"] is None
    assert body["data"]["chemical"]["name"]  # the other service's data is kept
    [error] = body["errors"]
    assert error["path"] == ["gene"]
    assert error["extensions"]["source"] == "mygene"
    found: dict[str, Any] = error
    return found


def test_a_service_slower_than_the_read_timeout_is_upstream_timeout(
    quick_gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    demo_mirror.set_faults([{"kind": "latency", "path": "^/mygene/", "latency_ms": 1500}])
    error = mygene_error(quick_gateway.post(QUERY))
    assert error["extensions"]["code"] == "UPSTREAM_TIMEOUT"
    assert "GENECHEM_READ_TIMEOUT" in error["message"]
    assert len(demo_mirror.requests("mygene")) == 2  # both attempts made, each cut


@pytest.mark.parametrize(
    "rule", [{"kind": "drop"}, {"kind": "status", "status": 503}], ids=["drop", "503"]
)
def test_a_service_that_fails_fast_is_upstream_unavailable(
    quick_gateway: Gateway, demo_mirror: MirrorServer, rule: dict[str, Any]
) -> None:
    demo_mirror.set_faults([{**rule, "path": "^/mygene/"}])
    error = mygene_error(quick_gateway.post(QUERY))
    assert error["extensions"]["code"] == "UPSTREAM_UNAVAILABLE"
