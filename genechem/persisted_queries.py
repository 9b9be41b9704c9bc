"""Automatic persisted queries, Apollo's protocol, kept in the shared store.

A client sends `extensions.persistedQuery = {"version": 1, "sha256Hash": H}`:

    without `query`   the document registered under H runs; an unknown H is the request error
                      PERSISTED_QUERY_NOT_FOUND (message `PersistedQueryNotFound`), and the
                      client (Apollo Client's persisted-query link, or any other) resends with
                      `query` to register it
    with `query`      H must be the SHA-256 (hex) of `query` (else 400 BAD_REQUEST), which is
                      registered for `persisted_query_ttl` seconds and runs

so after the first request a frontend sends only the hash, over GET, where shared caches and
the gateway's answer cache (`genechem.response_cache`) can serve it. Every replica reads the
same store: registered on one, known on all.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from cross_web import HTTPException
from strawberry.http import GraphQLRequestData

from genechem.metrics import observe_cache
from genechem.store import Store

NOT_FOUND_CODE = "PERSISTED_QUERY_NOT_FOUND"
NOT_FOUND_MESSAGE = "PersistedQueryNotFound"
"""Apollo's message: clients match on it (older ones) or on the code."""
SUPPORTED_VERSION = 1


class PersistedQueryNotFound(Exception):
    """The hash is not registered (or its registration expired): send `query` with it."""


def persisted_hash(request: GraphQLRequestData) -> str | None:
    """The `sha256Hash` the request names, or None when it does not use persisted queries;
    400 when `extensions.persistedQuery` is malformed or of another version."""
    extension: Any = (request.extensions or {}).get("persistedQuery")
    if extension is None:
        return None
    if not isinstance(extension, dict) or extension.get("version") != SUPPORTED_VERSION:
        raise HTTPException(400, "Unsupported persisted query version; use version 1.")
    digest = extension.get("sha256Hash")
    if not isinstance(digest, str) or len(digest) != 64:
        raise HTTPException(400, "`persistedQuery.sha256Hash` must be 64 hexadecimal digits.")
    return digest.lower()


def document_hash(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


async def resolve_persisted(
    store: Store, request: GraphQLRequestData, ttl: float
) -> GraphQLRequestData:
    """`request` with its document: registered from `query`, or read from the store by hash."""
    digest = persisted_hash(request)
    if digest is None:
        return request
    key = f"apq:{digest}"
    if request.query is not None:
        if document_hash(request.query) != digest:
            raise HTTPException(400, "provided sha does not match query")
        await store.set(key, request.query.encode(), ttl)
        return request
    stored = await store.get(key)
    observe_cache("persisted_query", hits=stored is not None, misses=stored is None)
    if stored is None:
        raise PersistedQueryNotFound(NOT_FOUND_MESSAGE)
    return dataclasses.replace(request, query=stored.decode())
