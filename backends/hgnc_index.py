"""HGNC index mode: every approved record loaded once, looked up in memory.

HGNC REST has no batch route, so resolving 1000 symbols costs 1000 requests at 10 per second. With
`GENECHEM_HGNC_INDEX=true` the gateway instead loads `/fetch/status/Approved` (every approved
record, one request) and indexes it by HGNC id, symbol, previous and alias symbols, Entrez id and
Ensembl id. Withdrawn entries are not in that response: a lookup the index cannot answer falls
back to a `/fetch` of its own.

Freshness is stale-while-revalidate, so that HGNC's own hiccups never take the HGNC fields down:

- Only the very first load is awaited, and all requests arriving meanwhile share that one load.
  If it fails, they fail, and the next request starts a new one.
- Once an index exists no request waits for HGNC again. At most every
  `GENECHEM_HGNC_INDEX_CHECK_INTERVAL` seconds a request starts one background check: HGNC's cheap
  `/info`, and a reload of the approved set only when its `lastModified` differs from the loaded
  index's, or the index is older than `GENECHEM_HGNC_INDEX_TTL` (a backstop for a service that
  does not report `lastModified`). One check or reload runs at a time.
- A failed check or reload keeps the last good index (logged as a warning, kept in
  `last_error`), and is tried again after the check interval.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from backends.hgnc import HGNCClient
from backends.shapes import Doc, as_list
from genechem.deadline import detached_context

log = logging.getLogger("genechem.hgnc_index")

ByField = dict[str, dict[str, list[Doc]]]

INDEXED_FIELDS = (
    "hgnc_id",
    "symbol",
    "prev_symbol",
    "alias_symbol",
    "entrez_id",
    "ensembl_gene_id",
)


@dataclass(frozen=True)
class IndexSnapshot:
    """One loaded approved set: replaced whole on reload, so a lookup never sees half of one."""

    by_field: ByField
    loaded_at: float
    last_modified: str | None
    """HGNC's `/info` `lastModified` when the set was loaded; None if it did not say."""
    size: int = 0


def build_index(records: list[Doc]) -> ByField:
    """field -> lower-cased value -> the records holding it."""
    by_field: dict[str, defaultdict[str, list[Doc]]] = {
        f: defaultdict(list) for f in INDEXED_FIELDS
    }
    for record in records:
        for name in INDEXED_FIELDS:
            for value in as_list(record.get(name)):
                by_field[name][str(value).lower()].append(record)
    return {name: dict(values) for name, values in by_field.items()}


class HGNCIndex:
    """Approved HGNC records by every identifier field; loaded lazily, revalidated in the
    background (see the module docstring)."""

    def __init__(
        self,
        client: HGNCClient,
        ttl: float,
        check_interval: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.ttl = ttl
        self.check_interval = check_interval
        self.clock = clock
        self.snapshot: IndexSnapshot | None = None
        self.checked_at: float | None = None
        self.last_error: Exception | None = None
        """Why the latest check or reload failed; None once one succeeds."""
        self._first_load: asyncio.Task[IndexSnapshot] | None = None
        self._refresh: asyncio.Task[None] | None = None

    @property
    def loaded_at(self) -> float | None:
        return self.snapshot.loaded_at if self.snapshot else None

    async def ready(self) -> None:
        """Make sure an index exists: await the first load (shared by every caller); after that
        never wait, but start a background check when one is due."""
        if self.snapshot is None:
            await self._load_first()
            return
        if self._check_due():
            self._start_refresh()

    async def refreshed(self) -> None:
        """Wait for the background check or reload in flight, if any (tests, shutdown)."""
        if self._refresh is not None:
            await asyncio.shield(self._refresh)

    async def aclose(self) -> None:
        """Cancel a background check or reload still in flight."""
        for task in (self._refresh, self._first_load):
            if task is not None and not task.done():
                task.cancel()

    def lookup(self, field: str, value: str) -> list[Doc] | None:
        """Records whose `field` holds `value` (any case); None if `field` is not indexed or no
        index is loaded yet."""
        index = self.snapshot.by_field.get(field) if self.snapshot else None
        if index is None:
            return None
        return list(index.get(value.lower(), []))

    async def _load_first(self) -> None:
        if self._first_load is None:
            # Detached from the request that started it: its deadline or disconnect must not cut
            # short a load every request shares.
            self._first_load = asyncio.create_task(self._load(None), context=detached_context())
        task = self._first_load
        try:
            # Shielded: one caller giving up (a cancelled request) must not cancel the others' load.
            snapshot = await asyncio.shield(task)
        except asyncio.CancelledError:
            raise
        except Exception:
            if self._first_load is task:
                self._first_load = None  # the next request tries afresh
            raise
        if self.snapshot is None:
            self.snapshot = snapshot
            self.checked_at = self.clock()

    def _check_due(self) -> bool:
        if self._refresh is not None and not self._refresh.done():
            return False
        return self.checked_at is None or self.clock() - self.checked_at >= self.check_interval

    def _start_refresh(self) -> None:
        self.checked_at = self.clock()
        self._refresh = asyncio.create_task(self._revalidate(), context=detached_context())

    async def _revalidate(self) -> None:
        """Reload when HGNC says its data changed or the index outlived the TTL; on failure keep
        the index, and let the next check (one interval later) try again."""
        current = self.snapshot
        if current is None:
            return
        try:
            if self.clock() - current.loaded_at >= self.ttl:
                self.snapshot = await self._load(None)
            else:
                last_modified = await self._last_modified()
                # No date from HGNC: nothing to compare, the TTL alone decides.
                if last_modified is not None and last_modified != current.last_modified:
                    self.snapshot = await self._load(last_modified)
            self.last_error = None
        except Exception as exc:
            self.last_error = exc
            log.warning(
                "HGNC index: revalidation failed; still answering from the index loaded %.0f s "
                "ago (%s)",
                self.clock() - current.loaded_at,
                exc,
            )
        finally:
            self.checked_at = self.clock()

    async def _last_modified(self) -> str | None:
        value = (await self.client.info()).get("lastModified")
        return str(value) if value else None

    async def _load(self, last_modified: str | None) -> IndexSnapshot:
        """Fetch and index the approved set. `last_modified` is `/info`'s, when already read;
        otherwise `/info` is asked first (a failure there only leaves the date unknown), so a
        change made during the fetch is seen at the next check rather than missed."""
        if last_modified is None:
            try:
                last_modified = await self._last_modified()
            except Exception as exc:
                log.info("HGNC index: /info failed before a load (%s); date unknown", exc)
        records = await self.client.fetch("status", "Approved")
        log.info(
            "HGNC index: loaded %d approved records (lastModified %s)", len(records), last_modified
        )
        return IndexSnapshot(build_index(records), self.clock(), last_modified, len(records))
