"""RESULTS.md and the plots, from one run's rows."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

GOALS = {100: 1.15, 1000: 1.5, 5000: 2.0}


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def genes_table(genes: list[dict[str, Any]], latency: int) -> list[str]:
    sides = list(dict.fromkeys(r["side"] for r in genes))
    cells = {(r["selection"], r["size"], r["side"]): r for r in genes if r["latency"] == latency}
    head = ["genes(ids)"]
    for side in sides:
        head.append(f"{side} p50 ms")
        if side != "direct REST":
            head.append(f"{side} ratio")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for selection in ("light", "heavy"):
        for size in sorted({r["size"] for r in genes}):
            direct = cells.get((selection, size, "direct REST"))
            row = [f"{size} {selection}"]
            for side in sides:
                cell = cells.get((selection, size, side))
                row.append(_ms(cell["p50"]) if cell else "-")
                if side != "direct REST":
                    ratio = cell["p50"] / direct["p50"] if cell and direct else None
                    row.append(f"{ratio:.2f}x" if ratio else "-")
            lines.append("| " + " | ".join(row) + " |")
    return lines


def cpu_table(genes: list[dict[str, Any]]) -> list[str]:
    rows = [r for r in genes if r["latency"] == 50 and r["cpu"] is not None]
    lines = ["| genes(ids), 50 ms | side | gateway CPU ms per request |", "|---|---|---|"]
    lines += [f"| {r['size']} {r['selection']} | {r['side']} | {_ms(r['cpu'])} |" for r in rows]
    return lines


def plot_genes(genes: list[dict[str, Any]], out: Path) -> None:
    figure, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharey=True)
    for axis, selection in zip(axes, ("light", "heavy"), strict=True):
        for side in dict.fromkeys(r["side"] for r in genes):
            rows = sorted(
                (
                    r
                    for r in genes
                    if r["latency"] == 50 and r["side"] == side and r["selection"] == selection
                ),
                key=lambda r: r["size"],
            )
            if rows:
                axis.plot(
                    [r["size"] for r in rows], [r["p50"] for r in rows], marker="o", label=side
                )
        axis.set(xscale="log", yscale="log", xlabel="genes asked", title=f"{selection}, 50 ms")
        axis.grid(True, which="both", alpha=0.3)
    axes[0].set_ylabel("p50 ms")
    axes[0].legend()
    figure.tight_layout()
    figure.savefig(out, dpi=90)
    plt.close(figure)


def plot_single(single: list[dict[str, Any]], out: Path) -> None:
    figure, axes = plt.subplots(1, 2, figsize=(11, 3.6))
    names = [r["side"] for r in single]
    axes[0].barh(names, [r["rps"] for r in single])
    client = ", ".join(dict.fromkeys(r["client"] for r in single))
    axes[0].set(
        xlabel=f"requests/s, 50 connections ({client}), 50 ms upstream", title="single gene"
    )
    axes[1].barh(names, [r["cpu"] for r in single])
    axes[1].set(xlabel="server CPU ms per request", title="CPU per request")
    axes[1].set_yticks([])
    figure.tight_layout()
    figure.savefig(out, dpi=90)
    plt.close(figure)


INTERLEAVED = (
    "The sides of a row take turns (`bench.runs.interleaved`): each round sends one request of "
    "every side, the first side moving one place each round. This shared machine's speed drifts "
    "(a fixed CPU-bound task took from 4.9 to 9.3 ms within 25 s); measured one side "
    "after the other, a drift would land on one side alone. A gateway's CPU is read over the "
    "whole run, per request of its side: it counts the work a request leaves after its answer, "
    "and the gateway's idle ticks while the other sides run (~1.5 ms a second)."
)


def load_client_note(single: list[dict[str, Any]]) -> str:
    """Which load client measured the single-gene table, and what that means for its figures."""
    clients = ", ".join(dict.fromkeys(r["client"] for r in single))
    if "autocannon" in clients:
        return (
            f"Measured by {clients} (`--connections 50`, after an unmeasured warm-up of four "
            "requests per connection), in its own Node process. The sides take turns: five "
            "slices of a fifth of the time each, the first side moving one place each turn, so "
            "that a drift of the machine's speed meets every side alike (p50: the median of the "
            "slices'). Each side's answer is checked "
            "twice with httpx first (an error or no gene stops the run); every answer autocannon "
            "gets must then be the second one byte for byte, with status 2xx and in time, or the "
            "run stops. autocannon shares the machine's cores with the servers: the last column "
            "is its own CPU time per request (with Node's start), time the servers did not get."
        )
    return (
        f"Measured by {clients} in the bench's own Python process (autocannon was unavailable: "
        "no Node or npm, or `npm ci` failed). That client tops out near 175 requests/s on two "
        "cores, so these rates measure the client more than the servers: compare the server CPU "
        "per request instead. It runs on the same cores as the servers (last column)."
    )


def single_table(single: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| side | req/s | p50 ms | server CPU ms per request | requests "
        "| load client CPU ms per request |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['side']} | {r['rps']:.0f} | {_ms(r['p50'])} | {_ms(r['cpu'])} | {r['requests']} "
        f"| {_ms(r['client_cpu'])} |"
        for r in single
    ]
    return lines


def cached_note(single: list[dict[str, Any]]) -> list[str]:
    """What the response-cache row is, and its throughput against Mesh's best (the goal: 3x)."""
    cached = next((r for r in single if "response cache" in r["side"]), None)
    if cached is None:
        return []
    note = (
        f"`{cached['side']}`: one worker with GENECHEM_RESPONSE_CACHE_TTL=300, the same query "
        "sent as a GET, so every answer after the first comes from the response cache (no "
        "upstream call)."
    )
    mesh = [r["rps"] for r in single if r["side"].startswith("mesh")]
    if mesh:
        note += f" {cached['rps'] / max(mesh):.1f}x Mesh's best throughput."
    return ["", note]


