"""HGNC query roots, the symbol checker, links and loaders (HGNC REST)."""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from backends.hgnc_index import INDEXED_FIELDS
from backends.shapes import Doc
from backends.sources import Backends
from genechem.errors import InvalidInput
from resolvers import gene as gene_resolvers
from resolvers.context import Info
from resolvers.loaders import FieldsKey, PromptDataLoader

HGNCKey = tuple[str, str]
"""(field, value): an HGNC `/fetch` lookup."""

AUTHORITATIVE_IN_INDEX = frozenset({"prev_symbol", "alias_symbol", "entrez_id", "ensembl_gene_id"})
"""Index misses on these fields are final. A missed symbol or HGNC id may be a withdrawn entry,
which the approved-only index does not hold, so `HGNCRecordsLoader` fetches those."""
REPLACED_BY = re.compile(r"HGNC:\d+")


class HGNCFetchLoader(PromptDataLoader[HGNCKey, list[Doc]]):
    """HGNC `/fetch` results by (field, value): within one request each distinct key is fetched
    once, whichever lookup asks for it (records, the symbol checker, links). HGNC has no batch
    route: one `/fetch` per key, sent concurrently under the 10-per-second limit. A failed fetch
    is that key's error only."""

    def __init__(self, backends: Backends) -> None:
        super().__init__()
        self.backends = backends

    async def batch_load_fn(self, keys: list[HGNCKey]) -> list[Any]:
        fetched = await asyncio.gather(
            *(self.backends.hgnc.fetch(f, v) for f, v in keys), return_exceptions=True
        )
        return list(fetched)


class HGNCRecordsLoader(PromptDataLoader[HGNCKey, list[Doc]]):
    """HGNC records by (field, value): in index mode from the index, else (and for index misses
    that are not final) through the request's `HGNCFetchLoader`."""

    final_in_index: frozenset[str] = AUTHORITATIVE_IN_INDEX

    def __init__(self, backends: Backends, fetches: HGNCFetchLoader) -> None:
        super().__init__()
        self.backends = backends
        self.fetches = fetches

    async def batch_load_fn(self, keys: list[HGNCKey]) -> list[Any]:
        answers: dict[HGNCKey, Any] = {}
        index = self.backends.hgnc_index
        if index is not None:
            try:
                await index.ready()
            except Exception as exc:
                return [exc for _ in keys]
            for key in keys:
                hits = index.lookup(*key)
                if hits or (hits is not None and key[0] in self.final_in_index):
                    answers[key] = hits
        pending = [k for k in dict.fromkeys(keys) if k not in answers]
        fetched = await asyncio.gather(
            *(self.fetches.load(k) for k in pending), return_exceptions=True
        )
        answers.update(zip(pending, fetched, strict=True))
        return [answers[key] for key in keys]


class ApprovedHGNCRecordsLoader(HGNCRecordsLoader):
    """As `HGNCRecordsLoader`, but in index mode every miss is final: for the symbol checker,
    which asks about withdrawn entries only for the symbols nothing approved explains. Its
    fetches (default mode) are the same request-wide ones, so nothing is fetched twice."""

    final_in_index = frozenset(INDEXED_FIELDS)


def fetch_loader(info: Info) -> HGNCFetchLoader:
    return info.context.loader(HGNCFetchLoader, HGNCFetchLoader)


def records_loader(info: Info) -> HGNCRecordsLoader:
    fetches = fetch_loader(info)
    return info.context.loader(HGNCRecordsLoader, lambda b: HGNCRecordsLoader(b, fetches))


def approved_records_loader(info: Info) -> ApprovedHGNCRecordsLoader:
    fetches = fetch_loader(info)
    return info.context.loader(
        ApprovedHGNCRecordsLoader, lambda b: ApprovedHGNCRecordsLoader(b, fetches)
    )


def invalid_term(value: str) -> str | None:
    """Why `value` (trimmed) cannot be an HGNC identifier or symbol, or None if it can be
    looked up. Empty values and control characters (newlines, tabs) are never part of one."""
    if not value:
        return "is empty"
    if any(unicodedata.category(c) == "Cc" for c in value):
        return "contains a control character"
    return None


async def records_by(info: Info, field_name: str, value: str) -> list[Doc]:
    term = value.strip()
    reason = invalid_term(term)
    if reason is not None:
        raise InvalidInput(f"The HGNC {field_name} {value!r} {reason}.")
    docs: list[Doc] = await records_loader(info).load((field_name, term))
    return docs


async def record_by(info: Info, field_name: str, value: str) -> Doc | None:
    """The record whose `field_name` is `value`, preferring an approved one; None if none."""
    docs = await records_by(info, field_name, value)
    approved = [d for d in docs if d.get("status") == "Approved"]
    return next(iter(approved or docs), None)


