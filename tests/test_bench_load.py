"""The benchmark's throughput measurement (bench.runs.load): autocannon measures when Node and npm
can install it, httpx in the bench's process otherwise, and a side whose answers are wrong, before
or during the run, posts no figures (BadAnswer).

The side here is a small Starlette app on a real loopback port (tests/servers.py), in this
process: its CPU time is read from this process. autocannon is installed as the bench installs
it (`npm ci` from bench/autocannon's lock file into the temporary directory, the first time).
Without Node and npm the autocannon tests skip, unless GENECHEM_REQUIRE_NODE=1 (CI).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bench import runs
from bench.servers import Autocannon, autocannon
from tests.servers import serve

SECONDS = 1.0
CONNECTIONS = 4


@dataclass
class InProcessSide:
    """What `runs.load` needs of a side: its URL and the process whose CPU time is read."""

    url: str
    pid: int = os.getpid()


def side_app() -> Starlette:
    """/good answers one document; /errors a GraphQL error; /breaks 500 after two answers;
    /drifts a different document after two answers."""
    counters = {name: itertools.count() for name in ("breaks", "drifts")}

    async def good(request: Request) -> Response:
        return JSONResponse({"_id": "1017", "symbol": "CDK2"})

    async def errors(request: Request) -> Response:
        return JSONResponse({"data": {"gene": None}, "errors": [{"message": "boom"}]})

    async def breaks(request: Request) -> Response:
        if next(counters["breaks"]) < 2:
            return JSONResponse({"_id": "1017"})
        return JSONResponse({"error": "down"}, status_code=500)

    async def drifts(request: Request) -> Response:
        return JSONResponse({"_id": "1017", "n": max(1, next(counters["drifts"]))})

    return Starlette(
        routes=[
            Route("/good", good),
            Route("/errors", errors, methods=["POST"]),
            Route("/breaks", breaks),
            Route("/drifts", drifts),
        ]
    )


@pytest.fixture
def side_url() -> Iterator[str]:
    with serve(side_app()) as url:
        yield url


@pytest.fixture(scope="module")
def cannon() -> Autocannon:
    installed = autocannon()
    if installed is None:
        message = "autocannon not installed: Node or npm missing, or `npm ci` failed"
        if os.environ.get("GENECHEM_REQUIRE_NODE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return installed


async def measure(url: str, request: runs.Request, cannon: Autocannon | None) -> runs.Throughput:
    side = InProcessSide(url)
    return await runs.load(request, side, CONNECTIONS, SECONDS, cannon)  # type: ignore[arg-type]


async def test_autocannon_measures_a_side_answering_well(side_url: str, cannon: Autocannon) -> None:
    t = await measure(side_url, runs.Request("GET", f"{side_url}/good"), cannon)

    assert t.client == f"autocannon {cannon.version}"
    assert t.requests > CONNECTIONS
    assert t.requests_per_second > 0
    assert t.client_cpu_ms_per_request is not None


async def test_httpx_measures_when_autocannon_is_missing(side_url: str) -> None:
    t = await measure(side_url, runs.Request("GET", f"{side_url}/good"), None)

    assert t.client.startswith("httpx ")
    assert t.requests > CONNECTIONS


@pytest.mark.parametrize("with_autocannon", [True, False], ids=["autocannon", "httpx"])
async def test_side_answering_graphql_errors_posts_no_figures(
    side_url: str, with_autocannon: bool, request: pytest.FixtureRequest
) -> None:
    cannon = request.getfixturevalue("cannon") if with_autocannon else None
    query = runs.graphql_post(f"{side_url}/errors", runs.SINGLE_QUERY, "gene")

    with pytest.raises(runs.BadAnswer, match="boom"):
        await measure(side_url, query, cannon)


async def test_errors_during_the_autocannon_run_stop_it(side_url: str, cannon: Autocannon) -> None:
    with pytest.raises(runs.BadAnswer, match="non2xx"):
        await measure(side_url, runs.Request("GET", f"{side_url}/breaks"), cannon)


async def test_answers_changing_during_the_autocannon_run_stop_it(
    side_url: str, cannon: Autocannon
) -> None:
    with pytest.raises(runs.BadAnswer, match="mismatches"):
        await measure(side_url, runs.Request("GET", f"{side_url}/drifts"), cannon)
