"""The REST clients against the mirror over real HTTP: routes, parameters, caps, errors, batches,
scroll paging, normalisation."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from backends.biothings import SAFE_IN_PATH
from backends.shapes import as_list
from backends.sources import Backends, build_backends
from genechem.errors import UpstreamInvalidQuery, UpstreamNotFound
from mirror.app import create_mirror_app
from mirror.store import Dataset
from tests.conftest import MirrorServer, sent_fields
from tests.generated import generated_genes
from tests.servers import serve

BULK_GENES = 2500


@pytest.fixture(scope="module")
def bulk_mirror() -> Iterator[MirrorServer]:
    """A mirror holding 2500 generated genes: enough for two POST chunks and three scroll pages."""
    with serve(create_mirror_app(Dataset(genes=generated_genes(BULK_GENES)))) as url:
        yield MirrorServer(url)


@pytest.fixture
async def demo_backends(demo_mirror: MirrorServer) -> AsyncIterator[Backends]:
    backends = build_backends(demo_mirror.settings(), "live")
    yield backends
    await backends.aclose()


@pytest.fixture
async def bulk_backends(bulk_mirror: MirrorServer) -> AsyncIterator[Backends]:
    bulk_mirror.clear()
    backends = build_backends(bulk_mirror.settings(), "live")
    yield backends
    await backends.aclose()


async def test_gene_by_entrez_and_ensembl_id(demo_backends: Backends) -> None:
    by_entrez = await demo_backends.mygene.get_genes(["1017"], fields=["symbol", "ensembl.gene"])
    assert [d["symbol"] for d in by_entrez] == ["CDK2"]
    ensembl_id = by_entrez[0]["ensembl"][0]["gene"]
    by_ensembl = await demo_backends.mygene.get_genes([ensembl_id], fields=["symbol"])
    assert [d["_id"] for d in by_ensembl] == ["1017"]


async def test_a_404_is_not_found_naming_the_source(demo_backends: Backends) -> None:
    with pytest.raises(UpstreamNotFound) as caught:
        await demo_backends.mygene.http.request_json("GET", "/gene/999999999999")
    assert caught.value.source == "mygene"
    assert caught.value.status == 404
    assert caught.value.extensions() == {"code": "NOT_FOUND", "source": "mygene", "status": 404}


async def test_fields_are_sent_and_projected(
    demo_backends: Backends, demo_mirror: MirrorServer
) -> None:
    [doc] = await demo_backends.mygene.get_genes(["1017"], fields=["symbol", "taxid"])
    assert set(doc) == {"query", "_id", "_version", "symbol", "taxid"}
    [request] = demo_mirror.requests("mygene")
    assert (request["method"], request["path"]) == ("GET", "/mygene/v3/gene/1017")
    assert sent_fields(request) == ["symbol", "taxid"]


async def test_single_alias_comes_back_as_a_list(bulk_backends: Backends) -> None:
    docs = await bulk_backends.mygene.get_genes(["900000000", "900000001"], fields=["alias"])
    assert [d["alias"] for d in docs] == [["HUMANG0A"], ["MouseG1A", "MouseG1B"]]


async def test_batch_of_1500_ids_is_two_posts_in_input_order(
    bulk_backends: Backends, bulk_mirror: MirrorServer
) -> None:
    ids = [str(900_000_000 + n) for n in range(1499, -1, -1)] + ["123456789012"]
    docs = await bulk_backends.mygene.get_genes(ids, fields=["symbol"])
    assert [d["query"] for d in docs] == ids
    assert docs[-1] == {"query": "123456789012", "notfound": True}
    assert docs[0]["symbol"] == "RatG1499"  # 1499 % 3 == 2: a rat gene
    posts = [r for r in bulk_mirror.requests("mygene") if r["method"] == "POST"]
    assert sorted(len(r["body"]["ids"]) for r in posts) == [501, 1000]


async def test_query_many_over_1000_terms_reports_notfound(
    bulk_backends: Backends, bulk_mirror: MirrorServer
) -> None:
    terms = [f"HUMANG{n}" for n in range(0, 3300, 3)] + ["NOSUCHGENE"]
    entries = await bulk_backends.mygene.query_many(terms, scopes=["symbol"], fields=["symbol"])
    assert len(entries) == len(terms)
    assert [e["query"] for e in entries] == terms
    assert entries[-1] == {"query": "NOSUCHGENE", "notfound": True}
    human_ids_in_data = range(0, BULK_GENES, 3)
    assert sum(1 for e in entries if not e.get("notfound")) == len(human_ids_in_data)
    assert len(bulk_mirror.requests("mygene")) == 2


async def test_query_paging_and_sort(bulk_backends: Backends) -> None:
    page = await bulk_backends.mygene.query(
        "taxid:9606", fields=["symbol"], size=5, from_=10, sort=["-entrezgene"]
    )
    assert page["total"] == 834
    assert [h["symbol"] for h in page["hits"]] == [f"HUMANG{2499 - 3 * (10 + i)}" for i in range(5)]


async def test_size_over_cap_is_invalid_query_with_the_reason(bulk_backends: Backends) -> None:
    with pytest.raises(UpstreamInvalidQuery) as caught:
        await bulk_backends.mygene.query("taxid:9606", size=2000)
    assert caught.value.status == 400
    assert "size" in caught.value.message
    assert "1000" in caught.value.message


async def test_result_window_over_10000_is_invalid_query(bulk_backends: Backends) -> None:
    with pytest.raises(UpstreamInvalidQuery):
        await bulk_backends.mygene.query("taxid:9606", size=1000, from_=9500)


async def test_bad_lucene_syntax_is_invalid_query(bulk_backends: Backends) -> None:
    with pytest.raises(UpstreamInvalidQuery) as caught:
        await bulk_backends.mygene.query("symbol:(CDK2")
    assert caught.value.extensions()["code"] == "INVALID_QUERY"


async def test_fetch_all_scrolls_every_hit_once(bulk_backends: Backends) -> None:
    first = await bulk_backends.mygene.query("*", fetch_all=True, fields=["_id"])
    seen = [h["_id"] for h in first["hits"]]
    scroll_id = first["_scroll_id"]
    pages = 1
    while True:
        page = await bulk_backends.mygene.scroll(scroll_id)
        if page.get("exhausted"):
            break
        seen += [h["_id"] for h in page["hits"]]
        scroll_id = page["_scroll_id"]
        pages += 1
    assert pages == 3
    assert len(seen) == len(set(seen)) == BULK_GENES


async def test_expired_scroll_is_invalid_query(
    bulk_backends: Backends, bulk_mirror: MirrorServer
) -> None:
    first = await bulk_backends.mygene.query("*", fetch_all=True, fields=["_id"])
    bulk_mirror.advance_clock(61)
    with pytest.raises(UpstreamInvalidQuery) as caught:
        await bulk_backends.mygene.scroll(first["_scroll_id"])
    assert "scroll_id" in caught.value.message


async def test_metadata_reports_the_demo_build(demo_backends: Backends) -> None:
    meta = await demo_backends.mygene.metadata()
    assert meta["stats"]["total"] > 40
    assert meta["build_date"]


async def test_chemical_by_drugbank_id_and_targets_are_lists(demo_backends: Backends) -> None:
    [imatinib] = await demo_backends.mychem.get_chemicals(["DB00619"], fields=["drugbank"])
    assert imatinib["drugbank"][0]["name"].lower() == "imatinib"
    targets = imatinib["drugbank"][0]["targets"]
    assert isinstance(targets, list)
    assert "P00519" in {t["uniprot"] for t in targets}


async def test_chemicals_batch_keeps_order_and_notfound(demo_backends: Backends) -> None:
    docs = await demo_backends.mychem.get_chemicals(["DB00619", "DB99999", "DB00317"])
    assert [d["query"] for d in docs] == ["DB00619", "DB99999", "DB00317"]
    assert docs[1].get("notfound") is True


async def test_hgnc_info_fetch_and_search(demo_backends: Backends) -> None:
    info = await demo_backends.hgnc.info()
    assert info["numDoc"] >= 40
    assert "symbol" in info["searchableFields"]
    [braf] = await demo_backends.hgnc.fetch("symbol", "BRAF")
    assert braf["hgnc_id"] == "HGNC:1097"
    assert isinstance(braf["uniprot_ids"], list)
    hits = await demo_backends.hgnc.search("BRAF")
    assert hits[0]["symbol"] == "BRAF"
    assert {"hgnc_id", "symbol", "score"} <= set(hits[0])
    assert await demo_backends.hgnc.fetch("symbol", "NOSUCHSYMBOL") == []


def _single_id_cases(dataset: Dataset) -> tuple[list[str], list[str]]:
    """Gene and chemical ids of every form the services resolve, plus unknown and unsafe ones."""
    genes: list[str] = ["999999999", "ENSG99999999999", "no-such-gene", "a/b", "..", "1017,1018"]
    for doc in dataset.genes[:12]:
        genes.append(str(doc["_id"]))
        genes.extend(str(e["gene"]) for e in as_list(doc.get("ensembl")) if isinstance(e, dict))
        genes.extend(str(r) for r in as_list(doc.get("retired")))
    chems: list[str] = ["XXXXXXXXXXXXXX-XXXXXXXXXX-X", "CHEBI:0", "DB99999", "a b"]
    ids_in = {"chebi": ("CHEBI", "id"), "chembl": ("CHEMBL", "molecule_chembl_id")}
    for doc in dataset.chemicals[:12]:
        chems.append(str(doc["_id"]))
        for source, (curie, key) in ids_in.items():
            section = doc.get(source)
            value = section.get(key) if isinstance(section, dict) else None
            if isinstance(value, str):
                chems.append(value if value.startswith(curie) else f"{curie}:{value}")
        drugbank = doc.get("drugbank")
        if isinstance(drugbank, dict) and isinstance(drugbank.get("id"), str):
            chems.append(drugbank["id"])
    return list(dict.fromkeys(genes)), list(dict.fromkeys(chems))


async def test_one_id_by_get_answers_as_the_batch_post_does(
    demo_backends: Backends, demo_mirror: MirrorServer, demo_dataset: Dataset
) -> None:
    """A batch of one id goes out as `GET /{type}/{id}` (the route clients use for one record,
    cheaper for the service); its answer must be what `POST /{type}` gives for that id, for
    every form of id (Entrez, Ensembl, retired, CURIEs, InChIKeys, unknown, several matches).
    Ids that are not plain path segments still go in a POST body."""
    gene_ids, chem_ids = _single_id_cases(demo_dataset)
    clients = [(demo_backends.mygene, gene_ids, "gene"), (demo_backends.mychem, chem_ids, "chem")]
    for client, ids, route in clients:
        for id_ in ids:
            for fields in (None, ["_id", "symbol", "name", "chebi.name"]):
                demo_mirror.clear()
                one = await client.get_many([id_], fields=fields)
                sent = demo_mirror.requests()
                batch = await client.get_many([id_, "zz-padding-id"], fields=fields)
                assert one == [d for d in batch if d["query"] == id_], (id_, fields)
                safe = SAFE_IN_PATH.fullmatch(id_) is not None
                assert [(r["method"], r["path"].split("/")[3]) for r in sent] == [
                    ("GET" if safe else "POST", route)
                ], id_
    flattened: list[dict[str, object]] = []
    for id_ in gene_ids[:8]:  # flattened fields (`dotfield`) alike
        fields = ["ensembl.gene", "refseq.rna", "symbol"]
        one = await demo_backends.mygene.get_many([id_], fields=fields, dotfield=True)
        batch = await demo_backends.mygene.get_many(
            [id_, "zz-padding-id"], fields=fields, dotfield=True
        )
        assert one == [d for d in batch if d["query"] == id_], id_
        flattened += one
    assert any("ensembl.gene" in d for d in flattened)


async def test_one_id_with_several_matches_by_get_answers_as_the_batch_post_does() -> None:
    """An Ensembl id shared by two genes: `GET /gene/{id}` answers a list, which becomes one
    entry per match with the id as `query`, as in `POST /gene`."""
    shared = "ENSG00000000001"
    genes = [
        {"_id": str(n), "symbol": f"G{n}", "ensembl": {"gene": shared}, "taxid": 9606}
        for n in (11, 12)
    ]
    with serve(create_mirror_app(Dataset(genes=genes))) as url:
        backends = build_backends(MirrorServer(url).settings(), "live")
        try:
            one = await backends.mygene.get_many([shared], fields=["symbol"])
            batch = await backends.mygene.get_many([shared, "zz-padding-id"], fields=["symbol"])
        finally:
            await backends.aclose()
    assert [(d["query"], d["_id"], d["symbol"]) for d in one] == [
        (shared, "11", "G11"),
        (shared, "12", "G12"),
    ]
    assert one == [d for d in batch if d["query"] == shared]
