"""Whole answers in the store, for GET requests and persisted queries.

The key is the document's SHA-256, the variables (canonical JSON) and the operation name, so
the same query from any client, over GET or by persisted hash, on any replica, is one entry.
Only answers without errors are kept, for the shortest time-to-live of what they were made of
(the records and metadata the record cache served, capped by `response_cache_ttl`); the
answer's `Cache-Control: max-age` says the same to browsers and shared caches.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any

from strawberry.http import GraphQLRequestData

from genechem.metrics import observe_cache
from genechem.store import Store
from genechem.store.codec import dumps, loads


@dataclass(frozen=True)
class CachedAnswer:
    data: dict[str, Any]
    seconds_left: float


def answer_key(request: GraphQLRequestData) -> str | None:
    """The cache key of a request, None when it has no document to key on."""
    if request.query is None:
        return None
    variables = json.dumps(request.variables or {}, sort_keys=True, separators=(",", ":"))
    text = "\n".join((request.query, variables, request.operation_name or ""))
    return "answer:" + hashlib.sha256(text.encode()).hexdigest()


async def read_answer(store: Store, key: str) -> CachedAnswer | None:
    data = await store.get(key)
    observe_cache("response", hits=data is not None, misses=data is None)
    if data is None:
        return None
    envelope = loads(data)
    return CachedAnswer(envelope["data"], max(float(envelope["exp"]) - time.time(), 0.0))


async def keep_answer(store: Store, key: str, data: dict[str, Any], ttl: float) -> None:
    if ttl > 0:
        await store.set(key, dumps({"exp": time.time() + ttl, "data": data}), ttl)
