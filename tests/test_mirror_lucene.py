"""The mirror's Lucene query engine: syntax accepted by MyGene/MyChem (Elasticsearch query_string)
and HGNC (Solr), evaluated over documents shaped like the real services' documents."""

from __future__ import annotations

import time
from typing import Any

import pytest

from mirror.lucene import QuerySyntaxError, compile_query, get_values

# Shapes follow the services: `alias`, `go.BP`, `ensembl`, `drugbank.targets` are a value in one
# document and a list in another; `entrezgene` is an int in one and a string in another.
CDK2: dict[str, Any] = {
    "_id": "1017",
    "symbol": "CDK2",
    "name": "cyclin dependent kinase 2",
    "taxid": 9606,
    "entrezgene": 1017,
    "HGNC": "1771",
    "alias": ["CDKN2", "p33(CDK2)"],
    "refseq": {"rna": ["NM_001798", "NM_052827"], "protein": "NP_001789"},
    "go": {
        "BP": [
            {"id": "GO:0000082", "term": "G1/S transition of mitotic cell cycle"},
            {"id": "GO:0006468", "term": "protein phosphorylation"},
        ]
    },
    "uniprot": {"Swiss-Prot": "P24941", "TrEMBL": ["A0A024RB10"]},
    "ensembl": {"gene": "ENSG00000123374"},
    "genomic_pos": {"chr": "12", "start": 55966769, "end": 55972784},
    "type_of_gene": "protein-coding",
}
CDK3: dict[str, Any] = {
    "_id": "1018",
    "symbol": "CDK3",
    "name": "cyclin dependent kinase 3",
    "taxid": 9606,
    "entrezgene": "1018",
    "HGNC": "1772",
    "alias": "CDKN3",
    "go": {"BP": {"id": "GO:0000082", "term": "G1/S transition of mitotic cell cycle"}},
    "uniprot": {"Swiss-Prot": "Q00526"},
    "ensembl": [{"gene": "ENSG00000250506"}, {"gene": "ENSG00000284005"}],
    "genomic_pos": {"chr": "17", "start": 75992085, "end": 76013432},
    "type_of_gene": "protein-coding",
}
MOUSE_CDK2: dict[str, Any] = {
    "_id": "12566",
    "symbol": "Cdk2",
    "name": "cyclin-dependent kinase 2",
    "taxid": 10090,
    "entrezgene": 12566,
    "MGI": "MGI:104772",
    "uniprot": {"Swiss-Prot": "P97377"},
    "refseq": {"rna": "NM_016756"},
    "genomic_pos": None,
    "type_of_gene": "protein-coding",
}
GENES = [CDK2, CDK3, MOUSE_CDK2]

IMATINIB: dict[str, Any] = {
    "_id": "KTUFNOKKBVMGRW-UHFFFAOYSA-N",
    "drugbank": {
        "id": "DB00619",
        "name": "Imatinib",
        "targets": [
            {"uniprot": "P00519", "gene_name": "ABL1", "actions": ["inhibitor"]},
            {"uniprot": "P10721", "gene_name": "KIT", "actions": ["inhibitor"]},
        ],
    },
    "chembl": {"molecule_chembl_id": "CHEMBL941", "max_phase": 4, "withdrawn_flag": False},
    "pubchem": {"cid": 5291, "molecular_weight": "493.6"},
}
SELICICLIB: dict[str, Any] = {
    "_id": "BTIHMVBBUGXLCJ-OAHLLOKOSA-N",
    "drugbank": {
        "id": "DB06195",
        "name": "Seliciclib",
        "targets": {"uniprot": "P24941", "gene_name": "CDK2", "actions": "inhibitor"},
    },
    "chembl": {"molecule_chembl_id": "CHEMBL14762", "max_phase": 2, "withdrawn_flag": True},
    "pubchem": {"cid": 160355, "molecular_weight": "354.4"},
}
CHEMICALS = [IMATINIB, SELICICLIB]

