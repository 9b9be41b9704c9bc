"""Reading a service's answers: JSON bodies, the service's own explanation of an error,
`Retry-After`, and the typed error (`genechem.errors`) a final failed status becomes."""

from __future__ import annotations

import email.utils
import json
import time
from typing import Any

import httpx
import msgspec

from genechem.errors import (
    SOURCE_NAMES,
    Source,
    UpstreamError,
    UpstreamInvalidQuery,
    UpstreamNotFound,
    UpstreamRateLimited,
    UpstreamUnavailable,
)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), capped at 60."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value.strip() else None
        if parsed is None:
            return None
        seconds = parsed.timestamp() - time.time()
    return min(max(seconds, 0.0), 60.0)


Typed = msgspec.json.Decoder[Any]
"""A decoder of an answer's expected shape, reading only what a selection reads
(`schema.typed_go`): a body it refuses is decoded plainly (`decode_json`)."""


def decode_json(body: bytes, typed: Typed | None = None) -> Any:
    """A JSON body as Python values: msgspec (a quarter faster than orjson on large gene
    documents, and exact on integers past 64 bits, which orjson turns into floats), then the
    standard library for what msgspec refuses but Python's JSON reads (NaN, Infinity, escaped
    lone surrogates, a byte-order mark). Raises ValueError when neither can read it. `typed`
    is tried first; a body it does not read whole (any value of another shape) is decoded as
    if it were not given."""
    if typed is not None:
        try:
            return typed.decode(body)
        except (msgspec.ValidationError, msgspec.DecodeError, RecursionError):
            pass
    try:
        return msgspec.json.decode(body)
    except (msgspec.DecodeError, RecursionError):
        return json.loads(body)


def is_service_error(response: httpx.Response) -> bool:
    """Whether the body is a BioThings error answer: a JSON object with `success: false`."""
    try:
        body = decode_json(response.content)
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("success") is False


def upstream_reason(response: httpx.Response) -> str:
    """The service's own explanation of an error, as text, from its JSON body when it has one.

    BioThings bodies give `error` (a reason or an Elasticsearch error type) plus details:
    `details`, `reason`, `root_cause_line_NN`, or the rejected parameter's `keyword` and `max`.
    HGNC (Solr) nests them: `{"error": {"msg": ..., "code": 400}}`. Either way the result is
    `<error> (<details>)`, never a Python repr of the body."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:300].strip() or response.reason_phrase
    if not isinstance(body, dict):
        return as_text(body)[:300] or response.reason_phrase
    error = as_text(body.get("error"))
    details = [as_text(body[k]) for k in ("reason", "details") if body.get(k)]
    details += [as_text(body[k]) for k in sorted(body) if k.startswith("root_cause_line_")]
    if body.get("keyword") and body.get("max") is not None:
        details.append(f"{body['keyword']} must be at most {body['max']}")
    elif body.get("keyword"):
        details.append(f"parameter {body['keyword']}")
    detail = "; ".join(d for d in details if d)
    if error and detail:
        return f"{error} ({detail})"
    return error or detail or response.reason_phrase


def as_text(value: Any) -> str:
    """A body value as text: an object's `msg`, `message` or `reason` (Solr nests its error
    so), a list's items joined, a scalar as itself."""
    if value is None:
        return ""
    if isinstance(value, dict):
        for key in ("msg", "message", "reason", "error"):
            if value.get(key):
                return as_text(value[key])
        return "; ".join(f"{k}: {as_text(v)}" for k, v in value.items() if k != "code")
    if isinstance(value, list):
        return "; ".join(as_text(v) for v in value)
    return str(value).strip()


def error_for(source: Source, response: httpx.Response) -> UpstreamError:
    """The typed error for a final failed status of `source`: 404 NOT_FOUND, 429 (and HGNC's
    403) RATE_LIMITED with the service's Retry-After, 5xx UPSTREAM_UNAVAILABLE, any other
    INVALID_QUERY; each names the service and carries its own explanation."""
    status = response.status_code
    name = SOURCE_NAMES[source]
    reason = upstream_reason(response)
    if status == 404:
        return UpstreamNotFound(
            source,
            f"{name} has no such record.",
            status=status,
            upstream_message=reason,
        )
    if status == 429 or (status == 403 and source == "hgnc"):
        return UpstreamRateLimited(
            source,
            f"{name} is rate-limiting requests; try again later.",
            status=status,
            upstream_message=reason,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
        )
    if status >= 500:
        return UpstreamUnavailable(
            source,
            f"{name} failed to answer (HTTP {status}: {reason}).",
            status=status,
            upstream_message=reason,
        )
    return UpstreamInvalidQuery(
        source,
        f"{name} rejected the request: {reason}",
        status=status,
        upstream_message=reason,
    )
