"""Value matching for the mirror's Lucene engine (`mirror.lucene`): how a term scores one leaf.

`mirror.lucene` parses the query and decides which leaves of a document a term looks at; this
module decides whether a single leaf value matches, and how well. It knows nothing of the query
tree: its inputs are the term's text, a compiled pattern, or the bounds of a range.

- Text: values are case-folded and split into tokens on non-alphanumerics. A term matches the whole
  value (EXACT), or a run of its tokens (TOKEN); numbers compare numerically (`9606` matches `9606`
  and `"9606"`), booleans as `true` / `false`.
- Wildcards (`*`, `?`, unless escaped) and regular expressions match the whole value or any token
  (PARTIAL).
- Ranges compare numerically when both sides are numbers (numeric strings count), otherwise as
  case-folded strings (PARTIAL).

Caches: the analysis of a string (folded text and tokens) and its reading as a number are shared
across queries (`lru_cache`); each term also memoises its score per distinct string leaf, since
over thousands of documents the same values recur.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

LeafScorer = Callable[[Any], float]

EXACT: Final = 3.0
TOKEN: Final = 2.0
PARTIAL: Final = 1.0
_MEMO_SIZE: Final = 1 << 16

_TOKEN_SPLIT: Final = re.compile(r"[\W_]+")
_NUMBER: Final = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


@lru_cache(maxsize=1 << 18)
def _analyze(text: str) -> tuple[str, tuple[str, ...]]:
    """The case-folded text and its tokens (split on non-alphanumerics)."""
    folded = text.casefold()
    return folded, tuple(token for token in _TOKEN_SPLIT.split(folded) if token)


@lru_cache(maxsize=1 << 16)
def _as_number(text: str) -> float | None:
    return float(text) if _NUMBER.fullmatch(text.strip()) else None


def _leaf_text(leaf: Any) -> str | None:
    if isinstance(leaf, bool):
        return "true" if leaf else "false"
    if isinstance(leaf, str):
        return leaf
    if isinstance(leaf, int | float):
        return str(leaf)
    return None


def _is_number(leaf: Any) -> bool:
    return isinstance(leaf, int | float) and not isinstance(leaf, bool)


def _contains_run(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    if len(needle) == 1:
        return needle[0] in haystack
    width = len(needle)
    return any(haystack[i : i + width] == needle for i in range(len(haystack) - width + 1))


def text_scorer(value: str) -> LeafScorer:
    """Exact (whole value, or equal number) scores EXACT; a run of the value's tokens TOKEN."""
    folded, tokens = _analyze(value)

    def text_score(text: str) -> float:
        leaf_folded, leaf_tokens = _analyze(text)
        if leaf_folded == folded:
            return EXACT
        return TOKEN if tokens and _contains_run(leaf_tokens, tokens) else 0.0

    return _leaf_scorer(text_score, _as_number(value))


def _leaf_scorer(text_score: Callable[[str], float], number: float | None = None) -> LeafScorer:
    """Score any leaf through its text; numbers compare numerically when `number` is given.

    String results are memoised per query: over thousands of documents the same values recur.
    """
    memo: dict[str, float] = {}

    def score(leaf: Any) -> float:
        if isinstance(leaf, str):
            hit = memo.get(leaf)
            if hit is None:
                hit = text_score(leaf)
                if len(memo) < _MEMO_SIZE:
                    memo[leaf] = hit
            return hit
        if number is not None and _is_number(leaf):
            return EXACT if leaf == number else 0.0
        text = _leaf_text(leaf)
        return 0.0 if text is None else text_score(text)

    return score


def wildcard_pattern(raw: str) -> re.Pattern[str] | None:
    """A regex for a term with unescaped `*` / `?`, or None when it has none."""
    parts: list[str] = []
    wild = False
    chars = iter(raw)
    for char in chars:
        if char == "\\":
            parts.append(re.escape(next(chars, "\\").casefold()))
        elif char in "*?":
            parts.append(".*" if char == "*" else ".")
            wild = True
        else:
            parts.append(re.escape(char.casefold()))
    return re.compile("".join(parts), re.DOTALL) if wild else None


def pattern_scorer(pattern: re.Pattern[str]) -> LeafScorer:
    """PARTIAL when `pattern` fully matches the case-folded value or any one of its tokens."""

    def text_score(text: str) -> float:
        folded, tokens = _analyze(text)
        if pattern.fullmatch(folded) or any(pattern.fullmatch(token) for token in tokens):
            return PARTIAL
        return 0.0

    return _leaf_scorer(text_score)


# --- ranges ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bound:
    """One closed end of a range: its case-folded text, its number if it reads as one."""

    text: str
    number: float | None
    inclusive: bool

    @classmethod
    def of(cls, text: str, inclusive: bool) -> Bound:
        """The bound for `text` as written in the query (already unescaped)."""
        return cls(_analyze(text)[0], _as_number(text), inclusive)


def _beyond(number: float | None, text: str, bound: Bound, sign: int) -> bool:
    """Whether the leaf lies past `bound` on the allowed side (sign 1: above, -1: below)."""
    if number is not None and bound.number is not None:
        delta = (number > bound.number) - (number < bound.number)
    else:
        delta = (text > bound.text) - (text < bound.text)
    return delta * sign > 0 or (delta == 0 and bound.inclusive)


def range_scorer(low: Bound | None, high: Bound | None) -> LeafScorer:
    """PARTIAL for a leaf between `low` and `high` (None: open end); booleans never match."""

    def score(leaf: Any) -> float:
        if isinstance(leaf, bool):
            return 0.0
        text = _leaf_text(leaf)
        if text is None:
            return 0.0
        number = float(leaf) if _is_number(leaf) else _as_number(text)
        folded = _analyze(text)[0]
        if low is not None and not _beyond(number, folded, low, 1):
            return 0.0
        if high is not None and not _beyond(number, folded, high, -1):
            return 0.0
        return PARTIAL

    return score