HGNC_CDK2: dict[str, Any] = {
    "hgnc_id": "HGNC:1771",
    "symbol": "CDK2",
    "status": "Approved",
    "alias_symbol": ["p33(CDK2)"],
    "entrez_id": "1017",
}

MYGENE_ALIASES = {
    "hgnc": ["HGNC"],
    "refseq": ["refseq.rna", "refseq.protein", "refseq.genomic"],
    "uniprot": ["uniprot.Swiss-Prot", "uniprot.TrEMBL"],
    "ensemblgene": ["ensembl.gene"],
}


def ids(q: str, docs: list[dict[str, Any]] = GENES, **options: Any) -> set[str]:
    query = compile_query(q, **options)
    return {doc["_id"] for doc in docs if query.matches(doc)}


def score(q: str, doc: dict[str, Any], **options: Any) -> float:
    return compile_query(q, **options).score(doc)


# --- get_values ------------------------------------------------------------------------------


def test_get_values_flattens_lists_at_every_level() -> None:
    assert get_values({"a": [{"b": 1}, {"b": [2, 3]}]}, "a.b") == [1, 2, 3]
    assert get_values({"a": [[{"b": [[4]]}]]}, "a.b") == [4]


def test_get_values_reads_a_value_or_a_list_alike() -> None:
    assert get_values(CDK2, "go.BP.id") == ["GO:0000082", "GO:0006468"]
    assert get_values(CDK3, "go.BP.id") == ["GO:0000082"]
    assert get_values(CDK3, "ensembl.gene") == ["ENSG00000250506", "ENSG00000284005"]


def test_get_values_star_segment_takes_every_key() -> None:
    assert sorted(get_values(CDK2, "uniprot.*")) == ["A0A024RB10", "P24941"]


def test_get_values_missing_path_or_null_is_empty() -> None:
    assert get_values(CDK2, "go.MF.id") == []
    assert get_values(CDK2, "symbol.nested") == []
    assert get_values(MOUSE_CDK2, "genomic_pos") == []


def test_get_values_path_ending_on_an_object_returns_the_object() -> None:
    assert get_values(CDK2, "ensembl") == [{"gene": "ENSG00000123374"}]


# --- fields and values -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("refseq.rna:NM_001798", {"1017"}),
        ("refseq.rna:NM_016756", {"12566"}),
        (r"go.BP.id:GO\:0000082", {"1017", "1018"}),
        ("ensembl.gene:ENSG00000284005", {"1018"}),
        ("uniprot.*:P24941", {"1017"}),
        ("uniprot.*:a0a024rb10", {"1017"}),
        ("*.id:GO\\:0006468", {"1017"}),
        ("symbol:cdk2", {"1017", "12566"}),
        ("alias:CDKN3", {"1018"}),
        ("ensembl:ENSG00000123374", set()),  # an object field holds no terms itself, as in ES
    ],
)
def test_fielded_term_matches_any_leaf_on_a_dot_path(q: str, expected: set[str]) -> None:
    assert ids(q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("drugbank.targets.uniprot:P24941", {"BTIHMVBBUGXLCJ-OAHLLOKOSA-N"}),
        ("drugbank.targets.uniprot:P10721", {"KTUFNOKKBVMGRW-UHFFFAOYSA-N"}),
        ("drugbank.targets.actions:inhibitor", {d["_id"] for d in CHEMICALS}),
        ("chembl.withdrawn_flag:true", {"BTIHMVBBUGXLCJ-OAHLLOKOSA-N"}),
        ("chembl.withdrawn_flag:FALSE", {"KTUFNOKKBVMGRW-UHFFFAOYSA-N"}),
    ],
)
def test_chemical_fields_nested_in_lists_of_objects(q: str, expected: set[str]) -> None:
    assert ids(q, CHEMICALS) == expected


