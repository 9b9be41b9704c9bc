"""`python -m bench.profile [--out DIR]`: where the gateway's CPU goes, per benchmark case.

It starts the benchmark's mirror (bench data set, 50 ms of upstream latency) and one gateway
worker, then for each case (1000 heavy genes, 1000 light genes, the single gene at 50 clients)
records the worker with `py-spy record` while the case runs after a warm-up: once as raw
collapsed stacks, which this module reads, and once as a flame graph SVG. It writes
`profile-<case>.svg` and `PROFILE.md` (top frames by self time, layers, top frames by inclusive
time per layer) into `--out` (bench/ by default). See README, Performance.

Samples come with native frames (`--native`) so that orjson and zlib, which Python sees as one
call, get their own share; interpreter and libc frames count for the Python frame above them.
Idle samples (a thread waiting in `Condition.wait`, `select`, `epoll_wait`) are left out: the
percentages are of the samples where a thread of the worker was busy.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench import runs
from bench.data import gene_ids, write_dataset
from bench.servers import (
    Server,
    autocannon,
    family,
    set_latency,
    start_gateway,
    start_mirror,
    versions,
)

HERE = Path(__file__).resolve().parent
PY_SPY = Path(sys.executable).parent / "py-spy"
RATE = 200
"""Samples per second, per thread."""
LATENCY_MS = 50
CLIENTS = 50
TOP_SELF = 15
TOP_PER_LAYER = 5

LAYERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Matched against "file function"; Starlette's gzip middleware wraps every request, only its
    # `_compress*` methods are compression work.
    (
        "gzip/zlib",
        re.compile(r"^(gzip\.py|zlib|libz\.so|starlette/middleware/gzip\.py \S*\._compress)"),
    ),
    ("JSON", re.compile(r"^(orjson|json/|_json)")),
    ("graphql-core", re.compile(r"^graphql/")),
    ("Strawberry", re.compile(r"^strawberry/")),
    (
        "genechem",
        re.compile(r"^(schema/|resolvers/|backends/|genechem/|app\.py|<schema\.compiled>)"),
    ),
    (
        "HTTP stack",
        re.compile(r"^(starlette|fastapi|uvicorn|httpx|httpcore|h11|anyio|httptools|sniffio)/"),
    ),
    ("event loop", re.compile(r"^(asyncio/|uvloop/)")),
)
OTHER = "other"
EVENT_LOOP = "event loop"
ROOT = re.compile(
    r"^\S+ \((asyncio/|threading\.py|concurrent/futures/|uvloop/|genechem:|genechem/cli\.py"
    r"|uvicorn/(main|_compat)\.py|anyio/_backends/_asyncio\.py)|^Server\.run \(uvicorn/server\.py"
)
"""Python frames from process or thread start down to the event loop or the worker thread's
loop: in nearly every sample, they say nothing about where the work is."""
IDLE = re.compile(
    r"^((Condition|Event)\.wait \(threading\.py|\S*select \(selectors\.py"
    r"|(epoll_wait|epoll_pwait|poll|ppoll|select|pselect6?) \()"
)
NATIVE_SUFFIXES = (".c", ".h", ".cc", ".cpp", ".rs", ".pyx")


@dataclass(frozen=True)
class Plan:
    seconds: float
    """How long each case runs under the profiler (the genes cases: whole requests, at least 3)."""
    native: bool = True
    """py-spy `--native`: orjson's and zlib's C frames get their own share."""


@dataclass(frozen=True)
class Case:
    slug: str
    title: str
    run: Callable[[Server, Plan], Awaitable[str]]
    """Runs the case against the gateway; returns what it measured, one line."""


def genes_case(selection: str) -> Callable[[Server, Plan], Awaitable[str]]:
    async def run(gateway: Server, plan: Plan) -> str:
        ids = gene_ids(runs.BATCH)
        call = runs.graphql(gateway.url, runs.GENES_QUERY % selection, {"ids": ids})
        probe = await runs.p50(call, 1, None, warmup=0)
        count = max(3, math.ceil(plan.seconds * 1000 / probe.p50_ms))
        t = await runs.p50(call, count, gateway, warmup=0)
        if t.items != len(ids):
            raise runs.BadAnswer(f"{t.items} genes for {len(ids)} ids")
        return f"{t.runs} runs, p50 {t.p50_ms:.0f} ms, gateway CPU {t.cpu_ms_per_request:.0f} ms"

    return run


async def single_gene(gateway: Server, plan: Plan) -> str:
    request = runs.graphql_post(gateway.url, runs.SINGLE_QUERY, "gene")
    t = await runs.load(request, gateway, CLIENTS, plan.seconds, autocannon())
    return (
        f"{CLIENTS} clients ({t.client}) for {plan.seconds:g} s: {t.requests} requests, "
        f"{t.requests_per_second:.0f} req/s, p50 {t.p50_ms:.0f} ms, "
        f"gateway CPU {t.cpu_ms_per_request:.1f} ms per request"
    )


CASES = (
    Case("heavy", "`genes(ids)`, 1000 ids, heavy selection", genes_case(runs.HEAVY_SELECTION)),
    Case("light", "`genes(ids)`, 1000 ids, light selection", genes_case(runs.LIGHT_SELECTION)),
    Case("single", f"`gene(id)` at {CLIENTS} concurrent clients", single_gene),
)


# --- recording ---------------------------------------------------------------------------------


def busiest(pid: int) -> int:
    """The process of the gateway's family with the most CPU time: its worker (after warm-up)."""

    def ticks(p: int) -> int:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return -1
        return int(fields[11]) + int(fields[12])

    return max(family(pid), key=ticks)


