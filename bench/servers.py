"""The processes a run starts, on loopback only, each stopped by its own PID: the mirror, the
gateway (one or N workers), and Hive Gateway (GraphQL Mesh) when Node and its packages are there;
and the install of autocannon, the throughput cases' load generator. CPU time and memory are read
from /proc for a process and its children (uvicorn's workers)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
GENECHEM = str(Path(sys.executable).parent / "genechem")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
MESH_RECIPE = ROOT.parent / "shared" / "peers" / "graphql-mesh"
MESH_SPECS = ROOT.parent / "shared" / "reference" / "specs"
AUTOCANNON_RECIPE = ROOT / "bench" / "autocannon"
"""package.json and package-lock.json of the throughput cases' load generator."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_until_up(url: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2.0).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up in {seconds} s")


def family(pid: int) -> list[int]:
    """`pid` and its descendants (uvicorn's worker processes)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the process and its descendants, in seconds."""
    total = 0
    for p in family(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def memory_mb(pid: int, key: str = "VmRSS") -> float:
    """Resident memory (VmRSS) or its peak (VmHWM) of the process and its descendants, MB."""
    total = 0
    for p in family(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith(key + ":"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen[bytes]

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def start(
    name: str,
    command: list[str],
    url: str,
    ready: str,
    env: Mapping[str, str],
    *,
    cwd: Path = ROOT,
    log: Path | None = None,
) -> Server:
    out = log.open("wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT
    )
    server = Server(name, url, process)
    try:
        wait_until_up(ready)
    except RuntimeError:
        server.stop()
        raise
    return server


def start_mirror(data: Path, logs: Path) -> Server:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # Connections stay open while idle for longer than a side waits between its turns (~10 s):
    # with uvicorn's 5 s, Mesh reused connections the mirror had just closed and answered
    # "socket hang up" errors (genechem retries them); nginx, before real services, keeps 75 s.
    command = [GENECHEM, "mirror", "--port", str(port), "--data", str(data), "--keep-alive", "75"]
    return start("mirror", command, url, f"{url}/_mirror/faults", {}, log=logs / "mirror.log")


def set_latency(mirror: Server, milliseconds: int) -> None:
    """Every request to the three services waits `milliseconds` first (mirror/faults.py)."""
    rules = [{"kind": "latency", "path": "^/(mygene|mychem|hgnc)/", "latency_ms": milliseconds}]
    httpx.put(f"{mirror.url}/_mirror/faults", json=rules if milliseconds else []).raise_for_status()


def start_gateway(mirror: Server, workers: int, logs: Path, **settings: str) -> Server:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        "GENECHEM_SOURCE": "live",
        "GENECHEM_MYGENE_URL": f"{mirror.url}/mygene/v3",
        "GENECHEM_MYCHEM_URL": f"{mirror.url}/mychem/v1",
        "GENECHEM_HGNC_URL": f"{mirror.url}/hgnc",
        # The cost limits' defaults refuse 5000 ids in one operation; the benchmark asks for them.
        "GENECHEM_MAX_LIST_ARGUMENT": "5000",
        "GENECHEM_MAX_COST": "100000",
        "GENECHEM_MAX_ANSWER_OBJECTS": "10000000",
        # Load shedding answers OVERLOADED under 50 clients: measure the work, not the shedding.
        "GENECHEM_MAX_LOOP_LAG": "0",
        # 16 upstream calls in flight per service (the polite default) cap one worker at 320
        # single-gene requests/s at 50 ms; Mesh caps nothing: measure the work, not the cap.
        "GENECHEM_MAX_CONCURRENCY": "64",
        # Repeated runs of one request must reach the services every time, as direct REST does.
        "GENECHEM_RESPONSE_CACHE_TTL": "0",
        "GENECHEM_RECORD_CACHE_TTL": "0",
        "GENECHEM_METADATA_TTL": "0",
        # The sides take turns: a 5000-gene turn leaves the others' connections idle for ~10 s,
        # and one closed by the 5 s default just as its next request went out failed the run.
        "GENECHEM_KEEP_ALIVE": "75",
        **{f"GENECHEM_{k.upper()}": v for k, v in settings.items()},
    }
    command = [GENECHEM, "serve", "--port", str(port), "--workers", str(workers)]
    log = logs / f"genechem-{workers}w.log"
    return start(f"genechem x{workers}", command, url + "/graphql", f"{url}/healthz", env, log=log)


def mesh_dir() -> Path | None:
    """A copy of the Mesh recipe (../shared/peers/graphql-mesh) with its packages installed, in
    the temporary directory (kept between runs), or None when Node, npm or the recipe is missing
    or `npm ci` fails (no registry)."""
    if not (shutil.which("node") and shutil.which("npm") and MESH_RECIPE.is_dir()):
        return None
    peer = Path(tempfile.gettempdir()) / "genechem-bench-mesh"
    if not (peer / "v1" / "node_modules" / ".bin" / "hive-gateway").exists():
        shutil.copytree(
            MESH_RECIPE, peer, dirs_exist_ok=True, ignore=shutil.ignore_patterns("specs")
        )
        done = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=peer / "v1",
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            print("Mesh skipped: npm ci failed:", done.stderr.decode()[-500:], file=sys.stderr)
            return None
    specs = peer / "specs"
    if not specs.is_dir():  # the recipe's `specs` links to ../../reference/specs
        specs.unlink(missing_ok=True)
        shutil.copytree(MESH_SPECS, specs)
    return peer


@dataclass(frozen=True)
class Autocannon:
    """The installed load generator: its command and version."""

    binary: Path
    version: str


def autocannon() -> Autocannon | None:
    """autocannon, installed with `npm ci` from bench/autocannon's lock file into the temporary
    directory (kept between runs, installed again when the lock changes), or None when Node or
    npm is missing or `npm ci` fails (no registry): the throughput cases then fall back to httpx."""
    if not (shutil.which("node") and shutil.which("npm")):
        return None
    home = Path(tempfile.gettempdir()) / "genechem-bench-autocannon"
    binary = home / "node_modules" / ".bin" / "autocannon"
    lock = (AUTOCANNON_RECIPE / "package-lock.json").read_bytes()
    done_mark = home / "installed-lock.json"  # written after `npm ci` succeeded with this lock
    if not (binary.exists() and done_mark.exists() and done_mark.read_bytes() == lock):
        home.mkdir(exist_ok=True)
        done_mark.unlink(missing_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(AUTOCANNON_RECIPE / name, home / name)
        try:
            done = subprocess.run(
                ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=home,
                capture_output=True,
                timeout=300,
                check=False,
            )
            failure = (
                f"exit {done.returncode}, {done.stderr.decode()[-500:]}" if done.returncode else ""
            )
        except subprocess.TimeoutExpired:
            failure = "no answer from the registry in 300 s"
        if failure or not binary.exists():
            print("autocannon skipped, httpx measures: npm ci failed:", failure, file=sys.stderr)
            return None
        done_mark.write_bytes(lock)
    package = json.loads((home / "node_modules" / "autocannon" / "package.json").read_text())
    return Autocannon(binary, package["version"])


def start_mesh(mirror: Server, peer: Path, logs: Path) -> Server:
    """Hive Gateway over the typed MyGene spec (response schemas, POST /gene as a query field),
    pointed at the mirror, as the recipe's section "Pointing Mesh at the genechem mirror"."""
    base = f"{mirror.url}/mygene/v3"
    py = sys.executable
    specs = peer / "specs"
    subprocess.run(
        [
            py,
            "make_local_spec.py",
            str(specs / "mygene.info_openapi_full.yml"),
            str(specs / "mygene.local.yml"),
            base,
        ],
        cwd=peer,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            py,
            "make_typed_spec.py",
            str(specs / "mygene.local.yml"),
            str(specs / "mygene.typed.local.yml"),
        ],
        cwd=peer,
        check=True,
        capture_output=True,
    )
    config = peer / "v1" / "mesh.typed.config.ts"
    text = config.read_text()
    start_at = text.index("endpoint: '") + len("endpoint: '")
    config.write_text(text[:start_at] + base + text[text.index("'", start_at) :])
    subprocess.run(
        ["./node_modules/.bin/mesh-compose", "-c", "mesh.typed.config.ts"],
        cwd=peer / "v1",
        check=True,
        capture_output=True,
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}/graphql"
    command = [
        "./node_modules/.bin/hive-gateway",
        "supergraph",
        "supergraph.typed.graphql",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    ready = f"http://127.0.0.1:{port}/healthcheck"
    return start("mesh", command, url, ready, {}, cwd=peer / "v1", log=logs / "mesh.log")


def versions(peer: Path | None) -> dict[str, str]:
    """The machine and the versions of everything measured."""

    info = {
        "python": sys.version.split()[0],
        "cpus": str(os.cpu_count()),
        "cpu": _cpu_model(),
        **{
            p: version(p)
            for p in (
                "strawberry-graphql",
                "graphql-core",
                "uvicorn",
                "httpx",
                "orjson",
                "uvloop",
                "httptools",
            )
        },
    }
    if peer is not None:
        info["node"] = subprocess.run(
            ["node", "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        lock = json.loads((peer / "v1" / "package-lock.json").read_text())
        info["@graphql-hive/gateway"] = lock["packages"]["node_modules/@graphql-hive/gateway"][
            "version"
        ]
    return info


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown"
