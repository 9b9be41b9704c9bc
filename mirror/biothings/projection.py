"""What a returned document looks like: `fields` source filtering, key sorting, `dotfield`
flattening, `always_list` / `allow_null`, as Elasticsearch and the SDK's formatter shape hits.

`fields` follows Elasticsearch `_source` filtering: a path includes its whole subtree, `*` matches
any run of characters (dots included), objects inside lists are filtered one by one and dropped
when nothing is left, and `-path` excludes. Keys are sorted by plain codepoint order (uppercase,
then `_`, then lowercase), at every level, lists included.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from mirror.store import DocView


def values_at(doc: Any, path: str) -> list[Any]:
    """Every scalar at dot path `path`, through nested objects and lists (`*` is any key)."""
    nodes: list[Any] = [doc]
    for segment in path.split("."):
        found: list[Any] = []
        for node in nodes:
            for item in node if isinstance(node, list) else [node]:
                if not isinstance(item, Mapping):
                    continue
                if segment == "*":
                    found.extend(item.values())
                elif segment in item:
                    found.append(item[segment])
        nodes = found
    out: list[Any] = []
    for node in nodes:
        out.extend(_scalars(node))
    return out


def _scalars(node: Any) -> Iterator[Any]:
    if isinstance(node, list):
        for item in node:
            yield from _scalars(item)
    elif node is not None and not isinstance(node, Mapping):
        yield node


@lru_cache(maxsize=4096)
def _pattern(field: str) -> re.Pattern[str]:
    return re.compile("".join(".*" if ch == "*" else re.escape(ch) for ch in field))


class Patterns:
    """A set of `fields` patterns, with what they say of each path remembered: documents of a
    service share their paths, so each path is matched against the patterns once, not once per
    key of every document (the regexes cost the mirror more than the filtering itself)."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.patterns = patterns
        self.selected: dict[str, bool] = {}
        self.below: dict[str, bool] = {}

    def selects(self, path: str) -> bool:
        """Whether a pattern matches `path` itself (its whole subtree is kept)."""
        found = self.selected.get(path)
        if found is None:
            found = self.selected[path] = any(_pattern(p).fullmatch(path) for p in self.patterns)
        return found

    def may_select_below(self, path: str) -> bool:
        """Could a pattern match a path under `path`? (A wildcard is judged by its literal
        head.)"""
        found = self.below.get(path)
        if found is None:
            below = path + "."
            found = False
            for pattern in self.patterns:
                head, star, _ = pattern.partition("*")
                if head.startswith(below) or (star and below.startswith(head)):
                    found = True
                    break
            self.below[path] = found
        return found


@lru_cache(maxsize=256)
def patterns_of(fields: tuple[str, ...]) -> Patterns:
    return Patterns(fields)


def _include(node: Any, path: str, patterns: Patterns) -> Any:
    """The part of `node` (found at `path`) that the include patterns keep, or None."""
    if isinstance(node, list):
        kept = [_include(item, path, patterns) for item in node]
        kept = [item for item in kept if item is not None]
        return kept or None
    if not isinstance(node, Mapping):
        return None  # a scalar is kept only when its own path was selected, by the caller
    out: dict[str, Any] = {}
    for key, value in node.items():
        child = f"{path}.{key}" if path else key
        if patterns.selects(child):
            out[key] = value
        elif patterns.may_select_below(child):
            kept = _include(value, child, patterns)
            if kept is not None:
                out[key] = kept
    return out or None


def _exclude(node: Any, path: str, patterns: Patterns) -> Any:
    if isinstance(node, list):
        return [_exclude(item, path, patterns) for item in node]
    if not isinstance(node, Mapping):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        child = f"{path}.{key}" if path else key
        if not patterns.selects(child):
            out[key] = _exclude(value, child, patterns)
    return out


def project(doc: DocView, fields: Sequence[str] | None) -> dict[str, Any]:
    """`doc` filtered by `fields` (None, empty or containing `all`: everything)."""
    if not fields or "all" in fields:
        return dict(doc)
    includes = tuple(f for f in fields if not f.startswith("-"))
    excludes = tuple(f[1:] for f in fields if f.startswith("-"))
    out: dict[str, Any] = dict(doc)
    if includes:
        out = _include(doc, "", patterns_of(includes)) or {}
    if excludes:
        out = _exclude(out, "", patterns_of(excludes))
    return out


def sort_keys(node: Any) -> Any:
    """A copy of `node` with every object's keys in codepoint order."""
    if isinstance(node, Mapping):
        return {key: sort_keys(node[key]) for key in sorted(node)}
    if isinstance(node, list):
        return [sort_keys(item) for item in node]
    return node


def _leaves(node: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from _leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for item in node:
            yield from _leaves(item, path)
    else:
        yield path, node


def dotfield(doc: DocView, always_list: Sequence[str] = ()) -> dict[str, Any]:
    """Every leaf as `"x.y": value`; a path met several times lists its truthy values."""
    grouped: dict[str, list[Any]] = {}
    for path, value in _leaves(doc, ""):
        grouped.setdefault(path, []).append(value)
    flat: dict[str, Any] = {}
    for path, values in grouped.items():
        if len(values) == 1 and path not in always_list:
            flat[path] = values[0]
        else:  # the SDK filters falsy values out of repeated paths; so do we
            flat[path] = [value for value in values if value]
    return flat


def _objects_with_paths(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _objects_with_paths(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for item in node:
            yield from _objects_with_paths(item, path)


def apply_list_options(
    doc: dict[str, Any], always_list: Sequence[str], allow_null: Sequence[str]
) -> None:
    """In place: wrap `always_list` fields in lists, add missing `allow_null` fields as null."""
    if not always_list and not allow_null:
        return
    for path, obj in list(_objects_with_paths(doc, "")):
        prefix = f"{path}." if path else ""
        for wanted in allow_null:
            key = wanted[len(prefix) :] if wanted.startswith(prefix) else None
            if key and "." not in key and key not in obj:
                obj[key] = None
        for wanted in always_list:
            key = wanted[len(prefix) :] if wanted.startswith(prefix) else None
            if key and key in obj and not isinstance(obj[key], list):
                obj[key] = [] if obj[key] is None else [obj[key]]


META_KEYS = ("_id", "_version", "_score")


def format_hit(
    doc: DocView,
    meta: Mapping[str, Any],
    *,
    fields: Sequence[str] | None = None,
    flatten: bool = False,
    sort: bool = True,
    always_list: Sequence[str] = (),
    allow_null: Sequence[str] = (),
) -> dict[str, Any]:
    """One returned document: `meta` (`_id` plus `_score` or `_version`) and the selected fields."""
    source = {key: value for key, value in doc.items() if key not in META_KEYS}
    hit: dict[str, Any] = {**project(source, fields), **meta}
    if always_list or allow_null:
        hit = copy.deepcopy(hit)  # the options write into objects shared with the stored doc
        apply_list_options(hit, always_list, allow_null)
    if sort:
        hit = sort_keys(hit)
    return dotfield(hit, always_list) if flatten else hit
