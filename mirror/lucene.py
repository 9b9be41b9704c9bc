"""Lucene / Solr query-string engine for the mirror: parse with luqum, evaluate over JSON documents.

`compile_query(q)` parses once and compiles the luqum tree into closures, so scoring a document
walks no tree. Semantics follow Elasticsearch `query_string` with `default_operator=OR`:

- `field:value` on dot paths through nested objects and lists; a term matches when ANY leaf at the
  path matches. A field containing `*` is a glob over full dotted leaf paths (`uniprot.*`, `*.id`);
  `*` alone means every leaf. Keys are case-sensitive; `field_aliases` keys are not.
- Values match case-insensitively: the whole value, or a run of its tokens (split on
  non-alphanumerics), or numerically (`9606` matches `9606` and `"9606"`), `true`/`false` booleans.
  Phrases match a run of tokens. `*` and `?` are wildcards (also leading) unless escaped; `/re/`
  is a regular expression. Wildcards and regexes are tried on the whole value and on each token.
- `AND`/`&&`, `OR`/`||`, `NOT`/`!`, `+`/`-` and implicit OR build Lucene boolean clauses
  (must / should / must_not). As in Lucene, `a OR NOT b` means `a -b`, and a group holding only
  negative clauses matches every document lacking them (Elasticsearch adds a match-all).
- Ranges `[a TO b]`, `{a TO b}`, mixed, `*` ends, `>=x`, `>x`, `<=x`, `<x`: numeric comparison when
  both sides are numbers (numeric strings count), otherwise case-insensitive string comparison.
- `_exists_:path`: the path holds some non-null leaf.
- Boosts `^n` multiply the score. Fuzzy `term~n` and proximity `"a b"~n` are accepted and evaluated
  as the plain term / phrase (no edit distance, no slop).

Scores only rank: exact whole value 3, token run 2, wildcard / regex / range / exists 1; a term
takes its best leaf, AND and OR sum their matching clauses, negative clauses add nothing.

This module parses the query, resolves fields to the leaves a term looks at, and combines clauses;
how one leaf value scores against one term (tokenising, numbers, wildcards, regexes, range
comparison and their caches) lives in `mirror.lucene_values`.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from luqum import tree
from luqum.parser import parser

from mirror.lucene_values import (
    EXACT,
    PARTIAL,
    Bound,
    LeafScorer,
    pattern_scorer,
    range_scorer,
    text_scorer,
    wildcard_pattern,
)
from mirror.store import DocView

Predicate = Callable[[DocView], float]
Leaves = Callable[[DocView], list[Any]]

_MIN_SCORE: Final = 1e-9
MUST, SHOULD, MUST_NOT = "must", "should", "must_not"

_ESCAPED: Final = re.compile(r"\\(.)", re.DOTALL)
_SCALARS: Final = (str, int, float)
_OPERATOR_WORDS: Final = frozenset({"&&", "||", "!"})
# PLY's parser keeps its state on the module-level lexer; the mirror may parse from several threads.
_PARSE_LOCK: Final = threading.Lock()


class QuerySyntaxError(ValueError):
    """The query string is not valid Lucene syntax (the services answer 400)."""


def get_values(doc: Mapping[str, Any], path: str) -> list[Any]:
    """Every leaf value at dot path `path` in `doc`, descending through nested objects and lists.

    `get_values({"a": [{"b": 1}, {"b": [2, 3]}]}, "a.b") == [1, 2, 3]`. A path segment may be `*`.
    A missing path gives `[]`. Lists are flattened at every level and nulls dropped; a path ending
    on an object returns that object (a dict) as one of the values.
    """
    return _values(doc, tuple(path.split(".")))


def _values(doc: DocView, segments: tuple[str, ...]) -> list[Any]:
    current: list[Any] = [doc]
    for segment in segments:
        found: list[Any] = []
        for node in _flatten(current):
            if not _is_object(node):
                continue
            if segment == "*":
                found.extend(node.values())
            elif segment in node:
                found.append(node[segment])
        current = found
    return [value for value in _flatten(current) if value is not None]


def _is_object(value: Any) -> bool:
    # The concrete checks first: documents are JSON dicts, and ABC checks are slow per leaf.
    if isinstance(value, dict):
        return True
    return not isinstance(value, _SCALARS) and isinstance(value, Mapping)


def _flatten(values: list[Any]) -> list[Any]:
    if not any(isinstance(value, list) for value in values):
        return values
    flat: list[Any] = []
    for value in values:
        flat.extend(_flatten(value) if isinstance(value, list) else [value])
    return flat


def _walk(node: Any, prefix: str, out: list[tuple[str, Any]]) -> None:
    """Append `(dotted path, scalar leaf)` for every non-null leaf under `node`."""
    if _is_object(node):
        for key, value in node.items():
            _walk(value, f"{prefix}.{key}" if prefix else str(key), out)
    elif isinstance(node, list):
        for item in node:
            _walk(item, prefix, out)
    elif node is not None:
        out.append((prefix, node))


def _all_leaves(doc: DocView) -> list[Any]:
    leaves: list[Any] = []
    stack: list[Any] = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, _SCALARS):
            leaves.append(node)
        elif isinstance(node, Mapping):
            stack.extend(node.values())
        elif node is not None:
            leaves.append(node)
    return leaves


@dataclass(frozen=True)
class CompiledQuery:
    """A parsed query, ready to test documents."""

    predicate: Callable[[Mapping[str, Any]], float]

    def score(self, doc: Mapping[str, Any]) -> float:
        """0.0 when `doc` does not match; otherwise a positive relevance score."""
        return self.predicate(doc)

    def matches(self, doc: Mapping[str, Any]) -> bool:
        return self.predicate(doc) > 0.0


def compile_query(
    q: str,
    *,
    default_fields: Sequence[str] | None = None,
    field_aliases: Mapping[str, Sequence[str]] | None = None,
) -> CompiledQuery:
    """Parse `q` and return its evaluator. Raises QuerySyntaxError on bad syntax.

    Unfielded terms search `default_fields` (dot paths, aliases applied) or, when None or empty,
    every leaf of the document. `field_aliases` maps a field name as written (any case) to the
    real paths; a term on an alias matches if it matches on any of them.
    """
    if not q or not q.strip():
        raise QuerySyntaxError("empty query")
    node = _parse(q)
    aliases = {
        name.casefold(): (paths,) if isinstance(paths, str) else tuple(paths)
        for name, paths in (field_aliases or {}).items()
    }
    default: Leaves = _all_leaves
    if default_fields:
        default = _leaves_for(tuple(p for f in default_fields for p in _resolve(f, aliases)))
    try:
        return CompiledQuery(_compile(node, _Scope(default, aliases)))
    except RecursionError:
        raise QuerySyntaxError("query is nested too deeply") from None


@lru_cache(maxsize=1024)
def _parse(q: str) -> Any:
    with _PARSE_LOCK:
        try:
            return parser.parse(q)
        except Exception as exc:  # luqum raises ParseError, PLY may raise others on odd input
            message = " ".join(str(exc).split()).removeprefix("Syntax error in input : ")
            raise QuerySyntaxError(message.rstrip("!") or "invalid query") from None


@dataclass(frozen=True)
class _Scope:
    leaves: Leaves
    """The leaves an unfielded term looks at (default fields, or the enclosing `field:(...)`)."""
    aliases: Mapping[str, tuple[str, ...]]


def _resolve(name: str, aliases: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    return aliases.get(name.casefold(), (name,))


def _leaves_for(paths: tuple[str, ...]) -> Leaves:
    getters = [_glob_leaves(path) if "*" in path else _path_leaves(path) for path in paths]
    if len(getters) == 1:
        return getters[0]
    return lambda doc: [leaf for getter in getters for leaf in getter(doc)]


def _path_leaves(path: str) -> Leaves:
    segments = tuple(path.split("."))
    # Like Elasticsearch, a term on an object field matches nothing: only scalar leaves count.
    return lambda doc: [v for v in _values(doc, segments) if not _is_object(v)]


def _glob_leaves(path: str) -> Leaves:
    if path == "*":
        return _all_leaves
    segments = path.split(".")
    # Walk only below the literal head of the pattern (`uniprot` in `uniprot.*`).
    head = tuple(itertools.takewhile(lambda segment: "*" not in segment, segments))
    prefix = ".".join(head)
    pattern = re.compile("".join(".*" if char == "*" else re.escape(char) for char in path))

    def leaves(doc: DocView) -> list[Any]:
        pairs: list[tuple[str, Any]] = []
        for node in _values(doc, head) if head else [doc]:
            _walk(node, prefix, pairs)
        return [leaf for dotted, leaf in pairs if pattern.fullmatch(dotted)]

    return leaves


def _unescape(raw: str) -> str:
    return _ESCAPED.sub(r"\1", raw)


def _compile(node: Any, scope: _Scope) -> Predicate:  # noqa: PLR0911 - one branch per node type
    if (negated := _bang(node)) is not None:
        return _compile_bool([(MUST_NOT, negated)], scope)
    if isinstance(node, tree.SearchField):
        return _compile_field(node, scope)
    if isinstance(node, tree.BaseGroup):
        return _compile(node.expr, scope)
    if isinstance(node, tree.Boost):
        factor = float(node.force) if node.force is not None else 1.0
        return _boosted(_compile(node.expr, scope), factor)
    if isinstance(node, tree.BaseOperation):
        return _compile_bool(_clauses(node), scope)
    if isinstance(node, tree.UnaryOperator):
        return _compile_bool([_occur(node, SHOULD)], scope)
    if isinstance(node, tree.BaseApprox):
        return _compile(node.term, scope)
    if isinstance(node, tree.Range | tree.OpenRange):
        return _term(scope.leaves, _compile_range(node), PARTIAL)
    if isinstance(node, tree.Phrase):
        return _term(scope.leaves, text_scorer(_unescape(node.value[1:-1])), EXACT)
    if isinstance(node, tree.Regex):
        return _term(scope.leaves, _regex_scorer(node.value[1:-1]), PARTIAL)
    if isinstance(node, tree.Word):
        return _compile_word(node.value, scope)
    raise QuerySyntaxError(f"unsupported query element {node!s}")


def _compile_field(node: Any, scope: _Scope) -> Predicate:
    name = _unescape(node.name)
    if isinstance(node.expr, tree.SearchField):
        raise QuerySyntaxError(f"unexpected ':' after '{node.name}:{node.expr.name}'")
    if name == "_exists_":
        return _compile_exists(node.expr, scope)
    leaves = _leaves_for(_resolve(name, scope.aliases))
    return _compile(node.expr, _Scope(leaves, scope.aliases))


def _compile_exists(expr: Any, scope: _Scope) -> Predicate:
    if isinstance(expr, tree.Phrase):
        name = _unescape(expr.value[1:-1])
    elif isinstance(expr, tree.Word) and expr.value not in _OPERATOR_WORDS:
        name = _unescape(expr.value)
    else:
        raise QuerySyntaxError("_exists_ takes one field name")
    checks = [_exists_check(path) for path in _resolve(name, scope.aliases)]
    return lambda doc: PARTIAL if any(check(doc) for check in checks) else 0.0


def _exists_check(path: str) -> Callable[[DocView], bool]:
    if "*" in path:
        glob = _glob_leaves(path)
        return lambda doc: bool(glob(doc))
    segments = tuple(path.split("."))
    return lambda doc: any(map(_has_leaf, _values(doc, segments)))


def _has_leaf(value: Any) -> bool:
    if _is_object(value):
        return any(map(_has_leaf, value.values()))
    if isinstance(value, list):
        return any(map(_has_leaf, value))
    return value is not None


def _compile_word(raw: str, scope: _Scope) -> Predicate:
    if raw in _OPERATOR_WORDS:
        raise QuerySyntaxError(f"unexpected '{raw}'")
    if raw.startswith((">", "<")):
        return _term(scope.leaves, _open_range_from_word(raw), PARTIAL)
    pattern = wildcard_pattern(raw)
    if pattern is not None:
        return _term(scope.leaves, pattern_scorer(pattern), PARTIAL)
    return _term(scope.leaves, text_scorer(_unescape(raw)), EXACT)


def _term(leaves: Leaves, scorer: LeafScorer, ceiling: float) -> Predicate:
    """A term's score is its best leaf; stop looking once no leaf can beat `ceiling`."""

    def evaluate(doc: DocView) -> float:
        best = 0.0
        for leaf in leaves(doc):
            score = scorer(leaf)
            if score > best:
                best = score
                if best >= ceiling:
                    break
        return best

    return evaluate


