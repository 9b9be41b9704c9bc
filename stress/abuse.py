"""Abuse: each hostile request of issue 8's "Why" must be refused (or bounded) within 1 s, while
a well-behaved probe client's p99 stays within 2x its baseline.

The probe first runs alone (baseline), then alongside abusers that send the cases in a loop from
another process (niced), so that the probe's figures are the gateway's and not the harness's own
event loop busy with the abusers' megabytes.
A case passes when every one of its answers came within 1 s, with no 5xx and no INTERNAL_ERROR,
and either a refusal (4xx, 503, or a refusal code such as QUERY_TOO_COMPLEX with no data) or,
for the cases marked `may_answer`, a complete answer (bounded work rather than refused work).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event

import httpx

from stress import servers
from stress.measure import REFUSAL_CODES, Report, error_codes, operations, percentile

ONE_SECOND = 1.0
CLIENT_TIMEOUT = 20.0
STARTUP_SECONDS = 60.0
ABUSER_NICENESS = 10
"""The abusers' process runs at a lower CPU priority than the gateway and the probe."""


@dataclass(frozen=True)
class Case:
    """One hostile request: a body and its content type."""

    name: str
    body: bytes
    content_type: str = "application/json"
    may_answer: bool = False
    """Bounded rather than refused is acceptable (the work is cheap by design)."""


@dataclass
class Outcome:
    seconds: list[float] = field(default_factory=list)
    statuses: set[int] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    refused: int = 0
    answered: int = 0
    bad: int = 0
    """5xx, INTERNAL_ERROR, a transport error or a timeout."""


def graphql(query: str, variables: dict[str, object] | None = None) -> bytes:
    import json  # noqa: PLC0415 (only here)

    return json.dumps({"query": query, "variables": variables or {}}).encode()


def nested(levels: int) -> str:
    """gene -> chemicals -> targets -> gene, `levels` times (issue 8: 10 levels, 665 bytes)."""
    inner = "symbol"
    for _ in range(levels):
        inner = (
            "symbol chemicals { edges { node { name targets { edges { node { gene { "
            + inner
            + " } } } } } } }"
        )
    return '{ gene(id: "1017") { ' + inner + " } }"


def fragment_fan_out(levels: int, width: int) -> str:
    """Each fragment spreads the next `width` times under aliases: width**levels leaves."""
    fragments = ["fragment F0 on Gene { symbol }"]
    for level in range(1, levels + 1):
        leaf = f"gene {{ ...F{level - 1} }}"
        branch = (
            f"chemicals {{ edges {{ node {{ targets {{ edges {{ node {{ {leaf} }} }} }} }} }} }}"
        )
        spreads = " ".join(f"a{i}: {branch}" for i in range(width))
        fragments.append(f"fragment F{level} on Gene {{ symbol {spreads} }}")
    return f'{{ gene(id: "1017") {{ ...F{levels} }} }} ' + " ".join(fragments)


def aliases(count: int) -> str:
    return "{ " + " ".join(f"s{i}: sources {{ name recordCount }}" for i in range(count)) + " }"


def cases() -> list[Case]:
    huge = aliases(1)[:-2]
    big_aliases = aliases(240_000)  # about 8.9 MB, as in the issue
    unknown = [f"NOSUCHGENE{i}" for i in range(500)]
    return [
        Case("gene->chemicals->targets->gene, 10 levels", graphql(nested(10))),
        Case("same, 12 levels", graphql(nested(12))),
        Case("fragment fan-out (4 levels x 3)", graphql(fragment_fan_out(4, 3))),
        Case("1000 aliases of sources", graphql(aliases(1000))),
        Case(
            "checkSymbols with 500 unknown symbols",
            graphql(
                "query($s: [String!]!) { checkSymbols(symbols: $s) { status } }", {"s": unknown}
            ),
            may_answer=True,
        ),
        Case(f"alias body of {len(big_aliases) / 1e6:.1f} MB", graphql(big_aliases)),
        Case(
            "searchGenes first: 100000 in scan mode",
            graphql(
                '{ searchGenes(query: "*", scan: true, first: 100000) '
                "{ edges { node { symbol } } } }"
            ),
        ),
        Case('JSON scalar body "x"', b'"x"'),
        Case("JSON scalar body 1", b"1"),
        Case("JSON scalar body null", b"null"),
        Case("non-UTF-8 body", b'\xff\xfe{"query": "{ __typename }"}'),
        Case(
            "lone surrogate in a variable",
            graphql("{ __typename }")[:-1] + b', "operationName": "\\ud800"}',
        ),
        Case(
            "JSON nested 100000 deep",
            b'{"query": "{ __typename }", "variables": {"a": '
            + b"[" * 100_000
            + b"]" * 100_000
            + b"}}",
        ),
        Case("wrong content type (text/plain)", graphql("{ __typename }"), "text/plain"),
        Case("unterminated document (syntax error)", graphql(huge)),
    ]


