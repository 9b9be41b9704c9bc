"""The MyGene.info v3 mirror over real HTTP: annotation, search, batches, scroll, errors."""

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
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "mygene"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve(create_mirror_app(mirror_dataset(volume=VOLUME))) as url:
        yield url


@pytest.fixture
def gene(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{base}/mygene/v3", timeout=10) as client:
        yield client


def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def ids(hits: list[dict[str, Any]]) -> list[str]:
    return [hit["_id"] for hit in hits]


# ---- annotation ------------------------------------------------------------------------------


def test_gene_by_entrez_id_has_version_sorted_keys_and_all_fields(gene: httpx.Client) -> None:
    doc = ok(gene.get("/gene/1017"))
    assert doc["_id"] == "1017"
    assert doc["_version"] == 1
    assert "_score" not in doc
    assert list(doc) == sorted(doc)
    assert list(doc)[:4] == ["HGNC", "MIM", "_id", "_version"]
    assert doc["refseq"] == {"protein": ["NP_001789.2"], "rna": ["NM_001798.5", "NM_052827.4"]}


def test_gene_by_ensembl_id_with_trailing_slash(gene: httpx.Client) -> None:
    doc = ok(gene.get("/gene/ENSG00000123374/", params={"fields": "symbol"}))
    assert doc == {"_id": "1017", "_version": 1, "symbol": "CDK2"}


def test_retired_entrez_id_resolves_to_the_current_gene(gene: httpx.Client) -> None:
    assert ok(gene.get("/gene/4302", params={"fields": "symbol"}))["_id"] == "1017"


def test_ensembl_only_gene_is_found_by_its_ensembl_id(gene: httpx.Client) -> None:
    doc = ok(gene.get("/gene/ENSDARG00000000001", params={"fields": "taxid"}))
    assert doc == {"_id": "ENSDARG00000000001", "_version": 1, "taxid": 7955}


def test_unknown_gene_is_404_with_the_service_body(gene: httpx.Client) -> None:
    response = gene.get("/gene/0000000")
    assert response.status_code == 404
    assert response.json() == {"code": 404, "success": False, "error": "Not Found."}


def test_id_matching_several_genes_returns_a_list_with_stored_versions(gene: httpx.Client) -> None:
    docs = ok(gene.get("/gene/ENSG00000000001", params={"fields": "symbol"}))
    assert docs == [
        {"_id": "9999001", "_version": 1, "symbol": "DUP1"},
        {"_id": "9999002", "_version": 3, "symbol": "DUP2"},
    ]


def test_fields_dot_path_returns_nested_objects(gene: httpx.Client) -> None:
    doc = ok(gene.get("/gene/1017", params={"fields": "refseq.rna,go.BP.id"}))
    assert doc == {
        "_id": "1017",
        "_version": 1,
        "go": {"BP": [{"id": "GO:0000082"}, {"id": "GO:0006468"}]},
        "refseq": {"rna": ["NM_001798.5", "NM_052827.4"]},
    }


def test_fields_wildcard_and_aliases(gene: httpx.Client) -> None:
    wildcard = ok(gene.get("/gene/1017", params={"field": "uniprot.*"}))
    assert wildcard["uniprot"] == {"Swiss-Prot": "P24941", "TrEMBL": ["A0A024RB10", "G3V5T9"]}
    assert ok(gene.get("/gene/1017", params={"filter": "symbol"}))["symbol"] == "CDK2"
    assert ok(gene.get("/gene/1017", params={"_source": "taxid"}))["taxid"] == 9606
    assert "summary" in ok(gene.get("/gene/1017", params={"fields": "all"}))


def test_dotfield_flattens_every_leaf(gene: httpx.Client) -> None:
    doc = ok(gene.get("/gene/1017", params={"fields": "go.BP,taxid", "dotfield": "true"}))
    assert doc == {
        "_id": "1017",
        "_version": 1,
        "go.BP.id": ["GO:0000082", "GO:0006468"],
        "go.BP.term": "G1/S transition",
        "taxid": 9606,
    }


@pytest.mark.parametrize("flag", ["1", "true", "YES", "y", "T", "2", ""])
def test_boolean_parameters_accept_the_services_spellings(gene: httpx.Client, flag: str) -> None:
    doc = ok(gene.get(f"/gene/1019?fields=symbol&dotfield={flag}"))
    assert doc == {"_id": "1019", "_version": 1, "symbol": "CDK4"}
    flattened = ok(gene.get(f"/gene/1018?fields=go.BP.id&dotfield={flag}"))
    assert flattened["go.BP.id"] == "GO:0006468"


def test_false_boolean_keeps_objects_nested(gene: httpx.Client) -> None:
    doc = ok(gene.get("/gene/1018", params={"fields": "go.BP.id", "dotfield": "no"}))
    assert doc["go"] == {"BP": {"id": "GO:0006468"}}


def test_post_gene_batch_keeps_input_order_and_reports_notfound(gene: httpx.Client) -> None:
    body = ok(gene.post("/gene", data={"ids": "1018,nope,1017", "fields": "symbol"}))
    assert body == [
        {"query": "1018", "_id": "1018", "_version": 1, "symbol": "CDK3"},
        {"query": "nope", "notfound": True},
        {"query": "1017", "_id": "1017", "_version": 1, "symbol": "CDK2"},
    ]


def test_post_gene_json_keeps_term_types_and_lists_every_match(gene: httpx.Client) -> None:
    body = ok(gene.post("/gene/", json={"ids": [1019, "ENSG00000000001"], "fields": ["symbol"]}))
    assert [(e["query"], e["_id"]) for e in body] == [
        (1019, "1019"),
        ("ENSG00000000001", "9999001"),
        ("ENSG00000000001", "9999002"),
    ]


def test_post_gene_over_1000_ids_is_a_bad_request(gene: httpx.Client) -> None:
    response = gene.post("/gene", json={"ids": [str(n) for n in range(1001)]})
    assert response.status_code == 400
    assert response.json() == {
        "code": 400,
        "success": False,
        "error": "Bad Request",
        "keyword": "id",
        "max": 1000,
        "size": 1001,
        "alias": "ids",
    }


def test_post_gene_without_ids_names_the_missing_parameter(gene: httpx.Client) -> None:
    response = gene.post("/gene", data={"fields": "symbol"})
    assert response.status_code == 400
    assert response.json() == {
        "code": 400,
        "success": False,
        "error": "Bad Request",
        "missing": "id",
        "alias": "ids",
    }


def test_invalid_and_empty_json_bodies_are_rejected(gene: httpx.Client) -> None:
    headers = {"content-type": "application/json"}
    broken = gene.post("/query", content=b'{"q": [', headers=headers)
    assert broken.status_code == 400
    assert broken.json() == {"code": 400, "success": False, "error": "Invalid JSON body."}
    empty = gene.post("/gene", content=b"", headers=headers)
    assert empty.status_code == 400
    assert empty.json()["error"].startswith("Empty body is not a valid JSON.")


# ---- search ------------------------------------------------------------------------------------


def test_query_cdk2_ranks_human_then_mouse_then_rat(gene: httpx.Client) -> None:
    body = ok(gene.get("/query", params={"q": "cdk2"}))
    assert ids(body["hits"])[:3] == ["1017", "12566", "362817"]
    assert set(body) == {"took", "total", "max_score", "hits"}
    assert body["max_score"] == body["hits"][0]["_score"]
    assert body["hits"][0] == {
        "_id": "1017",
        "_score": body["max_score"],
        "entrezgene": 1017,
        "name": "cyclin dependent kinase 2",
        "symbol": "CDK2",
        "taxid": 9606,
    }


def test_pseudogene_ranks_below_the_gene_it_is_named_after(gene: httpx.Client) -> None:
    hits = ok(gene.get("/query", params={"q": "cyclin dependent kinase 2", "size": 20}))["hits"]
    order = ids(hits)
    assert order.index("1017") < order.index("100287102")


def test_integer_query_matches_entrezgene_only(gene: httpx.Client) -> None:
    body = ok(gene.get("/query", params={"q": "1017"}))
    assert ids(body["hits"]) == ["1017"]
    assert ok(gene.get("/query", params={"q": "4301"}))["total"] == 0  # a retired id is not entrez


def test_query_matches_aliases_and_other_ids(gene: httpx.Client) -> None:
    assert ids(ok(gene.get("/query", params={"q": "CDKN2"}))["hits"]) == ["1017"]
    assert ids(ok(gene.get("/query", params={"q": "NM_001798"}))["hits"]) == ["1017"]
    assert ids(ok(gene.get("/query", params={"q": "P24941"}))["hits"]) == ["1017"]
    assert ids(ok(gene.get("/query", params={"q": "p53"}))["hits"]) == ["7157", "22059"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("hgnc:1771", ["1017"]),
        ("HGNC:1772", ["1018"]),
        ("mgi:MGI\\:104772", ["12566"]),
        ("ensemblgene:ENSG00000250506", ["1018"]),
        ("refseq:NM_052827.4", ["1017"]),
        ("uniprot:P24941", ["1017"]),
        ("symbol:cdk2 AND taxid:10116", ["362817"]),
        ('"tumor protein p53"', ["7157"]),
    ],
)
def test_lucene_queries_with_field_aliases(gene: httpx.Client, q: str, expected: list[str]) -> None:
    assert ids(ok(gene.get("/query", params={"q": q}))["hits"]) == expected


