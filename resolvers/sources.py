"""The `sources` root: each service, where the gateway reaches it, and its data version."""

from __future__ import annotations

import asyncio
from typing import Any

from genechem.errors import SOURCE_NAMES, GenechemError, Source
from resolvers.context import Info
from schema.sources import SourceInfo, SourceKind, SourceName


async def sources(info: Info) -> list[SourceInfo]:
    backends = info.context.backends
    kind = SourceKind(backends.kind)
    calls = (backends.mygene.metadata(), backends.mychem.metadata(), backends.hgnc.info())
    answers = await asyncio.gather(*calls, return_exceptions=True)
    order: tuple[Source, ...] = ("mygene", "mychem", "hgnc")
    return [
        _source_info(source, kind, backends.urls[source], answer)
        for source, answer in zip(order, answers, strict=True)
    ]


def _source_info(
    source: Source, kind: SourceKind, url: str, answer: dict[str, Any] | BaseException
) -> SourceInfo:
    info = SourceInfo(
        name=SourceName(source),
        title=SOURCE_NAMES[source],
        kind=kind,
        base_url=url,
        data_version=None,
        build_date=None,
        record_count=None,
        error=None,
    )
    if isinstance(answer, GenechemError):
        info.error = answer.message
    elif isinstance(answer, BaseException):
        raise answer
    elif source == "hgnc":
        info.data_version = info.build_date = _text(answer.get("lastModified"))
        info.record_count = answer.get("numDoc")
    else:
        info.data_version = _text(answer.get("build_version"))
        info.build_date = _text(answer.get("build_date"))
        stats = answer.get("stats")
        info.record_count = stats.get("total") if isinstance(stats, dict) else None
    return info


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
