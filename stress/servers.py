"""The processes a stress run drives: the mirror and the gateway, each a `genechem` subprocess on
127.0.0.1 and an ephemeral port, started and stopped by PID."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

from genechem.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 60.0


def free_port() -> int:
    """A loopback port free right now (bound, then released for the child to take)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@dataclass
class Server:
    """A running child process and its base URL."""

    process: subprocess.Popen[bytes]
    url: str

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_bytes(self) -> int:
        """Resident memory of the process: psutil when installed, else /proc."""
        try:
            import psutil  # type: ignore[import-untyped]  # noqa: PLC0415 (optional)
        except ImportError:
            status = Path(f"/proc/{self.pid}/status").read_text("ascii")
            line = next(x for x in status.splitlines() if x.startswith("VmRSS:"))
            return int(line.split()[1]) * 1024
        rss: int = psutil.Process(self.pid).memory_info().rss
        return rss


def known_settings(env: dict[str, str]) -> dict[str, str]:
    """Only the GENECHEM_ variables this version's Settings has (others are ignored by it, but
    the run report should not claim a setting that does nothing)."""
    fields = {f"GENECHEM_{name.upper()}" for name in Settings.model_fields}
    return {k: v for k, v in env.items() if k in fields}


@contextlib.contextmanager
def spawn(args: list[str], ready_path: str, env: dict[str, str]) -> Iterator[Server]:
    """Start `python -m genechem.cli ARGS --port P`, wait until `ready_path` answers, stop it by
    its PID at the end (SIGTERM, then SIGKILL after 10 s)."""
    port = free_port()
    command = [sys.executable, "-m", "genechem.cli", *args, "--host", "127.0.0.1"]
    command += ["--port", str(port)]
    child_env = {**os.environ, **env}
    # The log goes to a file: a pipe nobody reads fills up under load (one line per request)
    # and then blocks the server on its next write. STRESS_LOG_DIR keeps it for a post-mortem.
    keep = os.environ.get("STRESS_LOG_DIR")
    opened = (
        open(Path(keep) / f"{args[0]}-{port}.log", "w+b")  # noqa: SIM115 (closed by `with`)
        if keep
        else tempfile.TemporaryFile()  # noqa: SIM115 (closed by `with`)
    )
    with opened as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=child_env, stdout=subprocess.DEVNULL, stderr=log
        )
        server = Server(process, f"http://127.0.0.1:{port}")
        try:
            wait_until_up(server, ready_path, log)
            yield server
        finally:
            stop(process)


def wait_until_up(server: Server, path: str, log: IO[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            log.seek(0)
            stderr = log.read().decode(errors="replace")[-4000:]
            raise RuntimeError(f"{server.url} exited {server.process.returncode}: {stderr}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(server.url + path, timeout=2).status_code < 500:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{server.url} did not start within {STARTUP_SECONDS} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@contextlib.contextmanager
def mirror() -> Iterator[Server]:
    """The demo-data mirror, with its fault and request-log admin routes."""
    with spawn(["mirror"], "/_mirror/faults", {}) as server:
        yield server


GATEWAY_ENV = {
    # The mirror is not HGNC: its 10 requests/s politeness cap would measure the limiter only.
    "GENECHEM_HGNC_RATE_LIMIT": "1000",
}


@contextlib.contextmanager
def gateway(
    mirror_url: str, env: Mapping[str, str] | None = None, workers: int = 1
) -> Iterator[Server]:
    """The gateway in live mode over `mirror_url`, with GENECHEM_ overrides (`env`), in
    `workers` processes (`genechem serve --workers`; RSS is then the supervisor's only)."""
    urls = {
        "GENECHEM_MYGENE_URL": f"{mirror_url}/mygene/v3",
        "GENECHEM_MYCHEM_URL": f"{mirror_url}/mychem/v1",
        "GENECHEM_HGNC_URL": f"{mirror_url}/hgnc",
    }
    settings = known_settings({**GATEWAY_ENV, **(env or {})})
    args = ["serve", "--source", "live", "--workers", str(workers)]
    with spawn(args, "/healthz", {**urls, **settings}) as server:
        yield server
