"""Depth and alias caps checked right after parsing, before validation.

Strawberry's QueryDepthLimiter and MaxAliasesLimiter are validation rules: a document over them
paid the whole validation first (80 ms of the event loop for 1000 aliases of one field, through
OverlappingFieldsCanBeMerged; 5 ms for `gene` nested 10 times), and every client queued behind
it paid too. Here the same counts, in Strawberry's words, are taken on the parsed document in
linear time without recursion, and a document's verdict is remembered by its text.

The limiters stay in the schema (they answer documents given already parsed), as
`StableDepthLimiter` and `StableAliasesLimiter`: one rule class per limit for the process, so
the validation cache, keyed by the rules, hits.
"""

from __future__ import annotations

import functools

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from graphql.validation import ValidationRule
from strawberry.extensions import AddValidationRules, MaxAliasesLimiter, QueryDepthLimiter
from strawberry.extensions.max_aliases import create_validator as create_alias_validator
from strawberry.extensions.query_depth_limiter import (
    create_validator as create_depth_validator,
)

from genechem.cache import Recent
from schema.document_cache import document_memo

QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"


@functools.cache
def depth_rule(max_depth: int) -> type[ValidationRule]:
    """Strawberry's depth rule for `max_depth`, one class for the process."""
    return create_depth_validator(max_depth, None, None)


@functools.cache
def alias_rule(max_aliases: int) -> type[ValidationRule]:
    """Strawberry's alias rule for `max_aliases`, one class for the process."""
    return create_alias_validator(max_aliases)


class StableDepthLimiter(QueryDepthLimiter):
    """Strawberry's QueryDepthLimiter with the same rule class on every request. Strawberry's
    builds a new class per request; the validation cache, keyed by the rules, then never hit
    (every request validated again) and filled with 1024 entries holding dead classes, which
    made each full garbage collection of the gateway cost ~100 ms."""

    def __init__(self, max_depth: int) -> None:
        AddValidationRules.__init__(self, [depth_rule(max_depth)])


class StableAliasesLimiter(MaxAliasesLimiter):
    """Strawberry's MaxAliasesLimiter with the same rule class on every request (see
    `StableDepthLimiter`)."""

    def __init__(self, max_alias_count: int) -> None:
        AddValidationRules.__init__(self, [alias_rule(max_alias_count)])


REFUSALS: Recent[tuple[str, int, int], str | None] = document_memo()
"""The parse-time verdicts (a refusal's message, or None) of recent documents, by their text
and the limits, bounded as the document cache is: a document sent again is not walked again."""
UNSEEN = "\0unseen"
"""What `REFUSALS.get` answers for a document it has no verdict for."""


def parse_time_verdict(
    query: str | None, document: DocumentNode, max_depth: int, max_aliases: int
) -> str | None:
    """The refusal's message for a document deeper than `max_depth` or with more than
    `max_aliases` aliases, else None; remembered by the document's text (not when the request
    sent a parsed document)."""
    key = (query or "", max_depth, max_aliases)
    if query:
        known = REFUSALS.get(key, UNSEEN)
        if known != UNSEEN:
            return known
    refusal = too_deep(document, max_depth) or too_many_aliases(document, max_aliases)
    message = None if refusal is None else refusal.message
    if query:
        REFUSALS.keep(key, message, len(query))
    return message


class OverLimitAtParse(GraphQLError):
    """Deeper than GENECHEM_MAX_DEPTH or more aliases than GENECHEM_MAX_ALIASES, found right
    after parsing (`QueryCost.on_parse`); raised out of the parse step, Strawberry answers it as
    the request's only error, already coded QUERY_TOO_COMPLEX."""


def too_many_aliases(document: DocumentNode, limit: int) -> OverLimitAtParse | None:
    """The refusal of a document with more than `limit` aliases (0: no limit), else None."""
    found = alias_count(document)
    if limit <= 0 or found <= limit:
        return None
    return OverLimitAtParse(
        f"{found} aliases found. Allowed: {limit}",
        extensions={"code": QUERY_TOO_COMPLEX},
    )


def too_deep(document: DocumentNode, limit: int) -> OverLimitAtParse | None:
    """The refusal of the first operation nested deeper than `limit` (0: no limit), else None.

    Depth as Strawberry's QueryDepthLimiter counts it: fields with a selection set on the way
    down, fragments inlined, introspection fields (`__schema`, ...) not counted."""
    if limit <= 0:
        return None
    depths: dict[int, int] = {}
    fragments = {
        d.name.value: d.selection_set
        for d in document.definitions
        if isinstance(d, FragmentDefinitionNode)
    }
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        depth = nesting(definition.selection_set, fragments, depths)
        if depth > limit:
            name = definition.name.value if definition.name else "anonymous"
            return OverLimitAtParse(
                f"'{name}' exceeds maximum operation depth of {limit}",
                extensions={"code": QUERY_TOO_COMPLEX},
            )
    return None