def test_genome_interval_query_overlaps_genomic_pos(gene: httpx.Client) -> None:
    assert ids(ok(gene.get("/query", params={"q": "chr12:55,960,000-55,967,000"}))["hits"]) == [
        "1017"
    ]
    assert ids(ok(gene.get("/query", params={"q": "chr7_random:5500-5600"}))["hits"]) == ["362817"]
    hg19 = ok(gene.get("/query", params={"q": "hg19.chr12:56360000-56361000"}))
    assert ids(hg19["hits"]) == ["1017"]
    assert ok(gene.get("/query", params={"q": "chr12:1-1000"}))["total"] == 0


def test_wildcard_query_searches_symbol_and_name(gene: httpx.Client) -> None:
    found = ids(ok(gene.get("/query", params={"q": "CDK?", "size": 50}))["hits"])
    assert set(found) == {"1017", "12566", "362817", "1018", "1019"}
    assert ids(ok(gene.get("/query", params={"q": "oncogen*"}))["hits"]) == ["3845"]


def test_match_all_and_match_none(gene: httpx.Client) -> None:
    total = len(mirror_dataset(volume=VOLUME).genes)
    assert ok(gene.get("/query", params={"q": "__all__", "size": 0}))["total"] == total
    assert ok(gene.get("/query", params={"q": "*", "size": 0}))["total"] == total
    assert ok(gene.get("/query", params={"q": ""}))["total"] == 0