@contextmanager
def recording(pid: int, out: Path, fmt: str, native: bool, log: Path) -> Iterator[None]:
    """py-spy samples `pid` into `out` while the block runs; SIGINT makes it write the file."""
    command = [str(PY_SPY), "record", "--pid", str(pid), "--rate", str(RATE), "--function"]
    command += ["--format", fmt, "--output", str(out), *(["--native"] if native else [])]
    with log.open("wb") as sink:
        spy = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 15
        while "Sampling process" not in log.read_text() and spy.poll() is None:
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        yield
    finally:
        spy.send_signal(signal.SIGINT)
        spy.wait(60)
    if not out.exists():
        raise RuntimeError(f"py-spy wrote no {out}: {log.read_text()[-1000:]}")


async def profile_case(
    case: Case, gateway: Server, plan: Plan, out: Path, work: Path
) -> tuple[str, Path]:
    """Warm up, then run the case twice under py-spy: raw stacks, then the flame graph."""
    await case.run(gateway, Plan(seconds=1.0))
    worker = busiest(gateway.pid)
    raw = work / f"profile-{case.slug}.txt"
    with recording(worker, raw, "raw", plan.native, work / f"py-spy-{case.slug}-raw.log"):
        measured = await case.run(gateway, plan)
    svg = out / f"profile-{case.slug}.svg"
    with recording(worker, svg, "flamegraph", plan.native, work / f"py-spy-{case.slug}-svg.log"):
        await case.run(gateway, plan)
    return measured, raw


# --- analysis ----------------------------------------------------------------------------------


def split_frame(frame: str) -> tuple[str, str, bool]:
    """(function, file, is a Python frame) of one py-spy frame, `name (file[:line])`."""
    name, _, rest = frame.rpartition(" (")
    where = rest.rstrip(")")
    file, colon, line = where.rpartition(":")
    has_line = bool(colon) and line.isdigit()
    file = file if has_line else where
    python = file.startswith("<") or (has_line and not file.endswith(NATIVE_SUFFIXES))
    return name, file, python


def layer_of(frame: str) -> str | None:
    """The frame's layer; None for interpreter, libc and other native frames, which count for
    the Python frame above them."""
    function, file, python = split_frame(frame)
    for name, pattern in LAYERS:
        if pattern.search(f"{file} {function}"):
            return name
    return OTHER if python else None


