"""The DataLoader pattern shared by every domain: keys carry the fields they need.

A key is `(id, fields)`. One batch collects every key loaded in the same tick, asks the service once
for the unique ids with the union of the fields, and hands each key its document matched by the
service's `query` echo, never by position. A key whose batch failed gets that error in its own slot.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, NamedTuple

from aiodataloader import DataLoader

Doc = dict[str, Any]


class FieldsKey(NamedTuple):
    """What one resolver asks a loader for: a record id and the upstream fields it reads."""

    id: str
    fields: frozenset[str]


def union_fields(keys: Sequence[FieldsKey]) -> list[str] | None:
    """The fields to ask for: their union, or None (every field) when any key wants all."""
    fields: set[str] = set()
    for key in keys:
        if not key.fields:
            return None
        fields |= key.fields
    return sorted(fields)


class BatchByIdLoader(DataLoader[FieldsKey, Doc | None]):
    """Loads documents by id in one batch call; results keyed on the service's `query` echo.
    A slot holding an exception makes `load` raise it for that key alone (aiodataloader's rule)."""

    def __init__(
        self,
        fetch: Callable[[list[str], list[str] | None], Awaitable[list[Doc]]],
        base_fields: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.fetch = fetch
        self.base_fields = base_fields

    async def batch_load_fn(self, keys: list[FieldsKey]) -> list[Any]:
        ids = list(dict.fromkeys(key.id for key in keys))
        fields = union_fields(keys)
        if fields is not None:
            fields = sorted(set(fields) | self.base_fields)
        try:
            entries = await self.fetch(ids, fields)
        except Exception as exc:
            return [exc for _ in keys]
        found: dict[str, Doc] = {}
        for entry in entries:
            query = str(entry.get("query"))
            if not entry.get("notfound") and query not in found:
                found[query] = entry
        return [found.get(key.id) for key in keys]