def test_species_filters_by_common_name_and_taxid(gene: httpx.Client) -> None:
    assert ids(ok(gene.get("/query", params={"q": "cdk2", "species": "mouse,10116"}))["hits"]) == [
        "12566",
        "362817",
    ]
    assert ok(gene.get("/query", params={"q": "cdk2", "species": "all"}))["total"] >= 3
    body = ok(gene.get("/gene/ENSG00000000001", params={"species": "human", "fields": "symbol"}))
    assert isinstance(body, list)


def test_unknown_species_is_a_bad_request(gene: httpx.Client) -> None:
    response = gene.get("/query", params={"q": "cdk2", "species": "human,martian"})
    assert response.status_code == 400
    assert response.json() == {
        "code": 400,
        "success": False,
        "error": "cannot map some species to taxids.",
    }


def test_entrezonly_and_ensemblonly(gene: httpx.Client) -> None:
    q = {"q": "zgc*"}
    assert ids(ok(gene.get("/query", params=q))["hits"]) == ["ENSDARG00000000001"]
    assert ok(gene.get("/query", params={**q, "entrezonly": "true"}))["total"] == 0
    tp53 = {"q": "p53", "ensemblonly": "1"}
    assert ok(gene.get("/query", params=tp53))["total"] == 0


def test_facets_count_terms_in_the_services_shape(gene: httpx.Client) -> None:
    body = ok(gene.get("/query", params={"q": "cdk*", "facets": "taxid", "size": 0}))
    assert "hits" not in body
    assert body["facets"] == {
        "taxid": {
            "_type": "terms",
            "terms": [
                {"count": 4, "term": 9606},  # CDK2, CDK3, CDK4 and the CDK2P1 pseudogene
                {"count": 1, "term": 10090},
                {"count": 1, "term": 10116},
            ],
            "other": 0,
            "missing": 0,
            "total": 6,
        }
    }


def test_facet_size_limits_buckets_and_counts_the_rest_as_other(gene: httpx.Client) -> None:
    params: dict[str, Any] = {"q": "volume", "aggs": "type_of_gene,taxid", "facet_size": 1}
    facets = ok(gene.get("/query", params=params))["facets"]
    assert facets["type_of_gene"]["terms"] == [{"count": 1666, "term": "protein-coding"}]
    assert facets["type_of_gene"]["other"] == 834
    assert facets["taxid"]["total"] + facets["taxid"]["other"] == VOLUME