def label(frame: str) -> str:
    """Native frames of orjson and zlib by library (their symbols are mostly bare addresses)."""
    _, file, python = split_frame(frame)
    if python:
        return frame
    return f"{file.split('/')[0].split('.')[0]} (native)"


def working_part(frames: list[str]) -> list[str]:
    """The stack below its root frames (process start, event loop, worker thread loop)."""
    for i, frame in enumerate(frames):
        if not ROOT.search(frame) and layer_of(frame) is not None:
            return frames[i:]
    return []


@dataclass
class Profile:
    busy: int = 0
    idle: int = 0
    gc: int = 0
    self_time: Counter[str] = field(default_factory=Counter)
    inclusive: Counter[str] = field(default_factory=Counter)
    layer_self: Counter[str] = field(default_factory=Counter)
    layer_inclusive: Counter[str] = field(default_factory=Counter)
    layer: dict[str, str] = field(default_factory=dict)
    callees: dict[str, set[str]] = field(default_factory=dict)

    def add(self, frames: list[str], count: int) -> None:
        if any(IDLE.search(f) for f in frames):
            self.idle += count
            return
        self.busy += count
        if any(split_frame(f)[0].startswith("gc_collect") for f in frames):
            self.gc += count
        work = [(label(f), layer) for f in working_part(frames) if (layer := layer_of(f))]
        if not work:
            work = [("event loop (native)", EVENT_LOOP)]
        leaf, leaf_layer = work[-1]
        self.self_time[leaf] += count
        self.layer_self[leaf_layer] += count
        for frame, layer in set(work):
            self.inclusive[frame] += count
            self.layer[frame] = layer
        for (caller, _), (callee, _) in itertools.pairwise(work):
            self.callees.setdefault(caller, set()).add(callee)
        for layer in {layer for _, layer in work}:
            self.layer_inclusive[layer] += count

    def passes_through(self, frame: str) -> bool:
        """No time of its own and one callee: a link of a middleware or await chain, with the
        inclusive time of the frame it calls."""
        return not self.self_time[frame] and len(self.callees.get(frame, ())) <= 1

    def share(self, count: int) -> str:
        return f"{100 * count / max(self.busy, 1):.1f}%"


def read_profile(raw: Path) -> Profile:
    """Collapsed stacks, one `frame;frame;... count` a line, root first."""
    profile = Profile()
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            profile.add(stack.split(";"), int(count))
    return profile


# --- report ------------------------------------------------------------------------------------


def case_section(case: Case, measured: str, profile: Profile) -> list[str]:
    lines = [
        f"## {case.title}",
        "",
        f"{measured} (under the profiler). {profile.busy} busy samples ({profile.idle} idle left "
        f"out); Python's garbage collector in {profile.share(profile.gc)} of them. "
        f"Flame graph: [profile-{case.slug}.svg](profile-{case.slug}.svg).",
        "",
        "| layer | self | inclusive |",
        "|---|---:|---:|",
    ]
    for layer, count in profile.layer_self.most_common():
        inclusive = profile.share(profile.layer_inclusive[layer])
        lines.append(f"| {layer} | {profile.share(count)} | {inclusive} |")
    lines += [
        "",
        f"Top {TOP_SELF} frames by self time:",
        "",
        "| frame | layer | self | inclusive |",
    ]
    lines.append("|---|---|---:|---:|")
    for frame, count in profile.self_time.most_common(TOP_SELF):
        incl = profile.share(profile.inclusive[frame])
        lines.append(f"| `{frame}` | {profile.layer[frame]} | {profile.share(count)} | {incl} |")
    lines += ["", "Top frames by inclusive time, per layer:", "", "| layer | frame | inclusive |"]
    lines.append("|---|---|---:|")
    for layer, _ in profile.layer_inclusive.most_common():
        frames = [
            (f, n)
            for f, n in profile.inclusive.most_common()
            if profile.layer[f] == layer and not profile.passes_through(f)
        ]
        for frame, count in frames[:TOP_PER_LAYER]:
            lines.append(f"| {layer} | `{frame}` | {profile.share(count)} |")
    return [*lines, ""]


