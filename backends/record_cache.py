"""Upstream records cached in the store, between the loaders and the services.

What is cached, per service: the answer for one record id (or one batch-query term) and one
field set, exactly as the service sent it, for `record_cache_ttl` seconds. Keys carry the
service's build version (`build_version` of BioThings metadata, `lastModified` of HGNC's /info),
read from metadata cached for `metadata_ttl` seconds: a new build changes every key, so stale
records are never read again and expire on their own. Keys also carry the origin, a digest of the
client's base URL (`origin_of`): demo records the in-process mirror served are never read by the
live clients `auto` switches to, nor one replica's upstream's by another's, even within a TTL.

Why per field set and not one full record projected locally: MyGene.info's full gene documents
run to hundreds of kilobytes (a few kilobytes for the fields a query reads), so full records
would multiply upstream transfer and store memory, and re-implementing the services' field
selection (dot paths, wildcards, `dotfield`) locally risks answers that differ from theirs.

Single flight: concurrent misses for the same key in this process wait for the one call in
flight. The cached clients are subclasses of the real ones, so the loaders' data flow (resolver
-> loader -> client -> HTTP) is unchanged; a store that fails degrades to uncached calls.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from backends.answers import Typed
from backends.biothings import BioThingsClient
from backends.calls import record_cache
from backends.hgnc import RECORD_LIST_PATHS, HGNCClient
from backends.mychem import MyChemClient
from backends.mygene import MyGeneClient
from backends.shapes import Doc, listify, original_of
from backends.sources import Backends
from genechem.errors import GenechemError, Source
from genechem.store import Store
from genechem.store.codec import dumps, loads

log = logging.getLogger("genechem.record_cache")

FetchMissing = Callable[[list[str]], Awaitable[list[Doc]]]
UNVERSIONED = "unversioned"
"""The version part of keys when metadata is not cached (`metadata_ttl` 0): TTL only."""


class RecordCache:
    """Records and metadata of the three services in a `Store`, with in-process single flight."""

    def __init__(
        self,
        store: Store,
        record_ttl: float,
        metadata_ttl: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.record_ttl = record_ttl
        self.metadata_ttl = metadata_ttl
        self.clock = clock
        self._inflight: dict[str, asyncio.Future[Any]] = {}

    @property
    def enabled(self) -> bool:
        return self.record_ttl > 0

    async def metadata(
        self, source: Source, fetch: Callable[[], Awaitable[Doc]], origin: str = ""
    ) -> Doc:
        """The service's metadata as `origin` (`origin_of` the base URL) sent it, from the store
        when fresh; one call in flight at a time."""
        key = f"meta:{source}:{origin}"
        cached = await self._get_many([key])
        if cached[0] is not None:
            envelope = loads(cached[0])
            record_cache("metadata", source, hits=1, misses=0, ttl=self._left(envelope))
            doc: Doc = envelope["doc"]
            return doc
        record_cache("metadata", source, hits=0, misses=1, ttl=None)

        async def load() -> Doc:
            answer = await fetch()
            envelope = {"exp": self.clock() + self.metadata_ttl, "doc": original_of(answer)}
            await self._set(key, envelope, self.metadata_ttl)
            return answer

        return await self._single(key, load)

    async def version(
        self, source: Source, fetch: Callable[[], Awaitable[Doc]], origin: str = ""
    ) -> str | None:
        """The build version keying `source`'s records from `origin`; None (do not cache) when
        the metadata cannot be read, so a failing metadata route never fails record loads."""
        if self.metadata_ttl <= 0:
            return UNVERSIONED
        try:
            meta = await self.metadata(source, fetch, origin)
        except GenechemError:
            return None
        value = meta.get("lastModified" if source == "hgnc" else "build_version")
        return str(value) if value is not None else UNVERSIONED

    async def records(  # noqa: PLR0917 (each part of the key, then the fetch)
        self,
        source: Source,
        version: str,
        kind: str,
        ids: Sequence[str],
        fetch: FetchMissing,
        origin: str = "",
    ) -> dict[str, list[Doc]]:
        """The service's entries (as sent, before normalisation) per id: from the store where
        present, else from one upstream call for all missing ids (`fetch`, answering entries
        whose `query` echoes the id). Concurrent misses of the same key share one call. Keys
        hold `origin`, so two upstreams of one service never answer for each other."""
        keys = {i: f"rec:{source}:{origin}:{version}:{kind}:{i}" for i in dict.fromkeys(ids)}
        found: dict[str, list[Doc]] = {}
        shortest: float | None = None
        missing: list[str] = []
        for i, data in zip(keys, await self._get_many(list(keys.values())), strict=True):
            if data is None:
                missing.append(i)
                continue
            envelope = loads(data)
            found[i] = envelope["docs"]
            left = self._left(envelope)
            shortest = left if shortest is None else min(shortest, left)
        waiting = {i: self._inflight[keys[i]] for i in missing if keys[i] in self._inflight}
        todo = [i for i in missing if i not in waiting]
        record_cache(
            "record", source, hits=len(found) + len(waiting), misses=len(todo), ttl=shortest
        )
        if todo:
            found.update(await self._fetch(todo, keys, fetch))
            record_cache("record", source, hits=0, misses=0, ttl=self.record_ttl)
        for i, future in waiting.items():
            found[i] = await asyncio.shield(future)
        return found

    async def _fetch(
        self, ids: list[str], keys: dict[str, str], fetch: FetchMissing
    ) -> dict[str, list[Doc]]:
        loop = asyncio.get_running_loop()
        futures = {i: loop.create_future() for i in ids}
        for i, future in futures.items():
            self._inflight[keys[i]] = future
            future.add_done_callback(_retrieve)
        try:
            grouped: dict[str, list[Doc]] = defaultdict(list)
            for entry in await fetch(ids):
                grouped[str(entry.get("query"))].append(original_of(entry))
            expires = self.clock() + self.record_ttl
            answer = {i: grouped.get(i, []) for i in ids}
            await asyncio.gather(
                *(
                    self._set(keys[i], {"exp": expires, "docs": docs}, self.record_ttl)
                    for i, docs in answer.items()
                )
            )
            for i, docs in answer.items():
                futures[i].set_result(docs)
            return answer
        except BaseException as error:
            for future in futures.values():
                if not future.done():
                    future.set_exception(error)
            raise
        finally:
            for i in ids:
                self._inflight.pop(keys[i], None)

    async def _single(self, key: str, load: Callable[[], Awaitable[Doc]]) -> Doc:
        """Run `load` once for concurrent callers of the same `key`."""
        running = self._inflight.get(key)
        if running is not None:
            doc: Doc = await asyncio.shield(running)
            return doc
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        future.add_done_callback(_retrieve)
        self._inflight[key] = future
        try:
            answer = await load()
            future.set_result(answer)
            return answer
        except BaseException as error:
            future.set_exception(error)
            raise
        finally:
            self._inflight.pop(key, None)

    def _left(self, envelope: dict[str, Any]) -> float:
        return max(float(envelope["exp"]) - self.clock(), 0.0)

    async def _get_many(self, keys: list[str]) -> list[bytes | None]:
        try:
            return await self.store.get_many(keys)
        except (OSError, ConnectionError) as error:
            log.warning("store unreachable, reading upstream: %s", error)
        except Exception as error:  # redis.RedisError and kin: a cache must never fail a read
            log.warning("store failed, reading upstream: %s", error)
        return [None for _ in keys]

    async def _set(self, key: str, value: Any, ttl: float) -> None:
        try:
            await self.store.set(key, dumps(value), ttl)
        except Exception as error:  # a cache that cannot write only costs the next request
            log.warning("store failed to keep %s: %s", key.split(":", 2)[:2], error)


def _retrieve(future: asyncio.Future[Any]) -> None:
    """Mark a single-flight future's exception as seen: its owner re-raises it already."""
    if not future.cancelled():
        future.exception()


