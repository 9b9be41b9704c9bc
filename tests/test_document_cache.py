"""The document cache (parse and validation) and the memos kept per document are bounded by the
documents' texts, not only by their count: a client sending large distinct documents cannot
make the gateway hold them all."""

from __future__ import annotations

from typing import Any

import graphql
import pytest
from strawberry.schema.schema import validate_document as strawberry_validate

from genechem.cache import Recent, memo_short
from schema import build_schema
from schema import document_cache as cache
from schema.document_cache import DOCUMENTS, LONGEST_CACHED_DOCUMENT, DocumentCache
from schema.document_limits import REFUSALS


def test_recent_is_bounded_by_count_and_by_cost() -> None:
    recent: Recent[str, int] = Recent(max_entries=3, max_cost=10, max_entry_cost=6)
    recent.keep("a", 1, cost=4)
    recent.keep("b", 2, cost=4)
    assert recent.get("a") == 1  # a is now the most recently used: b goes first
    recent.keep("c", 3, cost=4)
    assert ("b" in recent, "a" in recent, "c" in recent) == (False, True, True)
    assert recent.cost == 8
    recent.keep("huge", 4, cost=7)  # more than one entry may cost: not kept, nothing dropped
    assert ("huge" in recent, len(recent), recent.cost) == (False, 2, 8)
    for key in "defg":
        recent.keep(key, 0, cost=1)
    assert len(recent) == 3
    assert recent.get("missing", -1) == -1
    recent.keep("d", 9, cost=2)  # kept again: its old cost is given back
    assert recent.cost == sum(cost for _, cost in recent._entries.values())


def test_memo_short_keeps_the_results_of_short_inputs_only() -> None:
    calls: list[str] = []

    @memo_short(2, lambda value: len(value) <= 3)
    def shout(value: str) -> str:
        calls.append(value)
        return value.upper()

    assert [shout(v) for v in ["ab", "ab", "long", "long", "c", "d", "ab"]] == [
        "AB",
        "AB",
        "LONG",
        "LONG",
        "C",
        "D",
        "AB",
    ]
    # "ab" once, then again once "c" and "d" pushed it out; "long" every time, never kept
    assert calls == ["ab", "long", "long", "c", "d", "ab"]
    assert shout.cache_info().currsize == 2


def documents(count: int, size: int) -> list[str]:
    """`count` distinct valid documents of about `size` characters each (long aliases)."""
    alias = "a" * max(size - 30, 1)
    return [f"{{ {alias}{i}: __typename }}" for i in range(count)]


def test_many_large_documents_stay_within_the_cache_budget() -> None:
    schema = build_schema()
    for document in documents(40, 30_000):
        schema.execute_sync(document)
    assert DOCUMENTS.cost <= cache.DOCUMENT_CACHE_CHARS
    assert REFUSALS.cost <= cache.DOCUMENT_CACHE_CHARS
    assert len(DOCUMENTS) <= cache.DOCUMENT_CACHE_CHARS // 29_000


def test_a_document_longer_than_the_longest_cached_is_answered_but_not_kept() -> None:
    schema = build_schema()
    [document] = documents(1, LONGEST_CACHED_DOCUMENT + 100)
    before = len(DOCUMENTS)
    for _ in range(2):
        result = schema.execute_sync(document)
        assert result.errors is None, result.errors
    assert [k for k in DOCUMENTS._entries if k[0] == document] == []
    assert len(DOCUMENTS) <= before


def test_a_repeated_document_is_parsed_and_validated_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed: list[str] = []
    validated: list[Any] = []
    real_parse, real_validate = graphql.parse, strawberry_validate

    def parse(text: str, **options: Any) -> Any:
        parsed.append(text)
        return real_parse(text, **options)

    def validate(*args: Any) -> Any:
        validated.append(args[1])
        return real_validate(*args)

    monkeypatch.setattr(cache, "parse", parse)
    monkeypatch.setattr(cache, "validate_document", validate)
    schema = build_schema()
    document = "{ unique_for_parse_count: __typename }"
    results = [schema.execute_sync(document) for _ in range(3)]
    assert parsed == [document]
    assert len(validated) == 1
    assert all(r.errors is None and r.data == results[0].data for r in results)


def test_validation_errors_are_kept_per_schema_and_returned_each_time() -> None:
    document = "{ nosuchfield_for_cache_test }"
    for schema in (build_schema(), build_schema()):
        for _ in range(2):
            result = schema.execute_sync(document)
            assert result.errors is not None
            assert "nosuchfield_for_cache_test" in result.errors[0].message
    [entry] = [v for k, (v, _) in DOCUMENTS._entries.items() if k[0] == document]
    assert len(entry.validations) == 2


def test_the_cache_is_the_first_extension() -> None:
    assert build_schema().extensions[0] is DocumentCache


def test_what_an_operation_keeps_is_its_own_and_goes_with_it() -> None:
    """`kept_with` is by identity: an equal operation of another document (a node's equality
    and hash are structural) has a memo of its own; an operation's memo goes when the
    operation does."""
    import gc

    from graphql import OperationDefinitionNode, parse

    from schema.document_cache import KEPT, kept_with

    def operation(text: str) -> OperationDefinitionNode:
        definition = parse(text).definitions[0]
        assert isinstance(definition, OperationDefinitionNode)
        return definition

    first, second = operation("{ a }"), operation("{ a }")
    assert first == second
    memo = kept_with(first)
    assert memo is not None
    memo["x"] = 1
    assert kept_with(first) is memo
    assert kept_with(second) == {}
    assert kept_with(operation("query($v: Int) { a(v: $v) }")) == {}
    key = id(first)
    reference = KEPT[key][0]
    del first, memo
    gc.collect()
    assert reference() is None
    assert key not in KEPT or KEPT[key][0] is not reference


def test_reads_variables_follows_arguments_directives_and_fragments() -> None:
    """What reads no variable is kept with an operation that has some; a variable anywhere
    below the nodes, in a fragment they spread (or a fragment it spreads), counts."""
    from graphql import FieldNode, FragmentDefinitionNode, OperationDefinitionNode, parse

    from schema.document_cache import reads_variables

    document = parse(
        "query Q($v: Int, $b: Boolean!) { a(v: $v) { plain { x } skipped { y @skip(if: $b) } "
        "spread { ...Outer } clean { ...Clean } } } "
        "fragment Outer on T { ...Inner } fragment Inner on T { z(n: $v) } "
        "fragment Clean on T { w }"
    )
    operation, *definitions = document.definitions
    assert isinstance(operation, OperationDefinitionNode)
    fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
    [root] = operation.selection_set.selections
    assert isinstance(root, FieldNode)
    assert root.selection_set is not None
    below = {f.name.value: f for f in root.selection_set.selections if isinstance(f, FieldNode)}
    assert reads_variables(operation, [root], fragments.get)
    assert reads_variables(operation, [root.selection_set], fragments.get)
    assert not reads_variables(operation, [below["plain"]], fragments.get)
    assert reads_variables(operation, [below["skipped"]], fragments.get)
    assert reads_variables(operation, [below["spread"]], fragments.get)
    assert not reads_variables(operation, [below["clean"]], fragments.get)
    assert reads_variables(operation, [below["plain"], below["spread"]], fragments.get)
    literal = parse("{ a { b(n: 1) } }").definitions[0]
    assert isinstance(literal, OperationDefinitionNode)
    assert not reads_variables(literal, [literal], fragments.get)
