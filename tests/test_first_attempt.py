"""An upstream call's first attempt runs outside stamina's retry loop (its set-up was a tenth of
a single-gene request's CPU); a failed first attempt enters the loop as its attempt 1."""

from __future__ import annotations

from typing import Any

import pytest

from backends.http import ServiceHTTP
from tests.conftest import MirrorServer


async def symbol_of_1017(mirror: MirrorServer) -> str:
    """One call through a fresh client for gene 1017: its symbol."""
    http = ServiceHTTP("mygene", f"{mirror.url}/mygene/v3", mirror.settings())
    try:
        gene = await http.request_json("GET", "/gene/1017", params={"fields": "symbol"})
    finally:
        await http.aclose()
    return str(gene["symbol"])


async def test_a_first_attempt_that_succeeds_never_enters_the_retry_loop(
    demo_mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_retry_loop(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("stamina's retry loop was set up for a call that succeeded")

    monkeypatch.setattr("backends.http.stamina.retry_context", no_retry_loop)
    assert await symbol_of_1017(demo_mirror) == "CDK2"


async def test_a_failed_first_attempt_is_retried_as_before(demo_mirror: MirrorServer) -> None:
    demo_mirror.set_faults(
        [{"kind": "status", "path": "^/mygene/v3/gene", "status": 503, "times": 1}]
    )
    assert await symbol_of_1017(demo_mirror) == "CDK2"
    assert len(demo_mirror.requests("mygene")) == 2
