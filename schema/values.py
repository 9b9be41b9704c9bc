"""Reading values out of service documents for GraphQL fields: lists always lists, strings
always strings, absent values null or empty (never an error)."""

from __future__ import annotations

from typing import Any

from backends.shapes import as_list

Doc = dict[str, Any]


def text(value: Any) -> str | None:
    """A single text value. Where a source has a list for a field that is single by nature, its
    first value; an object is not text (None)."""
    if isinstance(value, list):
        return next((t for t in (text(v) for v in value) if t is not None), None)
    if value is None or value == "" or isinstance(value, dict):
        return None
    return str(value)


def texts(value: Any) -> list[str]:
    return [str(v) for v in as_list(value) if v is not None and v != ""]


def integer(value: Any) -> int | None:
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def integers(value: Any) -> list[int]:
    return [n for n in (integer(v) for v in as_list(value)) if n is not None]


def number(value: Any) -> float | None:
    try:
        return float(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def objects(value: Any) -> list[Doc]:
    """The objects in a value that is an object, a list of objects, or absent."""
    return [v for v in as_list(value) if isinstance(v, dict)]


def first(value: Any, key: str) -> Any:
    """`key` of the first object in `value` (one object or a list of them) that has it."""
    for part in objects(value):
        if part.get(key) not in (None, ""):
            return part[key]
    return None


def at(doc: Doc, path: str) -> Any:
    """The value at a dot path, descending into the first object where a level is a list."""
    node: Any = doc
    for key in path.split("."):
        if isinstance(node, list):
            node = next((n for n in node if isinstance(n, dict) and key in n), None)
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def project(doc: Doc, fields: list[str] | None) -> Doc:
    """The parts of `doc` at the given dot paths, nested as the services nest them (`refseq.rna`
    -> `{"refseq": {"rna": ...}}`); the whole document when `fields` is None or empty."""
    if not fields:
        return doc
    out: Doc = {"_id": doc.get("_id")} if "_id" in doc else {}
    for path in fields:
        _copy_path(doc, out, path.split("."))
    return out


def _copy_path(source: Any, target: Doc, keys: list[str]) -> None:
    if not isinstance(source, dict) or keys[0] not in source:
        return
    value = source[keys[0]]
    if len(keys) == 1:
        target[keys[0]] = value
    elif isinstance(value, dict):
        _copy_path(value, target.setdefault(keys[0], {}), keys[1:])
    elif isinstance(value, list):
        existing = target.get(keys[0])
        parts: list[Any] = existing if isinstance(existing, list) else [{} for _ in value]
        for item, part in zip(value, parts, strict=False):
            if isinstance(part, dict):
                _copy_path(item, part, keys[1:])
        target[keys[0]] = [p for p in parts if p != {}]
