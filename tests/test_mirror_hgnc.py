"""The mirror's HGNC REST service over real HTTP: routes, formats, status codes, search syntax."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from mirror.app import create_mirror_app
from mirror.hgnc.fields import RECORD_FIELDS, SEARCHABLE_FIELDS
from mirror.hgnc.records import BIG_RESULT, HgncRecords
from mirror.hgnc.render import Format
from mirror.store import Dataset
from tests.servers import serve

JSON = {"Accept": "application/json"}
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "hgnc"


def record(hgnc_id: int, symbol: str, name: str, **fields: Any) -> dict[str, Any]:
    """A made-up record in HGNC's shape: list fields, int lists, Solr dates, a 64-bit version."""
    return {
        "hgnc_id": f"HGNC:{hgnc_id}",
        "symbol": symbol,
        "name": name,
        "status": "Approved",
        "locus_group": "protein-coding gene",
        "locus_type": "gene with protein product",
        "location": "7q34",
        "date_approved_reserved": "1991-07-16T00:00:00Z",
        "entrez_id": str(1000 + hgnc_id),
        "ensembl_gene_id": f"ENSG{hgnc_id:011d}",
        "uniprot_ids": [f"P{hgnc_id:05d}"],
        "pubmed_id": [100 + hgnc_id, 200 + hgnc_id],
        "_version_": 1643345417873653767 + hgnc_id,
        **fields,
    }


RECORDS = [
    record(
        1,
        "ALPHA1",
        "alpha kinase 1",
        alias_symbol=["ALK1X", "AK-1"],
        prev_symbol=["OLDA"],
        gene_group=["Alpha kinases"],
        gene_group_id=[10, 20],
        mgd_id=["MGI:1"],
    ),
    record(
        2,
        "ALPHA1P1",
        "alpha kinase 1 pseudogene 1",
        locus_group="pseudogene",
        locus_type="pseudogene",
    ),
    record(3, "BETA2", "beta regulator 2", alias_symbol=["ALPHA1"]),
    record(
        4,
        "GAMMA3~withdrawn",
        "entry withdrawn",
        status="Entry Withdrawn",
        date_modified="2016-10-05T00:00:00Z",
    ),
    record(5, "DELTA4", "delta/epsilon factor 4", prev_symbol=["OLDA"], alias_symbol=["D4*"]),
]
APPROVED = [doc for doc in RECORDS if doc["status"] == "Approved"]


def mirror_app(docs: list[dict[str, Any]], metadata: dict[str, Any]) -> Starlette:
    """The whole mirror, with `docs` as its HGNC records and `metadata` as HGNC's metadata."""
    return create_mirror_app(Dataset(hgnc=docs, metadata={"hgnc": metadata}))


@pytest.fixture(scope="module")
def hgnc() -> Iterator[str]:
    """Base URL of the HGNC service, mounted at `/hgnc` as in the mirror."""
    app = mirror_app(RECORDS, {"lastModified": "2025-03-04T05:06:07.890Z"})
    with serve(app) as base:
        yield f"{base}/hgnc"


def get_json(url: str) -> dict[str, Any]:
    answer = httpx.get(url, headers=JSON)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = answer.json()
    return body


def symbols(body: dict[str, Any]) -> list[str]:
    return [doc["symbol"] for doc in body["response"]["docs"]]


# --- info --------------------------------------------------------------------------------------


def test_info_reports_count_fields_and_last_modified(hgnc: str) -> None:
    body = get_json(f"{hgnc}/info")
    assert body["responseHeader"]["status"] == 0
    assert isinstance(body["responseHeader"]["QTime"], int)
    assert body["lastModified"] == "2025-03-04T05:06:07.890Z"
    assert body["numDoc"] == len(RECORDS)
    assert body["searchableFields"] == list(SEARCHABLE_FIELDS)
    assert body["storedFields"][: len(RECORD_FIELDS)] == list(RECORD_FIELDS)


@pytest.mark.parametrize("metadata", [{}, {"lastModified": None}])
def test_info_last_modified_is_null_when_the_data_set_has_no_date(
    metadata: dict[str, Any],
) -> None:
    with serve(mirror_app(RECORDS[:1], metadata)) as base:
        body = get_json(f"{base}/hgnc/info")
    assert body["lastModified"] is None
    assert body["numDoc"] == 1