def nesting(
    root: SelectionSetNode,
    fragments: dict[str, SelectionSetNode],
    depths: dict[int, int],
) -> int:
    """The longest chain of fields with selection sets under `root`, in linear time without
    recursion: each selection set (a fragment's is one node however often it is spread) is
    measured once into `depths`; a fragment spread inside itself (invalid) counts nothing."""
    below: dict[int, list[tuple[int, SelectionSetNode]]] = {}
    stack: list[SelectionSetNode] = [root]
    while stack:
        node = stack[-1]
        key = id(node)
        if key in depths:
            stack.pop()
            continue
        children = below.get(key)
        if children is None:  # first visit: measure what is under it first
            below[key] = children = nested_sets(node, fragments)
            stack.extend(c for _, c in children if id(c) not in depths and id(c) not in below)
            continue
        stack.pop()  # second visit: everything under it is measured (or on the path: 0)
        depths[key] = max((w + depths.get(id(c), 0) for w, c in children), default=0)
    return depths[id(root)]


def nested_sets(
    node: SelectionSetNode, fragments: dict[str, SelectionSetNode]
) -> list[tuple[int, SelectionSetNode]]:
    """The selection sets directly under `node`, each with the depth it adds (1 under a field,
    0 for an inline fragment or a spread fragment)."""
    found: list[tuple[int, SelectionSetNode]] = []
    for selection in node.selections:
        if isinstance(selection, FieldNode):
            if selection.selection_set and not selection.name.value.startswith("__"):
                found.append((1, selection.selection_set))
        elif isinstance(selection, InlineFragmentNode):
            found.append((0, selection.selection_set))
        elif isinstance(selection, FragmentSpreadNode):
            spread = fragments.get(selection.name.value)
            if spread is not None:
                found.append((0, spread))
    return found


def alias_count(document: DocumentNode) -> int:
    """Aliases in the document as Strawberry's MaxAliasesLimiter counts them (in each operation,
    a fragment's again wherever it is spread), in linear time: a fragment's count is worked out
    once, and a fragment spreading itself (invalid anyway) counts nothing more."""
    own: dict[str | None, tuple[int, list[str]]] = {}
    roots: list[str | None] = []
    for index, definition in enumerate(document.definitions):
        if isinstance(definition, FragmentDefinitionNode):
            key: str | None = definition.name.value
        elif isinstance(definition, OperationDefinitionNode):
            key = f"#operation {index}"  # not a fragment name: those cannot start with `#`
            roots.append(key)
        else:
            continue
        own[key] = aliases_and_spreads(definition.selection_set)
    totals: dict[str | None, int] = {}
    for root in roots:
        resolve_total(root, own, totals)
    return sum(totals.get(root, 0) for root in roots)


def aliases_and_spreads(selections: SelectionSetNode | None) -> tuple[int, list[str]]:
    """The aliases in a selection set (walked without recursion) and the fragments it spreads."""
    aliases, spreads = 0, []
    stack = [selections]
    while stack:
        current = stack.pop()
        if current is None:
            continue
        for selection in current.selections:
            if isinstance(selection, FieldNode):
                aliases += selection.alias is not None
                stack.append(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                stack.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                spreads.append(selection.name.value)
    return aliases, spreads


def resolve_total(
    root: str | None,
    own: dict[str | None, tuple[int, list[str]]],
    totals: dict[str | None, int],
) -> None:
    """`totals[root]`: its own aliases plus those of every fragment it spreads, depth first
    with an explicit stack (a chain of fragments can be longer than Python's recursion)."""
    visiting: set[str | None] = set()
    stack: list[tuple[str | None, bool]] = [(root, False)]
    while stack:
        key, expanded = stack.pop()
        if key in totals or key not in own:
            continue
        aliases, spreads = own[key]
        if expanded:
            visiting.discard(key)
            totals[key] = aliases + sum(totals.get(s, 0) for s in spreads if s in totals)
            continue
        if key in visiting:  # a cycle: validation refuses the document anyway
            totals[key] = aliases
            continue
        visiting.add(key)
        stack.append((key, True))
        stack.extend((s, False) for s in spreads if s not in totals and s not in visiting)
