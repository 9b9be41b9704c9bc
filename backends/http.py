"""The HTTP layer every client shares: one long-lived `httpx.AsyncClient` per service.

A request is retried, with exponential backoff and jitter, on connection errors, timeouts, 429,
502, 503 and 504, honouring `Retry-After`; other statuses are final. Each service has a concurrency
bound, and an optional rate limit (HGNC asks for at most 10 requests per second). Failures become
the typed errors of `genechem.errors`, naming the source, the status and the service's own message.

A service reached but too slow (its last attempt cut by the read timeout) is UPSTREAM_TIMEOUT;
one refusing connections, dropping them or answering 5xx is UPSTREAM_UNAVAILABLE.
Within a request (`genechem.deadline`): each attempt is cut at the request's deadline
(UPSTREAM_TIMEOUT), a retry starts only when its wait leaves time for an attempt, waits for the
shared rate and concurrency are bounded by the deadline (RATE_LIMITED with a retry hint,
`genechem.fairshare`), and a disconnected client's calls are cancelled. Per service
(`genechem.breaker`): retries are bounded by a retry budget, and a circuit breaker stops calls
to a service that keeps failing. Answers are read by `backends.answers`, URLs built by
`backends.urls`.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

import httpx
import stamina

from backends.answers import (
    Typed,
    decode_json,
    error_for,
    is_service_error,
    parse_retry_after,
)
from backends.calls import UpstreamCall, record
from backends.transport import AiohttpTransport
from backends.urls import query_suffix, query_value, service_url
from genechem.breaker import CircuitBreaker, MemoryBreaker, MemoryRetryBudget, RetryBudget
from genechem.deadline import RequestBudget, current_budget
from genechem.errors import (
    SOURCE_NAMES,
    Source,
    UpstreamMalformed,
    UpstreamRateLimited,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from genechem.fairshare import BudgetExhausted, FairRateLimiter, SharedRate, bounded_slot
from genechem.metrics import observe_limiter_wait
from genechem.settings import Settings

RETRY_STATUSES = frozenset({429, 502, 503, 504})
MIN_ATTEMPT_SECONDS = 0.1
"""A retry starts only when at least this much of the request's time is left after its wait: an
attempt with less could not finish in time."""
Params = Mapping[str, str | int | float | bool | None]
Failure = httpx.Response | httpx.TransportError
"""What a failed attempt left: a retryable answer, or the transport error."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One request to the service, as each of its attempts sends it."""

    method: str
    path: str
    query: dict[str, str]
    data: Mapping[str, str] | None
    json_body: Any


class _Retry(Exception):
    """stamina's signal: retry `failure` after `wait` seconds (the retry was judged, and paid
    for from the retry budget, before stamina sees it)."""

    def __init__(self, failure: Failure, wait: float) -> None:
        super().__init__(f"retry in {wait:.2f} s")
        self.failure = failure
        self.wait = wait


