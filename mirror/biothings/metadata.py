"""`/metadata` and `/metadata/fields`: build information, and every field path with its type.

The real services read field types from their Elasticsearch mapping; the mirror infers them from
the documents: objects are `object`, integers `long`, other numbers `float`, booleans `boolean`,
strings `text` when some value has a space (names, summaries) and `keyword` otherwise (ids).
Paths come depth first with keys sorted at each level, as the SDK walks a mapping.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mirror.store import DocView

# When values of one path have different types, the broader type names the field.
TYPE_RANK = {"object": 5, "text": 4, "keyword": 3, "float": 2, "long": 1, "boolean": 0}
HIDDEN_FIELDS = ("_id", "_version", "_score")


def _type_of(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "text" if " " in value.strip() else "keyword"
    return None


def _record(types: dict[str, str], path: str, value: Any) -> None:
    if isinstance(value, list):
        for item in value:
            _record(types, path, item)
        return
    kind = _type_of(value)
    if kind is None:
        return
    if TYPE_RANK[kind] > TYPE_RANK.get(types.get(path, ""), -1):
        types[path] = kind
    if isinstance(value, Mapping):
        for key, child in value.items():
            _record(types, f"{path}.{key}", child)


def field_types(docs: Iterable[DocView]) -> dict[str, str]:
    """Every dotted field path in `docs` with its inferred type, depth first, keys sorted."""
    types: dict[str, str] = {}
    for doc in docs:
        for key, value in doc.items():
            if key not in HIDDEN_FIELDS:
                _record(types, key, value)
    return {path: types[path] for path in sorted(types, key=lambda p: p.split("."))}


def fields_response(
    types: Mapping[str, str], prefix: str | None, search: str | None
) -> dict[str, Any]:
    """The `/metadata/fields` body: `{"path": {"index": true, "type": ...}}`."""
    return {
        path: {"index": True, "type": kind}
        for path, kind in types.items()
        if (not prefix or path.startswith(prefix)) and (not search or search in path)
    }


def metadata_response(
    metadata: Mapping[str, Any], total: int, defaults: Mapping[str, Any]
) -> dict[str, Any]:
    """The `/metadata` body: the configured metadata, `defaults` where absent, `stats.total`."""
    meta: dict[str, Any] = {**defaults, **metadata}
    stats = meta.get("stats")
    meta["stats"] = {**(stats if isinstance(stats, Mapping) else {}), "total": total}
    # The SDK hides its internal `_`-prefixed keys unless asked for debug output.
    return {key: meta[key] for key in sorted(meta) if not key.startswith("_")}
