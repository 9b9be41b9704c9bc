"""Parsed and validated documents, cached across requests (Strawberry's LRU caches).

Parsing and validation were a fifth of a single-gene request's CPU, redone for every request of
the same document. Both caches are keyed by the document (its text; the validation cache by the
parsed document and the rules), bounded so unique query texts cannot grow memory without limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from graphql import GraphQLSyntaxError
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache

DOCUMENT_CACHE_SIZE = 1024
"""Distinct documents whose parse and validation are kept, least recently used dropped first."""


class DocumentParserCache(ParserCache):
    """Strawberry's ParserCache, except that a document that does not parse is left to
    Strawberry's own parse step, which answers the syntax error like any (GRAPHQL_PARSE_FAILED);
    raised from the extension it would escape that handling. Failures are not cached."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        try:
            context.graphql_document = self.cached_parse_document(
                context.query, **context.parse_options
            )
        except GraphQLSyntaxError:
            context.graphql_document = None
        yield


def document_caches() -> list[Callable[[], SchemaExtension]]:
    """Factories of the two caches (Strawberry builds extensions per request; the caches they
    use live at module level), to come first among the schema's extensions: ValidationCache sets
    the validation errors unconditionally, and later extensions (ErrorCodes' several-operations
    error) must be able to override them."""
    return [
        lambda: DocumentParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),
    ]
