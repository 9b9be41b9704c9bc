"""The HTTP layer every client shares: one long-lived `httpx.AsyncClient` per service.

A request is retried, with exponential backoff and jitter, on connection errors, timeouts, 429,
502, 503 and 504, honouring `Retry-After`; other statuses are final. Each service has a concurrency
bound, and an optional rate limit (HGNC asks for at most 10 requests per second). Failures become
the typed errors of `genechem.errors`, naming the source, the status and the service's own message.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx
import stamina
from aiolimiter import AsyncLimiter

from backends.calls import UpstreamCall, record
from genechem.errors import (
    SOURCE_NAMES,
    Source,
    UpstreamError,
    UpstreamInvalidQuery,
    UpstreamMalformed,
    UpstreamNotFound,
    UpstreamRateLimited,
    UpstreamUnavailable,
)
from genechem.settings import Settings

RETRY_STATUSES = frozenset({429, 502, 503, 504})
Params = Mapping[str, str | int | float | bool | None]


class _RetryableStatusError(Exception):
    """An answer worth another attempt; carries the response and its Retry-After, if any."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response
        self.retry_after = parse_retry_after(response.headers.get("retry-after"))


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
        return _as_text(body)[:300] or response.reason_phrase
    error = _as_text(body.get("error"))
    details = [_as_text(body[k]) for k in ("reason", "details") if body.get(k)]
    details += [_as_text(body[k]) for k in sorted(body) if k.startswith("root_cause_line_")]
    if body.get("keyword") and body.get("max") is not None:
        details.append(f"{body['keyword']} must be at most {body['max']}")
    elif body.get("keyword"):
        details.append(f"parameter {body['keyword']}")
    detail = "; ".join(d for d in details if d)
    if error and detail:
        return f"{error} ({detail})"
    return error or detail or response.reason_phrase


def _as_text(value: Any) -> str:
    """A body value as text: an object's `msg`, `message` or `reason` (Solr nests its error
    so), a list's items joined, a scalar as itself."""
    if value is None:
        return ""
    if isinstance(value, dict):
        for key in ("msg", "message", "reason", "error"):
            if value.get(key):
                return _as_text(value[key])
        return "; ".join(f"{k}: {_as_text(v)}" for k, v in value.items() if k != "code")
    if isinstance(value, list):
        return "; ".join(_as_text(v) for v in value)
    return str(value).strip()


class ServiceHTTP:
    """HTTP access to one service, with everything a good citizen of a public API does."""

    def __init__(
        self,
        source: Source,
        base_url: str,
        settings: Settings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        rate_limit: float | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.source: Source = source
        self.base_url = base_url.rstrip("/")
        self.settings = settings
        timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        limits = httpx.Limits(max_connections=settings.max_concurrency)
        self.client = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=timeout,
            limits=limits,
            transport=transport,
            headers={"User-Agent": "genechem/0.1", **(headers or {})},
        )
        self._slots = asyncio.Semaphore(settings.max_concurrency)
        # One token at a time, refilled every 1/rate seconds: no burst can exceed the rate in any
        # one-second window (a bucket of `rate` tokens would allow twice the rate at start).
        self._limiter = AsyncLimiter(1, 1.0 / rate_limit) if rate_limit else None

    @property
    def name(self) -> str:
        return SOURCE_NAMES[self.source]

    async def aclose(self) -> None:
        await self.client.aclose()

    async def request_json(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        data: Mapping[str, str] | None = None,
        json_body: Any = None,
    ) -> Any:
        """Send one request (retrying transient failures) and return its decoded JSON body."""
        query = {k: _param(v) for k, v in (params or {}).items() if v is not None}
        response = await self._send_with_retries(method, path, query, data, json_body)
        if response.status_code >= 400:
            raise self._error_for(response)
        try:
            return response.json()
        except (ValueError, json.JSONDecodeError) as exc:
            raise UpstreamMalformed(
                self.source,
                f"{self.name} sent a response that is not valid JSON.",
                status=response.status_code,
                upstream_message=response.text[:200],
            ) from exc

    async def _send_with_retries(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        data: Mapping[str, str] | None,
        json_body: Any,
    ) -> httpx.Response:
        s = self.settings
        try:
            async for attempt in stamina.retry_context(
                on=_backoff,
                attempts=s.retry_attempts,
                timeout=s.retry_timeout,
                wait_initial=s.retry_wait_initial,
                wait_max=s.retry_wait_max,
                wait_jitter=s.retry_wait_jitter,
            ):
                with attempt:
                    response = await self._send_once(method, path, query, data, json_body)
                    if response.status_code in RETRY_STATUSES:
                        raise _RetryableStatusError(response)
                    return response
        except _RetryableStatusError as exc:
            return exc.response
        except httpx.TransportError as exc:
            raise UpstreamUnavailable(
                self.source,
                f"{self.name} could not be reached ({type(exc).__name__}); try again later.",
                upstream_message=str(exc) or type(exc).__name__,
            ) from exc
        raise AssertionError("unreachable: stamina yields at least one attempt")

    async def _send_once(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        data: Mapping[str, str] | None,
        json_body: Any,
    ) -> httpx.Response:
        async with self._slots:
            if self._limiter is not None:
                await self._limiter.acquire()
            started = time.perf_counter()
            status: int | None = None
            try:
                response = await self.client.request(
                    method, path, params=query or None, data=data, json=json_body
                )
                await response.aread()
                status = response.status_code
                return response
            finally:
                record(
                    UpstreamCall(self.source, method, path, status, time.perf_counter() - started)
                )

    def _error_for(self, response: httpx.Response) -> UpstreamError:
        status = response.status_code
        reason = upstream_reason(response)
        if status == 404:
            return UpstreamNotFound(
                self.source,
                f"{self.name} has no such record.",
                status=status,
                upstream_message=reason,
            )
        if status == 429 or (status == 403 and self.source == "hgnc"):
            return UpstreamRateLimited(
                self.source,
                f"{self.name} is rate-limiting requests; try again later.",
                status=status,
                upstream_message=reason,
            )
        if status >= 500:
            return UpstreamUnavailable(
                self.source,
                f"{self.name} failed to answer (HTTP {status}: {reason}).",
                status=status,
                upstream_message=reason,
            )
        return UpstreamInvalidQuery(
            self.source,
            f"{self.name} rejected the request: {reason}",
            status=status,
            upstream_message=reason,
        )


def path_segment(value: str) -> str:
    """`value` as one URL path segment that no character of it can reshape.

    Everything but unreserved characters and `:` is percent-encoded (`/`, `?`, `#`, `%`, `+`,
    spaces, quotes, control characters), so a user's value never ends the segment or starts a
    query string; and a segment of only dots is encoded whole (`%2E%2E`), because `.` and `..`
    segments are removed by URL normalisation (httpx sends `/fetch/symbol/..` as `/fetch`).
    The services decode each segment back to the value.
    """
    if value and set(value) == {"."}:
        return "%2E" * len(value)
    return quote(value, safe=":")


def _backoff(exc: Exception) -> bool | float:
    """stamina's hook: retry transport errors and retryable statuses; honour Retry-After."""
    if isinstance(exc, _RetryableStatusError):
        return exc.retry_after if exc.retry_after is not None else True
    return isinstance(exc, httpx.TransportError)


def _param(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
