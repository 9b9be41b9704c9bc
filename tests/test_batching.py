"""DataLoaders at volume: the upstream calls counted at the mirror for a query across all three
services, projection pushdown, and errors confined to their keys."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app import create_app
from backends.http import ServiceHTTP
from backends.mygene import MyGeneClient
from genechem.settings import Settings
from mirror.app import create_mirror_app
from resolvers.loaders import BatchByIdLoader, FieldsKey, PromptDataLoader, settled_together
from tests.conftest import MirrorServer, sent_fields
from tests.gateway import Gateway
from tests.generated import linked_dataset
from tests.servers import serve

GENES = 2000
QUERY = """
query Linked($ids: [ID!]!) {
  genes(ids: $ids) {
    symbol
    hgnc { name prevSymbols }
    orthologs(species: ["mouse"]) { symbol }
    chemicals { edges { node { name } } }
  }
}
"""


@pytest.fixture(scope="module")
def linked_mirror() -> Iterator[MirrorServer]:
    with serve(create_mirror_app(linked_dataset(GENES))) as url:
        yield MirrorServer(url)


def calls(mirror: MirrorServer) -> Counter[tuple[str, str, str]]:
    return Counter(
        (
            r["service"],
            r["method"],
            r["path"].rsplit("/", 2)[-2]
            if r["service"] == "hgnc"
            else r["path"].rsplit("/", 1)[-1],
        )
        for r in mirror.requests()
    )


def run(mirror: MirrorServer, ids: list[str], **settings: Any) -> dict[str, Any]:
    mirror.clear()
    with serve(create_app(mirror.settings(**settings))) as url:
        return Gateway(url).data(QUERY, {"ids": ids})


def test_hundred_genes_cost_one_call_per_source_and_level(linked_mirror: MirrorServer) -> None:
    ids = [str(800_000_000 + i) for i in range(100)]
    data = run(linked_mirror, ids)
    genes = data["genes"]
    assert [g["symbol"] for g in genes] == [f"GC{i}" for i in range(100)]
    assert genes[7]["hgnc"] == {"name": "generated linked gene 7", "prevSymbols": ["OLDGC7"]}
    assert genes[7]["orthologs"] == [{"symbol": "Gc7"}]
    assert genes[7]["chemicals"] == {"edges": [{"node": {"name": "generated drug 0"}}]}
    counted = calls(linked_mirror)
    assert counted[("mygene", "POST", "gene")] == 1
    assert counted[("mygene", "POST", "query")] == 1
    assert counted[("mychem", "POST", "query")] == 1
    # HGNC has no batch route: one fetch per record (the default mode).
    assert counted[("hgnc", "GET", "hgnc_id")] == 100
    assert sum(counted.values()) == 103


def test_1500_genes_cost_one_more_call_per_thousand(linked_mirror: MirrorServer) -> None:
    ids = [str(800_000_000 + i) for i in range(1500)]
    data = run(linked_mirror, ids, hgnc_index=True)
    assert len(data["genes"]) == 1500
    assert data["genes"][1499]["orthologs"] == [{"symbol": "Gc1499"}]
    assert data["genes"][1499]["hgnc"]["prevSymbols"] == ["OLDGC1499"]
    counted = calls(linked_mirror)
    assert counted[("mygene", "POST", "gene")] == 2
    assert counted[("mygene", "POST", "query")] == 2
    assert counted[("mychem", "POST", "query")] == 2
    # Index mode: HGNC's release date (/info), then every approved record in one call.
    assert counted[("hgnc", "GET", "status")] == 1
    assert counted[("hgnc", "GET", "hgnc")] == 1
    assert sum(counted.values()) == 8


def test_duplicate_ids_are_fetched_once(linked_mirror: MirrorServer) -> None:
    data = run(linked_mirror, ["800000001", "800000001", "800000002"])
    assert [g["symbol"] for g in data["genes"]] == ["GC1", "GC1", "GC2"]
    [post] = [r for r in linked_mirror.requests("mygene") if r["path"].endswith("/gene")]
    assert post["body"]["ids"] == ["800000001", "800000002"]


def test_projection_asks_only_for_the_fields_the_query_reads(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    gateway.data(
        '{ gene(id: "1017") { symbol uniprot { swissProt } orthologs(species: ["mouse"]) '
        "{ name } chemicals { edges { node { name } } } } }"
    )
    by_path = {r["path"]: r for r in demo_mirror.requests()}
    assert sent_fields(by_path["/mygene/v3/gene/1017"]) == [
        "homologene.genes",
        "pantherdb.ortholog",
        "symbol",
        "taxid",
        "uniprot",
        "uniprot.Swiss-Prot",
    ]
    # The ortholog lookup also reads its scope's field, to check each match against the reference.
    assert by_path["/mygene/v3/query"]["body"]["fields"] == ["MGI", "name", "taxid"]
    chem_fields = by_path["/mychem/v1/query"]["body"]["fields"]
    assert chem_fields == sorted(
        [
            "chebi.name",
            "chembl.pref_name",
            "drugbank.name",
            "pubchem.iupac",
            "unii.preferred_term",
            "drugbank.targets",
            "drugcentral.bioactivity",
        ]
    )


def test_raw_without_arguments_asks_for_every_field(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    data = gateway.data('{ gene(id: "1017") { raw } }')
    assert data["gene"]["raw"]["symbol"] == "CDK2"
    [get] = demo_mirror.requests("mygene")
    assert get["path"] == "/mygene/v3/gene/1017"
    assert sent_fields(get) is None


def test_raw_with_fields_asks_for_those(gateway: Gateway, demo_mirror: MirrorServer) -> None:
    data = gateway.data('{ gene(id: "1017") { raw(fields: ["map_location", "ensembl.gene"]) } }')
    assert data["gene"]["raw"] == {
        "_id": "1017",
        "map_location": "12q13.2",
        "ensembl": {"gene": "ENSG00000123374"},  # single, as MyGene.info sends it for CDK2
    }
    [get] = demo_mirror.requests("mygene")
    assert sent_fields(get) == ["ensembl.gene", "map_location"]


def test_a_failing_key_gets_its_own_error(gateway: Gateway, demo_mirror: MirrorServer) -> None:
    demo_mirror.set_faults(
        [{"kind": "status", "status": 503, "path": "^/hgnc/fetch/hgnc_id/HGNC:11998"}]
    )
    data = gateway.post('{ genes(ids: ["1017", "7157", "673"]) { symbol hgnc { symbol } } }')
    assert data["data"]["genes"] == [
        {"symbol": "CDK2", "hgnc": {"symbol": "CDK2"}},
        {"symbol": "TP53", "hgnc": None},
        {"symbol": "BRAF", "hgnc": {"symbol": "BRAF"}},
    ]
    [error] = data["errors"]
    assert error["path"] == ["genes", 1, "hgnc"]
    assert error["extensions"] == {"code": "UPSTREAM_UNAVAILABLE", "source": "hgnc", "status": 503}


class Turns:
    """Counts the event loop's turns: one callback per turn, each scheduling the next."""

    def __init__(self) -> None:
        self.count = 0
        self.loop = asyncio.get_running_loop()
        self.loop.call_soon(self.tick)

    def tick(self) -> None:
        self.count += 1
        if self.count < 100:
            self.loop.call_soon(self.tick)