def test_document_keys_are_case_sensitive() -> None:
    assert ids("HGNC:1771") == {"1017"}
    assert ids("hgnc:1771") == set()


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("hgnc:1772", {"1018"}),
        ("Hgnc:1772", {"1018"}),
        ("refseq:NP_001789", {"1017"}),
        ("refseq:NM_016756", {"12566"}),
        ("uniprot:P97377", {"12566"}),
        ("ensemblgene:ENSG00000250506", {"1018"}),
        ("_exists_:refseq", {"1017", "12566"}),
    ],
)
def test_field_aliases_search_every_real_path(q: str, expected: set[str]) -> None:
    assert ids(q, field_aliases=MYGENE_ALIASES) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("symbol:CDK2", {"1017", "12566"}),  # whole value, any case
        ("name:kinase", {"1017", "1018", "12566"}),  # one token
        ("name:Cyclin-Dependent", {"1017", "1018", "12566"}),  # a run of tokens
        ("name:dependent-cyclin", set()),
        ("alias:p33", {"1017"}),
        ("name:kin", set()),  # a token prefix is no match without a wildcard
    ],
)
def test_string_values_match_whole_or_by_token(q: str, expected: set[str]) -> None:
    assert ids(q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("taxid:9606", {"1017", "1018"}),
        ("taxid:9606.0", {"1017", "1018"}),
        ("entrezgene:1017", {"1017"}),  # an int leaf
        ("entrezgene:1018", {"1018"}),  # a string leaf
        ("genomic_pos.start:55966769", {"1017"}),
    ],
)
def test_numbers_match_int_and_string_leaves(q: str, expected: set[str]) -> None:
    assert ids(q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ('name:"cyclin dependent"', {"1017", "1018", "12566"}),
        ('name:"dependent kinase 3"', {"1018"}),
        ('name:"kinase dependent"', set()),
        ('name:"cyclin kinase"', set()),
        ('go.BP.term:"G1/S transition"', {"1017", "1018"}),
        ('"protein phosphorylation"', {"1017"}),
    ],
)
def test_phrases_match_consecutive_tokens(q: str, expected: set[str]) -> None:
    assert ids(q) == expected


# --- boolean structure -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("symbol:cdk2 AND taxid:9606", {"1017"}),
        ("symbol:cdk2 && taxid:9606", {"1017"}),
        ("symbol:cdk3 OR taxid:10090", {"1018", "12566"}),
        ("symbol:cdk3 || taxid:10090", {"1018", "12566"}),
        ("symbol:cdk3 taxid:10090", {"1018", "12566"}),  # implicit operator is OR
        ("name:kinase NOT taxid:9606", {"12566"}),
        ("name:kinase AND NOT taxid:9606", {"12566"}),
        ("name:kinase !taxid:9606", {"12566"}),
        ("name:kinase -symbol:cdk2", {"1018"}),
        ("+taxid:9606 symbol:cdk3", {"1017", "1018"}),  # optional clauses only add score
        ("NOT symbol:cdk2", {"1018"}),  # a negative-only query matches all the others
        ("-taxid:9606", {"12566"}),
        ("NOT NOT symbol:cdk3", {"1018"}),
        ("(symbol:cdk2 OR symbol:cdk3) AND taxid:9606", {"1017", "1018"}),
        ("symbol:(CDK2 OR CDK3)", {"1017", "1018", "12566"}),
        ("symbol:(CDK3 taxid:10090)", {"1018", "12566"}),  # an inner field wins
        ("taxid:9606 AND symbol:(cdk2 OR cdk4)", {"1017"}),
        ("symbol:cdk3 OR NOT taxid:9606", set()),  # Lucene reads this as `cdk3 -taxid:9606`
    ],
)
def test_boolean_operators_follow_lucene(q: str, expected: set[str]) -> None:
    assert ids(q) == expected


