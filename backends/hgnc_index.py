"""HGNC index mode: every approved record loaded once, looked up in memory.

HGNC REST has no batch route, so resolving 1000 symbols costs 1000 requests at 10 per second. With
`GENECHEM_HGNC_INDEX=true` the gateway instead loads `/fetch/status/Approved` (every approved
record, one request), indexes it by HGNC id, symbol, previous and alias symbols, Entrez id and
Ensembl id, and reloads it after `GENECHEM_HGNC_INDEX_TTL` seconds. Withdrawn entries are not in
that response: a lookup the index cannot answer falls back to a `/fetch` of its own.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from backends.hgnc import HGNCClient
from backends.shapes import as_list

Doc = dict[str, Any]

INDEXED_FIELDS = (
    "hgnc_id",
    "symbol",
    "prev_symbol",
    "alias_symbol",
    "entrez_id",
    "ensembl_gene_id",
)


class HGNCIndex:
    """Approved HGNC records by every identifier field; loaded lazily, refreshed after a TTL."""

    def __init__(
        self, client: HGNCClient, ttl: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.client = client
        self.ttl = ttl
        self.clock = clock
        self.loaded_at: float | None = None
        self.by_field: dict[str, dict[str, list[Doc]]] = {}
        self._lock = asyncio.Lock()

    async def ready(self) -> None:
        """Load the index if it is absent or older than the TTL (one request)."""
        async with self._lock:
            if self.loaded_at is not None and self.clock() - self.loaded_at < self.ttl:
                return
            records = await self.client.fetch("status", "Approved")
            by_field: dict[str, dict[str, list[Doc]]] = {
                f: defaultdict(list) for f in INDEXED_FIELDS
            }
            for record in records:
                for field in INDEXED_FIELDS:
                    for value in as_list(record.get(field)):
                        by_field[field][str(value).lower()].append(record)
            self.by_field = by_field
            self.loaded_at = self.clock()

    def lookup(self, field: str, value: str) -> list[Doc] | None:
        """Records whose `field` holds `value` (any case); None if `field` is not indexed."""
        index = self.by_field.get(field)
        if index is None:
            return None
        return list(index.get(value.lower(), []))
