"""The measurements: p50 latency of one request kind, and throughput at N concurrent clients.

The p50 clients run in this process on a keep-alive connection pool. Throughput is measured by
autocannon (Node, its own process) when it is installed: an in-process httpx client tops out
near 175 requests/s on two cores, below what the servers answer. The servers measured run in
their own processes, whose CPU time is read around each measurement."""

from __future__ import annotations

import asyncio
import json
import resource
import statistics
import subprocess
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any, TypeAlias, TypeVar
from urllib.parse import urlencode

import httpx

from bench.servers import Autocannon, Server, cpu_seconds

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
    """The items a GraphQL answer holds under `root` (1 for an object, 0 for null); BadAnswer on
    errors or a status other than 2xx."""
    if not response.is_success:
        raise BadAnswer(f"HTTP {response.status_code}: {response.text[:300]}")
    body = response.json()
    if body.get("errors"):
        raise BadAnswer(str(body["errors"])[:300])
    value = body["data"][root]
    return len(value) if isinstance(value, list) else 0 if value is None else 1


def graphql(
    url: str, query: str, variables: dict[str, Any] | None = None, root: str = "genes"
) -> Call:
    """The operation as a POST, for the p50 runs (see `graphql_post`)."""
    return graphql_post(url, query, root, variables).send


@dataclass(frozen=True)
class Request:
    """One HTTP request as either load client sends it (httpx or autocannon), and how its answer
    is counted."""

    method: str
    url: str
    body: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    root: str | None = None
    """The GraphQL root field whose items are counted; None: a REST document (1 when it has an
    `_id`)."""

    async def send(self, client: httpx.AsyncClient) -> int:
        """One request over httpx: how many items the answer holds (a `Call`)."""
        items, _ = await self.answer(client)
        return items

    async def answer(self, client: httpx.AsyncClient) -> tuple[int, str]:
        """The items the answer holds, and its text; BadAnswer on errors or a status not 2xx."""
        response = await client.request(
            self.method, self.url, content=self.body, headers=dict(self.headers)
        )
        if self.root is not None:
            return items_in(response, self.root), response.text
        if not response.is_success:
            raise BadAnswer(f"HTTP {response.status_code}: {response.text[:300]}")
        return (1 if "_id" in response.json() else 0), response.text


def graphql_post(
    url: str, query: str, root: str, variables: dict[str, Any] | None = None
) -> Request:
    return Request(
        "POST",
        url,
        json.dumps({"query": query, "variables": variables or {}}),
        (("content-type", "application/json"),),
        root,
    )


def graphql_get(url: str, query: str, root: str = "gene") -> Request:
    """The operation as a GET (`?query=`): the request a response cache answers (POST answers
    are never cached; see genechem.response_cache)."""
    return Request("GET", f"{url}?{urlencode({'query': query})}", root=root)


@dataclass
class Timing:
    p50_ms: float
    runs: int
    cpu_ms_per_request: float | None
    items: int


Side: TypeAlias = tuple[Call, "Server | None"]
"""One side of a comparison: its request, and the server whose CPU time it is charged (None for
direct REST, whose client is this process). Each side has a server of its own."""
T = TypeVar("T")


def in_turn(items: Sequence[T], round_: int) -> list[T]:
    """`items` in the order of one round of turns: the first moves one place each round."""
    start = round_ % len(items)
    return [*items[start:], *items[:start]]


async def interleaved(sides: dict[str, Side], runs: int, warmup: int = 2) -> dict[str, Timing]:
    """The p50 of `runs` calls of every side, taken in turns: each round calls every side once
    (`in_turn`). Measured one side after the other, a drift of the machine's speed during the
    comparison (on this kind of shared machine a fixed CPU-bound task took from 4.9 to 9.3 ms
    within 25 s) lands on one side alone and moves the ratio either way; in turns, every side
    meets it alike. A server's CPU time is read over the whole measured run, per call of its
    side: it counts the work a request leaves after its answer (freeing it, while the next side
    runs), and the server's idle ticks while the others run (~1.5 ms a second here)."""
    names = list(sides)
    clients = {name: httpx.AsyncClient(timeout=300) for name in names}
    times: dict[str, list[float]] = {name: [] for name in names}
    items = dict.fromkeys(names, 0)
    try:
        for name, (call, _) in sides.items():
            for _ in range(warmup):
                items[name] = await call(clients[name])
        servers = {name: server for name, (_, server) in sides.items() if server is not None}
        cpu_before = {name: cpu_seconds(server.pid) for name, server in servers.items()}
        for round_ in range(runs):
            for name in in_turn(names, round_):
                started = time.perf_counter()
                items[name] = await sides[name][0](clients[name])
                times[name].append(time.perf_counter() - started)
        cpu = {name: cpu_seconds(s.pid) - cpu_before[name] for name, s in servers.items()}
    finally:
        for client in clients.values():
            await client.aclose()
    return {
        name: Timing(
            statistics.median(times[name]) * 1000,
            runs,
            cpu[name] * 1000 / runs if name in cpu else None,
            items[name],
        )
        for name in names
    }