def _boosted(inner: Predicate, factor: float) -> Predicate:
    def evaluate(doc: DocView) -> float:
        score = inner(doc)
        # A zero boost still matches: keep the score positive so `matches` stays true.
        return max(score * factor, _MIN_SCORE) if score > 0.0 else 0.0

    return evaluate


# --- boolean clauses -------------------------------------------------------------------------


def _occur(node: Any, default: str) -> tuple[str, Any]:
    """The Lucene occurrence of one operand: `+x` must, `-x` / `NOT x` / `!x` must not."""
    if isinstance(node, tree.Not | tree.Prohibit):
        return MUST_NOT, node.a
    if isinstance(node, tree.Plus):
        return MUST, node.a
    if (negated := _bang(node)) is not None:
        return MUST_NOT, negated
    return default, node


def _bang(node: Any) -> Any:
    """`x` for `!x`, which luqum reads as a word (or field name) starting with `!`; else None."""
    if isinstance(node, tree.Word) and node.value.startswith("!") and node.value != "!":
        return tree.Word(node.value[1:])
    if isinstance(node, tree.SearchField) and node.name.startswith("!"):
        return tree.SearchField(node.name[1:], node.expr)
    return None


def _clauses(node: Any) -> list[tuple[str, Any]]:
    if isinstance(node, tree.AndOperation):
        return [_occur(child, MUST) for child in node.children]
    if isinstance(node, tree.OrOperation):
        return [_occur(child, SHOULD) for child in node.children]
    return _implicit_clauses(list(node.children))