def test_species_facet_filter_filters_hits_but_not_facets(gene: httpx.Client) -> None:
    params = {"q": "cdk2", "facets": "taxid", "species_facet_filter": "rat"}
    body = ok(gene.get("/query", params=params))
    assert ids(body["hits"]) == ["362817"]
    assert body["total"] == 1
    assert {t["term"] for t in body["facets"]["taxid"]["terms"]} == {9606, 10090, 10116}


def test_sort_by_fields_ascending_and_descending(gene: httpx.Client) -> None:
    params = {"q": "cdk*", "sort": "-taxid,symbol", "fields": "symbol,taxid"}
    body = ok(gene.get("/query", params=params))
    assert [(h["taxid"], h["symbol"]) for h in body["hits"]] == [
        (10116, "Cdk2"),
        (10090, "Cdk2"),
        (9606, "CDK2"),
        (9606, "CDK2P1"),
        (9606, "CDK3"),
        (9606, "CDK4"),
    ]
    assert body["max_score"] is None  # sorting on fields does not track scores


def test_paging_with_from_and_size_and_their_aliases(gene: httpx.Client) -> None:
    everything = ids(ok(gene.get("/query", params={"q": "volume", "size": 30}))["hits"])
    page = ok(gene.get("/query", params={"q": "volume", "from": 10, "size": 5}))
    assert ids(page["hits"]) == everything[10:15]
    assert page["total"] == VOLUME
    aliased = ok(gene.get("/query", params={"q": "volume", "skip": 10, "limit": 5}))
    assert ids(aliased["hits"]) == everything[10:15]
    assert len(ok(gene.get("/query", params={"q": "volume"}))["hits"]) == 10


@pytest.mark.parametrize(
    ("params", "details"),
    [
        ({"size": 2000}, {"keyword": "size", "max": 1000, "num": 2000, "alias": "limit"}),
        ({"limit": 2000}, {"keyword": "size", "max": 1000, "num": 2000, "alias": "limit"}),
        ({"size": "1a"}, {"reason": "Expect type int.", "keyword": "size", "alias": "limit"}),
        ({"from": 10001}, {"keyword": "from", "max": 10000, "num": 10001, "alias": "skip"}),
        ({"facet_size": 1001}, {"keyword": "facet_size", "max": 1000, "num": 1001}),
        ({"sort": ",".join("abcdefghijk")}, {"keyword": "sort", "max": 10, "size": 11}),
        (
            {"fields": ",".join(f"f{n}" for n in range(1001))},
            {
                "keyword": "_source",
                "max": 1000,
                "size": 1001,
                "alias": ["fields", "field", "filter"],
            },
        ),
        (
            {"facets": ",".join(f"f{n}" for n in range(1001))},
            {"keyword": "aggs", "max": 1000, "size": 1001, "alias": "facets"},
        ),
    ],
)
def test_parameter_caps_and_types_answer_the_bad_request_body(
    gene: httpx.Client, params: dict[str, Any], details: dict[str, Any]
) -> None:
    response = gene.get("/query", params={"q": "cdk2", **params})
    assert response.status_code == 400
    assert response.json() == {"code": 400, "success": False, "error": "Bad Request", **details}


def test_result_window_beyond_10000_is_an_elasticsearch_error(gene: httpx.Client) -> None:
    response = gene.get("/query", params={"q": "volume", "from": 9500, "size": 1000})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "search_phase_execution_exception"
    assert body["root_cause_line_00"].startswith(
        "Result window is too large, from + size must be less than or equal to: [10000] but was "
        "[10500]."
    )


def test_bad_query_syntax_is_a_400_with_root_cause(gene: httpx.Client) -> None:
    response = gene.get("/query", params={"q": "symbol:(cdk2"})
    assert response.status_code == 400
    assert response.json() == {
        "code": 400,
        "success": False,
        "error": "search_phase_execution_exception",
        "root_cause_line_00": "Failed to parse query [symbol:(cdk2]",
    }


def test_search_over_many_documents_is_fast(gene: httpx.Client) -> None:
    body = ok(gene.get("/query", params={"q": "volume gene 2499"}))
    assert body["hits"][0]["symbol"] == "VOL2499"
    assert body["took"] < 1000


# ---- scroll --------------------------------------------------------------------------------------