def test_info_in_xml_is_one_solr_document(hgnc: str) -> None:
    answer = httpx.get(f"{hgnc}/info")
    root = ET.fromstring(answer.content)
    doc = root.find("result/doc")
    assert doc is not None
    assert doc.findtext("int[@name='numDoc']") == str(len(RECORDS))
    fields = [e.text for e in doc.findall("arr[@name='searchableFields']/str")]
    assert fields == list(SEARCHABLE_FIELDS)


# --- fetch -------------------------------------------------------------------------------------


def test_fetch_by_symbol_returns_the_full_record_in_the_solr_envelope(hgnc: str) -> None:
    body = get_json(f"{hgnc}/fetch/symbol/ALPHA1")
    assert body["responseHeader"]["status"] == 0
    assert body["response"]["numFound"] == 1
    assert body["response"]["start"] == 0
    assert "maxScore" not in body["response"]
    assert body["response"]["docs"] == [RECORDS[0]]


def test_fetch_by_symbol_ignores_case(hgnc: str) -> None:
    assert symbols(get_json(f"{hgnc}/fetch/symbol/alpha1")) == ["ALPHA1"]


@pytest.mark.parametrize(
    ("field", "term", "expected"),
    [
        ("alias_symbol", "AK-1", ["ALPHA1"]),
        ("alias_symbol", "ALPHA1", ["BETA2"]),
        ("prev_symbol", "olda", ["ALPHA1", "DELTA4"]),
        ("uniprot_ids", "P00003", ["BETA2"]),
        ("mgd_id", "MGI:1", ["ALPHA1"]),
        ("entrez_id", "1005", ["DELTA4"]),
        ("name", "alpha kinase 1", ["ALPHA1"]),
    ],
)
def test_fetch_matches_one_whole_value_and_any_element_of_a_list(
    hgnc: str, field: str, term: str, expected: list[str]
) -> None:
    assert symbols(get_json(f"{hgnc}/fetch/{field}/{term}")) == expected


def test_an_encoded_slash_stays_inside_the_term(hgnc: str) -> None:
    assert symbols(get_json(f"{hgnc}/fetch/name/delta%2Fepsilon%20factor%204")) == ["DELTA4"]
    assert symbols(get_json(f"{hgnc}/search/name:%22delta%2Fepsilon%22")) == ["DELTA4"]


def test_fetch_treats_a_star_as_a_literal_character(hgnc: str) -> None:
    assert symbols(get_json(f"{hgnc}/fetch/alias_symbol/D4*")) == ["DELTA4"]
    assert symbols(get_json(f"{hgnc}/fetch/symbol/ALPHA*")) == []


def test_fetch_without_a_match_is_an_empty_200(hgnc: str) -> None:
    body = get_json(f"{hgnc}/fetch/symbol/NOSUCHGENE")
    assert body["response"] == {"numFound": 0, "start": 0, "docs": []}


def test_fetch_status_approved_returns_every_approved_record_at_once(hgnc: str) -> None:
    first = httpx.get(f"{hgnc}/fetch/status/Approved", headers=JSON)
    again = httpx.get(f"{hgnc}/fetch/status/Approved", headers=JSON)
    body = first.json()
    assert body["response"]["numFound"] == len(APPROVED)
    assert body["response"]["docs"] == APPROVED
    assert again.json()["response"] == body["response"]
    withdrawn = get_json(f"{hgnc}/fetch/status/Entry%20Withdrawn")
    assert symbols(withdrawn) == ["GAMMA3~withdrawn"]


def test_fetch_of_over_a_thousand_records_comes_in_one_response() -> None:
    many = [record(n, f"GENE{n}", f"generated gene {n}") for n in range(1, 1201)]
    with serve(mirror_app(many, {})) as base:
        body = get_json(f"{base}/hgnc/fetch/status/Approved")
    assert body["response"]["numFound"] == 1200
    assert body["response"]["docs"] == many


def test_a_big_fetch_is_rendered_once_per_format_and_reused() -> None:
    records = HgncRecords([record(n, f"GENE{n}", "generated") for n in range(1, BIG_RESULT + 1)])
    count, first = records.fetch_rendered(Format.JSON, "status", "Approved")
    assert count == BIG_RESULT
    assert records.fetch_rendered(Format.JSON, "status", "approved")[1] is first
    assert records.fetch_rendered(Format.XML, "status", "Approved")[1].startswith(b"<doc>")
    small = records.fetch_rendered(Format.JSON, "symbol", "GENE1")[1]
    assert records.fetch_rendered(Format.JSON, "symbol", "GENE1")[1] is not small


