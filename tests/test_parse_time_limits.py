"""Depth and alias caps are checked right after parsing, before validation: a document over
them costs its parse and a walk of its tree, not a validation of every field (80 ms of the event
loop for 1000 aliases of one field, paid by every client queued behind it). The counts are
Strawberry's own (QueryDepthLimiter, MaxAliasesLimiter), so the caps refuse the same documents."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse, validate
from strawberry.extensions.max_aliases import count_fields_with_alias
from strawberry.extensions.query_depth_limiter import create_validator
from strawberry.schema.schema import validate_document as strawberry_validate

from schema import build_schema, document_cache
from schema.document_limits import alias_count, too_deep
from stress.abuse import fragment_fan_out, nested

DOCUMENTS = [
    *(nested(n) for n in range(4)),
    *(fragment_fan_out(levels, width) for levels in range(1, 5) for width in (1, 3)),
    "{ __schema { types { fields { type { ofType { ofType { name } } } } } } }",
    'query A { a: gene(id: "1") { chemicals { edges { node { name } } } } } '
    "query B { b: sources { name } c: sources { name } }",
    "fragment F on Gene { x: chemicals { edges { node { targets { edges { node { gene { "
    'symbol } } } } } } } } { gene(id: "1") { ... on Gene { ...F y: symbol } } }',
    'fragment F on Gene { a: symbol ...F } { gene(id: "1") { ...F } }',  # a cycle (invalid)
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_alias_count_is_strawberrys(document: str) -> None:
    parsed = parse(document)
    fragments = {
        d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)
    }
    theirs = sum(
        count_fields_with_alias(d, fragments)
        for d in parsed.definitions
        if isinstance(d, OperationDefinitionNode)
    )
    assert alias_count(parsed) == theirs


@pytest.mark.parametrize("document", DOCUMENTS[:-1])
@pytest.mark.parametrize("limit", [1, 2, 3, 5, 8, 15])
def test_depth_refusals_are_strawberrys(document: str, limit: int) -> None:
    parsed = parse(document)
    theirs = [
        e.message
        for e in validate(build_schema()._schema, parsed, [create_validator(limit, None, None)])
    ]
    mine = too_deep(parsed, limit)
    assert (mine.message if mine else None) == (theirs[0] if theirs else None)


def test_too_many_aliases_are_refused_before_validation() -> None:
    """Aliases of a field that does not exist: validation would add an error per alias."""
    document = "{ " + " ".join(f"a{i}: noSuchField" for i in range(1000)) + " }"
    result = build_schema().execute_sync(document)
    assert result.errors is not None
    [error] = result.errors
    assert error.message == "1000 aliases found. Allowed: 50"
    assert error.extensions == {"code": "QUERY_TOO_COMPLEX"}


def test_too_deep_is_refused_before_validation() -> None:
    document = "{ " + "gene(id: 1) { noSuchField { " * 10 + "x" + " } }" * 10 + " }"
    result = build_schema().execute_sync(document)
    assert result.errors is not None
    [error] = result.errors
    assert "exceeds maximum operation depth of 15" in error.message
    assert error.extensions == {"code": "QUERY_TOO_COMPLEX"}


def test_a_document_seen_before_is_not_validated_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limiters' rules are one class per limit for the process: the validation cache, keyed
    by the document and the rules, answers the second request (it missed every request when
    Strawberry's limiters built new rule classes each time)."""
    validated: list[Any] = []
    real = strawberry_validate

    def counted(*args: Any) -> Any:
        validated.append(args)
        return real(*args)

    monkeypatch.setattr(document_cache, "validate_document", counted)
    schema = build_schema()
    schema.execute_sync("{ __typename t: __typename seen_before: __typename }")
    schema.execute_sync("{ __typename t: __typename seen_before: __typename }")
    assert len(validated) == 1