def _implicit_clauses(operands: list[Any]) -> list[tuple[str, Any]]:
    """Clauses of a juxtaposition, where luqum leaves `&&`, `||` and `!` as plain words.

    Mirrors Lucene's classic parser with default operator OR: `a && b` makes both operands
    required unless prohibited; `||` changes nothing.
    """
    clauses: list[list[Any]] = []
    conjunction: str | None = None
    negate_next = False
    for operand in operands:
        word = operand.value if isinstance(operand, tree.Word) else None
        if word in ("&&", "||"):
            if conjunction is not None or negate_next or not clauses:
                raise QuerySyntaxError(f"unexpected '{word}'")
            conjunction = word
            continue
        if word == "!":
            negate_next = True
            continue
        occur, inner = _occur(operand, SHOULD)
        if negate_next:
            occur, negate_next = MUST_NOT, False
        if conjunction == "&&":
            if clauses[-1][0] != MUST_NOT:
                clauses[-1][0] = MUST
            if occur != MUST_NOT:
                occur = MUST
        clauses.append([occur, inner])
        conjunction = None
    if conjunction is not None or negate_next:
        raise QuerySyntaxError("query ends with an operator")
    return [(occur, inner) for occur, inner in clauses]


def _compile_bool(clauses: list[tuple[str, Any]], scope: _Scope) -> Predicate:
    must = [_compile(node, scope) for occur, node in clauses if occur == MUST]
    should = [_compile(node, scope) for occur, node in clauses if occur == SHOULD]
    must_not = [_compile(node, scope) for occur, node in clauses if occur == MUST_NOT]
    if len(must) + len(should) == 1 and not must_not:
        return (must or should)[0]
    if not must and not should:
        return lambda doc: 0.0 if any(p(doc) > 0.0 for p in must_not) else PARTIAL

    def evaluate(doc: DocView) -> float:
        total = 0.0
        for predicate in must:
            score = predicate(doc)
            if score <= 0.0:
                return 0.0
            total += score
        if any(predicate(doc) > 0.0 for predicate in must_not):
            return 0.0
        # With a required clause the optional ones only add score; without, one must match.
        return total + sum(predicate(doc) for predicate in should)

    return evaluate


