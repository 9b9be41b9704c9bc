"""Scroll contexts for `fetch_all=true`: the matching doc indices, a cursor, and an expiry.

A context lives `ttl` seconds after its last request (by the mirror clock, so tests can move time).
Each page hands out a fresh scroll id and retires the previous one: a retired or expired id is the
services' 400. The hits come in the index's shard order (`search.shard_order`), not in the
offset pages' ranking, as on the real services. Memory stays bounded: a context
holds two compact arrays (indices, scores) and expired contexts are dropped on every access.
"""

from __future__ import annotations

import secrets
import threading
from array import array
from dataclasses import dataclass, field
from typing import Any

from mirror.biothings.params import value_error
from mirror.biothings.search import Matches
from mirror.clock import MirrorClock

SCROLL_SIZE = 1000
STALE_SCROLL = "Invalid or stale scroll_id."


@dataclass
class ScrollContext:
    """One open scroll: what matched, how far it was read, and how to format its hits."""

    indices: array[int]
    scores: array[float]
    total: int
    max_score: float | None
    render: dict[str, Any] = field(default_factory=dict)
    position: int = 0
    expires_at: float = 0.0

    @classmethod
    def of(cls, matches: Matches, render: dict[str, Any]) -> ScrollContext:
        return cls(
            indices=array("q", matches.indices),
            scores=array("d", matches.scores),
            total=matches.total,
            max_score=matches.max_score,
            render=render,
        )

    def next_page(self) -> list[tuple[int, float]]:
        end = min(self.position + SCROLL_SIZE, self.total)
        page = [(self.indices[p], self.scores[p]) for p in range(self.position, end)]
        self.position = end
        return page

    @property
    def exhausted(self) -> bool:
        return self.position >= self.total


class ScrollStore:
    """Open scroll contexts by scroll id."""

    def __init__(self, clock: MirrorClock, ttl: float) -> None:
        self.clock = clock
        self.ttl = ttl
        self._contexts: dict[str, ScrollContext] = {}
        self._lock = threading.Lock()

    def _drop_expired(self, now: float) -> None:
        for scroll_id in [k for k, c in self._contexts.items() if c.expires_at <= now]:
            del self._contexts[scroll_id]

    def open(self, context: ScrollContext) -> str:
        """Register `context`; returns its scroll id."""
        with self._lock:
            now = self.clock.now()
            self._drop_expired(now)
            return self._register(context, now)

    def _register(self, context: ScrollContext, now: float) -> str:
        scroll_id = secrets.token_urlsafe(24)
        context.expires_at = now + self.ttl
        self._contexts[scroll_id] = context
        return scroll_id

    def resume(self, scroll_id: str) -> tuple[ScrollContext, str | None]:
        """The context of `scroll_id` and its new id (None once every hit was served).

        Raises the 400 ValueError answer for an unknown or expired id.
        """
        with self._lock:
            now = self.clock.now()
            self._drop_expired(now)
            context = self._contexts.pop(scroll_id, None)
            if context is None:
                raise value_error(STALE_SCROLL)
            if context.exhausted:
                return context, None
            return context, self._register(context, now)

    def __len__(self) -> int:
        return len(self._contexts)
