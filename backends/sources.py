"""The three clients, built once per process, live or over the in-process mirror.

`--source auto` probes the public services briefly; when any of them cannot be reached, all three
clients go to the in-process mirror over the bundled demo dataset, so that answers never mix live
records with demo records. `live` uses the configured URLs (public services, or a mirror started
with `genechem mirror`); `mirror` always uses the in-process mirror.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Literal

import httpx

from backends.hgnc import HGNCClient
from backends.hgnc_index import HGNCIndex
from backends.http import ServiceHTTP
from backends.mychem import MyChemClient
from backends.mygene import MyGeneClient
from genechem.errors import Source
from genechem.settings import Settings

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
    failures = {
        s: r
        for s, r in (await probe(configured_urls(settings), settings.probe_timeout)).items()
        if r
    }
    if not failures:
        log.info("auto source: the public services answer; serving live data")
        return "live"
    detail = ", ".join(f"{s}: {r}" for s, r in failures.items())
    log.warning(
        "auto source: public services unreachable (%s); serving the bundled demo dataset "
        "through the in-process mirror (%s)",
        detail,
        settings.mirror_data,
    )
    return "mirror"


def build_backends(
    settings: Settings, kind: BackendKind, transport: httpx.AsyncBaseTransport | None = None
) -> Backends:
    """The three clients; with `kind == "mirror"`, `transport` is the in-process mirror's."""
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
        )

    hgnc = HGNCClient(http("hgnc", rate_limit=settings.hgnc_rate_limit, headers=HGNC_HEADERS))
    return Backends(
        mygene=MyGeneClient(http("mygene")),
        mychem=MyChemClient(http("mychem")),
        hgnc=hgnc,
        kind=kind,
        urls=urls,
        hgnc_index=(
            HGNCIndex(hgnc, settings.hgnc_index_ttl, settings.hgnc_index_check_interval)
            if settings.hgnc_index
            else None
        ),
    )
