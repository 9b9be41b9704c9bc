"""Whole answers in the store, for GET requests and persisted queries.

The key is the document's SHA-256, the variables (canonical JSON) and the operation name, so
the same query from any client, over GET or by persisted hash, on any replica, is one entry.
Only answers without errors are kept, for the shortest time-to-live of what they were made of
(the records and metadata the record cache served, capped by `response_cache_ttl`); the
answer's `Cache-Control: max-age` says the same to browsers and shared caches.

An entry is the answer as it is sent, `{"data":...}` in JSON, after its expiry time: a hit is
answered with those bytes, never decoded and written again. `answer_keys` remembers, per
process, the key each GET's query string was found to have, so that a repeated GET is
answered before the GraphQL view parses anything (`genechem.graphql_http`).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any

import orjson
from strawberry.http import GraphQLRequestData

from genechem.cache import Recent
from genechem.metrics import observe_cache
from genechem.store import Store

PREFIX = "answer:v2:"
"""v2: the entry is the answer's bytes (v1, `answer:`, was a JSON envelope of its data)."""


@dataclass(frozen=True)
class CachedAnswer:
    body: bytes
    """The answer as sent: `{"data":...}`, UTF-8 JSON."""
    seconds_left: float

    @property
    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = orjson.loads(self.body)["data"]
        return data


def answer_key(request: GraphQLRequestData) -> str | None:
    """The cache key of a request, None when it has no document to key on."""
    if request.query is None:
        return None
    variables = json.dumps(request.variables or {}, sort_keys=True, separators=(",", ":"))
    text = "\n".join((request.query, variables, request.operation_name or ""))
    return PREFIX + hashlib.sha256(text.encode()).hexdigest()


async def read_answer(store: Store, key: str) -> CachedAnswer | None:
    entry = await store.get(key)
    observe_cache("response", hits=entry is not None, misses=entry is None)
    if entry is None:
        return None
    expires, _, body = entry.partition(b"\n")
    return CachedAnswer(body, max(float(expires) - time.time(), 0.0))


async def keep_answer(store: Store, key: str, body: bytes, ttl: float) -> None:
    """Keep `body`, the answer's JSON (orjson writes no raw newline), for `ttl` seconds."""
    if ttl > 0:
        expires = b"%.3f\n" % (time.time() + ttl)
        await store.set(key, expires + body, ttl)


@dataclass(frozen=True)
class KnownAnswer:
    key: str
    operation: str | None
    """The operation's name, for the request's log line and metrics."""


def answer_keys(max_entries: int = 1024, max_length: int = 4096) -> Recent[bytes, KnownAnswer]:
    """The answer key each GET query string (as sent, undecoded) was found to have, the most
    recently used `max_entries` of them, none longer than `max_length` bytes, at most
    `max_entries * max_length / 4` bytes of query strings in all. A pure function's memo: the
    key of a query string never changes (a persisted query's hash names its document), so each
    process keeps its own and nothing here is shared."""
    return Recent(max_entries, max_entries * max_length // 4, max_length)