def test_fetch_all_scrolls_in_pages_of_1000_until_exhausted(gene: httpx.Client) -> None:
    first = ok(gene.get("/query", params={"q": "volume", "fetch_all": "true", "fields": "symbol"}))
    assert first["total"] == VOLUME
    assert len(first["hits"]) == 1000
    seen = ids(first["hits"])
    scroll_id = first["_scroll_id"]
    for expected in (1000, 500):
        page = ok(gene.get("/query", params={"scroll_id": scroll_id}))
        assert len(page["hits"]) == expected
        assert page["_scroll_id"] != scroll_id
        assert set(page["hits"][0]) == {"_id", "_score", "symbol"}
        seen += ids(page["hits"])
        scroll_id = page["_scroll_id"]
    assert len(set(seen)) == VOLUME
    done = gene.get("/query", params={"scroll_id": scroll_id})
    assert done.status_code == 200
    assert done.json() == {"success": False, "error": "No more results to return."}


def test_scroll_expires_one_minute_after_the_last_request(base: str, gene: httpx.Client) -> None:
    first = ok(gene.get("/query", params={"q": "volume", "fetch_all": "1"}))
    second = ok(gene.get("/query", params={"scroll_id": first["_scroll_id"]}))
    httpx.post(f"{base}/_mirror/clock", json={"advance": 59}).raise_for_status()
    third = ok(gene.get("/query", params={"scroll_id": second["_scroll_id"]}))
    httpx.post(f"{base}/_mirror/clock", json={"advance": 61}).raise_for_status()
    stale = gene.get("/query", params={"scroll_id": third["_scroll_id"]})
    assert stale.status_code == 400
    assert stale.json() == {
        "code": 400,
        "success": False,
        "error": "ValueError",
        "details": "Invalid or stale scroll_id.",
    }


def test_unknown_scroll_id_is_stale(gene: httpx.Client) -> None:
    response = gene.get("/query", params={"scroll_id": "not-a-scroll"})
    assert response.status_code == 400
    assert response.json()["details"] == "Invalid or stale scroll_id."


# ---- batch query ---------------------------------------------------------------------------------


def test_post_query_default_scopes_include_retired_and_ensembl(gene: httpx.Client) -> None:
    body = ok(gene.post("/query", data={"q": "4301,ENSG00000250506,missing"}))
    assert body == [
        {
            "query": "4301",
            "_id": "1017",
            "_score": 1.55,
            "entrezgene": 1017,
            "name": "cyclin dependent kinase 2",
            "symbol": "CDK2",
            "taxid": 9606,
        },
        {
            "query": "ENSG00000250506",
            "_id": "1018",
            "_score": 1.55,
            "entrezgene": 1018,
            "name": "cyclin dependent kinase 3",
            "symbol": "CDK3",
            "taxid": 9606,
        },
        {"query": "missing", "notfound": True},
    ]


def test_post_query_lists_every_match_of_a_term(gene: httpx.Client) -> None:
    body = ok(gene.post("/query", json={"q": ["cdk2"], "scopes": ["symbol"], "fields": "taxid"}))
    # Matching is case-insensitive; scores carry the species boost, so human comes first.
    assert [(e["query"], e["_id"], e["_score"], e["taxid"]) for e in body] == [
        ("cdk2", "1017", 1.55, 9606),
        ("cdk2", "12566", 1.3, 10090),
        ("cdk2", "362817", 1.2, 10116),
    ]


def test_post_query_species_fields_and_dotfield_apply(gene: httpx.Client) -> None:
    payload = {
        "q": ["Cdk2"],
        "scopes": "symbol",
        "species": "rat",
        "fields": "genomic_pos.chr",
        "dotfield": True,
    }
    body = ok(gene.post("/query", json=payload))
    assert body == [
        {"query": "Cdk2", "_id": "362817", "_score": 1.2, "genomic_pos.chr": ["7", "7_random"]}
    ]


def test_post_query_batch_of_1500_terms_keeps_input_order_and_types(gene: httpx.Client) -> None:
    terms: list[Any] = [500_000_000 + n for n in range(1499)] + ["nope"]
    body = ok(gene.post("/query", json={"q": terms, "scopes": "entrezgene", "fields": "symbol"}))
    assert len(body) == 1500
    assert [entry["query"] for entry in body] == terms
    assert body[0] == {"query": 500_000_000, "_id": "500000000", "_score": 1.2, "symbol": "VOL0"}
    assert body[-1] == {"query": "nope", "notfound": True}