async def send(client: httpx.AsyncClient, case: Case, outcome: Outcome) -> None:
    started = time.perf_counter()
    try:
        answer = await client.post(
            "/graphql", content=case.body, headers={"content-type": case.content_type}
        )
    except httpx.HTTPError as error:
        outcome.seconds.append(time.perf_counter() - started)
        outcome.codes.add(type(error).__name__)
        outcome.bad += 1
        return
    outcome.seconds.append(time.perf_counter() - started)
    outcome.statuses.add(answer.status_code)
    try:
        body = answer.json()
    except ValueError:
        body = None
    codes = set(error_codes(body))
    outcome.codes |= codes
    has_data = isinstance(body, dict) and bool(body.get("data"))
    if (answer.status_code >= 500 and answer.status_code != 503) or "INTERNAL_ERROR" in codes:
        outcome.bad += 1
    elif answer.status_code >= 400 or (codes & REFUSAL_CODES and not has_data):
        outcome.refused += 1
    else:
        outcome.answered += 1


async def probe_latencies(
    client: httpx.AsyncClient, payload: dict[str, object], until: Callable[[], bool]
) -> list[float]:
    latencies = []
    while not until():
        started = time.perf_counter()
        await client.post("/graphql", json=payload)
        latencies.append(time.perf_counter() - started)
    return latencies


async def abuse_loop(url: str, seconds: float, abusers: int) -> dict[str, Outcome]:
    """`abusers` concurrent clients sending every case in turn for `seconds` (each case at
    least once)."""
    all_cases = cases()
    outcomes = {case.name: Outcome() for case in all_cases}
    end = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=url, timeout=CLIENT_TIMEOUT) as client:

        async def abuser(index: int) -> None:
            turn = index
            while time.monotonic() < end or turn < len(all_cases):
                case = all_cases[turn % len(all_cases)]
                turn += abusers
                await send(client, case, outcomes[case.name])

        await asyncio.gather(*(abuser(i) for i in range(abusers)))
    return outcomes


def abuse_process(
    url: str, seconds: float, abusers: int, started: Event, results: Queue[dict[str, Outcome]]
) -> None:
    """The abusers' process: its own interpreter and event loop, so the probe's latencies are
    the gateway's, not the wait for the abusers' client work (building, sending and decoding
    megabytes) on a shared loop. Niced: on a small machine the load generator's CPU is the
    harness's cost, and must not be charged to the gateway either."""
    os.nice(ABUSER_NICENESS)
    started.set()
    results.put(asyncio.run(abuse_loop(url, seconds, abusers)))


async def probe_for(url: str, seconds: float) -> list[float]:
    probe_payload = next(op for op in operations() if op.name == "gene_by_id").payload()
    end = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=url, timeout=CLIENT_TIMEOUT) as probe:
        return await probe_latencies(probe, probe_payload, lambda: time.monotonic() > end)


async def each_alone(url: str) -> dict[str, Outcome]:
    """Each case once, alone: its own time, not the queue's."""
    alone = {case.name: Outcome() for case in cases()}
    async with httpx.AsyncClient(base_url=url, timeout=CLIENT_TIMEOUT) as client:
        for case in cases():
            await send(client, case, alone[case.name])
    return alone


def drive(
    url: str, seconds: float, abusers: int
) -> tuple[list[float], list[float], dict[str, Outcome], dict[str, Outcome]]:
    """Each case alone, the probe's baseline, then the probe (this process) while the abusers
    (another process) send the cases in a loop."""
    alone = asyncio.run(each_alone(url))
    baseline = asyncio.run(probe_for(url, seconds / 2))
    spawning = multiprocessing.get_context("spawn")
    started = spawning.Event()
    results: Queue[dict[str, Outcome]] = spawning.Queue()
    process = spawning.Process(
        target=abuse_process, args=(url, seconds / 2, abusers, started, results)
    )
    process.start()
    try:
        if not started.wait(STARTUP_SECONDS):
            raise RuntimeError("the abusers' process did not start")
        under_abuse = asyncio.run(probe_for(url, seconds / 2))
        outcomes = results.get(timeout=seconds + 10 * CLIENT_TIMEOUT)
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()
            process.join()
    return baseline, under_abuse, alone, outcomes