async def gene_of(info: Info, record: Doc) -> Doc | None:
    """The MyGene.info gene of an HGNC record: by Entrez id, else by Ensembl gene id."""
    gene_id = record.get("entrez_id") or record.get("ensembl_gene_id")
    if not gene_id:
        return None
    key = FieldsKey(str(gene_id), gene_resolvers.gene_fields(info))
    doc: Doc | None = await gene_resolvers.gene_by_id(info).load(key)
    return doc


@dataclass
class SymbolCheck:
    """What HGNC says of one input symbol."""

    input: str
    status: str
    """APPROVED, PREVIOUS_SYMBOL, ALIAS_SYMBOL, WITHDRAWN, UNKNOWN or INVALID."""
    records: list[Doc] = field(default_factory=list)
    """The current approved record(s) the symbol leads to."""
    withdrawn: list[Doc] = field(default_factory=list)
    reason: str | None = None
    """Why the input is INVALID; None for every other status."""


def _approved(docs: list[Doc]) -> list[Doc]:
    return [d for d in docs if d.get("status") == "Approved"]


async def check_symbols(info: Info, symbols: Sequence[str]) -> list[SymbolCheck]:
    """HGNC's multi-symbol checker: approved, previous, alias, withdrawn or unknown, in order.

    Default mode: one `/fetch/symbol` per symbol, plus previous- and alias-symbol fetches for those
    that are not approved. Index mode: the index answers approved, previous and alias symbols; only
    a symbol it cannot explain is fetched, to tell a withdrawn entry from an unknown symbol. An
    input that cannot be a symbol (`invalid_term`) is INVALID on its own and looked up nowhere,
    so it never fails the rest of the list."""
    cleaned = [s.strip() for s in symbols]
    valid = [s for s in dict.fromkeys(cleaned) if invalid_term(s) is None]
    found = await _classify(info, valid)
    return [found.get(symbol) or _invalid(symbol) for symbol in cleaned]


def _invalid(symbol: str) -> SymbolCheck:
    return SymbolCheck(symbol, "INVALID", reason=f"The symbol {invalid_term(symbol)}.")


async def _classify(info: Info, symbols: list[str]) -> dict[str, SymbolCheck]:
    """The check of each distinct, valid symbol."""
    loader = approved_records_loader(info)
    found = await loader.load_many([("symbol", s) for s in symbols])
    by_symbol = dict(zip(symbols, found, strict=True))
    open_symbols = [s for s in symbols if not _approved(by_symbol[s])]
    prev, alias = await asyncio.gather(
        loader.load_many([("prev_symbol", s) for s in open_symbols]),
        loader.load_many([("alias_symbol", s) for s in open_symbols]),
    )
    by_prev = dict(zip(open_symbols, prev, strict=True))
    by_alias = dict(zip(open_symbols, alias, strict=True))
    unexplained = [s for s in open_symbols if not (by_symbol[s] or by_prev[s] or by_alias[s])]
    if unexplained and info.context.backends.hgnc_index is not None:
        withdrawn = await records_loader(info).load_many([("symbol", s) for s in unexplained])
        by_symbol.update(zip(unexplained, withdrawn, strict=True))
    # A symbol of a withdrawn entry (its own, a previous one or an alias) leads to that entry.
    retired = {s: by_symbol[s] or by_prev[s] or by_alias[s] for s in open_symbols}
    replacements = await _replacements(info, [d for docs in retired.values() for d in docs])
    checks: dict[str, SymbolCheck] = {}
    for symbol in symbols:
        own = by_symbol[symbol]
        if _approved(own):
            checks[symbol] = SymbolCheck(symbol, "APPROVED", _approved(own))
        elif _approved(by_prev[symbol]):
            checks[symbol] = SymbolCheck(symbol, "PREVIOUS_SYMBOL", _approved(by_prev[symbol]))
        elif _approved(by_alias[symbol]):
            checks[symbol] = SymbolCheck(symbol, "ALIAS_SYMBOL", _approved(by_alias[symbol]))
        elif retired[symbol]:
            entries = retired[symbol]
            current = [r for d in entries for r in replacements.get(str(d.get("hgnc_id")), [])]
            checks[symbol] = SymbolCheck(symbol, "WITHDRAWN", current, withdrawn=entries)
        else:
            checks[symbol] = SymbolCheck(symbol, "UNKNOWN")
    return checks


async def _replacements(info: Info, withdrawn: list[Doc]) -> dict[str, list[Doc]]:
    """For "Symbol Withdrawn" entries, the approved records their name points to
    ("symbol withdrawn, see [HGNC:12469](...)"), in one round of lookups."""
    pointers = {
        str(d.get("hgnc_id")): REPLACED_BY.findall(str(d.get("name") or "")) for d in withdrawn
    }
    targets = list(dict.fromkeys(t for ids in pointers.values() for t in ids))
    found = await records_loader(info).load_many([("hgnc_id", t) for t in targets])
    by_id = {t: _approved(docs) for t, docs in zip(targets, found, strict=True)}
    return {hid: [r for t in ids for r in by_id.get(t, [])] for hid, ids in pointers.items()}