def test_post_query_compound_terms_need_one_scope_each(gene: httpx.Client) -> None:
    body = ok(gene.post("/query", json={"q": [["cdk2", 10090]], "scopes": ["symbol", "taxid"]}))
    assert [entry["_id"] for entry in body] == ["12566"]
    response = gene.post("/query", json={"q": [["cdk2", 10090]], "scopes": ["symbol"]})
    assert response.status_code == 400
    assert response.json() == {
        "code": 400,
        "success": False,
        "error": "ValueError",
        "details": "Expect len(q) == len(scopes).",
    }


def test_post_query_without_q_names_the_missing_parameter(gene: httpx.Client) -> None:
    response = gene.post("/query", data={"scopes": "symbol"})
    assert response.status_code == 400
    assert response.json() == {
        "code": 400,
        "success": False,
        "error": "Bad Request",
        "missing": "q",
    }


# ---- metadata ------------------------------------------------------------------------------------


def test_metadata_merges_configured_metadata_with_computed_stats(gene: httpx.Client) -> None:
    meta = ok(gene.get("/metadata"))
    assert meta["build_version"] == "20240101"
    assert meta["stats"] == {"total_genes": 1, "total": len(mirror_dataset(volume=VOLUME).genes)}
    assert meta["taxonomy"]["human"] == 9606
    assert meta["genome_assembly"]["mouse"] == "mm39"
    assert meta["biothing_type"] == "gene"
    assert list(meta) == sorted(meta)


def test_metadata_fields_lists_every_path_with_its_type(gene: httpx.Client) -> None:
    fields = ok(gene.get("/metadata/fields/"))
    assert fields["symbol"] == {"index": True, "type": "keyword"}
    assert fields["name"] == {"index": True, "type": "text"}
    assert fields["taxid"] == {"index": True, "type": "long"}
    assert fields["refseq"] == {"index": True, "type": "object"}
    assert fields["refseq.rna"]["type"] == "keyword"
    assert "_id" not in fields
    searched = ok(gene.get("/metadata/fields", params={"search": "refseq"}))
    assert set(searched) == {"refseq", "refseq.protein", "refseq.rna"}


# ---- limits and recorded data ------------------------------------------------------------------


def test_over_1000_matches_for_one_id_is_too_many() -> None:
    shared = {"gene": "ENSG00000000042"}
    docs = [{"_id": str(n), "entrezgene": n, "ensembl": shared} for n in range(1, 1002)]
    with serve(create_mirror_app(Dataset(genes=docs))) as url:
        single = httpx.get(f"{url}/mygene/v3/gene/ENSG00000000042")
        batch = httpx.post(f"{url}/mygene/v3/gene", data={"ids": "1,ENSG00000000042"})
        query = httpx.post(f"{url}/mygene/v3/query", data={"q": "ENSG00000000042", "size": 1000})
    too_many = {"code": 500, "success": False, "error": "Too Many Matches."}
    assert (single.status_code, single.json()) == (500, too_many)
    assert (batch.status_code, batch.json()) == (500, too_many)
    assert len(query.json()) == 1000  # a batch query pages instead


def test_annotation_without_an_id_names_the_missing_parameter(gene: httpx.Client) -> None:
    response = gene.get("/gene/")
    assert response.status_code == 400
    assert response.json() == {
        "code": 400,
        "success": False,
        "error": "Bad Request",
        "missing": "id",
    }


@pytest.mark.skipif(
    not REFERENCE.is_dir(),
    reason="optional: compares with responses recorded from the real MyGene.info service, "
    "which do not ship with the repository; nothing to fix",
)
def test_recorded_cdk2_orthologs_rank_human_mouse_rat_first() -> None:
    lines = (REFERENCE / "cdk2_orthologs_100.jsonl").read_text("utf-8").splitlines()
    docs = [json.loads(line) for line in lines if line.strip()]
    with serve(create_mirror_app(Dataset(genes=docs))) as url:
        body = httpx.get(f"{url}/mygene/v3/query", params={"q": "cdk2"}).json()
        doc = httpx.get(f"{url}/mygene/v3/gene/1017", params={"fields": "exac.all.p_li"}).json()
    assert [hit["_id"] for hit in body["hits"][:3]] == ["1017", "12566", "362817"]
    assert body["total"] == len(docs)
    assert doc["exac"]["all"]["p_li"] > 0