def short_secret_refusal() -> tuple[bool, float, str]:
    """`genechem serve` with a 5-byte GENECHEM_CURSOR_SECRET: exits non-zero with a message."""
    env = {**os.environ, "GENECHEM_CURSOR_SECRET": "short", "GENECHEM_SOURCE": "mirror"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "genechem.cli", "serve", "--port", str(servers.free_port())],
        cwd=servers.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    seconds = time.perf_counter() - started
    refused = done.returncode != 0 and "at least 32 bytes" in done.stderr
    return refused, seconds, done.stderr.strip().splitlines()[-1] if done.stderr else ""


def run(seconds: float, abusers: int = 4, workers: int = 1) -> Report:
    # The conditions: HGNC's real politeness cap and one call per record (no index).
    env = {"GENECHEM_HGNC_RATE_LIMIT": "10", "GENECHEM_HGNC_INDEX": "false"}
    with servers.mirror() as upstream, servers.gateway(upstream.url, env, workers) as gateway:
        before = gateway.rss_bytes()
        baseline, under_abuse, alone, outcomes = drive(gateway.url, seconds, abusers)
        after = gateway.rss_bytes()
    report = Report("abuse")
    report.header = ["case", "alone: s", "alone: status, codes", "in loop: sent"]
    report.header += ["refused", "answered", "5xx/internal/timeout", "max s", "verdict"]
    all_cases = {case.name: case for case in cases()}
    for name, outcome in outcomes.items():
        first = alone[name]
        sent_in_loop = len(outcome.seconds)
        outcome.seconds += first.seconds
        outcome.refused += first.refused
        outcome.answered += first.answered
        outcome.bad += first.bad
        slowest = max(outcome.seconds, default=0.0)
        ok = (
            outcome.bad == 0
            and slowest <= ONE_SECOND
            and (outcome.answered == 0 or all_cases[name].may_answer)
        )
        report.passed &= ok
        verdict = "ok" if ok else ("NOT REFUSED" if outcome.answered else "TOO SLOW / FAILED")
        shown = f"{sorted(first.statuses)} {', '.join(sorted(first.codes))}"
        report.rows.append(
            [
                name,
                round(max(first.seconds, default=0.0), 3),
                shown,
                sent_in_loop,
                outcome.refused,
                outcome.answered,
                outcome.bad,
                round(slowest, 3),
                verdict,
            ]
        )
    refused, secret_seconds, message = short_secret_refusal()
    shown = f"exit 2: {message.strip()[:70]}..." if refused else "started"
    report.rows.append(
        [
            "GENECHEM_CURSOR_SECRET of 5 bytes (`genechem serve`)",
            round(secret_seconds, 3),
            shown,
            "-",
            int(refused),
            0,
            0,
            "-",
            "ok" if refused else "NOT REFUSED",
        ]
    )
    report.passed &= refused
    base_p99, abuse_p99 = percentile(baseline, 0.99), percentile(under_abuse, 0.99)
    ratio = abuse_p99 / base_p99 if base_p99 else float("inf")
    report.passed &= ratio <= 2.0

    def summary(latencies: list[float]) -> str:
        p50, p99 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000
        return f"{p50:.1f} / {p99:.1f} ({len(latencies)} answers)"

    report.figures = {
        "seconds": f"{seconds} ({seconds / 2} baseline, {seconds / 2} under abuse)",
        "abusers": f"{abusers}, closed loop, in another process (nice {ABUSER_NICENESS})",
        "gateway workers": workers,
        "probe": "gene_by_id, one client, sequential",
        "probe p50 / p99 ms, baseline": summary(baseline),
        "probe p50 / p99 ms, under abuse": summary(under_abuse),
        "p99 ratio (bar: <= 2.0)": round(ratio, 2),
        "gateway RSS before / after, MB" + (" (the supervisor process)" if workers > 1 else ""): (
            f"{before / 2**20:.1f} / {after / 2**20:.1f}"
        ),
    }
    report.notes.append(
        "Gateway with GENECHEM_HGNC_RATE_LIMIT=10 and GENECHEM_HGNC_INDEX=false, the issue's "
        "conditions. Each case is sent alone first, then in a loop by the abusers (another "
        f"process, at nice {ABUSER_NICENESS}) while the probe runs. The start-up refusal's "
        "time is a process start (imports), not held to the 1 s bar. A case is refused when "
        "answered 4xx/503, or with a refusal code and no data; `checkSymbols` may instead be "
        "answered in full within 1 s (bounded work)."
    )
    return report
