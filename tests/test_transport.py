"""`backends.transport.AiohttpTransport` against httpx's own transport, side by side.

Each test runs both transports against the same small asyncio socket server: what reaches the
wire must be byte-for-byte the same, and every failure must raise the same httpx exception."""

from __future__ import annotations

import asyncio
import gzip
import socket
import struct
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import orjson
import pytest

from backends.http import ServiceHTTP
from backends.transport import AiohttpTransport
from backends.urls import CACHED_URL_LENGTH, query_suffix, service_url
from genechem.settings import Settings

Behaviour = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
TRANSPORTS: dict[str, Callable[[], httpx.AsyncBaseTransport]] = {
    "httpx": lambda: httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=1)),
    "aiohttp": lambda: AiohttpTransport(limits=httpx.Limits(max_connections=1)),
}


class RawServer:
    """A loopback server that records each request's raw bytes and answers by `behaviour`."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.requests: list[bytes] = []
        self.connections = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                self.requests.append(head + await reader.readexactly(length))
                await self.behaviour(reader, writer)
                if writer.is_closing():
                    return
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@asynccontextmanager
async def raw_server(behaviour: Behaviour) -> AsyncIterator[tuple[RawServer, str]]:
    recorder = RawServer(behaviour)
    server = await asyncio.start_server(recorder.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        yield recorder, f"http://127.0.0.1:{port}"
        server.close()


def answer(body: bytes, *, headers: bytes = b"") -> Behaviour:
    async def behave(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n%s\r\n%s" % (len(body), headers, body)
        )
        await writer.drain()

    return behave


def send_raw(data: bytes, *, reset: bool = False) -> Behaviour:
    """Send `data`, then close the connection: cleanly, or with a reset (RST)."""

    async def behave(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(data)
        await writer.drain()
        if reset:
            sock = writer.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
        else:
            writer.close()

    return behave


async def never_answer(_reader: asyncio.StreamReader, _writer: asyncio.StreamWriter) -> None:
    await asyncio.sleep(30)


WHOLE = "aiohttp, read whole"
KINDS = (*TRANSPORTS, WHOLE)
"""The two transports through httpx's client, and `AiohttpTransport.read_whole` (what
`backends.http` calls) given the request the client builds."""


async def fetch(kind: str, url: str, **kwargs: object) -> httpx.Response:
    timeout = httpx.Timeout(2.0, read=0.3)
    transport = TRANSPORTS["aiohttp" if kind == WHOLE else kind]()
    async with httpx.AsyncClient(transport=transport, timeout=timeout) as client:
        method = kwargs.pop("method", "GET")
        if kind == WHOLE:
            assert isinstance(transport, AiohttpTransport)
            built = client.build_request(method, url, **kwargs)  # type: ignore[arg-type]
            return await transport.read_whole(built)
        return await client.request(method, url, **kwargs)  # type: ignore[arg-type]


async def outcome(kind: str, url: str) -> type[BaseException] | None:
    """The type of httpx error the request met (its request attached), or None."""
    failure: httpx.TransportError | None = None
    try:
        await fetch(kind, url)
    except httpx.TransportError as exc:
        failure = exc
    if failure is None:
        return None
    assert failure.request.url == httpx.URL(url)
    return type(failure)


SHORT_BODY = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{}"
RAW_PATH = "/gene/%2E%2E/a%3Db%26%22%27%28%29%2F/x?q=%2F+%26x&fields=a%2Cb"


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        ("GET", {}),
        ("POST", {"data": {"q": "cdk2, tp53", "fields": "symbol"}}),
        ("POST", {"json": {"ids": ["1017", "%2E%2E"]}}),
        ("POST", {}),
        ("DELETE", {"headers": {"X-Custom": "a", "Accept-Encoding": "identity"}}),
    ],
)
async def test_request_bytes_are_the_same_as_httpx_sends(
    method: str, kwargs: dict[str, object]
) -> None:
    """Request line (percent-escapes and `%2E%2E` as encoded), headers and body: identical."""
    async with raw_server(answer(b"{}")) as (server, url):
        for kind in KINDS:
            response = await fetch(kind, url + RAW_PATH, method=method, **kwargs)
            assert response.status_code == 200
    by_httpx, by_aiohttp, read_whole = server.requests
    assert by_aiohttp.startswith(f"{method} {RAW_PATH} HTTP/1.1\r\n".encode())
    assert _normalised(by_aiohttp) == _normalised(by_httpx)
    assert _normalised(read_whole) == _normalised(by_httpx)


def _normalised(request: bytes) -> tuple[bytes, list[bytes], bytes]:
    """A request as (request line, header lines in order-free form, body): header order is the
    only freedom a transport has."""
    head, _, body = request.partition(b"\r\n\r\n")
    line, *headers = head.split(b"\r\n")
    return line, sorted(h.lower() for h in headers), body


async def test_gzip_bodies_are_decoded_once() -> None:
    document = orjson.dumps({"symbol": "CDK2", "note": "x" * 2000})
    compressed = gzip.compress(document)
    for kind in KINDS:
        async with raw_server(answer(compressed, headers=b"Content-Encoding: gzip\r\n")) as (
            _server,
            url,
        ):
            response = await fetch(kind, url + "/gene/1017")
        assert response.content == document, kind
        assert response.headers["content-encoding"] == "gzip"
        assert response.headers["content-length"] == str(len(compressed))


@pytest.mark.parametrize(
    ("behaviour", "expected"),
    [
        (send_raw(b"NOT HTTP AT ALL\r\n\r\n"), httpx.RemoteProtocolError),
        (send_raw(b"HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n{}"), httpx.RemoteProtocolError),
        (send_raw(SHORT_BODY), httpx.RemoteProtocolError),
        (
            send_raw(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{}", reset=True),
            httpx.ReadError,
        ),
        (send_raw(b""), httpx.RemoteProtocolError),
        (send_raw(b"", reset=True), httpx.ReadError),
        (never_answer, httpx.ReadTimeout),
    ],
    ids=[
        "bad-status-line",
        "bad-content-length",
        "eof-mid-body",
        "reset-mid-body",
        "closed-before-answer",
        "reset-before-answer",
        "read-timeout",
    ],
)
async def test_failures_raise_what_httpx_raises(behaviour: Behaviour, expected: type) -> None:
    seen: dict[str, type[BaseException] | None] = {}
    for kind in KINDS:
        async with raw_server(behaviour) as (server, url):
            seen[kind] = await outcome(kind, url + "/gene/1017")
        # One request per call: aiohttp's own silent retry of a dropped connection is off.
        assert len(server.requests) == 1, kind
    assert seen == dict.fromkeys(KINDS, expected)


async def test_refused_connection_is_a_connect_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    seen = {kind: await outcome(kind, f"http://127.0.0.1:{port}/gene/1017") for kind in KINDS}
    assert seen == dict.fromkeys(KINDS, httpx.ConnectError)


async def test_pool_wait_beyond_the_pool_timeout_is_a_pool_timeout() -> None:
    """One connection, held by an unread response: the second request waits for it."""
    seen = {}
    timeout = httpx.Timeout(2.0, pool=0.2)
    for kind, make in TRANSPORTS.items():
        async with (
            raw_server(answer(b"{}")) as (_server, url),
            httpx.AsyncClient(transport=make(), timeout=timeout) as client,
            client.stream("GET", url),
        ):
            try:
                await client.get(url)
            except httpx.TransportError as exc:
                seen[kind] = type(exc)
    assert seen == {"httpx": httpx.PoolTimeout, "aiohttp": httpx.PoolTimeout}


async def test_connections_are_kept_alive_and_reused() -> None:
    async with (
        raw_server(answer(b"{}")) as (server, url),
        httpx.AsyncClient(transport=TRANSPORTS["aiohttp"]()) as client,
    ):
        for _ in range(3):
            assert (await client.get(url)).json() == {}
    assert (server.connections, len(server.requests)) == (1, 3)


async def test_an_unread_response_closed_early_leaves_the_pool_usable() -> None:
    """A response closed before its body was read gives its connection slot back."""
    async with (
        raw_server(answer(b"x" * 100_000)) as (_server, url),
        httpx.AsyncClient(transport=TRANSPORTS["aiohttp"]()) as client,
    ):
        async with client.stream("GET", url) as response:
            assert response.status_code == 200
        assert len((await client.get(url)).content) == 100_000


async def test_a_body_cut_short_gives_its_connection_slot_back() -> None:
    """A streamed response whose body read failed, never closed by its caller: the stream
    gives its connection back itself (as httpcore's does), or the one connection of this pool
    stays taken and the next request waits out the pool timeout."""
    answers = iter([send_raw(SHORT_BODY, reset=True), answer(b"{}")])

    async def behave(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await next(answers)(reader, writer)

    timeout = httpx.Timeout(2.0, pool=0.5)
    async with (
        raw_server(behave) as (_server, url),
        httpx.AsyncClient(transport=TRANSPORTS["aiohttp"](), timeout=timeout) as client,
    ):
        streamed = await client.send(client.build_request("GET", url), stream=True)
        with pytest.raises(httpx.ReadError):
            await streamed.aread()  # and never closed by the caller
        assert (await client.get(url)).json() == {}


async def test_a_whole_read_cut_short_gives_its_connection_slot_back() -> None:
    """`read_whole` on a pool of one: a body cut short is a ReadError, and the next call gets
    the slot (and a new connection) at once; a body read whole leaves its connection for the
    next call."""
    answers = iter([send_raw(SHORT_BODY, reset=True), answer(b"{}"), answer(b"[]")])

    async def behave(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await next(answers)(reader, writer)

    transport = AiohttpTransport(limits=httpx.Limits(max_connections=1))
    timeout = httpx.Timeout(2.0, pool=0.5)
    async with (
        raw_server(behave) as (server, url),
        httpx.AsyncClient(transport=transport, timeout=timeout) as client,
    ):
        with pytest.raises(httpx.ReadError):
            await transport.read_whole(client.build_request("GET", url))
        assert (await transport.read_whole(client.build_request("GET", url))).json() == {}
        assert (await transport.read_whole(client.build_request("GET", url))).json() == []
    assert (server.connections, len(server.requests)) == (2, 3)


@pytest.mark.parametrize(
    ("method", "path", "options"),
    [
        ("GET", "/gene/1017", {"params": {"fields": "symbol,name", "species": "human"}}),
        (
            "GET",
            "/query",
            {"params": {"q": 'symbol:CDK* AND "a b"', "fields": "go.BP,x&y=z", "e": "%41 é+/?#"}},
        ),
        ("GET", "/gene/ENSG%2E1", {"params": {"fields": "symbol", "dotfield": "true"}}),
        ("POST", "/gene", {"json_body": {"ids": ["1017", "ENSG%2E%2E"], "fields": ["symbol"]}}),
        ("POST", "/query", {"data": {"q": "1017,1018", "scopes": "entrezgene"}}),
        ("GET", "/fetch/symbol/A%2FB%20C", {}),
        ("GET", "/fetch/symbol/%2E%2E", {}),
        ("GET", "/search/symbol:BRAF*", {}),
    ],
)
async def test_service_calls_go_out_as_httpx_s_client_sends_them(
    method: str, path: str, options: dict[str, Any]
) -> None:
    """`ServiceHTTP` hands the client's built request straight to the transport (skipping the
    client's `send`): the bytes on the wire are the client's own, and a gzip body is read."""
    document = {"query": "1017", "symbol": "CDK2"}
    gzipped = answer(gzip.compress(orjson.dumps(document)), headers=b"Content-Encoding: gzip\r\n")
    async with raw_server(gzipped) as (server, url):
        http = ServiceHTTP("mygene", url + "/v3", Settings(), headers={"X-Service": "yes"})
        try:
            assert await http.request_json(method, path, **options) == document
            client = http.client
            query = options.get("params")
            await client.request(
                method,
                path,
                params=query,
                data=options.get("data"),
                json=options.get("json_body"),
            )
        finally:
            await http.aclose()
    ours, theirs = server.requests
    assert _normalised(ours) == _normalised(theirs)
    assert b"x-service: yes" in ours.lower()


async def test_long_urls_are_sent_whole_and_not_kept_parsed() -> None:
    """A path and query up to CACHED_URL_LENGTH are kept parsed; a longer one (a long search)
    is parsed for its call only, and still goes out whole."""
    document = {"query": "x"}
    async with raw_server(answer(orjson.dumps(document))) as (server, url):
        http = ServiceHTTP("mygene", url + "/v3", Settings())
        try:
            service_url.cache_clear()  # other tests' URLs may have filled it
            kept = service_url.cache_info().currsize
            long_query = "symbol:" + "A" * CACHED_URL_LENGTH
            assert await http.request_json("GET", "/query", params={"q": long_query}) == document
            assert service_url.cache_info().currsize == kept
            assert await http.request_json("GET", "/query", params={"q": "CDK2"}) == document
            assert service_url.cache_info().currsize == kept + 1
        finally:
            await http.aclose()
    sent = server.requests[0].split(b"\r\n", 1)[0]
    assert sent == b"GET /v3/query?q=symbol%3A" + b"A" * CACHED_URL_LENGTH + b" HTTP/1.1"


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"fields": "symbol,name"},
        {"q": "symbol:CDK* AND taxid:9606", "fields": "symbol", "size": "10"},
        {"ids": "é,ü,\u2603", "fields": "a&b=c"},
        {"q": "x" * 600},  # longer than the cached ones: encoded each time
    ],
)
def test_a_query_string_is_encoded_as_httpx_encodes_params(query: dict[str, str]) -> None:
    expected = "?" + str(httpx.QueryParams(query)) if query else ""
    for _ in range(2):  # the second from the cache, for the short ones
        assert query_suffix(query) == expected