def test_fetch_on_an_unknown_field_is_400_in_solr_error_shape(hgnc: str) -> None:
    answer = httpx.get(f"{hgnc}/fetch/colour/blue", headers=JSON)
    assert answer.status_code == 400
    assert answer.json() == {
        "responseHeader": {"status": 400, "QTime": 0},
        "error": {"msg": "undefined field colour", "code": 400},
    }


@pytest.mark.parametrize("path", ["/fetch/symbol", "/fetch/symbol/A/B", "/fetch", "/info/more"])
def test_a_url_of_the_wrong_shape_is_400(hgnc: str, path: str) -> None:
    answer = httpx.get(f"{hgnc}{path}", headers=JSON)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == 400


@pytest.mark.parametrize("path", ["/foo/bar", "/", "/searching/BRAF"])
def test_an_unknown_request_type_is_404(hgnc: str, path: str) -> None:
    answer = httpx.get(f"{hgnc}{path}", headers=JSON)
    assert answer.status_code == 404
    assert answer.json()["error"] == {"msg": answer.json()["error"]["msg"], "code": 404}


def test_a_method_other_than_get_is_405(hgnc: str) -> None:
    answer = httpx.post(f"{hgnc}/fetch/symbol/ALPHA1", headers=JSON)
    assert answer.status_code == 405
    assert answer.json()["error"]["code"] == 405


# --- formats -----------------------------------------------------------------------------------


def test_xml_is_the_default_and_types_each_value_as_solr_does(hgnc: str) -> None:
    answer = httpx.get(f"{hgnc}/fetch/symbol/ALPHA1")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(answer.content)
    assert root.tag == "response"
    assert root.findtext("lst[@name='responseHeader']/int[@name='status']") == "0"
    result = root.find("result[@name='response']")
    assert result is not None
    assert (result.get("numFound"), result.get("start")) == ("1", "0")
    doc = result.find("doc")
    assert doc is not None
    assert doc.findtext("str[@name='symbol']") == "ALPHA1"
    assert doc.findtext("date[@name='date_approved_reserved']") == "1991-07-16T00:00:00Z"
    assert [e.text for e in doc.findall("arr[@name='gene_group_id']/int")] == ["10", "20"]
    assert [e.text for e in doc.findall("arr[@name='alias_symbol']/str")] == ["ALK1X", "AK-1"]
    assert doc.findtext("long[@name='_version_']") == str(RECORDS[0]["_version_"])


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("application/json", "application/json"),
        ("text/xml", "application/xml"),
        ("*/*", "application/xml"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml"),
        ("application/xml;q=0.5, application/json", "application/json"),
        ("*/*, application/json", "application/json"),
    ],
)
def test_accept_header_chooses_the_representation(
    hgnc: str, accept: str, content_type: str
) -> None:
    answer = httpx.get(f"{hgnc}/fetch/symbol/ALPHA1", headers={"Accept": accept})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(content_type)


@pytest.mark.parametrize("accept", ["text/csv", "text/html", "application/json;q=0"])
def test_an_unsupported_accept_is_415(hgnc: str, accept: str) -> None:
    answer = httpx.get(f"{hgnc}/fetch/symbol/ALPHA1", headers={"Accept": accept})
    assert answer.status_code == 415
    assert answer.json()["error"]["code"] == 415


def test_errors_follow_the_negotiated_format(hgnc: str) -> None:
    answer = httpx.get(f"{hgnc}/fetch/colour/blue")
    assert answer.status_code == 400
    root = ET.fromstring(answer.content)
    assert root.findtext("lst[@name='error']/str[@name='msg']") == "undefined field colour"
    assert root.findtext("lst[@name='error']/int[@name='code']") == "400"


# --- search ------------------------------------------------------------------------------------


def test_search_returns_only_id_symbol_and_score_with_max_score(hgnc: str) -> None:
    body = get_json(f"{hgnc}/search/ALPHA1")
    docs = body["response"]["docs"]
    assert body["response"]["numFound"] == len(docs) > 0
    assert all(list(doc) == ["hgnc_id", "symbol", "score"] for doc in docs)
    assert body["response"]["maxScore"] == docs[0]["score"]


