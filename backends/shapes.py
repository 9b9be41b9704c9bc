"""The services' "a value here, a list there" quirk, normalised once.

MyGene.info and MyChem.info store a field as a single value in one document and as a list in
another (`alias`, `genomic_pos`, `ensembl`, `go.BP`, `drugbank.targets`, ...). Each client
declares the dot paths that are lists by nature (`list_paths`); `listify` turns every value found at
those paths into a list, in place, and leaves everything else as the service sent it. Nothing is
dropped: a single value becomes a one-element list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def as_list(value: Any) -> list[Any]:
    """`None` -> `[]`, a list -> itself, anything else -> `[value]`."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def listify(doc: dict[str, Any], paths: Iterable[str]) -> dict[str, Any]:
    """Make the value at every dot path in `paths` a list, descending through lists on the way."""
    for path in paths:
        _listify_path(doc, path.split("."))
    return doc


def _listify_path(node: Any, keys: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _listify_path(item, keys)
        return
    if not isinstance(node, dict) or keys[0] not in node:
        return
    if len(keys) == 1:
        node[keys[0]] = as_list(node[keys[0]])
    else:
        _listify_path(node[keys[0]], keys[1:])
