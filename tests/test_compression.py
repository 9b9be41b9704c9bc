"""gzip by ISA-L (genechem.compression): ordinary gzip out, for whole and streamed bodies, and
nothing compressed for clients that do not ask for it."""

from __future__ import annotations

import asyncio
import gzip
import os
from collections.abc import AsyncIterator

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.types import Message

from genechem.compression import GZip

BODY = os.urandom(64 * 1024).hex().encode() + b'{"data": "json-ish"}' * 50_000
"""Large enough for Starlette's worker-thread path (128 KiB and more), partly compressible."""


async def whole(_: Request) -> Response:
    return Response(BODY, media_type="application/json")


async def streamed(_: Request) -> StreamingResponse:
    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(BODY), 300_000):
            yield BODY[start : start + 300_000]

    return StreamingResponse(chunks(), media_type="application/json")


APP = GZip(
    Starlette(routes=[Route("/whole", whole), Route("/streamed", streamed)]), minimum_size=500
)


async def wire(path: str, encoding: str) -> tuple[dict[str, str], bytes]:
    """The headers and the body bytes exactly as the app sends them."""
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
    return headers, b"".join(m.get("body", b"") for m in sent[1:])


@pytest.mark.parametrize("path", ["/whole", "/streamed"])
async def test_answers_are_plain_gzip(path: str) -> None:
    headers, body = await wire(path, "gzip, deflate")
    assert headers["content-encoding"] == "gzip"
    assert headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == BODY
    assert len(body) < len(BODY) * 0.7
    if path == "/whole":
        assert int(headers["content-length"]) == len(body)


async def test_identity_when_gzip_is_not_accepted() -> None:
    headers, body = await wire("/whole", "identity")
    assert "content-encoding" not in headers
    assert body == BODY