def test_search_ranks_the_exact_symbol_above_an_alias_and_a_word_in_a_name(hgnc: str) -> None:
    docs = get_json(f"{hgnc}/search/ALPHA1")["response"]["docs"]
    assert [doc["symbol"] for doc in docs] == ["ALPHA1", "BETA2"]
    assert docs[0]["score"] > docs[1]["score"]
    by_word = get_json(f"{hgnc}/search/kinase")["response"]["docs"]
    assert {doc["symbol"] for doc in by_word} == {"ALPHA1", "ALPHA1P1"}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/search/symbol/ALPHA*", {"ALPHA1", "ALPHA1P1"}),
        ("/search/symbol:ALPHA*", {"ALPHA1", "ALPHA1P1"}),
        ("/search/symbol:BETA%3F", {"BETA2"}),  # `?` encoded, or it starts the query string
        ("/search/symbol:ALPHA*+AND+NOT+locus_group:pseudogene", {"ALPHA1"}),
        ("/search/symbol:ALPHA1+OR+symbol:DELTA4", {"ALPHA1", "DELTA4"}),
        ("/search/symbol:ALPHA1+AND+status:Approved", {"ALPHA1"}),
        ('/search/name:"kinase 1"', {"ALPHA1", "ALPHA1P1"}),
        ('/search/name:"1 kinase"', set()),
        ("/search/status/Entry+Withdrawn", {"GAMMA3~withdrawn"}),
        ("/search/hgnc_id/HGNC:3", {"BETA2"}),
        ("/search/prev_symbol/OLDA", {"ALPHA1", "DELTA4"}),
        ("/search/NOSUCHGENE", set()),
    ],
)
def test_search_evaluates_solr_syntax(hgnc: str, path: str, expected: set[str]) -> None:
    assert set(symbols(get_json(f"{hgnc}{path}"))) == expected


def test_search_without_a_match_has_zero_max_score(hgnc: str) -> None:
    body = get_json(f"{hgnc}/search/NOSUCHGENE")
    assert body["response"] == {"numFound": 0, "start": 0, "maxScore": 0.0, "docs": []}


def test_search_ties_are_ordered_by_symbol(hgnc: str) -> None:
    assert symbols(get_json(f"{hgnc}/search/status:Approved")) == sorted(
        doc["symbol"] for doc in APPROVED
    )


@pytest.mark.parametrize(
    "path",
    [
        "/search/colour:blue",
        "/search/colour/blue",
        "/search/symbol:(ALPHA1",
        "/search/",
        "/search/a/b/c",
    ],
)
def test_search_with_an_unknown_field_or_bad_syntax_is_400(hgnc: str, path: str) -> None:
    answer = httpx.get(f"{hgnc}{path}", headers=JSON)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == 400


def test_search_in_xml_gives_float_scores_and_max_score(hgnc: str) -> None:
    root = ET.fromstring(httpx.get(f"{hgnc}/search/symbol/ALPHA1").content)
    result = root.find("result")
    assert result is not None
    assert float(result.get("maxScore", "nan")) > 0
    doc = result.find("doc")
    assert doc is not None
    assert doc.findtext("str[@name='hgnc_id']") == "HGNC:1"
    assert float(doc.findtext("float[@name='score']") or "nan") > 0


# --- recorded responses --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def recorded() -> Iterator[str]:
    """The HGNC service over the recorded records (skipped when the references are absent)."""
    if not REFERENCE.is_dir():
        pytest.skip(
            "optional: compares with responses recorded from the real HGNC service, which do "
            "not ship with the repository; nothing to fix"
        )
    docs = json.loads((REFERENCE / "fetch_records_5.json").read_text())["response"]["docs"]
    docs += json.loads((REFERENCE / "fetch_symbol_ZNF3_docs.json").read_text())
    with serve(mirror_app(docs, {})) as base:
        yield f"{base}/hgnc"


def test_recorded_fetch_is_reproduced_exactly(recorded: str) -> None:
    expected = json.loads((REFERENCE / "fetch_symbol_ZNF3_docs.json").read_text())
    assert get_json(f"{recorded}/fetch/symbol/ZNF3")["response"]["docs"] == expected


def test_recorded_search_ranks_the_approved_symbol_first(recorded: str) -> None:
    recorded_hits = json.loads((REFERENCE / "search_all_BRAF.docs.json").read_text())
    docs = get_json(f"{recorded}/search/BRAF")["response"]["docs"]
    assert docs[0]["hgnc_id"] == recorded_hits[0]["hgnc_id"]
    assert docs[0]["symbol"] == recorded_hits[0]["symbol"]
    both = get_json(f"{recorded}/search/symbol:BRAF+OR+ZNF3")["response"]["docs"]
    expected = json.loads((REFERENCE / "search_symbols_BRAF_ZNF3.docs.json").read_text())
    assert {doc["symbol"] for doc in both} == {doc["symbol"] for doc in expected}
