"""An httpx transport that sends over aiohttp: httpx's API and errors, aiohttp's cheaper I/O.

httpx's own transport (httpcore over anyio) spends about 40% of a worker's CPU on a single-gene
request in its pool scan and socket layer; aiohttp's connector and C HTTP parser do the same work
for much less. This transport keeps everything above the wire httpx's, and exact:

- the request goes out as httpx built it: the URL's bytes as httpx encoded them (yarl neither
  re-quotes `%3D` nor resolves `%2E%2E`), its headers and nothing more (aiohttp's automatic
  Accept, Accept-Encoding, User-Agent and Content-Type are skipped), its body bytes;
- the response comes back raw and streamed: no decompression (httpx decodes Content-Encoding
  itself), no redirects, no cookies, no proxy or netrc from the environment;
- httpx's timeouts apply: `pool` bounds the wait for one of `max_connections` (a semaphore held
  until the response is closed, as httpx's pool holds a connection), `connect` the DNS + TCP +
  TLS set-up, `read` each wait for data. aiohttp has no write timeout; bodies here are small;
- every failure is the httpx exception httpx's own transport raises for the same event
  (`map_error`, `as_httpx_errors`), with the request attached: so retries, breakers and error
  codes see one thing.

aiohttp retries a request once, by itself, when a connection drops before the answer; httpx does
not, and the caller's retry policy (`backends.http`) must see each attempt, so a client
middleware hides those drops from aiohttp's retry (`_as_httpx_sent`).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import ssl
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

import aiohttp
import certifi
import httpx
from yarl import URL

SKIPPED_AUTO_HEADERS = frozenset({"Accept", "Accept-Encoding", "User-Agent", "Content-Type"})
"""Headers aiohttp adds unless told not to; httpx sets its own (or deliberately none)."""
MAX_HEADER_BYTES = 100 * 1024
"""Longest status line or header field accepted: httpcore's (h11's) bound, not aiohttp's 8 KiB."""
NO_CEILING = 1e9
"""aiohttp rounds timeouts above a threshold up to whole seconds; httpx never does."""


class _Dropped(aiohttp.ClientError):
    """A connection that failed mid-exchange, hidden from aiohttp's own silent retry
    (`_as_httpx_sent`)."""

    def __init__(self, cause: aiohttp.ClientError) -> None:
        super().__init__(str(cause))
        self.cause = cause


_LENGTH_SET = contextvars.ContextVar[bool]("httpx_set_content_length", default=True)
"""Whether httpx gave the request being sent a Content-Length (read by `_as_httpx_sent`)."""


async def _as_httpx_sent(
    request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
) -> aiohttp.ClientResponse:
    """The request as httpx built it, and its failures as httpx reports them.

    aiohttp gives a body-less DELETE (any method but GET, HEAD, OPTIONS, TRACE) a
    `Content-Length: 0` httpx does not send: removed. And aiohttp re-sends an idempotent request
    once when its connection drops (ClientOSError, ServerDisconnectedError), where httpx reports
    the drop: those two become `_Dropped`, which aiohttp passes through and `map_error` unwraps.
    Connect failures are never retried by aiohttp and pass unchanged."""
    if not _LENGTH_SET.get() and request.headers.get("Content-Length") == "0":
        del request.headers["Content-Length"]
    try:
        return await handler(request)
    except aiohttp.ClientConnectorError:
        raise
    except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError) as exc:
        raise _Dropped(exc) from exc


def map_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError | None:
    """The httpx exception httpx's own transport raises for the event aiohttp reported as `exc`,
    or None when `exc` is not a transport failure (a cancellation, a programming error).
    Timeouts and resets carry no message, as httpx's do (the caller names the type instead)."""
    if isinstance(exc, _Dropped):
        exc = exc.cause
    for kind, make in _MAPPING:
        if isinstance(exc, kind):
            return make(exc, request)
    return None


class as_httpx_errors:  # noqa: N801 (used as a statement: `with as_httpx_errors(request):`)
    """Within it, a failure `map_error` knows leaves as httpx's exception for `request`, raised
    from aiohttp's; anything else (a cancellation, a programming error) leaves unchanged."""

    __slots__ = ("request",)

    def __init__(self, request: httpx.Request) -> None:
        self.request = request

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: BaseException | None, traceback: object) -> None:
        if isinstance(exc, Exception):
            mapped = map_error(exc, self.request)
            if mapped is not None:
                raise mapped from exc


def _empty(
    kind: type[httpx.TransportError],
) -> Callable[[BaseException, httpx.Request], httpx.TransportError]:
    return lambda _exc, request: kind("", request=request)


