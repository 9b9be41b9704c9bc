"""The server's log, as `genechem serve` writes it: each request's line once, in the chosen format,
with the access log's facts (uvicorn's own access log is off).

The command line gives the root logger a handler (for uvicorn's, stamina's and every other
library's records) and the app gives the `genechem` loggers their own (text or JSON lines): a
`genechem` record goes through the latter only, not a second time through the root's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.servers import free_port

GENECHEM = str(Path(sys.executable).parent / "genechem")
QUERY = '{ gene(id: "1017") { symbol } }'


def served_log(log_format: str, request_ids: list[str]) -> Iterator[str]:
    """Start `genechem serve` on the in-process mirror, send one query per request id, stop it
    (by its PID) and yield the lines it wrote."""
    port = free_port()
    env = {**os.environ, "GENECHEM_SOURCE": "mirror", "GENECHEM_LOG_FORMAT": log_format}
    process = subprocess.Popen(
        [GENECHEM, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "genechem serve did not come up"
            assert process.poll() is None, "genechem serve exited"
            time.sleep(0.2)
        for request_id in request_ids:
            answer = httpx.post(
                f"{url}/graphql", json={"query": QUERY}, headers={"X-Request-Id": request_id}
            )
            assert answer.json()["data"] == {"gene": {"symbol": "CDK2"}}
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    yield from output.splitlines()


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_each_request_is_logged_once_by_the_server(log_format: str) -> None:
    ids = ["log-once-1", "log-once-2"]
    lines = list(served_log(log_format, ids))
    for request_id in ids:
        mine = [line for line in lines if request_id in line and "genechem.requests" in line]
        assert len(mine) == 1, mine
        if log_format == "json":
            entry = json.loads(mine[0])
            assert entry["request_id"] == request_id
            assert entry["outcome"] == "data"
            assert (entry["method"], entry["path"], entry["status"]) == ("POST", "/graphql", 200)
            assert entry["client"].startswith("127.0.0.1:")
        else:
            assert " 127.0.0.1:" in mine[0]
            assert '"POST /graphql" 200 - data in ' in mine[0]
    assert not [line for line in lines if "HTTP/1.1" in line]  # no second, uvicorn line
    health = [line for line in lines if "/healthz" in line]
    assert health, "the readiness polls are logged too"
    assert all("genechem.requests" in line for line in health)
    ready = [line for line in lines if "genechem ready" in line]
    assert len(ready) == 1, ready