async def test_a_batch_starts_on_the_loop_s_next_turn_with_the_whole_turn_s_keys() -> None:
    """aiodataloader started a batch three turns after its first load; under load each turn
    waits behind every other request's callbacks. The loads of one turn (here three resolvers'
    tasks) still make one batch."""
    loaded: list[int] = []
    batches: list[tuple[int, list[str]]] = []

    class Echo(PromptDataLoader[str, str]):
        async def batch_load_fn(self, keys: list[str]) -> list[str]:
            batches.append((turns.count, list(keys)))
            return [k.upper() for k in keys]

    loader = Echo()

    async def resolver(key: str) -> str:
        loaded.append(turns.count)
        return await loader.load(key)

    turns = Turns()
    answers = await asyncio.gather(resolver("a"), resolver("b"), resolver("c"))
    assert list(answers) == ["A", "B", "C"]
    assert len(set(loaded)) == 1
    assert batches == [(loaded[0] + 1, ["a", "b", "c"])]


async def test_one_chunk_of_ids_reaches_the_service_on_the_loop_s_next_turn() -> None:
    """From a gene's load to its POST /gene: one turn (the batch's), with no task per chunk."""
    sent: list[int] = []

    def service(request: httpx.Request) -> httpx.Response:
        sent.append(turns.count)
        return httpx.Response(200, json=[{"query": "1017", "_id": "1017", "symbol": "CDK2"}])

    http = ServiceHTTP(
        "mygene", "http://mygene.test/v3", Settings(), transport=httpx.MockTransport(service)
    )
    loader = BatchByIdLoader(MyGeneClient(http).get_genes)
    turns = Turns()
    doc = await loader.load(FieldsKey("1017", frozenset({"symbol"})))
    await http.aclose()
    assert doc is not None
    assert doc["symbol"] == "CDK2"
    assert sent == [1]


class CountingFuture(asyncio.Future[Any]):
    """A future that counts the done callbacks added to it."""

    callbacks = 0

    def add_done_callback(self, fn: Any, *, context: Any = None) -> None:
        CountingFuture.callbacks += 1
        super().add_done_callback(fn, context=context)


async def test_keys_loaded_together_wake_their_caller_once_with_values_in_order() -> None:
    loop = asyncio.get_running_loop()
    futures = [CountingFuture(loop=loop) for _ in range(1000)]
    CountingFuture.callbacks = 0
    together = settled_together(futures, loop)
    for n, future in enumerate(futures[:500]):  # a first batch
        future.set_result(n)
    await asyncio.sleep(0)
    assert not together.done()
    for n, future in enumerate(futures[500:], start=500):  # the second
        future.set_result(n)
    assert await together == list(range(1000))
    assert CountingFuture.callbacks == 2  # one pending future waited on per batch, not 1000


async def test_keys_loaded_together_raise_the_first_error_in_order_and_cancel_nothing() -> None:
    loop = asyncio.get_running_loop()
    futures: list[asyncio.Future[int]] = [loop.create_future() for _ in range(3)]
    together = settled_together(futures, loop)
    futures[2].set_exception(KeyError("late"))
    futures[1].set_exception(ValueError("first in order"))
    futures[0].set_result(0)
    with pytest.raises(ValueError, match="first in order"):
        await together
    shared = [loop.create_future() for _ in range(2)]
    settled_together(shared, loop).cancel()  # the caller went away
    await asyncio.sleep(0)
    assert not any(f.cancelled() for f in shared)  # other fields may still wait on them
    assert await settled_together([], loop) == []


async def test_load_many_answers_every_key_in_order_from_one_batch() -> None:
    batches: list[list[int]] = []

    class Doubling(PromptDataLoader[int, int]):
        async def batch_load_fn(self, keys: list[int]) -> list[int]:
            batches.append(keys)
            return [2 * key for key in keys]

    loader = Doubling()
    keys = [3, 1, 2, 1]
    first, again = await asyncio.gather(loader.load_many(keys), loader.load_many([2, 5]))
    assert (first, again) == ([6, 2, 4, 2], [4, 10])
    assert batches == [[3, 1, 2, 5]]  # one batch, each key once (the loader's cache)