# --- wildcards, regexes, ranges, existence ---------------------------------------------------


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("symbol:CDK*", {"1017", "1018", "12566"}),
        ("symbol:CD?2", {"1017", "12566"}),
        ("symbol:*K3", {"1018"}),  # a leading wildcard works too
        ("name:kin*", {"1017", "1018", "12566"}),  # tried on each token
        ("refseq.rna:NM_0017*", {"1017"}),  # and on the whole value
        ("MGI:MGI\\:1047*", {"12566"}),
        ("symbol:/cdk[23]/", {"1017", "1018", "12566"}),
        ("symbol:CDK\\*", set()),  # an escaped star is a literal
        ("*:*", {"1017", "1018", "12566"}),
    ],
)
def test_wildcards_and_regexes(q: str, expected: set[str]) -> None:
    assert ids(q) == expected


def test_escaped_wildcard_matches_a_literal_star() -> None:
    starred, plain = {"symbol": "CDK*"}, {"symbol": "CDK2"}
    assert compile_query(r"symbol:CDK\*").matches(starred)
    assert not compile_query(r"symbol:CDK\*").matches(plain)
    assert compile_query("symbol:CDK?").matches(plain)
    assert not compile_query(r"symbol:CDK\?").matches(plain)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("taxid:[9606 TO 10090]", {"1017", "1018", "12566"}),
        ("taxid:{9606 TO 10090]", {"12566"}),
        ("taxid:[9606 TO 10090}", {"1017", "1018"}),
        ("taxid:{9606 TO 10090}", set()),
        ("taxid:[10000 TO *]", {"12566"}),
        ("taxid:[* TO 9606]", {"1017", "1018"}),
        ("taxid:>=10090", {"12566"}),
        ("taxid:>9606", {"12566"}),
        ("taxid:<=9606", {"1017", "1018"}),
        ("taxid:<10090", {"1017", "1018"}),
        ("entrezgene:[1017 TO 2000]", {"1017", "1018"}),  # int and numeric string alike
        ("entrezgene:[-5 TO 1017]", {"1017"}),
        ("genomic_pos.start:>=60000000", {"1018"}),
        ("symbol:[cdk2 TO cdk3}", {"1017", "12566"}),  # strings compare case-insensitively
    ],
)
def test_ranges_compare_numbers_numerically(q: str, expected: set[str]) -> None:
    assert ids(q) == expected


def test_ranges_on_numeric_strings_and_dates() -> None:
    assert ids("pubchem.molecular_weight:[400 TO 500]", CHEMICALS) == {IMATINIB["_id"]}
    assert ids("chembl.max_phase:>=3", CHEMICALS) == {IMATINIB["_id"]}
    dated = {"_id": "x", "date_modified": "2023-01-10T00:00:00Z"}
    assert ids("date_modified:[2023-01-01 TO 2023-02-01]", [dated]) == {"x"}
    assert ids("date_modified:>2023-02-01", [dated]) == set()


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("_exists_:go.BP", {"1017", "1018"}),
        ("_exists_:go", {"1017", "1018"}),
        ("_exists_:MGI", {"12566"}),
        ("_exists_:genomic_pos", {"1017", "1018"}),  # null does not count
        ("_exists_:uniprot.TrEMBL", {"1017"}),
        ("_exists_:uniprot.*", {"1017", "1018", "12566"}),
        ("NOT _exists_:go", {"12566"}),
        ("_exists_:nothing.here", set()),
    ],
)
def test_exists_needs_a_non_null_leaf(q: str, expected: set[str]) -> None:
    assert ids(q) == expected


def test_backslash_escapes_make_literals_in_values_and_fields() -> None:
    assert compile_query(r"hgnc_id:HGNC\:1771").matches(HGNC_CDK2)
    assert compile_query(r"HGNC\:1771").matches(HGNC_CDK2)
    assert compile_query(r"alias_symbol:p33\(CDK2\)").matches(HGNC_CDK2)
    assert compile_query(r"uniprot.Swiss\-Prot:P24941").matches(CDK2)


# --- default fields --------------------------------------------------------------------------


def test_unfielded_terms_search_every_leaf_without_default_fields() -> None:
    assert ids("P97377") == {"12566"}
    assert ids("NM_001798") == {"1017"}


