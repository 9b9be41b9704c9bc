"""HGNC query roots and loaders (HGNC REST)."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import strawberry
from aiodataloader import DataLoader

from backends.hgnc import HGNCClient
from resolvers.context import Info
from schema.hgnc import HGNCRecord

Doc = dict[str, Any]


class HGNCRecordBySymbolLoader(DataLoader[str, Doc | None]):
    """HGNC records by approved symbol. HGNC has no batch route: one `/fetch/symbol/{symbol}` per
    distinct symbol, sent concurrently under the client's 10-per-second limit."""

    def __init__(self, hgnc: HGNCClient) -> None:
        super().__init__()
        self.hgnc = hgnc

    async def batch_load_fn(self, symbols: list[str]) -> list[Any]:
        results = await asyncio.gather(
            *(self.hgnc.fetch("symbol", s) for s in symbols), return_exceptions=True
        )
        return [r if isinstance(r, BaseException) else (r[0] if r else None) for r in results]


def hgnc_record_by_symbol(info: Info) -> HGNCRecordBySymbolLoader:
    return info.context.loader(HGNCRecordBySymbolLoader, lambda b: HGNCRecordBySymbolLoader(b.hgnc))


async def hgnc_record(
    info: Info,
    symbol: Annotated[
        str,
        strawberry.argument(description="Approved HGNC symbol, e.g. `BRAF` (case-insensitive)."),
    ],
) -> HGNCRecord | None:
    doc = await hgnc_record_by_symbol(info).load(symbol.strip())
    return HGNCRecord(doc=doc) if doc is not None else None