class _GiveUp(Exception):
    """A retryable failure that gets no retry (deadline, retry budget): the final outcome."""

    def __init__(self, failure: Failure) -> None:
        super().__init__("no retry")
        self.failure = failure


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
        breaker: CircuitBreaker | None = None,
        retry_budget: RetryBudget | None = None,
        shared_rate: SharedRate | None = None,
    ) -> None:
        self.source: Source = source
        self.base_url = base_url.rstrip("/")
        self.settings = settings
        timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        limits = httpx.Limits(max_connections=settings.max_concurrency)
        # httpx's API and errors over aiohttp's cheaper I/O (`backends.transport`).
        self.transport = transport if transport is not None else AiohttpTransport(limits=limits)
        self.client = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=timeout,
            limits=limits,
            transport=self.transport,
            headers={"User-Agent": "genechem/0.1", **(headers or {})},
        )
        self._timeouts = timeout.as_dict()
        self._slots = asyncio.Semaphore(settings.max_concurrency)
        # One grant every 1/rate seconds: no burst can exceed the rate in any one-second window
        # (a bucket of `rate` tokens would allow twice the rate at start). Turns go round the
        # requests waiting, so none holds the whole rate.
        self._limiter = FairRateLimiter(rate_limit) if rate_limit else None
        # With a shared store, the same rate for every replica together (`SharedRate`).
        self._shared_rate = shared_rate if rate_limit else None
        self.breaker: CircuitBreaker = breaker or MemoryBreaker(
            settings.breaker_failures, settings.breaker_cooldown
        )
        self.retry_budget: RetryBudget = retry_budget or MemoryRetryBudget(
            settings.retry_budget_ratio, settings.retry_budget_floor, settings.retry_budget_window
        )

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
        typed: Typed | None = None,
    ) -> Any:
        """Send one request (retrying transient failures) and return its decoded JSON body
        (by `typed` when it reads it, see `decode_json`)."""
        response = await self._response(method, path, params, data, json_body)
        if response.status_code >= 400:
            raise error_for(self.source, response)
        return self._decoded(response, typed)

    async def request_record(self, path: str, *, params: Params | None = None) -> Any | None:
        """`GET path` as `request_json`, but None when the service answers that it has no such
        record: a 404 with its own JSON error body (`{"success": false, ...}`). Any other 404
        (a route it does not know, a proxy's page) is an error as in `request_json`."""
        response = await self._response("GET", path, params, None, None)
        if response.status_code == 404 and is_service_error(response):
            return None
        if response.status_code >= 400:
            raise error_for(self.source, response)
        return self._decoded(response)

    async def _response(
        self,
        method: str,
        path: str,
        params: Params | None,
        data: Mapping[str, str] | None,
        json_body: Any,
    ) -> httpx.Response:
        query = {k: query_value(v) for k, v in (params or {}).items() if v is not None}
        return await self._send_with_retries(Outgoing(method, path, query, data, json_body))

    def _decoded(self, response: httpx.Response, typed: Typed | None = None) -> Any:
        try:
            return decode_json(response.content, typed)
        except ValueError as exc:
            raise UpstreamMalformed(
                self.source,
                f"{self.name} sent a response that is not valid JSON.",
                status=response.status_code,
                upstream_message=response.text[:200],
            ) from exc

    async def _send_with_retries(
        self,
        request: Outgoing,
    ) -> httpx.Response:
        budget = current_budget()
        await self.retry_budget.called()
        # The first attempt runs before stamina's machinery (a tenth of a single-gene
        # request's CPU to set up): nearly every call succeeds at once, and one that does not
        # enters the retry loop as its attempt 1, judged and retried exactly as before.
        first = await self._try(request)
        if isinstance(first, httpx.Response) and first.status_code not in RETRY_STATUSES:
            return first
        try:
            return await self._retry(first, request, budget)
        except (_Retry, _GiveUp) as exc:
            return self._final(exc.failure)

    async def _try(
        self,
        request: Outgoing,
    ) -> httpx.Response | httpx.TransportError:
        """One attempt: its response (final or retryable), or the transport error it met."""
        try:
            return await self._attempt(request)
        except httpx.TransportError as exc:
            return exc

    async def _retry(
        self,
        first: Failure,
        request: Outgoing,
        budget: RequestBudget | None,
    ) -> httpx.Response:
        """stamina's loop after a failed first attempt (`first`, its attempt 1); raises
        `_GiveUp` or the last `_Retry` when no attempt succeeds."""
        s = self.settings
        async for attempt in stamina.retry_context(
            on=_backoff,
            attempts=s.retry_attempts,
            timeout=s.retry_timeout,
            wait_initial=s.retry_wait_initial,
            wait_max=s.retry_wait_max,
            wait_jitter=s.retry_wait_jitter,
        ):
            with attempt:
                outcome = first if attempt.num == 1 else await self._try(request)
                if isinstance(outcome, httpx.Response) and (
                    outcome.status_code not in RETRY_STATUSES
                ):
                    return outcome
                await self._judge_retry(outcome, attempt.num, budget)
        raise AssertionError("unreachable: stamina yields at least one attempt")

    def _final(self, failure: Failure) -> httpx.Response:
        """The outcome of a call whose retries ended: its last retryable response, or the
        transport error as the typed error it stands for."""
        s = self.settings
        if isinstance(failure, httpx.Response):
            return failure
        if isinstance(failure, httpx.ReadTimeout):
            # Reached but too slow on the last attempt: a timeout, not a service down.
            raise UpstreamTimeout(
                self.source,
                f"{self.name} did not answer within {s.read_timeout:g} s "
                "(GENECHEM_READ_TIMEOUT); the fields waiting on it are null.",
                upstream_message=str(failure) or type(failure).__name__,
            ) from failure
        raise UpstreamUnavailable(
            self.source,
            f"{self.name} could not be reached ({type(failure).__name__}); try again later.",
            upstream_message=str(failure) or type(failure).__name__,
        ) from failure

    async def _judge_retry(self, failure: Failure, num: int, budget: RequestBudget | None) -> None:
        """Raise `_Retry` with the wait before attempt `num + 1`, or `_GiveUp` when there is
        none: the attempts are used up, the wait would leave the request too little time, or
        the service's retry budget is spent (checked last: a refused retry costs nothing)."""
        s = self.settings
        retry_after = (
            parse_retry_after(failure.headers.get("retry-after"))
            if isinstance(failure, httpx.Response)
            else None
        )
        if retry_after is not None:
            wait = retry_after
        else:
            wait = min(s.retry_wait_max, s.retry_wait_initial * 2 ** (num - 1))
            wait += random.uniform(0, s.retry_wait_jitter)
        if num >= s.retry_attempts:
            raise _GiveUp(failure)
        if budget is not None and budget.remaining() < wait + MIN_ATTEMPT_SECONDS:
            raise _GiveUp(failure)
        if not await self.retry_budget.try_retry():
            raise _GiveUp(failure)
        raise _Retry(failure, wait)

    async def _attempt(
        self,
        request: Outgoing,
    ) -> httpx.Response:
        """One attempt, if the breaker lets it through, cut at the request's deadline; its
        outcome is the breaker's evidence (a deadline or a budget refusal is none)."""
        budget = current_budget()
        if budget is not None and budget.expired:
            raise self._timed_out(budget)
        closed_for = await self.breaker.admit()
        if closed_for is not None:
            raise UpstreamUnavailable(
                self.source,
                f"{self.name} is failing: after repeated errors the gateway stopped calling it "
                f"for a while and will try it again in {closed_for:.0f} s.",
                retry_after=closed_for,
            )
        verdict = False
        try:
            async with asyncio.timeout(budget.remaining() if budget is not None else None):
                with budget.upstream_call() if budget is not None else nullcontext():
                    response = await self._send_once(request)
            verdict = True
        except httpx.TransportError:
            verdict = True
            await self.breaker.failed()
            raise
        except TimeoutError:
            assert budget is not None  # only the deadline's own timeout raises it
            raise self._timed_out(budget) from None
        finally:
            if not verdict:
                await self.breaker.abandoned()
        if response.status_code >= 500:
            await self.breaker.failed()
        else:
            await self.breaker.succeeded()
        return response

    def _timed_out(self, budget: RequestBudget) -> UpstreamTimeout:
        return UpstreamTimeout(
            self.source,
            f"{self.name} did not answer within the request's deadline; "
            "the fields waiting on it are null.",
        )

    async def _send_once(
        self,
        request: Outgoing,
    ) -> httpx.Response:
        budget = current_budget()
        max_wait = self.settings.budget_max_wait
        if budget is not None:
            max_wait = min(max_wait, budget.remaining())
        try:
            # The rate turn first, then a connection slot: a call waiting for its turn must not
            # hold one of the slots every other request needs.
            if self._limiter is not None:
                max_wait = await self._take_turn(budget, max_wait)
            async with bounded_slot(self._slots, max_wait):
                return await self._send_now(request)
        except BudgetExhausted as exc:
            raise UpstreamRateLimited(
                self.source,
                f"{self.name}'s request budget is taken by other requests: this request "
                f"would wait {exc.wait:.1f} s, longer than it may; try again later.",
                retry_after=exc.retry_after,
            ) from None

    async def _take_turn(self, budget: RequestBudget | None, max_wait: float) -> float:
        """This request's turn at the service's rate (its local fair turn, then the slot shared
        with every replica); returns what is left of `max_wait` for a connection slot."""
        assert self._limiter is not None
        started = time.monotonic()

        def left() -> float:
            waited = max_wait - (time.monotonic() - started)
            if budget is not None:
                waited = min(waited, budget.remaining())
            # A turn must leave time for the call itself.
            return max(0.0, waited - MIN_ATTEMPT_SECONDS) if budget else max(0.0, waited)

        await self._limiter.acquire(budget.id if budget is not None else 0, left())
        if self._shared_rate is not None:
            await self._shared_rate.acquire(left())
        if self.source == "hgnc":
            observe_limiter_wait(time.monotonic() - started)
        remaining = max_wait - (time.monotonic() - started)
        return min(remaining, budget.remaining()) if budget is not None else remaining

    async def _send_now(
        self,
        request: Outgoing,
    ) -> httpx.Response:
        started = time.perf_counter()
        status: int | None = None
        try:
            response = await self._exchange(request)
            status = response.status_code
            return response
        finally:
            elapsed = time.perf_counter() - started
            record(UpstreamCall(self.source, request.method, request.path, status, elapsed))

    async def _exchange(self, request: Outgoing) -> httpx.Response:
        """The request as the client would build it (the client's default headers and
        timeouts, the URL under the base URL), sent straight to the transport and read whole.
        The client's `send` adds nothing a call here uses (no auth, no redirects followed, no
        event hooks) but a cookie jar shared by every request, and it cost a quarter of an
        upstream call's CPU; its `build_request` merges cookies, params and headers that never
        change here, and converts the timeouts, on every call."""
        built = httpx.Request(
            request.method,
            service_url(self.base_url, request.path + query_suffix(request.query)),
            data=request.data,
            json=request.json_body,
            headers=self.client.headers,
            extensions={"timeout": self._timeouts},
        )
        if isinstance(self.transport, AiohttpTransport):
            return await self.transport.read_whole(built)
        response = await self.transport.handle_async_request(built)
        response.request = built
        try:
            await response.aread()
        except BaseException:
            await response.aclose()
            raise
        return response


def _backoff(exc: Exception) -> bool | float:
    """stamina's hook: retry what `_judge_retry` allowed, after the wait it chose."""
    return exc.wait if isinstance(exc, _Retry) else False
