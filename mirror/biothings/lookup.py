"""Exact-match lookup of terms in fields ("scopes"), one hash index per field, built on first use.

Matching is what a BioThings `multi_match` on keyword fields amounts to: the whole value, strings
case-insensitively, numbers by their text (`"1017"` finds `1017`), and RefSeq-style accessions
with or without their version (`NM_001798` finds `NM_001798.5`). An index is one pass over the
documents, so a batch of 1500 terms costs one pass per scope, not one per term.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mirror.biothings.projection import values_at

VERSIONED_ACCESSION = re.compile(r"^([A-Za-z]{1,3}_?\d+)\.\d+$")


def normalize(value: Any) -> str | None:
    """The index key of a value or term; None for values that cannot be looked up."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        text = value.strip().casefold()
        return text or None
    return None


def index_keys(value: Any) -> list[str]:
    key = normalize(value)
    if key is None:
        return []
    unversioned = VERSIONED_ACCESSION.match(key)
    return [key, unversioned.group(1)] if unversioned else [key]


class ScopeIndex:
    """Lazily built `field -> value -> [doc index]` maps over a fixed list of documents."""

    def __init__(self, docs: Sequence[Mapping[str, Any]]) -> None:
        self.docs = docs
        self._indexes: dict[str, dict[str, list[int]]] = {}
        self._lock = threading.Lock()

    def prepare(self, scopes: Iterable[str]) -> None:
        """Build the indexes of `scopes` now (those every annotation request uses)."""
        for scope in scopes:
            self._index(scope)

    def _index(self, scope: str) -> dict[str, list[int]]:
        index = self._indexes.get(scope)
        if index is not None:
            return index
        with self._lock:
            index = self._indexes.get(scope)
            if index is None:
                index = self._build(scope)
                self._indexes[scope] = index
        return index

    def _build(self, scope: str) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for position, doc in enumerate(self.docs):
            keys = {key for value in values_at(doc, scope) for key in index_keys(value)}
            for key in keys:
                index.setdefault(key, []).append(position)
        return index

    def find(self, scopes: Iterable[str], term: Any) -> list[int]:
        """Doc indices (in document order) where any of `scopes` holds exactly `term`."""
        key = normalize(term)
        if key is None:
            return []
        found: set[int] = set()
        for scope in scopes:
            found.update(self._index(scope).get(key, ()))
        return sorted(found)
