"""Parameter parsing, projection and the smaller pieces of the BioThings mirror, without HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from mirror.biothings.lookup import ScopeIndex
from mirror.biothings.params import (
    ApiError,
    Option,
    RequestArgs,
    parse_options,
    read_body,
    split_list,
    string_to_bool,
)
from mirror.biothings.projection import dotfield, format_hit, project, sort_keys
from mirror.biothings.scroll import ScrollContext, ScrollStore
from mirror.biothings.search import Matches, order, terms_facets
from mirror.clock import MirrorClock
from mirror.mychem import chem_lookups


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1017,1018", ["1017", "1018"]),
        ("a b\tc\nd|e+f", ["a", "b", "c", "d", "e", "f"]),
        ('"cyclin dependent",CDK2', ["cyclin dependent", "CDK2"]),
        ('"1017","1018"', ["1017", "1018"]),  # how biothings_client sends batches
        (" , ,x,, ", ["x"]),
    ],
)
def test_lists_split_like_the_services(text: str, expected: list[str]) -> None:
    assert split_list(text) == expected


@pytest.mark.parametrize(
    ("text", "query_value", "body_value"),
    [
        ("1", True, True),
        ("TRUE", True, True),
        ("Yes", True, True),
        ("y", True, True),
        ("t", True, True),
        ("0.5", True, True),
        ("0", False, False),
        ("false", False, False),
        ("no", False, False),
        ("", True, False),  # a bare ?flag counts only in the query string
    ],
)
def test_booleans(text: str, query_value: bool, body_value: bool) -> None:
    assert string_to_bool(text, bare_is_true=True) is query_value
    assert string_to_bool(text, bare_is_true=False) is body_value


SIZE = {"size": Option("int", max=1000, alias="limit")}


def error_body(options: dict[str, Option], args: RequestArgs) -> dict[str, Any]:
    with pytest.raises(ApiError) as caught:
        parse_options(options, args)
    assert caught.value.status == 400
    return caught.value.body()


def test_strict_int_rejects_trailing_characters() -> None:
    assert error_body(SIZE, RequestArgs(query={"size": "1a"})) == {
        "code": 400,
        "success": False,
        "error": "Bad Request",
        "reason": "Expect type int.",
        "keyword": "size",
        "alias": "limit",
    }


def test_json_values_must_already_have_their_type() -> None:
    body = error_body(SIZE, RequestArgs(json={"size": "10"}))
    assert body["reason"] == "Expect type int."
    assert parse_options(SIZE, RequestArgs(json={"size": 10})) == {"size": 10}


def test_lenient_json_lists_accept_strings_and_scalars() -> None:
    ids = {"id": Option("list", alias="ids", strict=False)}
    assert parse_options(ids, RequestArgs(json={"ids": "a,b"})) == {"id": ["a", "b"]}
    assert parse_options(ids, RequestArgs(json={"ids": 1017})) == {"id": [1017]}
    assert parse_options(ids, RequestArgs(json={"ids": [1017, "x"]})) == {"id": [1017, "x"]}


def test_query_string_wins_over_form_and_json_and_aliases_are_found() -> None:
    args = RequestArgs(query={"limit": "3"}, form={"size": "4"}, json={"size": 5})
    assert parse_options(SIZE, args) == {"size": 3}
    assert parse_options(SIZE, RequestArgs(form={"size": "4"}, json={"size": 5})) == {"size": 4}
    assert parse_options(SIZE, RequestArgs()) == {"size": None}


def test_caps_on_numbers_and_lists() -> None:
    assert error_body(SIZE, RequestArgs(query={"limit": "2000"})) == {
        "code": 400,
        "success": False,
        "error": "Bad Request",
        "keyword": "size",
        "max": 1000,
        "num": 2000,
        "alias": "limit",
    }
    fields = {"_source": Option("list", max=2, alias=("fields", "field"))}
    body = error_body(fields, RequestArgs(query={"fields": "a,b,c"}))
    assert body["keyword"] == "_source"
    assert (body["max"], body["size"], body["alias"]) == (2, 3, ["fields", "field"])


def test_unbalanced_quote_is_a_bad_request() -> None:
    body = error_body({"q": Option("list")}, RequestArgs(form={"q": '"open'}))
    assert body["reason"] == "No closing quotation"


def test_bodies_parse_as_form_or_json_and_broken_json_is_rejected() -> None:
    form_type = "application/x-www-form-urlencoded"
    assert read_body(form_type, b"ids=1017%2C1018&ids=1") == ({"ids": "1"}, {})
    assert read_body("application/json; charset=utf-8", b'{"q": [1]}') == ({}, {"q": [1]})
    assert read_body("application/json", b"[1, 2]") == ({}, {})
    with pytest.raises(ApiError) as caught:
        read_body("application/json", b"{nope")
    assert caught.value.body() == {"code": 400, "success": False, "error": "Invalid JSON body."}


DOC = {
    "_id": "1",
    "symbol": "X",
    "refseq": {"rna": ["NM_1.1", "NM_2.1"], "protein": "NP_1.1"},
    "go": {"BP": [{"id": "GO:1", "term": "a"}, {"id": "GO:2"}, {"term": "only term"}]},
    "dbnsfp": {"products": {"a": 1, "b": {"c": 2}}},
}


def test_projection_dot_paths_wildcards_and_excludes() -> None:
    assert project(DOC, ["refseq.rna"]) == {"refseq": {"rna": ["NM_1.1", "NM_2.1"]}}
    assert project(DOC, ["go.BP.id"]) == {"go": {"BP": [{"id": "GO:1"}, {"id": "GO:2"}]}}
    assert project(DOC, ["go.*"]) == {"go": DOC["go"]}
    assert project(DOC, ["dbnsfp.products.*"]) == {"dbnsfp": DOC["dbnsfp"]}
    assert project(DOC, ["*.rna"]) == {"refseq": {"rna": ["NM_1.1", "NM_2.1"]}}
    assert project(DOC, ["missing"]) == {}
    assert project(DOC, ["all"]) == DOC
    assert "refseq" not in project(DOC, ["-refseq"])


def test_keys_sort_uppercase_then_underscore_then_lowercase() -> None:
    assert list(sort_keys({"alias": 1, "_score": 2, "MIM": 3, "_id": 4, "HGNC": 5})) == [
        "HGNC",
        "MIM",
        "_id",
        "_score",
        "alias",
    ]


def test_dotfield_lists_repeated_paths_and_keeps_single_values() -> None:
    assert dotfield({"a": {"b": [1, 2]}, "c": [{"d": "x"}], "e": []}) == {"a.b": [1, 2], "c.d": "x"}


def test_format_hit_options_never_write_into_the_stored_document() -> None:
    doc = {"_id": "1", "a": {"b": 1}}
    hit = format_hit(doc, {"_id": "1"}, always_list=["a.b"], allow_null=["a.z", "top"])
    assert hit == {"_id": "1", "a": {"b": [1], "z": None}, "top": None}
    assert doc == {"_id": "1", "a": {"b": 1}}


def test_scope_index_matches_case_insensitively_and_numbers_as_text() -> None:
    docs: list[dict[str, Any]] = [
        {"_id": "a", "n": 1017, "s": "CDK2", "r": "NM_001798.5"},
        {"_id": "b", "s": "cdk2"},
    ]
    index = ScopeIndex(docs)
    assert index.find(["n"], "1017") == [0]
    assert index.find(["s"], "Cdk2") == [0, 1]
    assert index.find(["r"], "nm_001798") == [0]
    assert index.find(["s", "_id"], "b") == [1]


def test_sort_puts_missing_values_last_in_both_directions() -> None:
    docs: list[dict[str, Any]] = [{"v": 2}, {}, {"v": [1, 5]}, {"v": "b"}]
    matches = Matches([0, 1, 2, 3], [1.0, 1.0, 1.0, 1.0])
    assert order(docs, matches, ["v"]) == [2, 0, 3, 1]
    assert order(docs, matches, ["-v"]) == [3, 2, 0, 1]


def test_facets_count_each_document_once_per_term() -> None:
    docs: list[dict[str, Any]] = [{"t": ["x", "x", "y"]}, {"t": "x"}, {"t": "z"}]
    facet = terms_facets(docs, [0, 1, 2], ["t"], 2)["t"]
    assert facet["terms"] == [{"count": 2, "term": "x"}, {"count": 1, "term": "y"}]
    assert (facet["other"], facet["total"], facet["missing"]) == (1, 3, 0)


def test_scroll_contexts_expire_by_the_mirror_clock_and_are_dropped() -> None:
    clock = MirrorClock()
    store = ScrollStore(clock, ttl=60)
    scroll_id = store.open(ScrollContext.of(Matches([1, 2], [1.0, 1.0]), {}))
    clock.advance(61)
    store.open(ScrollContext.of(Matches([], []), {}))
    assert len(store) == 1  # the expired context was dropped
    with pytest.raises(ApiError) as caught:
        store.resume(scroll_id)
    assert caught.value.body()["details"] == "Invalid or stale scroll_id."


@pytest.mark.parametrize(
    ("chem_id", "fields", "value"),
    [
        ("CHEBI:15365", ("chebi.id", "chebi.secondary_chebi_id"), "CHEBI:15365"),
        ("CHEMBL.COMPOUND:CHEMBL25", ("chembl.molecule_chembl_id",), "CHEMBL25"),
        ("PUBCHEM.COMPOUND:2244", ("pubchem.cid",), "2244"),
        ("DRUGBANK:DB00945", ("drugbank.id",), "DB00945"),
        ("UNII:R16CO5Y76E", ("unii.unii",), "R16CO5Y76E"),
        ("INCHIKEY:BSYNRYMUTXBXSQ-UHFFFAOYSA-N", ("_id",), "BSYNRYMUTXBXSQ-UHFFFAOYSA-N"),
        ("CHEMBL25", ("chembl.molecule_chembl_id",), "CHEMBL25"),
        ("DB00945", ("drugbank.id",), "DB00945"),
        ("R16CO5Y76E", ("unii.unii",), "R16CO5Y76E"),
        ("PA448497", ("pharmgkb.id",), "PA448497"),
        ("2244", ("pubchem.cid",), "2244"),
        ("BSYNRYMUTXBXSQ-UHFFFAOYSA-N", ("_id",), "BSYNRYMUTXBXSQ-UHFFFAOYSA-N"),
    ],
)
def test_chemical_id_forms_map_to_their_source_fields(
    chem_id: str, fields: tuple[str, ...], value: str
) -> None:
    assert chem_lookups(chem_id)[0] == (fields, value)
