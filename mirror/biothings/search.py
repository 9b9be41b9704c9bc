"""Ranking, sorting, paging and facets over scored matches, as an Elasticsearch search returns them.

A search result is kept as doc indices with their scores (`Matches`), never as copies of documents.
Default order is score descending, ties in document order. `sort` fields sort on the smallest value
of a multi-valued field ascending and the largest descending, strings case-insensitively, missing
values last; when `_score` is not among them, scores are not tracked (`_score`/`max_score` null).
A scroll (`fetch_all`) reads the index shard by shard (`shard_order`), so its order is not the
offset pages' order, as on the real services' many-shard indices.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from mirror.biothings.params import search_error
from mirror.biothings.projection import values_at
from mirror.store import DocView

RESULT_WINDOW = 10_000
SCROLL_SHARDS = 5
"""Shards of the mirror's indices, as far as the scroll order goes (Elasticsearch's old default)."""
SortKey = tuple[int, Any]


@dataclass
class Matches:
    """Matching documents: parallel lists of doc index and score."""

    indices: list[int]
    scores: list[float]

    @property
    def total(self) -> int:
        return len(self.indices)

    @property
    def max_score(self) -> float | None:
        return max(self.scores) if self.scores else None


def collect(
    docs: Sequence[DocView],
    scorer: Callable[[int], float],
    keep: Callable[[int], bool] | None = None,
) -> Matches:
    """Every doc `keep` accepts with a positive score, in document order."""
    indices: list[int] = []
    scores: list[float] = []
    for position in range(len(docs)):
        if keep is not None and not keep(position):
            continue
        score = scorer(position)
        if score > 0.0:
            indices.append(position)
            scores.append(score)
    return Matches(indices, scores)


def shard_of(doc: DocView, shards: int) -> int:
    """The shard a document lives on: a stable hash of its `_id`, as Elasticsearch routes."""
    return zlib.crc32(str(doc.get("_id", "")).encode()) % shards


def shard_order(docs: Sequence[DocView], matches: Matches, shards: int = SCROLL_SHARDS) -> Matches:
    """`matches` in the order a scroll over a sharded index hands them out: every hit of shard 0,
    then shard 1, ..., document order within a shard. Clients must not expect the scroll to follow
    the offset pages' ranking; with one shard it is plain document order."""
    if shards <= 1:
        return matches
    pairs = sorted(
        zip(matches.indices, matches.scores, strict=True),
        key=lambda pair: shard_of(docs[pair[0]], shards),
    )  # stable: document order within a shard
    return Matches([i for i, _ in pairs], [s for _, s in pairs])


def restrict(matches: Matches, keep: Callable[[int], bool]) -> Matches:
    pairs = [(i, s) for i, s in zip(matches.indices, matches.scores, strict=True) if keep(i)]
    return Matches([i for i, _ in pairs], [s for _, s in pairs])


def _value_key(value: Any) -> SortKey:
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, int | float):
        return (0, value)
    return (1, str(value).casefold())


def check_window(start: int, size: int) -> None:
    """Elasticsearch refuses pages beyond its result window, and negative bounds."""
    for name, value in (("from", start), ("size", size)):
        if value < 0:
            raise search_error(
                "illegal_argument_exception",
                f"[{name}] parameter cannot be negative, found [{value}]",
            )
    if start + size > RESULT_WINDOW:
        raise search_error(
            "search_phase_execution_exception",
            f"Result window is too large, from + size must be less than or equal to: "
            f"[{RESULT_WINDOW}] but was [{start + size}]. See the scroll api for a more efficient "
            "way to request large data sets. This limit can be set by changing the "
            "[index.max_result_window] index level setting.",
        )


def order(docs: Sequence[DocView], matches: Matches, sort: Sequence[str] | None) -> list[int]:
    """Positions into `matches` in result order."""
    positions = list(range(matches.total))
    if not sort:
        positions.sort(key=lambda p: -matches.scores[p])  # stable: ties stay in document order
        return positions
    for spec in reversed(sort):  # successive stable sorts: the first field decides last
        descending = spec.startswith("-")
        name = spec.lstrip("-+")
        if name == "_score":
            positions.sort(key=lambda p: matches.scores[p], reverse=not descending)
            continue
        positions = _by_field(positions, _field_keys(docs, matches, name, descending), descending)
    return positions


def _by_field(positions: list[int], keys: list[SortKey | None], descending: bool) -> list[int]:
    """`positions` stably sorted on `keys`, documents without the field last either way."""
    present: list[tuple[SortKey, int]] = []
    missing: list[int] = []
    for p in positions:
        key = keys[p]
        if key is None:
            missing.append(p)
        else:
            present.append((key, p))
    present.sort(key=lambda pair: pair[0], reverse=descending)
    return [p for _, p in present] + missing


def _field_keys(
    docs: Sequence[DocView], matches: Matches, field: str, descending: bool
) -> list[SortKey | None]:
    keys: list[SortKey | None] = []
    for index in matches.indices:
        values = [_value_key(v) for v in values_at(docs[index], field)]
        keys.append((max(values) if descending else min(values)) if values else None)
    return keys


def tracks_scores(sort: Sequence[str] | None) -> bool:
    return not sort or any(spec.lstrip("-+") == "_score" for spec in sort)


def terms_facets(
    docs: Sequence[DocView], indices: Sequence[int], fields: Sequence[str], size: int
) -> dict[str, Any]:
    """A terms aggregation per field, in the shape the SDK gives it (`facets`)."""
    facets: dict[str, Any] = {}
    for field in fields:
        counts: Counter[Any] = Counter()
        for index in indices:
            seen = {v for v in values_at(docs[index], field) if isinstance(v, str | int | float)}
            counts.update(seen)
        buckets = sorted(counts.items(), key=lambda item: (-item[1], _value_key(item[0])))
        shown = buckets[:size]
        facets[field] = {
            "_type": "terms",
            "terms": [{"count": count, "term": term} for term, count in shown],
            "other": sum(count for _, count in buckets[size:]),
            "missing": 0,  # the SDK maps Elasticsearch's doc_count_error_upper_bound here
            "total": sum(count for _, count in shown),
        }
    return facets
