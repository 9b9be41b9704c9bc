"""Parsed and validated documents, cached across requests.

Parsing and validation were a fifth of a single-gene request's CPU, redone for every request of
the same document. `DocumentCache` keeps both, by the document's text, in one entry: the parsed
document and the validation errors found for it (per schema and rules).

The cache is bounded by what it holds, not only by how many: a parsed document costs about 120
bytes per character of its text when the text is dense (3.5 MB for a 30 KB document at the
10,000-token limit), so 1024 such documents, sent once each, would have held 3.6 GB. Documents
are kept while their texts add up to at most `DOCUMENT_CACHE_CHARS` (a few hundred typical
queries; ~30 MB of parsed documents at worst), none longer than `LONGEST_CACHED_DOCUMENT`: a
longer one is parsed and validated on every request, as without a cache. (Strawberry's
`ParserCache` and `ValidationCache` are bounded by count only, and the validation cache would
keep a document alive after the parse cache let it go.)
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from graphql import (
    BREAK,
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    Node,
    OperationDefinitionNode,
    Visitor,
    parse,
    visit,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from genechem.cache import Recent

DOCUMENT_CACHE_ENTRIES = 1024
"""Most distinct documents kept, least recently used dropped first."""
DOCUMENT_CACHE_CHARS = 256 * 1024
"""Most characters of document text kept in all (see the module)."""
LONGEST_CACHED_DOCUMENT = 32 * 1024
"""Longest document text kept: one document never takes more than an eighth of the cache."""

ValidationKey = tuple[GraphQLSchema, tuple[Any, ...]]


@dataclass
class CachedDocument:
    document: DocumentNode
    validations: dict[ValidationKey, list[GraphQLError]] = field(default_factory=dict)
    """The validation errors (empty: valid) for each schema and set of rules it was checked by."""


K = TypeVar("K")
V = TypeVar("V")


def document_memo() -> Recent[K, V]:
    """A memo of something per document, bounded as the document cache is: each entry costs
    the length of its document's text (parse-time verdicts and prices hold texts and
    documents too)."""
    return Recent(DOCUMENT_CACHE_ENTRIES, DOCUMENT_CACHE_CHARS, LONGEST_CACHED_DOCUMENT)


DOCUMENTS: Recent[tuple[str, tuple[tuple[str, Any], ...]], CachedDocument] = document_memo()
"""The documents of this process, by text and parse options (the token limit)."""


KEPT: dict[int, tuple[weakref.ref[OperationDefinitionNode], dict[Any, Any]]] = {}
"""What execution derives from an operation's nodes alone, by the operation's identity (a node's
own hash walks its whole tree: 6 us for a small query), kept for as long as the operation lives:
the document cache hands back the same document for the same text, so a repeated operation (most
requests) finds it made. Compiled plans (`schema.compiled`) and upstream field sets
(`resolvers.projection.kept_fields`) live here, each keyed by the identity of the field nodes it
was derived from and holding those nodes (so the identities stay their own), and only when those
nodes read no variable (`reads_variables`): `gene(id: $id) { symbol }` keeps the plan and
fields of `{ symbol }`. Nothing kept refers to the operation node itself: its entry goes when it
does (`forget`)."""


def kept_with(operation: OperationDefinitionNode) -> dict[Any, Any]:
    """The memo of what depends on `operation`'s nodes alone (see `KEPT`)."""
    key = id(operation)
    entry = KEPT.get(key)
    if entry is not None and entry[0]() is operation:
        return entry[1]
    kept: dict[Any, Any] = {}
    KEPT[key] = (weakref.ref(operation, functools.partial(forget, key)), kept)
    return kept


def kept(
    operation: OperationDefinitionNode,
    schema: object,
    key: Hashable,
    make: Callable[[], V],
    hold: object = None,
) -> V:
    """`make()`, made once per `key` and kept with `operation` (`KEPT`) for `schema`. `hold` is
    kept alive beside it: the nodes whose identities `key` holds. The caller makes sure what it
    keeps reads no variable (`reads_variables`)."""
    memo = kept_with(operation)
    found = memo.get(key)
    if found is None or found[0] is not schema:
        found = memo[key] = (schema, make(), hold)
    made: V = found[1]
    return made


def found_kept(operation: OperationDefinitionNode, schema: object, key: Hashable) -> Any:
    """What `kept` made for `key` and `schema` with `operation`, or None when nothing is."""
    found = kept_with(operation).get(key)
    return None if found is None or found[0] is not schema else found[1]


Fragments = Callable[[str], FragmentDefinitionNode | None]
"""The operation's fragment definitions, by name."""


def reads_variables(
    operation: OperationDefinitionNode, nodes: Sequence[Node], fragment: Fragments
) -> bool:
    """Whether any of `nodes`, or a fragment they spread (at any depth), refers to a variable:
    what is derived from nodes that read none is the same for every request of the operation.
    Walked once per node set and operation (kept with it)."""
    if not operation.variable_definitions:
        return False
    key = ("reads variables", *map(id, nodes))
    memo = kept_with(operation)
    found = memo.get(key)
    if found is None:
        found = memo[key] = (None, _reads_variables(nodes, fragment), tuple(nodes))
    reads: bool = found[1]
    return reads


class _VariableFinder(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = False
        self.spreads: list[str] = []

    def enter_variable(self, *_: object) -> object:
        self.found = True
        return BREAK

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: object) -> None:
        self.spreads.append(node.name.value)


def _reads_variables(nodes: Sequence[Node], fragment: Fragments) -> bool:
    finder = _VariableFinder()
    pending, seen = list(nodes), set[str]()
    while pending and not finder.found:
        visit(pending.pop(), finder)
        for name in finder.spreads:
            definition = fragment(name)
            if name not in seen and definition is not None:
                seen.add(name)
                pending.append(definition)
        finder.spreads.clear()
    return finder.found


def forget(key: int, gone: weakref.ref[OperationDefinitionNode]) -> None:
    """Drop the entry of an operation that no longer lives (its weak reference's callback)."""
    entry = KEPT.get(key)
    if entry is not None and entry[0] is gone:
        del KEPT[key]


class DocumentCache(SchemaExtension):
    """Parse and validation from `DOCUMENTS`, first among the schema's extensions: it sets the
    validation errors unconditionally, and later extensions (ErrorCodes' several-operations
    error) must be able to override them. A document that does not parse is left to
    Strawberry's own parse step, which answers the syntax error like any
    (GRAPHQL_PARSE_FAILED); raised from the extension it would escape that handling. Failures
    are not cached."""

    cached: CachedDocument | None = None

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        text = context.query
        if text is not None:
            key = (text, tuple(sorted(context.parse_options.items())))
            cached = DOCUMENTS.get(key)
            if cached is None:
                try:
                    cached = CachedDocument(parse(text, **context.parse_options))
                except GraphQLSyntaxError:
                    cached = None
                else:  # not kept when longer than LONGEST_CACHED_DOCUMENT
                    DOCUMENTS.keep(key, cached, len(text))
            if cached is not None:
                self.cached = cached
                context.graphql_document = cached.document
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        cached = self.cached
        if cached is not None and cached.document is context.graphql_document:
            key = (context.schema._schema, tuple(context.validation_rules))
            errors = cached.validations.get(key)
            if errors is None:
                errors = validate_document(key[0], cached.document, key[1])
                cached.validations[key] = errors
            context.pre_execution_errors = errors
        yield


def document_caches() -> list[Callable[[], SchemaExtension]]:
    """The factory of `DocumentCache`, to come first among the schema's extensions."""
    return [DocumentCache]