def origin_of(base_url: str) -> str:
    """A short, stable name of an upstream (its base URL): the demo mirror
    (`http://mirror.local/...`), the public service and a local mirror each get their own."""
    return hashlib.sha256(base_url.rstrip("/").encode()).hexdigest()[:12]


def field_set(fields: Sequence[str] | None) -> str:
    """A short, order-independent name of a field set (`all` for every field)."""
    if not fields:
        return "all"
    return hashlib.sha256(",".join(sorted(set(fields))).encode()).hexdigest()[:16]


class CachedBioThings(BioThingsClient):
    """Annotation and batch-query routes through the record cache."""

    def __init__(self, client: BioThingsClient, cache: RecordCache) -> None:
        super().__init__(client.http)
        self.cache = cache
        self.origin = origin_of(client.http.base_url)

    async def metadata(self) -> Doc:
        return await self.cache.metadata(self.http.source, super().metadata, self.origin)

    async def get_many(
        self,
        ids: Sequence[str],
        *,
        fields: Sequence[str] | None = None,
        dotfield: bool = False,
        typed: Typed | None = None,
    ) -> list[Doc]:
        """Through the cache, whose records are the service's documents as it sent them (so
        `typed` is for uncached calls only)."""
        upstream = super().get_many
        if dotfield or not self.cache.enabled or not ids:
            return await upstream(ids, fields=fields, dotfield=dotfield, typed=typed)
        return await self._through_cache(
            ids, f"get:{field_set(fields)}", lambda part: upstream(part, fields=fields)
        )

    async def query_many(
        self,
        terms: Sequence[str],
        *,
        scopes: Sequence[str] | None = None,
        fields: Sequence[str] | None = None,
        **params: Any,
    ) -> list[Doc]:
        upstream = super().query_many
        if not self.cache.enabled or not terms:
            return await upstream(terms, scopes=scopes, fields=fields, **params)
        shape = dumps([sorted(scopes or []), sorted(params.items())])
        kind = f"query:{hashlib.sha256(shape).hexdigest()[:12]}:{field_set(fields)}"
        return await self._through_cache(
            terms,
            kind,
            lambda part: upstream(part, scopes=scopes, fields=fields, **params),
        )

    async def _through_cache(self, ids: Sequence[str], kind: str, fetch: FetchMissing) -> list[Doc]:
        version = await self.cache.version(
            self.http.source, BioThingsClient.metadata.__get__(self), self.origin
        )
        if version is None:
            return await fetch(list(ids))
        found = await self.cache.records(self.http.source, version, kind, ids, fetch, self.origin)
        return [
            d if d.get("notfound") else self.normalize(d)
            for i in dict.fromkeys(ids)
            for d in found.get(i, [])
        ]


