"""Compressed answers: zstd for clients that accept it, else gzip by ISA-L, else none.

Starlette's `GZipMiddleware` compresses with zlib and only ever offers gzip. Two things cost a
large answer more than they need to:
- zlib itself: on the 8 MB answer of 1000 genes with GO annotations zlib at level 3 took
  ~40 ms, an eighth of the gateway's CPU for that request (level 9, Starlette's default,
  ~360 ms). ISA-L's deflate at its default level takes ~6 ms for a body about as small (1.41 MB
  against zlib 3's 1.40 MB), and the output is ordinary gzip.
- gzip on the client's side: zlib decompresses the 790 KB answer of 100 heavy genes in ~1.2 ms.
  zstd (RFC 8878; Chrome, Firefox, curl, and httpx with `zstandard` ask for it) compresses it
  in ~0.4 ms to a third of gzip's size, and decompresses it in ~0.1 ms.

`Compression` picks the coding from `Accept-Encoding` with its q-values (RFC 9110 12.5.3):
`gzip;q=0` is a refusal, not a request, and `*` stands for any coding not named. Everything
else (which answers are compressed, `Vary`, streaming, excluded media types) is Starlette's.
Bodies of `THREAD_MINIMUM_SIZE` and more are compressed in a worker thread, smaller ones inline:
the hop to a thread cost as much as compressing the 790 KB answer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import anyio.to_thread
import zstandard
from isal import isal_zlib
from starlette.middleware.gzip import (
    DEFAULT_EXCLUDED_CONTENT_TYPES,
    GZipResponder,
    IdentityResponder,
)
from starlette.types import ASGIApp, Receive, Scope, Send

from genechem.cache import memo_short

GZIP_LEVEL = isal_zlib.ISAL_DEFAULT_COMPRESSION
"""ISA-L's levels run 0-3; its default (2) compresses like zlib 3 at a sixth of the time."""
GZIP_WBITS = 16 + isal_zlib.MAX_WBITS
"""A gzip header and trailer around the deflate stream, as zlib's `16 + MAX_WBITS`."""
ZSTD_LEVEL = 3
"""zstd's default level: its window (at most 2 MB) stays within the 8 MB that RFC 9659 lets
HTTP clients refuse beyond."""
THREAD_MINIMUM_SIZE = 1024 * 1024
"""Bodies this large or larger are compressed in a worker thread (Starlette: 128 KiB)."""
CACHED_HEADER_LENGTH = 200
"""`Accept-Encoding` values up to this long are remembered with their coding: browsers and
HTTP libraries send a few short ones."""
PREFERENCE = ("zstd", "gzip")
"""The codings offered, the server's choice first when a client weighs them equally."""


@memo_short(256, lambda accept_encoding: len(accept_encoding) <= CACHED_HEADER_LENGTH)
def chosen_encoding(accept_encoding: str) -> str | None:
    """The coding to answer with for an `Accept-Encoding` value: the offered coding with the
    highest q-value above 0, or None (identity, also for no header). A q-value that is not a
    number counts as 0. Kept for values up to `CACHED_HEADER_LENGTH`: a client's long header
    is read, not kept."""
    weights: dict[str, float] = {}
    for item in accept_encoding.split(","):
        name, _, parameters = item.partition(";")
        name = name.strip().lower()
        if not name:
            continue
        weight = 1.0
        for parameter in parameters.split(";"):
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value.strip())
                except ValueError:
                    weight = 0.0
        weights["gzip" if name == "x-gzip" else name] = weight
    chosen, best = None, 0.0
    for coding in PREFERENCE:
        weight = weights.get(coding, weights.get("*", 0.0))
        if weight > best:
            chosen, best = coding, weight
    return chosen


class IsalGZipResponder(GZipResponder):
    """Starlette's gzip responder with ISA-L's compressor (same flush constants as zlib's)."""

    @property
    def compressor(self) -> Any:
        if self._compressor is None:
            self._compressor = isal_zlib.compressobj(  # type: ignore[assignment]  # zlib's API
                self.compresslevel, isal_zlib.DEFLATED, GZIP_WBITS
            )
        return self._compressor


class ZstdResponder(IdentityResponder):
    """zstd: a whole body as one frame that states its size, a streamed one as a frame with a
    block flushed after each chunk (so the client can read each part as it arrives)."""

    content_encoding = "zstd"

    def __init__(
        self,
        app: ASGIApp,
        minimum_size: int,
        *,
        thread_minimum_size: int,
        exclude_content_types: tuple[str, ...],
    ) -> None:
        super().__init__(app, minimum_size, exclude_content_types=exclude_content_types)
        self.thread_minimum_size = thread_minimum_size
        self.stream: Any = None  # zstandard's compressobj, for streamed bodies

    async def apply_compression(self, body: bytes, *, more_body: bool) -> bytes:
        if len(body) >= self.thread_minimum_size:
            return await anyio.to_thread.run_sync(self.compressed, body, more_body)
        return self.compressed(body, more_body)

    def compressed(self, body: bytes, more_body: bool) -> bytes:
        if self.stream is None and not more_body:
            return zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(body)
        if self.stream is None:
            self.stream = zstandard.ZstdCompressor(level=ZSTD_LEVEL).compressobj()
        if more_body:
            return self.stream.compress(body) + self.stream.flush(  # type: ignore[no-any-return]
                zstandard.COMPRESSOBJ_FLUSH_BLOCK
            )
        return self.stream.compress(body) + self.stream.flush()  # type: ignore[no-any-return]


class Compression:
    """Compresses answers of `minimum_size` bytes or more with the coding the client prefers
    among zstd and gzip (see the module)."""

    def __init__(
        self,
        app: ASGIApp,
        minimum_size: int = 500,
        *,
        thread_minimum_size: int = THREAD_MINIMUM_SIZE,
        exclude_content_types: tuple[str, ...] = DEFAULT_EXCLUDED_CONTENT_TYPES,
    ) -> None:
        self.app = app
        excluded = exclude_content_types
        self.responders: dict[str | None, Callable[[], IdentityResponder]] = {
            "zstd": functools.partial(
                ZstdResponder,
                app,
                minimum_size,
                thread_minimum_size=thread_minimum_size,
                exclude_content_types=excluded,
            ),
            "gzip": functools.partial(
                IsalGZipResponder,
                app,
                minimum_size,
                compresslevel=GZIP_LEVEL,
                thread_minimum_size=thread_minimum_size,
                exclude_content_types=excluded,
            ),
            None: functools.partial(
                IdentityResponder, app, minimum_size, exclude_content_types=excluded
            ),
        }
        """A new responder (it holds one response's state) for each coding `chosen_encoding`
        answers."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        accepted = ", ".join(
            value.decode("latin-1")
            for key, value in scope["headers"]
            if key.lower() == b"accept-encoding"
        )
        await self.responders[chosen_encoding(accepted)]()(scope, receive, send)
