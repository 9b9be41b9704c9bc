"""Reading service values for GraphQL fields: lists stay lists, text stays text."""

from __future__ import annotations

from schema.values import project, raw_document, text, texts


def test_text_takes_the_first_value_of_a_list_and_never_stringifies_containers() -> None:
    assert text(["For the treatment of CML.", "second"]) == "For the treatment of CML."
    assert text([None, "", "x"]) == "x"
    assert text({"a": 1}) is None
    assert text(12) == "12"
    assert text("") is None


def test_texts_keeps_every_value() -> None:
    assert texts("a") == ["a"]
    assert texts(["a", None, 3]) == ["a", "3"]


def test_project_nests_dot_paths_through_lists() -> None:
    doc = {"_id": "1", "ensembl": [{"gene": "E1", "type": "x"}, {"gene": "E2"}], "symbol": "S"}
    assert raw_document(doc, ["ensembl.gene"]) == {
        "_id": "1",
        "ensembl": [{"gene": "E1"}, {"gene": "E2"}],
    }
    assert project(doc, None) is doc
