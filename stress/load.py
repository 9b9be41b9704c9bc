"""Load: N concurrent clients for D seconds over every operation in queries/, each answer checked
against its expected file; 5xx, wrong answers, p50/p99 and the gateway's RSS before and after."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import httpx

from stress import servers
from stress.measure import Operation, Report, operations, percentile, same_answer


async def drive(url: str, ops: list[Operation], clients: int, seconds: float) -> Report:
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    wrong: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:

        async def worker(index: int) -> None:
            turn = index
            while time.monotonic() < deadline:
                op = ops[turn % len(ops)]
                turn += 1
                started = time.perf_counter()
                try:
                    answer = await client.post("/graphql", json=op.payload())
                except httpx.HTTPError as error:
                    failures[type(error).__name__] += 1
                    continue
                latencies.append(time.perf_counter() - started)
                statuses[answer.status_code] += 1
                if answer.status_code != 200 or not same_answer(answer.json(), op.expected):
                    wrong[op.name] += 1

        await asyncio.gather(*(worker(i) for i in range(clients)))

    total = sum(statuses.values())
    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    report = Report("load")
    report.figures = {
        "clients": clients,
        "seconds": seconds,
        "operations": f"{len(ops)} (queries/*.graphql, each with its variables)",
        "answers": total,
        "answers per second": round(total / seconds, 1),
        "HTTP 5xx": server_errors,
        "wrong answers (data/errors differ from *.expected.json)": sum(wrong.values()),
        "transport errors": dict(failures) or 0,
        "p50 ms": round(percentile(latencies, 0.5) * 1000, 1),
        "p99 ms": round(percentile(latencies, 0.99) * 1000, 1),
        "statuses": dict(sorted(statuses.items())),
    }
    if wrong:
        report.header = ["operation", "wrong answers"]
        report.rows = [[name, n] for name, n in wrong.most_common()]
    report.passed = server_errors == 0 and not wrong and not failures
    return report


def run(seconds: float, clients: int) -> Report:
    with servers.mirror() as upstream, servers.gateway(upstream.url) as gateway:
        ops = operations()
        warm = httpx.Client(base_url=gateway.url, timeout=60)
        for op in ops:  # one pass first: imports, the HGNC index, lazy caches
            warm.post("/graphql", json=op.payload())
        warm.close()
        before = gateway.rss_bytes()
        report = asyncio.run(drive(gateway.url, ops, clients, seconds))
        after = gateway.rss_bytes()
    report.figures["gateway RSS before, MB"] = round(before / 2**20, 1)
    report.figures["gateway RSS after, MB"] = round(after / 2**20, 1)
    return report
