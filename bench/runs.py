"""The measurements: p50 latency of one request kind, and throughput at N concurrent clients.

Every client runs in this process on its own keep-alive connection pool; the servers measured
run in their own processes, whose CPU time is read around each measurement."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from bench.servers import Server, cpu_seconds

LIGHT_FIELDS = ["symbol", "name", "taxid", "type_of_gene", "map_location"]
HEAVY_FIELDS = [*LIGHT_FIELDS, "go", "ensembl", "refseq"]
LIGHT_SELECTION = "symbol name taxid typeOfGene mapLocation"
GO_TERM = "{ id term evidence }"
HEAVY_SELECTION = (
    f"{LIGHT_SELECTION} go {{ biologicalProcess {GO_TERM} molecularFunction {GO_TERM} "
    f"cellularComponent {GO_TERM} }} ensembl {{ geneId transcripts proteins }} "
    "refseq { rna protein genomic }"
)
GENES_QUERY = "query Genes($ids: [ID!]!) { genes(ids: $ids) { %s } }"
NESTED_QUERY = """query Nested($ids: [ID!]!) {
  genes(ids: $ids) {
    symbol
    hgnc { hgncId symbol status }
    orthologs(species: ["mouse"]) { geneId symbol }
    chemicals(first: 10) { edges { node { name } } }
  }
}"""
SINGLE_QUERY = '{ gene(id: "1017") { symbol name } }'
CACHED_SIDE = "genechem x1, response cache (GET)"
"""The single-gene case answered from the gateway's response cache (GENECHEM_RESPONSE_CACHE_TTL
on, the same query sent as a GET): every request after the first makes no upstream call."""
MESH_SINGLE = {
    "whole documents": '{ gene_by_id(id: "1017") { symbol name } }',
    "with fields": '{ gene_by_id(id: "1017", fields: "symbol,name") { symbol name } }',
}
MESH_GENES = "query($ids: [String]) { post_gene(input: {ids: $ids}) { %s } }"
"""Its POST /gene input has no `fields`: Mesh fetches whole documents and selects from them."""
BATCH = 1000

Call = Callable[[httpx.AsyncClient], Awaitable[int]]
"""One request; returns how many genes (or items) it got back, to check every side answers."""


class BadAnswer(Exception):
    """A side answered errors or fewer genes than asked: its figures would mean nothing."""


def direct_genes(mirror: Server, ids: list[str], fields: list[str]) -> Call:
    """What a hand-written client does: POST /gene, 1000 ids per request, concurrently, and
    parse each JSON answer."""

    async def call(client: httpx.AsyncClient) -> int:
        async def batch(chunk: list[str]) -> list[Any]:
            response = await client.post(
                f"{mirror.url}/mygene/v3/gene",
                data={"ids": ",".join(chunk), "fields": ",".join(fields)},
            )
            response.raise_for_status()
            docs: list[Any] = response.json()
            return docs

        chunks = [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)]
        answers = await asyncio.gather(*(batch(c) for c in chunks))
        return sum(len(a) for a in answers)

    return call


def items_in(response: httpx.Response, root: str) -> int:
    """The items a GraphQL answer holds under `root` (1 for an object); BadAnswer on errors."""
    body = response.json()
    if body.get("errors"):
        raise BadAnswer(str(body["errors"])[:300])
    value = body["data"][root]
    return len(value) if isinstance(value, list) else 1


def graphql(
    url: str, query: str, variables: dict[str, Any] | None = None, root: str = "genes"
) -> Call:
    async def call(client: httpx.AsyncClient) -> int:
        response = await client.post(url, json={"query": query, "variables": variables or {}})
        return items_in(response, root)

    return call


def graphql_get(url: str, query: str, root: str = "gene") -> Call:
    """The operation as a GET (`?query=`): the request a response cache answers (POST answers
    are never cached; see genechem.response_cache)."""

    async def call(client: httpx.AsyncClient) -> int:
        response = await client.get(url, params={"query": query})
        return items_in(response, root)

    return call


@dataclass
class Timing:
    p50_ms: float
    runs: int
    cpu_ms_per_request: float | None
    items: int


async def p50(call: Call, runs: int, server: Server | None, warmup: int = 2) -> Timing:
    """The median wall time of `runs` sequential calls, after `warmup` unmeasured ones."""
    async with httpx.AsyncClient(timeout=300) as client:
        for _ in range(warmup):
            items = await call(client)
        times = []
        cpu_before = cpu_seconds(server.pid) if server else 0.0
        for _ in range(runs):
            started = time.perf_counter()
            items = await call(client)
            times.append(time.perf_counter() - started)
        cpu = (cpu_seconds(server.pid) - cpu_before) * 1000 / runs if server else None
    return Timing(statistics.median(times) * 1000, runs, cpu, items)


@dataclass
class Throughput:
    requests_per_second: float
    p50_ms: float
    cpu_ms_per_request: float
    requests: int


async def throughput(call: Call, server: Server, clients: int, seconds: float) -> Throughput:
    """`clients` concurrent clients, each sending its next request when the last answered."""
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        await asyncio.gather(*(call(client) for _ in range(clients)))  # open the connections
        times: list[float] = []
        deadline = time.perf_counter() + seconds

        async def loop() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                await call(client)
                times.append(time.perf_counter() - started)

        cpu_before = cpu_seconds(server.pid)
        started = time.perf_counter()
        await asyncio.gather(*(loop() for _ in range(clients)))
        elapsed = time.perf_counter() - started
        cpu = cpu_seconds(server.pid) - cpu_before
    return Throughput(
        len(times) / elapsed, statistics.median(times) * 1000, cpu * 1000 / len(times), len(times)
    )
