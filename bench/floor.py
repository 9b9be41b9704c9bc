"""The floor under a heavy answer: what Python itself costs to turn 100 heavy genes' upstream
bytes into the GraphQL answer's bytes, with no gateway around it.

`python -m bench.floor` asks a gateway for the bench's 100 heavy genes, reads at the mirror the
one call it made (its `fields`), and fetches those same upstream bytes again. It then times two
hand-written ways over them, in turns, and checks that they write the same answer byte for byte,
with the gateway's own `data`:

- `dicts`: the gateway's design. Decode to dicts, normalise the list paths
  (`backends.shapes.listify`), build the answer's dicts, encode with orjson.
- `typed`: decode straight into msgspec Structs declared for the selection (unselected keys are
  skipped in C), wrap single values as lists, encode with msgspec.

Both times include freeing what they made. The first is the least a dict-based gateway can spend;
the second is the design of the lookup lane's `genes(ids:)` (`schema.typed_go`), whose floor it
measures (see README, Performance).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import msgspec
import orjson

from backends.mygene import MyGeneClient
from backends.shapes import as_list, listify
from bench import data, runs, servers

GENES = 100
ROUNDS = 40


def term(entry: dict[str, Any]) -> dict[str, Any]:
    return {"id": entry.get("id"), "term": entry.get("term"), "evidence": entry.get("evidence")}


def terms(entries: list[Any]) -> list[dict[str, Any]]:
    return [term(e) for e in entries if type(e) is dict and e.get("id")]


def dicts(body: bytes) -> bytes:
    """Decode to dicts, listify, build the answer's dicts, orjson."""
    docs = [listify(d, MyGeneClient.list_paths) for d in msgspec.json.decode(body)]
    genes = []
    for g in docs:
        go, refseq = g.get("go") or {}, g.get("refseq") or {}
        genes.append(
            {
                "symbol": g.get("symbol"),
                "name": g.get("name"),
                "taxid": g.get("taxid"),
                "typeOfGene": g.get("type_of_gene"),
                "mapLocation": g.get("map_location"),
                "go": {
                    "biologicalProcess": terms(go.get("BP", [])),
                    "molecularFunction": terms(go.get("MF", [])),
                    "cellularComponent": terms(go.get("CC", [])),
                },
                "ensembl": [
                    {
                        "geneId": e.get("gene"),
                        "transcripts": e.get("transcript", []),
                        "proteins": e.get("protein", []),
                    }
                    for e in g.get("ensembl", [])
                ],
                "refseq": {k: refseq.get(k, []) for k in ("rna", "protein", "genomic")},
            }
        )
    return orjson.dumps({"data": {"genes": genes}})


class Term(msgspec.Struct):
    id: str
    term: str | None = None
    evidence: str | None = None


class Go(msgspec.Struct, frozen=True):
    BP: list[Term] | Term | None = None
    MF: list[Term] | Term | None = None
    CC: list[Term] | Term | None = None


class Ensembl(msgspec.Struct):
    gene: str | None = None
    transcript: list[str] | str | None = None
    protein: list[str] | str | None = None


class RefSeq(msgspec.Struct, frozen=True):
    rna: list[str] | str | None = None
    protein: list[str] | str | None = None
    genomic: list[str] | str | None = None


class Gene(msgspec.Struct):
    symbol: str | None = None
    name: str | None = None
    taxid: int | None = None
    type_of_gene: str | None = None
    map_location: str | None = None
    go: Go = Go()
    ensembl: list[Ensembl] | Ensembl | None = None
    refseq: RefSeq = RefSeq()


DECODER = msgspec.json.Decoder(list[Gene])
ENCODER = msgspec.json.Encoder()


def typed(body: bytes) -> bytes:
    """Decode into the selection's Structs, wrap single values, msgspec."""
    genes = []
    for g in DECODER.decode(body):
        go, refseq = g.go, g.refseq
        genes.append(
            {
                "symbol": g.symbol,
                "name": g.name,
                "taxid": g.taxid,
                "typeOfGene": g.type_of_gene,
                "mapLocation": g.map_location,
                "go": {
                    "biologicalProcess": as_list(go.BP),
                    "molecularFunction": as_list(go.MF),
                    "cellularComponent": as_list(go.CC),
                },
                "ensembl": [
                    {
                        "geneId": e.gene,
                        "transcripts": as_list(e.transcript),
                        "proteins": as_list(e.protein),
                    }
                    for e in as_list(g.ensembl)
                ],
                "refseq": {
                    "rna": as_list(refseq.rna),
                    "protein": as_list(refseq.protein),
                    "genomic": as_list(refseq.genomic),
                },
            }
        )
    return ENCODER.encode({"data": {"genes": genes}})


@dataclass(frozen=True)
class Upstream:
    """What the gateway fetched for the bench's heavy selection, and what it answered."""

    body: bytes
    """MyGene.info's answer to the gateway's own call, fetched again."""
    data: Any
    """The gateway's `data`."""


def upstream() -> Upstream:
    """The gateway's one MyGene.info call for 100 heavy genes, read at the mirror, made again."""
    work = Path(tempfile.mkdtemp(prefix="genechem-floor-"))
    mirror = servers.start_mirror(data.write_dataset(work / "data"), work)
    try:
        gateway = servers.start_gateway(mirror, 1, work)
        try:
            query = runs.GENES_QUERY % runs.HEAVY_SELECTION
            variables = {"ids": data.gene_ids(GENES)}
            answer = httpx.post(gateway.url, json={"query": query, "variables": variables})
            answer.raise_for_status()
        finally:
            gateway.stop()
        log = httpx.get(f"{mirror.url}/_mirror/requests").json()
        [call] = [r for r in log if r["service"] == "mygene"]
        form = {k: ",".join(v) if isinstance(v, list) else v for k, v in call["body"].items()}
        response = httpx.post(f"{mirror.url}{call['raw_path']}", data=form, timeout=60)
        response.raise_for_status()
        return Upstream(response.content, answer.json()["data"])
    finally:
        mirror.stop()


def main() -> None:
    fetched = upstream()
    body = fetched.body
    ways: dict[str, Callable[[bytes], bytes]] = {"dicts": dicts, "typed": typed}
    answers = {name: way(body) for name, way in ways.items()}
    if len(set(answers.values())) != 1:
        raise SystemExit("the two ways wrote different answers")
    if orjson.loads(answers["dicts"])["data"] != fetched.data:
        raise SystemExit("the hand-written answer is not the gateway's")
    times: dict[str, list[float]] = {name: [] for name in ways}
    for round_ in range(ROUNDS):
        for name in sorted(ways, reverse=round_ % 2 == 1):
            start = time.perf_counter()
            del answers[name]
            answers[name] = ways[name](body)
            times[name].append((time.perf_counter() - start) * 1000)
    written = len(answers["dicts"])
    print(f"{GENES} heavy genes: {len(body)} upstream bytes -> {written} answer bytes")
    print("| way | p50 ms |\n|---|---|")
    for name, taken in times.items():
        print(f"| {name} | {statistics.median(taken):.1f} |")
    ratio = statistics.median(times["dicts"]) / statistics.median(times["typed"])
    print(f"dicts/typed: {ratio:.1f}x")


if __name__ == "__main__":
    main()
