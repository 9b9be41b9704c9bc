"""The BioThings habit of storing a one-item list as the item itself.

MyGene.info and MyChem.info run every document through `unlist` before indexing, so `alias`,
`genomic_pos`, `go.BP`, `drugbank.targets`, `actions` and the like are a plain value when there is
one and a list when there are several. The demo documents keep that quirk so clients meet it
offline too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def unlist(values: list[T]) -> T | list[T]:
    """The only item of a one-item list, else the list itself (never call it with an empty list)."""
    if not values:
        raise ValueError("unlist() needs at least one value; leave the field out instead")
    return values[0] if len(values) == 1 else values


def unique(values: Iterable[T]) -> list[T]:
    """Values in first-seen order without repeats."""
    return list(dict.fromkeys(values))
