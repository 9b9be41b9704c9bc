"""The services' "a value here, a list there" quirk, normalised once.

MyGene.info and MyChem.info store a field as a single value in one document and as a list in
another (`alias`, `genomic_pos`, `ensembl`, `go.BP`, `drugbank.targets`, ...). Each client
declares the dot paths that are lists by nature (`list_paths`); `listify` returns the document with
every value found at those paths made a list, and leaves everything else as the service sent it.
Nothing is dropped: a single value becomes a one-element list.

The document the service sent stays intact beside it (`original_of`), for `raw`, which answers
the service's own JSON. `listify` never writes into the service's document: it copies only the
objects and lists on the way to a value it changes (copy on write) and shares every other part,
so keeping both costs a few small copies, not a second document. Documents are read-only once
normalised.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

Doc = dict[str, Any]
"""A service document (a JSON object) as the clients hand it on."""


class Document(dict[str, Any]):
    """A normalised document that keeps the one the service sent (`original`)."""

    __slots__ = ("original",)

    original: dict[str, Any]


def as_list(value: Any) -> list[Any]:
    """`None` -> `[]`, a list -> itself, anything else -> `[value]`."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def original_of(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as the service sent it: a normalised document's original, else `doc`."""
    return doc.original if isinstance(doc, Document) else doc


def listify(doc: dict[str, Any], paths: Iterable[str]) -> Document:
    """`doc` with the value at every dot path in `paths` a list, descending through lists on the
    way; `doc` itself is left as it was and kept as the result's `original`."""
    out = Document(doc)
    out.original = original_of(doc)
    owned = {id(out)}
    for head, keys in split_paths(tuple(paths)):
        if head in out:  # most paths name fields this document does not have
            _listify_path(out, keys, owned)
    return out


@functools.lru_cache(maxsize=64)
def split_paths(paths: tuple[str, ...]) -> tuple[tuple[str, list[str]], ...]:
    """Each path's first key and its keys, split once per set of paths, not per document."""
    return tuple((path.split(".")[0], path.split(".")) for path in paths)


def _listify_path(node: Any, keys: list[str], owned: set[int]) -> Any:
    """`node` with the value at `keys` below it made a list: `node` itself when nothing changes
    or when it is a copy this normalisation made (`owned`), else a copy."""
    if isinstance(node, list):
        items = [_listify_path(item, keys, owned) for item in node]
        if all(new is old for new, old in zip(items, node, strict=True)):
            return node
        return _own(node, items, owned)
    if not isinstance(node, dict) or keys[0] not in node:
        return node
    value = node[keys[0]]
    if len(keys) == 1:
        changed = as_list(value)
        if changed is not value:
            owned.add(id(changed))
    else:
        changed = _listify_path(value, keys[1:], owned)
    if changed is value:
        return node
    target = node if id(node) in owned else _own(node, dict(node), owned)
    target[keys[0]] = changed
    return target


def _own(old: Any, copy: Any, owned: set[int]) -> Any:
    """Record `copy` (of `old`) as made by this normalisation, so later paths write into it."""
    if id(old) in owned:  # a list this normalisation made: update it in place
        old[:] = copy
        return old
    owned.add(id(copy))
    return copy
