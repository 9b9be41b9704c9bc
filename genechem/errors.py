"""The one error hierarchy. Every error the API shows carries a stable UPPER_SNAKE_CASE code.

    GenechemError                    code INTERNAL_ERROR
    +-- InvalidInput                 code INVALID_INPUT     (an argument the gateway rejects)
    |   +-- InvalidCursor            code INVALID_CURSOR    (forged, altered, foreign or garbage)
    |   +-- TooManyScrolls           code TOO_MANY_SCROLLS  (upstream scrolls past a request's or
    |                                                        a client's share)
    +-- CursorExpired                code CURSOR_EXPIRED    (the upstream scroll behind it ended)
    +-- ResultChanged                code RESULT_CHANGED    (the data changed under a cursor walk)
    +-- UpstreamError                (a REST service failed; names `source` and `status`)
        +-- UpstreamNotFound         code NOT_FOUND
        +-- UpstreamInvalidQuery     code INVALID_QUERY     (a 400 with the service's reason)
        +-- UpstreamRateLimited      code RATE_LIMITED      (429 or 403 after retries, or a
        |                                                    shared budget the request's
        |                                                    deadline cannot wait for)
        +-- UpstreamUnavailable      code UPSTREAM_UNAVAILABLE (timeouts, 5xx, connection
        |   |                                                  errors, an open circuit breaker)
        |   +-- UpstreamTimeout      code UPSTREAM_TIMEOUT  (no answer in time: the last
        |                                                    attempt's read timeout, or the
        |                                                    request's deadline)
        +-- UpstreamMalformed        code UPSTREAM_MALFORMED (a body that breaks the contract)

`extensions()` is what a GraphQL error carries: `code`, and `source` for upstream failures;
`retryAfter` (seconds) when the gateway knows when trying again makes sense.
Mistakes in the GraphQL request itself are no exception of this hierarchy: `schema.extensions`
codes them GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED or BAD_USER_INPUT (a variable's value).
INVALID_QUERY is only ever a service's rejection of what the gateway sent.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, Literal

Source = Literal["mygene", "mychem", "hgnc"]

SOURCE_NAMES: dict[str, str] = {
    "mygene": "MyGene.info",
    "mychem": "MyChem.info",
    "hgnc": "HGNC REST",
}


class GenechemError(Exception):
    """Base of every error the gateway reports."""

    code: ClassVar[str] = "INTERNAL_ERROR"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def extensions(self) -> dict[str, Any]:
        """The `extensions` of the GraphQL error built from this exception."""
        return {"code": self.code}


class InvalidInput(GenechemError):
    """An argument the gateway rejects before calling any service."""

    code = "INVALID_INPUT"


class InvalidCursor(InvalidInput):
    """A cursor the gateway did not issue, altered, of another search, or garbage."""

    code = "INVALID_CURSOR"


class CursorExpired(GenechemError):
    """The upstream scroll a cursor points into has expired: the client must search again."""

    code = "CURSOR_EXPIRED"


class ResultChanged(GenechemError):
    """The hits a walk served are no longer the search's first ones: the data changed under it,
    and going on could repeat or skip hits. The client must search again."""

    code = "RESULT_CHANGED"


class UpstreamError(GenechemError):
    """A REST service answered with an error, or did not answer."""

    def __init__(
        self,
        source: Source,
        message: str,
        *,
        status: int | None = None,
        upstream_message: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.source: Source = source
        self.status = status
        self.upstream_message = upstream_message
        self.retry_after = retry_after

    def extensions(self) -> dict[str, Any]:
        ext: dict[str, Any] = {"code": self.code, "source": self.source}
        if self.status is not None:
            ext["status"] = self.status
        if self.retry_after is not None:
            # Whole seconds, rounded up, at least 1: what an HTTP Retry-After would say.
            ext["retryAfter"] = max(1, math.ceil(self.retry_after))
        return ext


class UpstreamNotFound(UpstreamError):
    """The service has no record for the id asked."""

    code = "NOT_FOUND"


class UpstreamInvalidQuery(UpstreamError):
    """The service rejected the request (400 and other 4xx): bad syntax, caps, unknown field."""

    code = "INVALID_QUERY"


class UpstreamRateLimited(UpstreamError):
    """The service kept refusing for rate reasons (429, or 403 from HGNC) after retries."""

    code = "RATE_LIMITED"


class UpstreamUnavailable(UpstreamError):
    """Timeouts, connection errors and 5xx answers that outlasted the retries."""

    code = "UPSTREAM_UNAVAILABLE"


class UpstreamTimeout(UpstreamUnavailable):
    """The service did not answer in time: its last attempt hit GENECHEM_READ_TIMEOUT, or the
    request's deadline passed before it answered (or before a call could start). The fields
    still waiting on it are null. A connection refused or dropped, or a 5xx, stays
    UPSTREAM_UNAVAILABLE."""

    code = "UPSTREAM_TIMEOUT"


class UpstreamMalformed(UpstreamError):
    """The service answered 2xx with a body that is not the contract's shape."""

    code = "UPSTREAM_MALFORMED"


class TooManyScrolls(InvalidInput):
    """One request asked for more upstream scrolls (`scan` searches, walks past 10,000 hits)
    than it may open, or one client opened more than its share recently."""

    code = "TOO_MANY_SCROLLS"

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    def extensions(self) -> dict[str, Any]:
        ext = super().extensions()
        if self.retry_after is not None:
            ext["retryAfter"] = max(1, math.ceil(self.retry_after))
        return ext


OVERLOADED = "OVERLOADED"
"""The code of the 503 a saturated process answers before running anything (`genechem.shedding`)."""
