"""The benchmark's sides take turns (bench.runs.interleaved for latency, bench.runs.combined for
the throughput slices), so that a drift of the machine's speed meets every side alike."""

from __future__ import annotations

import asyncio
import os
import time
from types import SimpleNamespace
from typing import cast

import httpx
import pytest

from bench import runs
from bench.servers import Server


def recording_side(name: str, order: list[str], seconds: float, items: int) -> runs.Side:
    async def call(client: httpx.AsyncClient) -> int:
        order.append(name)
        await asyncio.sleep(seconds)
        return items

    return call, None


async def test_each_round_calls_every_side_once_the_first_moving_one_place() -> None:
    order: list[str] = []
    sides = {n: recording_side(n, order, 0, 1) for n in ("direct", "x1", "x2")}

    await runs.interleaved(sides, runs=4, warmup=1)

    assert order[:3] == ["direct", "x1", "x2"]  # the warm-up, one call a side
    rounds = [order[i : i + 3] for i in range(3, len(order), 3)]
    assert rounds == [
        ["direct", "x1", "x2"],
        ["x1", "x2", "direct"],
        ["x2", "direct", "x1"],
        ["direct", "x1", "x2"],
    ]


async def test_each_side_gets_its_own_p50_and_items() -> None:
    order: list[str] = []
    sides = {
        "slow": recording_side("slow", order, 0.03, 7),
        "fast": recording_side("fast", order, 0.0, 5),
    }

    timings = await runs.interleaved(sides, runs=5, warmup=0)

    assert timings["slow"].p50_ms >= 30
    assert timings["fast"].p50_ms < timings["slow"].p50_ms
    assert (timings["slow"].items, timings["fast"].items) == (7, 5)
    assert timings["slow"].runs == timings["fast"].runs == 5
    assert timings["slow"].cpu_ms_per_request is None  # no server: nothing to charge


def test_throughput_slices_add_up_by_requests_and_time() -> None:
    slices = [
        runs.Throughput(100.0, 40.0, 2.0, 100, "autocannon 9", 0.5),  # 1 s
        runs.Throughput(150.0, 60.0, 1.0, 300, "autocannon 9", 0.1),  # 2 s
        runs.Throughput(50.0, 50.0, 4.0, 100, "autocannon 9", 0.3),  # 2 s
    ]

    t = runs.combined(slices)

    assert t.requests == 500
    assert t.requests_per_second == pytest.approx(500 / 5)
    assert t.p50_ms == 50.0  # the median of the slices' p50s
    assert t.cpu_ms_per_request == pytest.approx((200 + 300 + 400) / 500)
    assert t.client_cpu_ms_per_request == pytest.approx((50 + 30 + 30) / 500)
    assert t.client == "autocannon 9"


async def test_a_servers_cpu_counts_the_work_a_request_leaves_after_its_answer() -> None:
    """The server answers at once and then works 20 ms (as a gateway frees a large answer),
    while the other side's call runs: that work is the request's, and is charged to it."""
    burning: list[asyncio.Task[None]] = []

    async def burn() -> None:
        until = time.process_time() + 0.02
        while time.process_time() < until:
            pass

    async def answers_then_works(client: httpx.AsyncClient) -> int:
        burning.append(asyncio.create_task(burn()))
        return 1

    async def other(client: httpx.AsyncClient) -> int:
        await asyncio.sleep(0.03)
        return 1

    this_process = cast("Server", SimpleNamespace(pid=os.getpid()))
    sides: dict[str, runs.Side] = {
        "server": (answers_then_works, this_process),
        "other": (other, None),
    }

    timings = await runs.interleaved(sides, runs=5, warmup=0)
    await asyncio.gather(*burning)

    assert timings["server"].p50_ms < 10  # its answers came at once
    cpu = timings["server"].cpu_ms_per_request
    assert cpu is not None
    assert cpu >= 15  # and the work after them is counted