def test_unfielded_terms_search_only_default_fields_when_given() -> None:
    fields = ["symbol", "name", "alias"]
    assert ids("P97377", default_fields=fields) == set()
    assert ids("cdkn3", default_fields=fields) == {"1018"}
    assert ids(
        "hgnc:1771 OR 1018", default_fields=["entrezgene"], field_aliases=MYGENE_ALIASES
    ) == {
        "1017",
        "1018",
    }


# --- scores ----------------------------------------------------------------------------------


def test_exact_beats_token_beats_wildcard() -> None:
    exact = score("name:kinase", {"name": "kinase"})
    token = score("name:kinase", {"name": "cyclin dependent kinase 2"})
    wildcard = score("name:kin*", {"name": "kinase"})
    assert exact > token > wildcard > 0.0


def test_more_matching_clauses_score_higher() -> None:
    one = score("symbol:cdk2 OR taxid:10090", CDK2)
    two = score("symbol:cdk2 OR taxid:9606", CDK2)
    assert two > one > 0.0
    assert score("symbol:cdk2 AND taxid:9606", CDK2) == two


def test_negative_clauses_add_nothing() -> None:
    assert score("symbol:cdk2 NOT symbol:cdk3", CDK2) == score("symbol:cdk2", CDK2)


def test_boost_multiplies_the_score() -> None:
    plain = score("symbol:cdk2", CDK2)
    assert score("symbol:cdk2^2", CDK2) == pytest.approx(2 * plain)
    assert score("(symbol:cdk2 OR name:kinase)^0.5", CDK2) < score(
        "symbol:cdk2 OR name:kinase", CDK2
    )
    assert compile_query("symbol:cdk2^0").matches(CDK2)


@pytest.mark.parametrize(
    ("approximate", "plain"),
    [
        ("symbol:cdk2~", "symbol:cdk2"),
        ("symbol:cdk2~1", "symbol:cdk2"),
        ('"cyclin kinase"~2', '"cyclin kinase"'),
        ('"kinase 2"~1', '"kinase 2"'),
    ],
)
def test_fuzzy_and_proximity_act_as_the_plain_term(approximate: str, plain: str) -> None:
    for doc in GENES:
        assert score(approximate, doc) == score(plain, doc)


def test_non_matching_documents_score_zero() -> None:
    query = compile_query("symbol:cdk3")
    assert query.score(CDK2) == 0.0
    assert not query.matches(CDK2)


# --- syntax errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q",
    [
        "symbol:(CDK2",
        "AND AND",
        '"unclosed',
        "a:",
        "",
        "   ",
        "a:b:c",
        "symbol:CDK2)",
        "taxid:[1 TO]",
        "a &&",
        "&& a",
        "symbol:/[cdk/",
        "_exists_:(a OR b)",
        "NOT",
    ],
)
def test_bad_syntax_raises_query_syntax_error(q: str) -> None:
    with pytest.raises(QuerySyntaxError) as error:
        compile_query(q)
    assert 0 < len(str(error.value)) < 200


def test_deeply_nested_query_is_a_syntax_error_or_works() -> None:
    deep = "(" * 3000 + "cdk2" + ")" * 3000
    try:
        query = compile_query(deep)
    except QuerySyntaxError:
        return
    assert query.matches(CDK2)


# --- performance -----------------------------------------------------------------------------


def test_twenty_five_thousand_documents_are_scored_quickly() -> None:
    docs = [dict(doc, _id=f"{doc['_id']}-{n}") for n in range(8_334) for doc in GENES]
    query = compile_query(
        "symbol:cdk* AND taxid:[9000 TO 10000] NOT refseq.rna:NM_001798",
        field_aliases=MYGENE_ALIASES,
    )
    started = time.perf_counter()
    matched = [doc for doc in docs if query.matches(doc)]
    assert len(matched) == 8_334
    assert time.perf_counter() - started < 2.0
