"""Schema extensions: error codes on every error, and the upstream-call report."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from backends.calls import CallLog, collecting
from genechem.errors import GenechemError

log = logging.getLogger("genechem.errors")

INTERNAL_MESSAGE = "Internal error in the gateway; it has been logged."


def coded(error: GraphQLError) -> GraphQLError:
    """The error as the client sees it: a message to show and `extensions.code` (and `source`)."""
    original = error.original_error
    if isinstance(original, GenechemError):
        message, extensions = original.message, original.extensions()
    elif original is None:
        # No exception behind it: GraphQL syntax or validation of the operation itself.
        message, extensions = error.message, {"code": "INVALID_QUERY"}
    else:
        log.error("unexpected error at %s", error.path, exc_info=original)
        message, extensions = INTERNAL_MESSAGE, {"code": "INTERNAL_ERROR"}
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions={**(error.extensions or {}), **extensions},
    )


class ErrorCodes(SchemaExtension):
    """Gives every error a stable code; unexpected exceptions never leak their text or trace."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [coded(e) for e in result.errors]
        pre = self.execution_context.pre_execution_errors
        if pre:
            self.execution_context.pre_execution_errors = [coded(e) for e in pre]


class UpstreamCalls(SchemaExtension):
    """Collects the upstream calls of the operation; reports them in `extensions.upstream` when
    the request sent the `X-Genechem-Upstream-Calls` header."""

    def on_operation(self) -> Iterator[None]:
        self.log = CallLog()
        with collecting(self.log):
            yield

    def get_results(self) -> dict[str, object]:
        context = self.execution_context.context
        if not getattr(context, "report_calls", False):
            return {}
        return {"upstream": {"calls": self.log.count(), "bySource": self.log.summary()}}
