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

Many replicas (a Redis-protocol `store`): the approved set is loaded once for all of them. The
replica that wins an election (`set_if_absent` on a loader key, which expires should the loader
die) fetches it and stores the records, compressed (zlib over JSON: the full set is about a
tenth of its size), with a small version key; the others wait for that version and read the
snapshot instead of calling HGNC. A replica starting later reads the stored snapshot. Checks are
shared too: each interval one replica (another election) asks `/info` and reloads; every other
replica, at its own check, adopts a newer stored snapshot. A replica that finds no snapshot and
no loader (the loader died, the snapshot expired) loads it itself, still one at a time.
"""

from __future__ import annotations

import asyncio
import logging
import time
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

import orjson

from backends.hgnc import HGNCClient
from backends.shapes import Doc, as_list
from genechem.deadline import detached_context
from genechem.store import Store

log = logging.getLogger("genechem.hgnc_index")

ByField = dict[str, dict[str, list[Doc]]]

SNAPSHOT_KEY = "hgnc-index:snapshot"
VERSION_KEY = "hgnc-index:version"
"""When the stored snapshot was stored (wall clock): small, so waiting replicas poll it."""
LOADER_KEY = "hgnc-index:loader"
CHECK_KEY = "hgnc-index:check"
LOADER_LEASE = 120.0
"""Seconds a loader holds the election: past them (a loader that died) another may load."""
WAIT_POLL = 0.2
"""Seconds between two looks at the version key while another replica loads."""

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
    stored_at: float | None = None
    """Wall-clock time the snapshot was put in the shared store; None when not shared."""


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
        store: Store | None = None,
    ) -> None:
        self.client = client
        self.store = store
        """The store replicas share the index through; None: this process loads its own."""
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
            self._first_load = asyncio.create_task(self._first(), context=detached_context())
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
            if self.store is not None and not await self._shared_check_is_mine(current):
                self.last_error = None
                return
            if self.clock() - current.loaded_at >= self.ttl:
                self.snapshot = await self._reload(None, current)
            else:
                last_modified = await self._last_modified()
                # No date from HGNC: nothing to compare, the TTL alone decides.
                if last_modified is not None and last_modified != current.last_modified:
                    self.snapshot = await self._reload(last_modified, current)
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

    async def _first(self) -> IndexSnapshot:
        """The first index: the shared snapshot when there is one, else a load (elected)."""
        if self.store is None:
            return await self._load(None)
        stored = await self._read_shared(None)
        return stored if stored is not None else await self._load_shared(None, None)

    async def _reload(self, last_modified: str | None, current: IndexSnapshot) -> IndexSnapshot:
        if self.store is None:
            return await self._load(last_modified)
        return await self._load_shared(last_modified, current)

    async def _shared_check_is_mine(self, current: IndexSnapshot) -> bool:
        """Adopt a snapshot another replica stored since ours; else whether this replica won
        this interval's check (the others skip it: one `/info` per interval for all)."""
        assert self.store is not None
        newer = await self._read_shared(current)
        if newer is not None:
            self.snapshot = newer
            return False
        return await self.store.set_if_absent(CHECK_KEY, b"1", self.check_interval)

    async def _load_shared(
        self, last_modified: str | None, current: IndexSnapshot | None
    ) -> IndexSnapshot:
        """Load as the elected loader and store the result, or wait for the loader's snapshot
        (one newer than `current`). A loader that fails or dies frees the election, and a
        waiting replica then loads itself."""
        store = self.store
        assert store is not None
        while True:
            if await store.set_if_absent(LOADER_KEY, b"1", LOADER_LEASE):
                try:
                    records, found_modified = await self._fetch(last_modified)
                    return await self._store_shared(records, found_modified)
                finally:
                    await store.delete(LOADER_KEY)
            await asyncio.sleep(WAIT_POLL)
            stored = await self._read_shared(current)
            if stored is not None:
                return stored

    async def _store_shared(self, records: list[Doc], last_modified: str | None) -> IndexSnapshot:
        """Put the approved set in the store (the snapshot, then its version) and index it."""
        assert self.store is not None
        stored_at = time.time()
        payload = {"records": records, "lastModified": last_modified}
        data = await asyncio.to_thread(lambda: zlib.compress(orjson.dumps(payload), 6))
        await self.store.set(SNAPSHOT_KEY, data, self.ttl)
        await self.store.set(VERSION_KEY, repr(stored_at).encode(), self.ttl)
        log.info("HGNC index: shared with the other replicas (%d bytes compressed)", len(data))
        snapshot = IndexSnapshot(build_index(records), self.clock(), last_modified, len(records))
        return replace(snapshot, stored_at=stored_at)

    async def _read_shared(self, current: IndexSnapshot | None) -> IndexSnapshot | None:
        """The stored snapshot when there is one newer than `current` (any, without one)."""
        assert self.store is not None
        version = await self.store.get(VERSION_KEY)
        if version is None:
            return None
        stored_at = float(version)
        if current is not None and current.stored_at is not None and stored_at <= current.stored_at:
            return None
        data = await self.store.get(SNAPSHOT_KEY)
        if data is None:
            return None
        payload = await asyncio.to_thread(lambda: orjson.loads(zlib.decompress(data)))
        records: list[Doc] = payload["records"]
        age = max(0.0, time.time() - stored_at)
        log.info("HGNC index: read %d approved records another replica loaded", len(records))
        return IndexSnapshot(
            build_index(records),
            self.clock() - age,
            payload.get("lastModified"),
            len(records),
            stored_at,
        )

    async def _last_modified(self) -> str | None:
        value = (await self.client.info()).get("lastModified")
        return str(value) if value else None

    async def _load(self, last_modified: str | None) -> IndexSnapshot:
        """Fetch and index the approved set (see `_fetch`)."""
        records, last_modified = await self._fetch(last_modified)
        return IndexSnapshot(build_index(records), self.clock(), last_modified, len(records))

    async def _fetch(self, last_modified: str | None) -> tuple[list[Doc], str | None]:
        """The approved set and its date. `last_modified` is `/info`'s, when already read;
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
        return records, last_modified