# --- range bounds from the query tree ------------------------------------------------------


def _bound(node: Any, inclusive: bool) -> Bound | None:
    """The bound for a range end; None for an open `*` end."""
    if isinstance(node, tree.Prohibit):  # luqum reads `[-5 TO 5]` as a prohibited 5
        raw = "-" + _bound_text(node.a)
    else:
        raw = _bound_text(node)
        if raw == "*" and isinstance(node, tree.Word):
            return None
    return Bound.of(_unescape(raw), inclusive)


def _bound_text(node: Any) -> str:
    return str(node.value[1:-1] if isinstance(node, tree.Phrase) else node.value)


def _compile_range(node: Any) -> LeafScorer:
    if isinstance(node, tree.Range):
        low = _bound(node.low, node.include_low)
        high = _bound(node.high, node.include_high)
    elif isinstance(node, tree.From):
        low, high = _bound(node.a, node.include), None
    else:
        low, high = None, _bound(node.a, node.include)
    return range_scorer(low, high)


def _open_range_from_word(raw: str) -> LeafScorer:
    """`>=500` reaching us as one word (older luqum, or a bare operator): an open range."""
    operator = raw[:2] if raw[1:2] == "=" else raw[:1]
    value = raw[len(operator) :]
    if not value:
        raise QuerySyntaxError(f"missing value after '{operator}'")
    bound = _bound(tree.Word(value), inclusive=operator.endswith("="))
    return range_scorer(bound, None) if operator.startswith(">") else range_scorer(None, bound)


def _regex_scorer(source: str) -> LeafScorer:
    try:
        pattern = re.compile(source, re.IGNORECASE | re.DOTALL)
    except re.error as exc:
        raise QuerySyntaxError(f"invalid regular expression /{source}/: {exc}") from None
    return pattern_scorer(pattern)
