"""The HGNC records behind the mirror: an exact-match index for `/fetch`, Solr search for `/search`.

Fetch compares one whole value, case-insensitively (HGNC symbols are matched regardless of case);
a list field matches when any element does. Every searchable field is indexed once, lower-cased,
when the app is built, so a fetch is a dictionary lookup.

Search evaluates the query with the shared engine (`mirror.lucene`) over the searchable fields. The
engine's score ranks an exact value above a word inside a value above a wildcard; on top of it a
record scores again for what the query matches in its `symbol`, so that, as on the real service,
the record whose approved symbol is the term comes first (`BRAF` before the genes that mention it).
Ties are broken by symbol, then HGNC id, so answers are stable.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from luqum import tree
from luqum.parser import lexer, parser

from mirror.hgnc.fields import SEARCHABLE_FIELDS
from mirror.hgnc.render import Format, render_docs
from mirror.lucene import QuerySyntaxError, compile_query
from mirror.store import Doc

BIG_RESULT = 1000
"""Fetches matching at least this many records keep their rendering cached (e.g. every approved
record, which the gateway's index mode loads)."""


class UnknownField(ValueError):
    """A field that is not searchable (the service answers 400)."""

    def __init__(self, field: str) -> None:
        super().__init__(f"undefined field {field}")
        self.field = field


def index_key(value: Any) -> str:
    return str(value).casefold()


def build_index(docs: Sequence[Doc]) -> dict[str, dict[str, list[int]]]:
    """field -> lower-cased value -> positions of the records holding it, in data order."""
    index: dict[str, dict[str, list[int]]] = {field: {} for field in SEARCHABLE_FIELDS}
    for position, doc in enumerate(docs):
        for field, by_value in index.items():
            value = doc.get(field)
            if value is None:
                continue
            for key in (
                {index_key(v) for v in value} if isinstance(value, list) else (index_key(value),)
            ):
                by_value.setdefault(key, []).append(position)
    return index


def search_view(doc: Doc) -> Doc:
    """The searchable fields of a record: what an unfielded search term looks at."""
    return {field: doc[field] for field in SEARCHABLE_FIELDS if field in doc}


def check_field(field: str) -> None:
    if field not in SEARCHABLE_FIELDS:
        raise UnknownField(field)


def query_fields(q: str) -> Iterator[str]:
    """Every field name a query string names (`symbol` in `symbol:BRAF`); nothing on bad syntax."""
    try:
        # A private lexer: PLY's shared one keeps per-parse state.
        node = parser.parse(q, lexer=lexer.clone())
    except Exception:  # compile_query reports the syntax error itself
        return
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, tree.SearchField):
            yield current.name.lstrip("!")
        stack.extend(current.children)


class HgncRecords:
    """The records, their index, and the fetch and search the service answers."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        self.docs = docs
        self.index = build_index(docs)
        self.views = [search_view(doc) for doc in docs]
        self._big_fetch = lru_cache(maxsize=4)(self._render_fetch)

    def fetch(self, field: str, term: str) -> list[int]:
        """Positions of the records whose `field` equals `term` (any element, any case)."""
        check_field(field)
        return self.index[field].get(index_key(term), [])

    def fetch_rendered(self, fmt: Format, field: str, term: str) -> tuple[int, bytes]:
        """The number of records `fetch` finds and their rendering, for `render.result_body`."""
        positions = self.fetch(field, term)
        if len(positions) >= BIG_RESULT:
            return len(positions), self._big_fetch(fmt, field, index_key(term))
        return len(positions), self._render_fetch(fmt, field, index_key(term))

    def _render_fetch(self, fmt: Format, field: str, key: str) -> bytes:
        return render_docs(fmt, (self.docs[p] for p in self.index[field].get(key, [])))

    def search(self, q: str) -> list[Doc]:
        """Hits `{"hgnc_id", "symbol", "score"}` for a Solr query, best first.

        Raises QuerySyntaxError on bad syntax and UnknownField for a field that is not searchable.
        """
        # Over views holding only the searchable fields, "every leaf" is exactly those fields, and
        # far quicker to walk than one path lookup per field.
        query = compile_query(q)
        for field in query_fields(q):
            check_field(field)
        on_symbol = compile_query(q, default_fields=["symbol"])
        hits: list[tuple[float, str, str]] = []
        for view in self.views:
            score = query.score(view)
            if score > 0.0:
                score += on_symbol.score(view)
                hits.append((score, str(view.get("symbol", "")), str(view.get("hgnc_id", ""))))
        hits.sort(key=lambda hit: (-hit[0], hit[1].casefold(), hit[2]))
        return [{"hgnc_id": hgnc_id, "symbol": symbol, "score": s} for s, symbol, hgnc_id in hits]


__all__ = ["HgncRecords", "QuerySyntaxError", "UnknownField"]