class CachedMyGeneClient(CachedBioThings, MyGeneClient):
    """MyGene.info through the record cache."""


class CachedMyChemClient(CachedBioThings, MyChemClient):
    """MyChem.info through the record cache."""


class CachedHGNCClient(HGNCClient):
    """HGNC REST's `/fetch` and `/info` through the record cache (`/search` is not cached:
    its answers are lists of ids that any new record changes)."""

    UNCACHED_FIELDS = frozenset({"status"})
    """`/fetch/status/Approved` is every record at once (the HGNC index loads it itself)."""

    def __init__(self, client: HGNCClient, cache: RecordCache) -> None:
        super().__init__(client.http)
        self.cache = cache
        self.origin = origin_of(client.http.base_url)

    async def info(self) -> Doc:
        return await self.cache.metadata("hgnc", super().info, self.origin)

    async def fetch(self, field: str, term: str) -> list[Doc]:
        upstream = super().fetch
        if not self.cache.enabled or field in self.UNCACHED_FIELDS:
            return await upstream(field, term)
        version = await self.cache.version("hgnc", HGNCClient.info.__get__(self), self.origin)
        if version is None:
            return await upstream(field, term)

        async def one(terms: list[str]) -> list[Doc]:
            return [{**original_of(d), "query": terms[0]} for d in await upstream(field, terms[0])]

        found = await self.cache.records(
            "hgnc", version, f"fetch:{field}", [term], one, self.origin
        )
        return [listify(_without_query(d), RECORD_LIST_PATHS) for d in found.get(term, [])]


def _without_query(doc: Doc) -> Doc:
    return {k: v for k, v in doc.items() if k != "query"}


def with_record_cache(backends: Backends, cache: RecordCache) -> Backends:
    """`backends` with its three clients answering through `cache` (same HTTP clients), changed
    in place; clients already wrapped stay as they are."""
    if not isinstance(backends.mygene, CachedMyGeneClient):
        backends.mygene = CachedMyGeneClient(backends.mygene, cache)
    if not isinstance(backends.mychem, CachedMyChemClient):
        backends.mychem = CachedMyChemClient(backends.mychem, cache)
    if not isinstance(backends.hgnc, CachedHGNCClient):
        backends.hgnc = CachedHGNCClient(backends.hgnc, cache)
    return backends
