"""JSON on top of the byte store, and `StoreCache`: the `genechem.cache.Cache` interface over a
`Store`, so what uses that interface today (scroll pages) moves to the shared store unchanged."""

from __future__ import annotations

import json
from typing import Any

from genechem.store.base import Store


def dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def loads(data: bytes) -> Any:
    return json.loads(data)


class StoreCache:
    """`genechem.cache.Cache` (get/set/delete of JSON values) over a `Store`, under `namespace`."""

    def __init__(self, store: Store, namespace: str) -> None:
        self.store = store
        self.namespace = namespace

    async def get(self, key: str) -> Any | None:
        data = await self.store.get(f"{self.namespace}:{key}")
        return None if data is None else loads(data)

    async def set(self, key: str, value: Any, ttl: float) -> None:
        await self.store.set(f"{self.namespace}:{key}", dumps(value), ttl)

    async def delete(self, key: str) -> None:
        await self.store.delete(f"{self.namespace}:{key}")