def _disconnected(_exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    return httpx.RemoteProtocolError(
        "Server disconnected without sending a response.", request=request
    )


def _protocol(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    message = exc.message if isinstance(exc, aiohttp.ClientResponseError) else str(exc)
    return httpx.RemoteProtocolError(_one_line(message or str(exc)), request=request)


def _connect_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """httpx's wording when no address of the host accepted the connection; the OS's reason
    otherwise (a DNS or TLS failure)."""
    assert isinstance(exc, aiohttp.ClientConnectorError)
    if isinstance(exc.os_error, ConnectionRefusedError) or "Connect call failed" in str(exc):
        return httpx.ConnectError("All connection attempts failed", request=request)
    return httpx.ConnectError(str(exc.os_error) or str(exc), request=request)


def _one_line(message: str) -> str:
    """aiohttp's parser explains over several lines, with a caret under the fault: one line."""
    return " ".join(word for word in message.split() if word != "^")


def _payload_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """A body cut short: by a reset (httpx: ReadError) or a clean close before the announced
    length, or a malformed chunk (httpx: RemoteProtocolError). aiohttp tells them apart only in
    its message, which names the connection error when there was one."""
    message = str(exc)
    if "ConnectionResetError" in message or "BrokenPipeError" in message:
        return httpx.ReadError("", request=request)
    return httpx.RemoteProtocolError(
        "peer closed connection without sending complete message body", request=request
    )


_MAPPING: tuple[
    tuple[type[BaseException], Callable[[BaseException, httpx.Request], httpx.TransportError]],
    ...,
] = (
    (aiohttp.ConnectionTimeoutError, _empty(httpx.ConnectTimeout)),
    (aiohttp.ServerTimeoutError, _empty(httpx.ReadTimeout)),  # SocketTimeoutError: sock_read
    (aiohttp.ClientConnectorError, _connect_error),  # refused, DNS, TLS
    (aiohttp.ServerDisconnectedError, _disconnected),
    (aiohttp.ClientPayloadError, _payload_error),  # the body cut short or malformed
    (aiohttp.ClientResponseError, _protocol),  # unparseable status line or headers
    (aiohttp.ClientConnectionResetError, _empty(httpx.WriteError)),  # writing to a closed socket
    (aiohttp.ClientConnectionError, _empty(httpx.ReadError)),  # reset, broken pipe
    (OSError, _empty(httpx.ReadError)),
    (aiohttp.ClientError, _protocol),
)
"""aiohttp's exception -> httpx's for the same event; the first match wins (subclasses first)."""


class AiohttpResponseStream(httpx.AsyncByteStream):
    """An aiohttp response's body as httpx's stream: chunks as they arrive, errors as httpx's,
    and the connection (and its pool slot) given back when httpx closes the response."""

    def __init__(
        self, response: aiohttp.ClientResponse, request: httpx.Request, slot: asyncio.Semaphore
    ) -> None:
        self._response = response
        self._request = request
        self._slot: asyncio.Semaphore | None = slot

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with as_httpx_errors(self._request):
            try:
                async for chunk in self._response.content.iter_any():
                    yield chunk
            except BaseException:
                # httpx closes a response only when its body was read to the end: a body cut
                # short (or a cancelled read) gives its connection and slot back here, as
                # httpcore's stream does.
                await self.aclose()
                raise

    async def aclose(self) -> None:
        # release() keeps the connection only when the body was read to its end.
        self._response.release()
        if self._slot is not None:
            self._slot.release()
            self._slot = None


class AiohttpTransport(httpx.AsyncBaseTransport):
    """httpx's transport interface over one aiohttp session, created in the running loop on
    first use (a session belongs to one event loop)."""

    def __init__(
        self,
        *,
        limits: httpx.Limits | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        limits = limits or httpx.Limits()
        self._max_connections = limits.max_connections
        self._keepalive_expiry = limits.keepalive_expiry
        # Built now, at startup: loading the CA bundle takes ~10-20 ms, which the first upstream
        # call would otherwise wait for (and arrive that much later than the limiter granted).
        self._ssl_context = ssl_context or default_ssl_context()
        self._session: aiohttp.ClientSession | None = None
        self._slots: asyncio.Semaphore | None = None
        self._timeouts: dict[tuple[float | None, ...], aiohttp.ClientTimeout] = {}

    def _open(self) -> tuple[aiohttp.ClientSession, asyncio.Semaphore]:
        if self._session is None or self._slots is None:
            connector = aiohttp.TCPConnector(
                limit=0,  # the slots bound connections, with httpx's pool timeout
                limit_per_host=0,
                keepalive_timeout=self._keepalive_expiry,
                ssl=self._ssl_context,
                timeout_ceil_threshold=NO_CEILING,
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                cookie_jar=aiohttp.DummyCookieJar(),
                skip_auto_headers=SKIPPED_AUTO_HEADERS,
                auto_decompress=False,
                trust_env=False,
                timeout=aiohttp.ClientTimeout(),
                max_line_size=MAX_HEADER_BYTES,
                max_field_size=MAX_HEADER_BYTES,
                middlewares=(_as_httpx_sent,),
            )
            self._slots = asyncio.Semaphore(self._max_connections or 2**31 - 1)
        return self._session, self._slots

    def _timeout(self, request: httpx.Request) -> tuple[aiohttp.ClientTimeout, float | None]:
        """aiohttp's timeout for httpx's `connect` and `read`, and httpx's `pool` wait."""
        t: Mapping[str, float | None] = request.extensions.get("timeout", {})
        connect, read = t.get("connect"), t.get("read")
        key = (connect, read)
        timeout = self._timeouts.get(key)
        if timeout is None:
            timeout = aiohttp.ClientTimeout(
                connect=connect, sock_read=read, ceil_threshold=NO_CEILING
            )
            self._timeouts[key] = timeout
        return timeout, t.get("pool")

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session, slots = self._open()
        timeout, pool = self._timeout(request)
        await _acquire(slots, pool, request)
        try:
            response = await self._send(session, request, timeout)
        except BaseException:
            slots.release()
            raise
        return httpx.Response(
            response.status,
            headers=response.raw_headers,
            stream=AiohttpResponseStream(response, request, slots),
            extensions=_extensions(response),
        )

    async def read_whole(self, request: httpx.Request) -> httpx.Response:
        """The response with its body read: what `handle_async_request` and httpx's `aread`
        give (the same errors; the connection and its slot given back), without httpx's stream
        layers, a sixth of an upstream call's CPU, for a caller that wants the body whole."""
        session, slots = self._open()
        timeout, pool = self._timeout(request)
        await _acquire(slots, pool, request)
        try:
            answer = await self._send(session, request, timeout)
            try:
                with as_httpx_errors(request):
                    body = await answer.read()
            finally:
                answer.release()  # keeps the connection only when the body was read to its end
        finally:
            slots.release()
        response = httpx.Response(
            answer.status,
            headers=answer.raw_headers,
            stream=httpx.ByteStream(body),  # as received: httpx decodes Content-Encoding
            extensions=_extensions(answer),
            request=request,
        )
        response.read()
        return response

    async def _send(
        self, session: aiohttp.ClientSession, request: httpx.Request, limit: aiohttp.ClientTimeout
    ) -> aiohttp.ClientResponse:
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw]
        data: Any = None
        if "transfer-encoding" in request.headers:
            # A streamed body: aiohttp frames it (and names the encoding) itself.
            headers = [(k, v) for k, v in headers if k.lower() != "transfer-encoding"]
            data = _chunks(request)
        elif "content-length" in request.headers:
            data = await request.aread()
        _LENGTH_SET.set(data is not None)
        with as_httpx_errors(request):
            return await session.request(
                request.method,
                URL(str(request.url), encoded=True),
                headers=headers,
                data=data,
                allow_redirects=False,
                timeout=limit,
            )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
            self._slots = None


async def _acquire(slots: asyncio.Semaphore, pool: float | None, request: httpx.Request) -> None:
    """One of the connection slots, waiting at most `pool` seconds (httpx's PoolTimeout)."""
    if not slots.locked():
        await slots.acquire()
        return
    try:
        async with asyncio.timeout(pool):
            await slots.acquire()
    except TimeoutError:
        raise httpx.PoolTimeout("timed out waiting for a connection", request=request) from None


async def _chunks(request: httpx.Request) -> AsyncIterator[bytes]:
    assert isinstance(request.stream, httpx.AsyncByteStream)
    async for chunk in request.stream:
        yield chunk


def _extensions(response: aiohttp.ClientResponse) -> dict[str, Any]:
    """httpx's response extensions: the HTTP version and the reason phrase, as bytes."""
    return {
        "http_version": _http_version(response.version),
        "reason_phrase": (response.reason or "").encode("ascii", "replace"),
    }


def _http_version(version: aiohttp.HttpVersion | None) -> bytes:
    return b"HTTP/%d.%d" % (version.major, version.minor) if version else b"HTTP/1.1"


@functools.cache
def default_ssl_context() -> ssl.SSLContext:
    """Verified TLS with the CA bundle httpx uses (certifi), so both transports trust alike; one
    per process, shared by every service's transport."""
    return ssl.create_default_context(cafile=certifi.where())
