"""Compression (genechem.compression): zstd for clients that accept it, else gzip by ISA-L,
ordinary output of each for whole and streamed bodies; the coding chosen by `Accept-Encoding` and
its q-values; nothing compressed for clients that do not ask for it; large bodies compressed in
a worker thread, smaller ones inline."""

from __future__ import annotations

import asyncio
import gzip
import os
from collections.abc import AsyncIterator

import anyio.to_thread
import pytest
import zstandard
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.types import Message

from genechem.compression import (
    CACHED_HEADER_LENGTH,
    THREAD_MINIMUM_SIZE,
    Compression,
    chosen_encoding,
)

BODY = os.urandom(64 * 1024).hex().encode() + b'{"data": "json-ish"}' * 50_000
"""Large enough for the worker-thread path (`THREAD_MINIMUM_SIZE`), partly compressible."""
SMALL = BODY[-200_000:]
"""Compressed inline."""
CHUNK = 300_000


async def whole(_: Request) -> Response:
    return Response(BODY, media_type="application/json")


async def small(_: Request) -> Response:
    return Response(SMALL, media_type="application/json")


async def streamed(_: Request) -> StreamingResponse:
    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(BODY), CHUNK):
            yield BODY[start : start + CHUNK]

    return StreamingResponse(chunks(), media_type="application/json")


APP = Compression(
    Starlette(
        routes=[Route("/whole", whole), Route("/small", small), Route("/streamed", streamed)]
    ),
    minimum_size=500,
)


async def wire(path: str, encoding: str) -> tuple[dict[str, str], bytes]:
    """The headers and the body bytes exactly as the app sends them."""
    headers, bodies = await messages(path, encoding)
    return headers, b"".join(bodies)


async def messages(path: str, encoding: str) -> tuple[dict[str, str], list[bytes]]:
    """The headers and each body message's bytes as the app sends them."""
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"accept-encoding", encoding.encode()), (b"host", b"test")],
        "http_version": "1.1",
        "scheme": "http",
        "server": ("test", 80),
        "client": ("127.0.0.1", 1),
        "root_path": "",
    }
    sent: list[Message] = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]
    answered = asyncio.Event()

    async def receive() -> Message:
        if requests:
            return requests.pop()
        await answered.wait()  # the client stays until the answer is sent
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body"):
            answered.set()

    await APP(scope, receive, send)
    headers = {k.decode(): v.decode() for k, v in sent[0]["headers"]}
    return headers, [m.get("body", b"") for m in sent[1:]]


@pytest.mark.parametrize("path", ["/whole", "/streamed"])
async def test_answers_are_plain_gzip(path: str) -> None:
    headers, body = await wire(path, "gzip, deflate")
    assert headers["content-encoding"] == "gzip"
    assert headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == BODY
    assert len(body) < len(BODY) * 0.7
    if path == "/whole":
        assert int(headers["content-length"]) == len(body)


@pytest.mark.parametrize("path", ["/whole", "/small"])
async def test_answers_are_plain_zstd_for_clients_that_accept_it(path: str) -> None:
    headers, body = await wire(path, "gzip, deflate, br, zstd")
    assert headers["content-encoding"] == "zstd"
    assert headers["vary"] == "Accept-Encoding"
    assert int(headers["content-length"]) == len(body)
    sent = BODY if path == "/whole" else SMALL
    assert zstandard.ZstdDecompressor().decompress(body) == sent  # the frame states its size
    assert len(body) < len(sent) * 0.7


async def test_a_streamed_zstd_answer_can_be_read_part_by_part() -> None:
    headers, bodies = await messages("/streamed", "zstd")
    assert headers["content-encoding"] == "zstd"
    assert "content-length" not in headers
    reader = zstandard.ZstdDecompressor().decompressobj()
    read = b""
    for n, body in enumerate(bodies[:-1], start=1):
        read += reader.decompress(body)
        assert read == BODY[: n * CHUNK]  # each chunk readable as it arrives: a block flushed
    read += reader.decompress(bodies[-1])
    assert read == BODY


async def test_identity_when_no_offered_coding_is_accepted() -> None:
    for accepted in ("identity", "br", "gzip;q=0, zstd;q=0"):
        headers, body = await wire("/whole", accepted)
        assert "content-encoding" not in headers
        assert headers["vary"] == "Accept-Encoding"
        assert body == BODY


@pytest.mark.parametrize(
    ("accepted", "chosen"),
    [
        ("gzip", "gzip"),
        ("gzip, deflate", "gzip"),
        ("zstd", "zstd"),
        ("gzip, deflate, br, zstd", "zstd"),
        ("zstd, gzip", "zstd"),
        ("gzip;q=1, zstd;q=0.5", "gzip"),
        ("ZSTD;Q=0.8, gzip;q=0.9", "gzip"),
        ("zstd;q=0, gzip", "gzip"),
        ("gzip;q=0", None),
        ("x-gzip", "gzip"),
        ("*", "zstd"),
        ("*;q=0.5, zstd;q=0", "gzip"),
        ("zstd;q=high, gzip", "gzip"),
        ("br, identity", None),
        (" , ,", None),
        ("", None),
    ],
)
def test_the_coding_follows_accept_encoding_and_its_q_values(
    accepted: str, chosen: str | None
) -> None:
    assert chosen_encoding(accepted) == chosen


@pytest.mark.parametrize("coding", ["zstd", "gzip"])
async def test_only_large_bodies_are_compressed_in_a_worker_thread(
    coding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    threaded: list[int] = []
    run_sync = anyio.to_thread.run_sync

    async def counted(function: object, body: bytes, *args: object, **kwargs: object) -> object:
        threaded.append(len(body))
        return await run_sync(function, body, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    await wire("/small", coding)
    assert threaded == []
    await wire("/whole", coding)
    assert threaded == [len(BODY)]
    assert len(SMALL) < THREAD_MINIMUM_SIZE <= len(BODY)


async def test_a_long_accept_encoding_is_read_but_not_kept() -> None:
    long_value = "identity;q=0.5, " * 40 + "zstd"
    assert len(long_value) > CACHED_HEADER_LENGTH
    kept = chosen_encoding.cache_info().currsize
    headers, body = await wire("/small", long_value)
    assert headers["content-encoding"] == "zstd"
    assert zstandard.ZstdDecompressor().decompress(body) == SMALL
    assert chosen_encoding.cache_info().currsize == kept
