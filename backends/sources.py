"""The three clients, built once per process, live or over the in-process mirror.

`--source auto` probes the public services briefly; when any of them cannot be reached, all three
clients go to the in-process mirror over the bundled demo dataset, so that answers never mix live
records with demo records, and `SourceSwitch` re-probes them until they all answer, then switches
to live clients. `live` uses the configured URLs (public services, or a mirror started
with `genechem mirror`); `mirror` always uses the in-process mirror.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Literal

import httpx

from backends.hgnc import HGNCClient
from backends.hgnc_index import HGNCIndex
from backends.http import ServiceHTTP
from backends.mychem import MyChemClient
from backends.mygene import MyGeneClient
from genechem.errors import Source
from genechem.fairshare import SharedRate
from genechem.settings import Settings
from genechem.store import Store

log = logging.getLogger("genechem.sources")

BackendKind = Literal["live", "mirror"]
MIRROR_BASE = "http://mirror.local"
MIRROR_PATHS: dict[Source, str] = {"mygene": "/mygene/v3", "mychem": "/mychem/v1", "hgnc": "/hgnc"}
PROBE_PATHS: dict[Source, str] = {"mygene": "/metadata", "mychem": "/metadata", "hgnc": "/info"}
HGNC_HEADERS = {"Accept": "application/json"}


@dataclass
class Backends:
    """The process's REST clients and where they point."""

    mygene: MyGeneClient
    mychem: MyChemClient
    hgnc: HGNCClient
    kind: BackendKind
    urls: dict[Source, str]
    hgnc_index: HGNCIndex | None = None
    """Set in HGNC index mode (`GENECHEM_HGNC_INDEX=true`)."""

    async def aclose(self) -> None:
        if self.hgnc_index is not None:
            await self.hgnc_index.aclose()
        await asyncio.gather(self.mygene.aclose(), self.mychem.aclose(), self.hgnc.aclose())


def configured_urls(settings: Settings) -> dict[Source, str]:
    return {"mygene": settings.mygene_url, "mychem": settings.mychem_url, "hgnc": settings.hgnc_url}


async def probe(urls: dict[Source, str], seconds: float) -> dict[Source, str | None]:
    """Ask each service for its metadata once: per source, why it failed, or None if it answered."""

    async def one(client: httpx.AsyncClient, source: Source) -> str | None:
        try:
            response = await client.get(urls[source] + PROBE_PATHS[source], headers=HGNC_HEADERS)
        except httpx.HTTPError as exc:
            return type(exc).__name__
        return None if response.status_code < 500 else f"HTTP {response.status_code}"

    async with httpx.AsyncClient(timeout=seconds) as client:
        sources: list[Source] = ["mygene", "mychem", "hgnc"]
        reasons = await asyncio.gather(*(one(client, s) for s in sources))
    return dict(zip(sources, reasons, strict=True))


async def choose_kind(settings: Settings) -> BackendKind:
    """Resolve `settings.source` to live or mirror (probing in auto mode)."""
    if settings.source != "auto":
        return settings.source
    return kind_for(settings, await probe(configured_urls(settings), settings.probe_timeout))


def build_backends(
    settings: Settings,
    kind: BackendKind,
    transport: httpx.AsyncBaseTransport | None = None,
    store: Store | None = None,
) -> Backends:
    """The three clients; with `kind == "mirror"`, `transport` is the in-process mirror's. With
    a shared (Redis) `store`, HGNC's rate and index are shared by every replica."""
    shared = store if store is not None and store.kind == "redis" else None
    if kind == "mirror":
        urls = {s: MIRROR_BASE + p for s, p in MIRROR_PATHS.items()}
    else:
        urls = configured_urls(settings)
        transport = None

    def http(
        source: Source, rate_limit: float | None = None, headers: dict[str, str] | None = None
    ) -> ServiceHTTP:
        return ServiceHTTP(
            source,
            urls[source],
            settings,
            transport=transport,
            rate_limit=rate_limit,
            headers=headers,
            shared_rate=(
                SharedRate(shared, f"rate:{source}", rate_limit)
                if shared is not None and rate_limit
                else None
            ),
        )

    hgnc = HGNCClient(http("hgnc", rate_limit=settings.hgnc_rate_limit, headers=HGNC_HEADERS))
    return Backends(
        mygene=MyGeneClient(http("mygene")),
        mychem=MyChemClient(http("mychem")),
        hgnc=hgnc,
        kind=kind,
        urls=urls,
        hgnc_index=(
            HGNCIndex(
                hgnc, settings.hgnc_index_ttl, settings.hgnc_index_check_interval, store=shared
            )
            if settings.hgnc_index
            else None
        ),
    )


