"""`python -m bench [--quick] [--workers N] [--no-mesh]`: run every case, write RESULTS.md and the
plots. See bench/__init__.py and README, Performance."""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench import runs
from bench.data import LINKED, gene_ids, write_dataset
from bench.report import write_report
from bench.servers import (
    Server,
    autocannon,
    memory_mb,
    mesh_dir,
    set_latency,
    start_gateway,
    start_mesh,
    start_mirror,
    versions,
)

HERE = Path(__file__).resolve().parent
SLICES = 5
"""Turns of the single-gene throughput runs: each side runs a fifth of its time per turn."""


def arguments() -> argparse.Namespace:
    top = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    top.add_argument("--quick", action="store_true", help="fewer sizes, runs and seconds")
    top.add_argument("--workers", type=int, default=2, help="the N of `serve --workers N`")
    top.add_argument("--no-mesh", action="store_true", help="leave GraphQL Mesh out")
    top.add_argument("--out", type=Path, default=HERE, help="where RESULTS.md and plots go")
    return top.parse_args()


@contextmanager
def running(*servers: Server) -> Iterator[None]:
    try:
        yield
    finally:
        for server in servers:
            server.stop()


async def genes_cases(
    sides: dict[str, Any], mirror: Server, sizes: list[int], latencies: list[int], n_runs: int
) -> list[dict[str, Any]]:
    rows = []
    for latency in latencies:
        set_latency(mirror, latency)
        for selection in ("light", "heavy"):
            fields = runs.LIGHT_FIELDS if selection == "light" else runs.HEAVY_FIELDS
            chosen = runs.LIGHT_SELECTION if selection == "light" else runs.HEAVY_SELECTION
            for size in sizes:
                ids = gene_ids(size)
                count = n_runs if size < 5000 else max(3, n_runs // 4)
                calls: dict[str, runs.Side] = {
                    "direct REST": (runs.direct_genes(mirror, ids, fields), None)
                }
                for name, server in sides.items():
                    if name == "mesh":
                        if selection == "light" and size <= 1000:
                            query = runs.MESH_GENES % "symbol name taxid type_of_gene"
                            calls[name] = (
                                runs.graphql(server.url, query, {"ids": ids}, "post_gene"),
                                server,
                            )
                        continue
                    query = runs.GENES_QUERY % chosen
                    calls[name] = (runs.graphql(server.url, query, {"ids": ids}), server)
                timings = await runs.interleaved(calls, count)
                for name, t in timings.items():
                    if t.items != size:
                        raise runs.BadAnswer(f"{name}: {t.items} genes for {size} ids")
                    rows.append(
                        {
                            "latency": latency,
                            "selection": selection,
                            "size": size,
                            "side": name,
                            "p50": t.p50_ms,
                            "cpu": t.cpu_ms_per_request,
                            "runs": t.runs,
                        }
                    )
                    print(rows[-1], flush=True)
    return rows


async def nested_direct_chain(mirror: Server) -> runs.Call:
    """The upstream chain the nested query needs, by hand: the genes, then their mouse
    orthologs and chemicals at once (HGNC has no batch lookup; its index is one call)."""
    ids = gene_ids(LINKED)

    async def call(client: httpx.AsyncClient) -> int:
        genes = (
            await client.post(
                f"{mirror.url}/mygene/v3/gene",
                data={"ids": ",".join(ids), "fields": "symbol,HGNC,pantherdb,uniprot"},
            )
        ).json()
        mgi = [o["MGI"] for g in genes for o in g.get("pantherdb", {}).get("ortholog", [])]
        swiss = [g["uniprot"]["Swiss-Prot"] for g in genes if "uniprot" in g]
        await asyncio.gather(
            client.post(
                f"{mirror.url}/mygene/v3/query",
                data={"q": ",".join(mgi), "scopes": "MGI", "fields": "symbol"},
            ),
            client.post(
                f"{mirror.url}/mychem/v1/query",
                data={
                    "q": ",".join(swiss),
                    "scopes": "drugbank.targets.uniprot",
                    "fields": "drugbank",
                },
            ),
        )
        return len(genes)

    return call


async def nested_cases(
    gateways: dict[str, Server], mirror: Server, n_runs: int
) -> list[dict[str, Any]]:
    """The direct chain and the gateways in turns (`runs.interleaved`); a gateway taking seconds
    a call (the HGNC index off) is measured on its own, twice."""
    set_latency(mirror, 50)
    ids = {"ids": gene_ids(LINKED)}
    sides: dict[str, runs.Side] = {
        "direct upstream chain": (await nested_direct_chain(mirror), None)
    }
    slow: dict[str, runs.Side] = {}
    for name, server in gateways.items():
        call = runs.graphql(server.url, runs.NESTED_QUERY, ids)
        (slow if "index off" in name else sides)[name] = (call, server)
    timings = await runs.interleaved(sides, n_runs, warmup=1)
    for name, side in slow.items():
        timings[name] = (await runs.interleaved({name: side}, 2, warmup=1))[name]
    rows = []
    for name, t in timings.items():
        rows.append({"side": name, "p50": t.p50_ms, "cpu": t.cpu_ms_per_request, "runs": t.runs})
        print(rows[-1], flush=True)
    return rows


async def single_cases(
    sides: dict[str, Server], mirror: Server, seconds: float, cached: Server | None = None
) -> list[dict[str, Any]]:
    """One gene at 50 connections on every side, measured by autocannon when Node and npm can
    install it (else by httpx in this process), `seconds` a side in `SLICES` turns (as
    `runs.interleaved` does for latency): a drift of the machine's speed meets every side."""
    set_latency(mirror, 50)
    cannon = autocannon()
    rows = []
    direct = runs.Request("GET", f"{mirror.url}/mygene/v3/gene/1017?fields=symbol,name")
    plan: list[tuple[str, runs.Request, Server]] = [("mirror alone", direct, mirror)]
    for name, server in sides.items():
        if name == "mesh":
            for how, query in runs.MESH_SINGLE.items():
                request = runs.graphql_post(server.url, query, "gene_by_id")
                plan.append((f"mesh, {how}", request, server))
        else:
            plan.append((name, runs.graphql_post(server.url, runs.SINGLE_QUERY, "gene"), server))
    if cached is not None:
        plan.append((runs.CACHED_SIDE, runs.graphql_get(cached.url, runs.SINGLE_QUERY), cached))
    slices: dict[str, list[runs.Throughput]] = {name: [] for name, _, _ in plan}
    for turn in range(SLICES):
        for name, request, server in runs.in_turn(plan, turn):
            slices[name].append(await runs.load(request, server, 50, seconds / SLICES, cannon))
    for name, _, _ in plan:
        t = runs.combined(slices[name])
        rows.append(
            {
                "side": name,
                "rps": t.requests_per_second,
                "p50": t.p50_ms,
                "cpu": t.cpu_ms_per_request,
                "requests": t.requests,
                "client": t.client,
                "client_cpu": t.client_cpu_ms_per_request,
            }
        )
        print(rows[-1], flush=True)
    return rows


async def main() -> None:
    args = arguments()
    quick = args.quick
    sizes = [1, 100, 1000, 5000] if quick else [1, 10, 100, 1000, 5000]
    n_runs = 5 if quick else 20
    seconds = 4.0 if quick else 10.0
    peer = None if args.no_mesh else mesh_dir()
    logs = Path(tempfile.mkdtemp(prefix="genechem-bench-"))
    data = write_dataset(logs / "data")
    mirror = start_mirror(data, logs)
    one = start_gateway(mirror, 1, logs)
    many = start_gateway(mirror, args.workers, logs)
    # The response cache on (the bench turns every cache off elsewhere): the cached case.
    cached = start_gateway(mirror, 1, logs, response_cache_ttl="300")
    servers = [mirror, one, many, cached]
    mesh = start_mesh(mirror, peer, logs) if peer else None
    if mesh:
        servers.append(mesh)
    with running(*servers):
        sides: dict[str, Server] = {"genechem x1": one, f"genechem x{args.workers}": many}
        if mesh:
            sides["mesh"] = mesh
        single = await single_cases(sides, mirror, seconds, cached)
        rss_start = memory_mb(one.pid)
        nested_sides = {"genechem x1 (HGNC index, default)": one}
        off = None if quick else start_gateway(mirror, 1, logs, hgnc_index="false")
        if off:
            nested_sides["genechem x1, HGNC index off"] = off
        with running(*([off] if off else [])):
            nested = await nested_cases(nested_sides, mirror, n_runs)
        genes = await genes_cases(sides, mirror, sizes, [0, 50], n_runs)
        memory = {
            "start": rss_start,
            "peak": memory_mb(one.pid, "VmHWM"),
            "after": memory_mb(one.pid),
        }
    write_report(
        args.out,
        versions(peer),
        genes=genes,
        single=single,
        nested=nested,
        memory=memory,
        quick=quick,
        workers=args.workers,
        mesh=mesh is not None,
    )
    print(f"wrote {args.out / 'RESULTS.md'}; server logs in {logs}")


if __name__ == "__main__":
    asyncio.run(main())
