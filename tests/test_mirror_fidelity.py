"""The official `biothings_client` (sync) cannot tell the mirror from MyGene.info and MyChem.info.

Each client is pointed at the mirror with `url=`; caching stays off (it is off unless
`set_caching()` is called), so nothing is written outside the test's temporary directory, and the
one-second pause between batches is set to zero to keep the tests quick.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from biothings_client import get_client

from mirror.app import create_mirror_app
from tests.mirror_data import mirror_dataset
from tests.servers import serve

VOLUME = 2500
ASPIRIN = "BSYNRYMUTXBXSQ-UHFFFAOYSA-N"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve(create_mirror_app(mirror_dataset(volume=VOLUME))) as url:
        yield url


@pytest.fixture
def genes(base: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(tmp_path)  # a cache file, if one were ever made, lands here
    client: Any = get_client("gene", url=f"{base}/mygene/v3")
    client.delay = 0
    assert not client.caching_enabled
    return client


@pytest.fixture
def chems(base: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(tmp_path)
    client: Any = get_client("chem", url=f"{base}/mychem/v1")
    client.delay = 0
    return client


def test_getgene_and_unknown_gene(genes: Any) -> None:
    assert genes.getgene(1017, fields="symbol,taxid") == {
        "_id": "1017",
        "_version": 1,
        "symbol": "CDK2",
        "taxid": 9606,
    }
    assert genes.getgene("0000000") is None


def test_getgenes_in_order_with_notfound(genes: Any) -> None:
    found = genes.getgenes(["1017", "nope", "ENSG00000250506"], fields="symbol")
    assert [(g["query"], g.get("symbol"), g.get("notfound")) for g in found] == [
        ("1017", "CDK2", None),
        ("nope", None, True),
        ("ENSG00000250506", "CDK3", None),
    ]


def test_query_returns_ranked_hits(genes: Any) -> None:
    answer = genes.query("cdk2", fields="symbol,taxid", size=3)
    assert [hit["taxid"] for hit in answer["hits"]] == [9606, 10090, 10116]
    assert answer["total"] >= 3


def test_querymany_reports_duplicates_and_missing(genes: Any) -> None:
    answer = genes.querymany(
        ["cdk3", "cdk2", "notagene"], scopes="symbol", fields="entrezgene", returnall=True
    )
    assert [hit["query"] for hit in answer["out"]] == ["cdk3", "cdk2", "cdk2", "cdk2", "notagene"]
    assert answer["dup"] == [("cdk2", 3)]
    assert answer["missing"] == ["notagene"]


def test_querymany_over_1000_terms_is_sent_in_batches(genes: Any) -> None:
    terms = [str(500_000_000 + n) for n in range(1200)]
    answer = genes.querymany(terms, scopes="entrezgene", fields="symbol", returnall=True)
    assert [hit["symbol"] for hit in answer["out"]] == [f"VOL{n}" for n in range(1200)]
    assert answer["missing"] == []


def test_fetch_all_follows_the_scroll_over_1000_hits(genes: Any) -> None:
    hits = list(genes.query("volume", fields="symbol", fetch_all=True))
    assert len(hits) == VOLUME
    assert {hit["symbol"] for hit in hits} == {f"VOL{n}" for n in range(VOLUME)}


def test_metadata_and_fields_through_the_client(genes: Any) -> None:
    assert genes.metadata()["stats"]["total"] == len(mirror_dataset(volume=VOLUME).genes)
    assert genes.get_fields("refseq")["refseq.rna"]["type"] == "keyword"


def test_getchem_getchems_and_querymany(chems: Any) -> None:
    assert chems.getchem("CHEMBL25", fields="chembl.pref_name")["chembl"] == {
        "pref_name": "ASPIRIN"
    }
    assert chems.getdrug("CHEMBL.COMPOUND:CHEMBL25", fields="_id")["_id"] == ASPIRIN
    assert chems.getchem("CHEBI:0") is None
    batch = chems.getchems(["DB00945", "DB00316", "DB00000"], fields="drugbank.name")
    assert [c.get("drugbank", {}).get("name") for c in batch] == [
        "Acetylsalicylic acid",
        "Acetaminophen",
        None,
    ]
    many = chems.querymany(
        ["CHEMBL25", "CHEMBL1"], scopes="chembl.molecule_chembl_id", fields="_id", returnall=True
    )
    assert [hit.get("_id") for hit in many["out"]] == [ASPIRIN, None]
    assert many["missing"] == ["CHEMBL1"]


def test_chem_query_and_fetch_all(chems: Any) -> None:
    answer = chems.query("drugbank.name:aspirin OR chembl.pref_name:aspirin", fields="_id")
    assert [hit["_id"] for hit in answer["hits"]] == [ASPIRIN]
    hits = list(chems.query("generated", fields="pubchem.cid", fetch_all=True))
    assert len(hits) == VOLUME
