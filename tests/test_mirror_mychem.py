"""The MyChem.info v1 mirror over real HTTP: id forms, type routes, queries, batches, scroll."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from mirror.app import create_mirror_app
from mirror.store import Dataset
from tests.mirror_data import mirror_dataset
from tests.servers import serve

VOLUME = 2500
ASPIRIN = "BSYNRYMUTXBXSQ-UHFFFAOYSA-N"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "mychem"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve(create_mirror_app(mirror_dataset(volume=VOLUME))) as url:
        yield url


@pytest.fixture
def chem(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{base}/mychem/v1", timeout=10) as client:
        yield client


def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    "chem_id",
    [
        ASPIRIN,
        "INCHIKEY:BSYNRYMUTXBXSQ-UHFFFAOYSA-N",
        "CHEBI:15365",
        "chebi:15365",
        "CHEMBL.COMPOUND:CHEMBL25",
        "CHEMBL25",
        "chembl25",
        "PUBCHEM.COMPOUND:2244",
        "2244",
        "DRUGBANK:DB00945",
        "DB00945",
        "UNII:R16CO5Y76E",
        "R16CO5Y76E",
        "PA448497",
    ],
)
def test_every_id_form_finds_its_chemical(chem: httpx.Client, chem_id: str) -> None:
    doc = ok(chem.get(f"/chem/{chem_id}", params={"fields": "chembl.pref_name"}))
    assert doc == {"_id": ASPIRIN, "_version": 1, "chembl": {"pref_name": "ASPIRIN"}}


@pytest.mark.parametrize("kind", ["chem", "drug", "compound"])
def test_drug_and_compound_routes_are_the_same_service(chem: httpx.Client, kind: str) -> None:
    assert ok(chem.get(f"/{kind}/DB00316/", params={"fields": "pubchem.cid"}))["pubchem"] == {
        "cid": 1983
    }
    batch = ok(chem.post(f"/{kind}", data={"ids": "CHEMBL112", "fields": "chembl.pref_name"}))
    assert batch[0]["chembl"] == {"pref_name": "ACETAMINOPHEN"}


def test_id_whose_form_misleads_falls_back_to_the_document_id(chem: httpx.Client) -> None:
    doc = ok(chem.get("/chem/CHEMBL9999999", params={"fields": "chembl.pref_name"}))
    assert doc["_id"] == "CHEMBL9999999"


def test_unknown_chemical_is_404(chem: httpx.Client) -> None:
    response = chem.get("/chem/CHEBI:0")
    assert response.status_code == 404
    assert response.json() == {"code": 404, "success": False, "error": "Not Found."}


def test_full_document_keeps_source_sections_and_sorted_keys(chem: httpx.Client) -> None:
    doc = ok(chem.get(f"/chem/{ASPIRIN}"))
    assert list(doc) == sorted(doc)
    assert doc["chebi"]["_license"] == "http://example.org/chebi"
    assert list(doc["chebi"]) == ["_license", "id", "name"]
    targets = doc["drugbank"]["targets"]
    assert [t["gene_name"] for t in targets] == ["PTGS1", "PTGS2"]
    assert targets[1]["actions"] == "inhibitor"  # a single value stays a single value


def test_post_chem_batch_in_input_order_with_notfound(chem: httpx.Client) -> None:
    body = ok(chem.post("/chem", json={"ids": ["DB00945", "DB99999", 1983], "fields": "_id"}))
    assert body == [
        {"query": "DB00945", "_id": ASPIRIN, "_version": 1},
        {"query": "DB99999", "notfound": True},
        {"query": 1983, "_id": "RZVAJINKPMORJF-UHFFFAOYSA-N", "_version": 1},
    ]


def test_query_is_lucene_over_every_field(chem: httpx.Client) -> None:
    body = ok(chem.get("/query", params={"q": "drugbank.name:acetaminophen", "fields": "_id"}))
    assert [hit["_id"] for hit in body["hits"]] == ["RZVAJINKPMORJF-UHFFFAOYSA-N"]
    assert body["hits"][0]["_score"] == body["max_score"] > 0
    anywhere = ok(chem.get("/query", params={"q": "PTGS2", "fields": "drugbank.targets.gene_name"}))
    assert anywhere["hits"][0]["drugbank"] == {
        "targets": [{"gene_name": "PTGS1"}, {"gene_name": "PTGS2"}]
    }


def test_query_dotfield_flattens_hits(chem: httpx.Client) -> None:
    params: dict[str, Any] = {
        "q": "_id:" + ASPIRIN,
        "fields": "drugbank.targets.uniprot,pubchem",
        "dotfield": 1,
    }
    hit = ok(chem.get("/query", params=params))["hits"][0]
    assert hit == {
        "_id": ASPIRIN,
        "_score": hit["_score"],
        "drugbank.targets.uniprot": ["P23219", "P35354"],
        "pubchem.cid": 2244,
        "pubchem.molecular_formula": "C9H8O4",
    }


def test_range_query_and_sort(chem: httpx.Client) -> None:
    params: dict[str, Any] = {
        "q": "chembl.max_phase:[3 TO 4]",
        "sort": "-chembl.max_phase,_id",
        "size": 3,
    }
    hits = ok(chem.get("/query", params={**params, "fields": "chembl.max_phase"}))["hits"]
    assert [h["chembl"]["max_phase"] for h in hits] == [4, 4, 4]
    assert hits[0]["_id"] == ASPIRIN


def test_post_query_default_scope_is_the_id(chem: httpx.Client) -> None:
    body = ok(chem.post("/query", data={"q": f"{ASPIRIN},CHEMBL25", "fields": "chembl.pref_name"}))
    assert body[0]["chembl"] == {"pref_name": "ASPIRIN"}
    assert body[1] == {"query": "CHEMBL25", "notfound": True}
    scoped = ok(
        chem.post(
            "/query",
            data={
                "q": "CHEMBL25,chembl112",
                "scopes": "chembl.molecule_chembl_id",
                "fields": "_id",
            },
        )
    )
    assert [entry["_id"] for entry in scoped] == [ASPIRIN, "RZVAJINKPMORJF-UHFFFAOYSA-N"]


def test_scroll_lives_ten_minutes(base: str, chem: httpx.Client) -> None:
    first = ok(chem.get("/query", params={"q": "generated", "fetch_all": "true"}))
    assert first["total"] == VOLUME
    httpx.post(f"{base}/_mirror/clock", json={"advance": 599}).raise_for_status()
    second = ok(chem.get("/query", params={"scroll_id": first["_scroll_id"]}))
    assert len(second["hits"]) == 1000
    httpx.post(f"{base}/_mirror/clock", json={"advance": 601}).raise_for_status()
    stale = chem.get("/query", params={"scroll_id": second["_scroll_id"]})
    assert stale.status_code == 400
    assert stale.json()["details"] == "Invalid or stale scroll_id."


def test_metadata_and_fields(chem: httpx.Client) -> None:
    meta = ok(chem.get("/metadata"))
    assert meta["build_version"] == "20240102"
    assert meta["biothing_type"] == "chem"
    assert meta["stats"] == {"total": len(mirror_dataset(volume=VOLUME).chemicals)}
    assert "taxonomy" not in meta
    fields = ok(chem.get("/metadata/fields", params={"prefix": "drugbank.targets"}))
    assert fields["drugbank.targets"]["type"] == "object"
    assert fields["drugbank.targets.uniprot"]["type"] == "keyword"


@pytest.mark.skipif(
    not REFERENCE.is_dir(),
    reason="optional: compares with responses recorded from the real MyChem.info service, "
    "which do not ship with the repository; nothing to fix",
)
def test_recorded_dotfield_batch_is_reproduced_from_merged_documents() -> None:
    """The recorded POST /query (dotfield) answer, rebuilt from the merged recorded documents."""
    chemicals = json.loads((REFERENCE / "chem_docs_6271_merged.json").read_text("utf-8"))
    terms = json.loads((REFERENCE / "post_query_dotfield_example_input.json").read_text("utf-8"))
    recorded = json.loads((REFERENCE / "post_query_dotfield_example.json").read_text("utf-8"))
    scopes = "pubchem.cid,unichem.pubchem,drugcentral.xrefs.pubchem_cid,pharmgkb.xrefs.pubchem.cid"
    payload = {"q": terms, "scopes": scopes, "dotfield": True, "size": 100}
    with serve(create_mirror_app(Dataset(chemicals=chemicals))) as url:
        answer = httpx.post(f"{url}/mychem/v1/query", json=payload, timeout=30).json()

    def by_term(entries: list[dict[str, Any]]) -> dict[str, dict[str, set[str]]]:
        """Per query term: each matched `_id` with the dotted keys of its entry."""
        grouped: dict[str, dict[str, set[str]]] = {}
        for entry in entries:
            grouped.setdefault(entry["query"], {})[entry.get("_id", "")] = set(entry)
        return grouped

    mine, want = by_term(answer), by_term(recorded)
    assert list(mine) == list(want)  # input order
    for term, matches in want.items():
        assert set(mine[term]) == set(matches), term
        for chem_id, keys in matches.items():
            assert mine[term][chem_id] >= keys - {"_score"}, (term, chem_id)