def kind_for(settings: Settings, reasons: dict[Source, str | None]) -> BackendKind:
    """Live when every service answered the probe, else the mirror (auto mode only)."""
    failures = {s: r for s, r in reasons.items() if r}
    if not failures:
        log.info("auto source: the public services answer; serving live data")
        return "live"
    detail = ", ".join(f"{s}: {r}" for s, r in failures.items())
    log.warning(
        "auto source: public services unreachable (%s); serving the bundled demo dataset "
        "through the in-process mirror (%s) and probing them every %s s",
        detail,
        settings.mirror_data,
        settings.probe_interval,
    )
    return "mirror"


class SourceSwitch:
    """The process's current `Backends`, and in auto mode the way back to live data.

    Started in auto mode while a service was down, the gateway serves the demo data and re-probes
    the services every `probe_interval` seconds; once all three answer it switches to live
    clients. The switch is one assignment between requests: each request takes `backends` once
    (into its Context), so no answer mixes demo and live records. Retired clients are closed
    after `retry_timeout` seconds, the longest an upstream call of a request begun before the
    switch may still take. Once live, auto stays live: a later outage is reported (typed errors,
    /readyz), never hidden behind demo data.
    """

    def __init__(
        self,
        settings: Settings,
        mirror_transport: Callable[[], httpx.AsyncBaseTransport],
        store: Store | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self._mirror_transport = mirror_transport
        self.backends: Backends
        self._reasons: dict[Source, str | None] = {}
        self._probed_at: float | None = None
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self._retired: list[Backends] = []

    async def start(self) -> None:
        """Choose the source (probing in auto mode) and open its clients."""
        kind: BackendKind
        if self.settings.source == "auto":
            self._reasons = await probe(configured_urls(self.settings), self.settings.probe_timeout)
            self._probed_at = time.monotonic()
            kind = kind_for(self.settings, self._reasons)
        else:
            kind = self.settings.source
        transport = self._mirror_transport() if kind == "mirror" else None
        self.backends = build_backends(self.settings, kind, transport, self.store)
        if self.settings.source == "auto" and kind == "mirror":
            self._spawn(self._watch())

    @property
    def serving_demo(self) -> bool:
        return self.backends.kind == "mirror"

    async def refresh(self) -> dict[Source, str | None]:
        """The latest probe of the configured services (probing again when it is older than
        `probe_interval`); switches auto mode to live data when all of them answer."""
        async with self._lock:
            fresh = (
                self._probed_at is not None
                and time.monotonic() - self._probed_at < self.settings.probe_interval
            )
            if not fresh:
                urls = configured_urls(self.settings)
                self._reasons = await probe(urls, self.settings.probe_timeout)
                self._probed_at = time.monotonic()
            if (
                self.settings.source == "auto"
                and self.serving_demo
                and not any(self._reasons.values())
            ):
                self._switch_to_live()
            return dict(self._reasons)

    async def readiness(self) -> tuple[bool, dict[str, object]]:
        """Whether every service the chosen source needs is reachable, and the /readyz body:
        the source setting, what is served, whether it is the demo data, each service's state.
        `mirror` needs no service; `live` and `auto` need all three."""
        body: dict[str, object] = {"source": self.settings.source}
        if self.settings.source == "mirror":
            body |= {"status": "ready", "serving": "mirror", "demo": True, "services": {}}
            return True, body
        reasons = await self.refresh()
        ready = not any(reasons.values())
        body |= {
            "status": "ready" if ready else "unavailable",
            "serving": self.backends.kind,
            "demo": self.serving_demo,
            "services": {
                s: {"reachable": r is None, "url": url, "error": r}
                for (s, r), url in zip(
                    reasons.items(), configured_urls(self.settings).values(), strict=True
                )
            },
        }
        return ready, body

    def _switch_to_live(self) -> None:
        retired, self.backends = (
            self.backends,
            build_backends(self.settings, "live", store=self.store),
        )
        log.warning(
            "auto source: the services answer again; serving live data %s", self.backends.urls
        )
        self._retired.append(retired)
        self._spawn(self._close_later(retired))

    async def _watch(self) -> None:
        """Re-probe while the demo data is served; ends once live."""
        while self.serving_demo:
            await asyncio.sleep(self.settings.probe_interval)
            try:
                await self.refresh()
            except Exception:  # a probe must never end the watch; log and try again
                log.exception("auto source: probing the services failed")

    async def _close_later(self, retired: Backends) -> None:
        await asyncio.sleep(self.settings.retry_timeout)
        self._retired.remove(retired)
        await retired.aclose()

    def _spawn(self, coroutine: Coroutine[object, object, None]) -> None:
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def aclose(self) -> None:
        """Stop probing and close every client, the retired ones included."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await asyncio.gather(*(b.aclose() for b in [self.backends, *self._retired]))