def write_report(out: Path, sections: list[list[str]], plan: Plan) -> Path:
    info = versions(None)
    spy = subprocess.run([str(PY_SPY), "--version"], capture_output=True, text=True, check=False)
    packages = ", ".join(f"{k} {v}" for k, v in info.items() if k not in ("python", "cpus", "cpu"))
    head = [
        "# Where the gateway's CPU goes",
        "",
        f"`python -m bench.profile` (`make profile`), {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; "
        f"{info['cpu']}, {info['cpus']} CPUs; Python {info['python']}, {packages}; "
        f"{spy.stdout.strip()} at {RATE} samples/s{', with native frames' if plan.native else ''}.",
        "",
        f"One gateway worker over the bench mirror ({LATENCY_MS} ms of upstream latency, caches "
        f"off as in bench/RESULTS.md); each case warmed up, then run under py-spy for about "
        f"{plan.seconds:g} s, once for the stacks below and once for the flame graph. "
        "Percentages are of the worker's busy samples (threads waiting in "
        "`Condition.wait`, `select` or `epoll_wait` left out; the flame graphs still show them). "
        "*Self*: the innermost Python frame (or orjson/zlib) of a sample; interpreter, libc and "
        "garbage-collector time counts for the Python frame above it. *Inclusive*: samples with "
        "the frame or layer anywhere below the event loop (a coroutine's stack starts at the "
        "task that runs it); the per-layer list leaves out pass-through frames (no self time, "
        "one callee: middleware and await chains). Layers by file: graphql-core "
        "`graphql/`, Strawberry `strawberry/`, genechem `schema/ resolvers/ backends/ genechem/` "
        "(and the compiled path's `<schema.compiled>`), HTTP stack `starlette/ fastapi/ uvicorn/ "
        "httpx/ httpcore/ h11/ anyio/ httptools/`, JSON `orjson` and `json/`, gzip/zlib "
        "`gzip.py`, zlib and Starlette's `GZipResponder._compress*`, event loop `asyncio/ "
        "uvloop`, other. Timings under the profiler are slower than bench/RESULTS.md's.",
        "",
    ]
    path = out / "PROFILE.md"
    path.write_text("\n".join(head + [line for s in sections for line in s]))
    return path


# --- main --------------------------------------------------------------------------------------


def arguments() -> argparse.Namespace:
    top = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    top.add_argument("--out", type=Path, default=HERE, help="where PROFILE.md and the SVGs go")
    top.add_argument("--seconds", type=float, default=10.0, help="how long each case is profiled")
    top.add_argument("--no-native", action="store_true", help="Python frames only")
    return top.parse_args()


async def main() -> None:
    args = arguments()
    if not PY_SPY.exists():
        sys.exit(f"{PY_SPY} is missing: `uv sync` installs py-spy (dev dependency)")
    args.out.mkdir(parents=True, exist_ok=True)
    plan = Plan(args.seconds, native=not args.no_native)
    work = Path(tempfile.mkdtemp(prefix="genechem-profile-"))
    mirror = start_mirror(write_dataset(work / "data"), work)
    gateway: Server | None = None
    try:
        gateway = start_gateway(mirror, 1, work)
        set_latency(mirror, LATENCY_MS)
        sections = []
        for case in CASES:
            measured, raw = await profile_case(case, gateway, plan, args.out, work)
            print(f"{case.slug}: {measured}", flush=True)
            sections.append(case_section(case, measured, read_profile(raw)))
    finally:
        if gateway is not None:
            gateway.stop()
        mirror.stop()
    report = write_report(args.out, sections, plan)
    print(f"wrote {report} and the flame graphs; raw stacks and logs in {work}")


if __name__ == "__main__":
    asyncio.run(main())