def write_report(
    out: Path,
    machine: dict[str, str],
    *,
    genes: list[dict[str, Any]],
    single: list[dict[str, Any]],
    nested: list[dict[str, Any]],
    memory: dict[str, float],
    quick: bool,
    workers: int,
    mesh: bool,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    plot_genes(genes, out / "genes.png")
    plot_single(single, out / "single.png")
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench{' ARGS=--quick' if quick else ''}` (`python -m bench"
        f"{' --quick' if quick else ''}`) on {when}. Everything on loopback on one machine: the "
        "mirror (`genechem mirror`, 5000 generated genes of real size), the gateways and the "
        "load clients share its cores, so read ratios, not absolute numbers.",
        "",
        "Machine and versions: " + ", ".join(f"{k} {v}" for k, v in machine.items()) + ".",
        "",
        "![genes(ids)](genes.png)",
        "",
        "![single gene](single.png)",
        "",
    ]
    for latency in (50, 0):
        runs = sorted({r["runs"] for r in genes})
        lines += [f"## genes(ids), {latency} ms upstream latency (p50 of {runs} runs)", ""]
        lines += [*genes_table(genes, latency), ""]
        lines += [INTERLEAVED, ""] if latency == 50 else []
    if mesh:
        lines += [
            "Mesh (Hive Gateway, typed spec): `post_gene(input: {ids, fields})`, light "
            "selection without `mapLocation` (its typed spec has none), up to 1000 ids; "
            "the heavy fields are not typed in its schema.",
            "",
        ]
    lines += [
        "## Single gene, 50 concurrent clients, 50 ms upstream",
        "",
        load_client_note(single),
        "",
        *single_table(single),
        "",
        f"(`genechem x{workers}`: `genechem serve --workers {workers}`; its CPU is "
        "the sum over the workers.)",
        *cached_note(single),
        "",
        "## Nested: 100 genes with hgnc, mouse orthologs, chemicals (50 ms)",
        "",
        "| side | p50 ms | gateway CPU ms per request | runs |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r['side']} | {_ms(r['p50'])} | {_ms(r['cpu'])} | {r['runs']} |" for r in nested]
    lines += [
        "",
        "## Gateway memory (one worker)",
        "",
        f"RSS {memory['start']:.0f} MB after the single-gene runs, peak {memory['peak']:.0f}"
        f" MB, {memory['after']:.0f} MB after the 5000-gene runs.",
        "",
        "## Gateway CPU per request",
        "",
        *cpu_table(genes),
        "",
    ]
    (out / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