async def p50(call: Call, runs: int, server: Server | None, warmup: int = 2) -> Timing:
    """The median wall time of `runs` sequential calls of one side, after `warmup` unmeasured
    ones (`interleaved` with that side alone)."""
    return (await interleaved({"": (call, server)}, runs, warmup))[""]


@dataclass
class Throughput:
    requests_per_second: float
    p50_ms: float
    cpu_ms_per_request: float
    requests: int
    client: str = f"httpx {version('httpx')}"
    """The load client that measured it."""
    client_cpu_ms_per_request: float | None = None
    """The load client's own CPU time per request: it shares the servers' cores."""


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
        client_before = time.process_time()
        started = time.perf_counter()
        await asyncio.gather(*(loop() for _ in range(clients)))
        elapsed = time.perf_counter() - started
        client_cpu = time.process_time() - client_before
        cpu = cpu_seconds(server.pid) - cpu_before
    return Throughput(
        len(times) / elapsed,
        statistics.median(times) * 1000,
        cpu * 1000 / len(times),
        len(times),
        client_cpu_ms_per_request=client_cpu * 1000 / len(times),
    )


def combined(slices: list[Throughput]) -> Throughput:
    """One side's throughput from its slices of an interleaved run: requests over the time they
    took, CPU per request over all of them, and the median of the slices' p50s."""
    requests = sum(t.requests for t in slices)
    seconds = sum(t.requests / t.requests_per_second for t in slices)
    client_cpu = [t.client_cpu_ms_per_request for t in slices]
    return Throughput(
        requests / seconds,
        statistics.median(t.p50_ms for t in slices),
        sum(t.cpu_ms_per_request * t.requests for t in slices) / requests,
        requests,
        slices[0].client,
        None
        if None in client_cpu
        else sum(c * t.requests for c, t in zip(client_cpu, slices, strict=True) if c) / requests,
    )


async def load(
    request: Request, server: Server, clients: int, seconds: float, cannon: Autocannon | None
) -> Throughput:
    """Throughput of one request at `clients` connections, by autocannon when it is installed,
    else by httpx in this process. Two answers are checked with httpx first (one item each), so
    a side answering errors or no gene cannot post figures; autocannon then holds every answer
    to the second one, byte for byte (the first may differ: a response cache's miss)."""
    async with httpx.AsyncClient(timeout=60) as client:
        for _ in range(2):
            items, expected = await request.answer(client)
            if items != 1:
                raise BadAnswer(f"{request.url}: {items} items, expected 1")
    if cannon is None:
        return await throughput(request.send, server, clients, seconds)
    return await asyncio.to_thread(
        cannonade, cannon, request, server, clients, seconds, expected=expected
    )


def cannonade(
    cannon: Autocannon,
    request: Request,
    server: Server,
    clients: int,
    seconds: float,
    *,
    expected: str,
) -> Throughput:
    """autocannon's run after a short unmeasured one (connections opened, Node's JIT warm);
    the server's CPU time and autocannon's (with Node's start) are read around the measured run.
    Every answer must be `expected` (`--expectBody`), with status 2xx, in time."""
    command = [str(cannon.binary), "--connections", str(clients), "--method", request.method]
    command += [arg for name, value in request.headers for arg in ("--headers", f"{name}={value}")]
    command += ["--body", request.body] if request.body is not None else []
    command += ["--expectBody", expected]
    run_autocannon([*command, "--amount", str(clients * 4), request.url])
    cpu_before = cpu_seconds(server.pid)
    client_before = _children_cpu()
    result = run_autocannon([*command, "--duration", f"{seconds:g}", request.url])
    client_cpu = _children_cpu() - client_before
    cpu = cpu_seconds(server.pid) - cpu_before
    total: int = result["requests"]["total"]
    return Throughput(
        total / result["duration"],
        float(result["latency"]["p50"]),
        cpu * 1000 / total,
        total,
        f"autocannon {cannon.version}",
        client_cpu * 1000 / total,
    )


def run_autocannon(command: list[str]) -> dict[str, Any]:
    """autocannon's JSON result; BadAnswer on any answer not 2xx or not the one expected, on
    errors and timeouts."""
    done = subprocess.run(
        [*command, "--json", "--no-progress"], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"autocannon failed ({done.returncode}): {done.stderr[-500:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    failures = {k: result[k] for k in ("errors", "timeouts", "non2xx", "mismatches") if result[k]}
    if failures or not result["requests"]["total"]:
        raise BadAnswer(f"{command[-1]}: {failures or 'no answer'}")
    return result


def _children_cpu() -> float:
    """User + system CPU seconds of this process's finished children (autocannon's runs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
