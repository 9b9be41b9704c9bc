"""Reading values out of service documents for GraphQL fields: lists always lists, strings
always strings, absent values null or empty (never an error)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from backends.shapes import Doc, as_list, original_of
from schema.completion import STR_ONLY

READS = "genechem-reads"
"""The key of a `reads` declaration in a Strawberry field's metadata: `(attribute, key)`."""
UPSTREAM = "genechem-upstream"
"""The key of an `upstream` declaration in a Strawberry field's metadata: the service's dot
paths the field reads, for its share of the `fields` parameter (`resolvers.projection`)."""


def upstream(*paths: str) -> dict[str, object]:
    """The metadata of a field that reads `paths` (MyGene.info or MyChem.info dot paths) of its
    object's document: a selection asks the service for the union of its fields' paths
    (projection pushdown), so a field that reads a path it does not declare gets nothing."""
    return {UPSTREAM: paths}


def text(value: Any) -> str | None:
    """A single text value. Where a source has a list for a field that is single by nature, its
    first value; an object is not text (None)."""
    if type(value) is str:  # the common case, first: this runs for every text of an answer
        return value or None
    if isinstance(value, list):
        return next((t for t in (text(v) for v in value) if t is not None), None)
    if value is None or value == "" or isinstance(value, dict):
        return None
    return str(value)


def document_id(resolve_id: Callable[..., Any]) -> Callable[..., Any]:
    """Marks a node type's `resolve_id` as reading its object's document alone (never `info`):
    the compiled path (`schema.compiled`) then builds the type's `id` itself, as Strawberry's
    `Node` field does, instead of executing it field by field."""
    resolve_id.reads_document = True  # type: ignore[attr-defined]
    return resolve_id


def reads(key: str, document: str = "doc") -> dict[str, object]:
    """The metadata of a `String` field whose resolver answers a non-empty string at
    `self.<document>[key]` as it is (`text(self.<document>.get(key))` does), declaring so: the
    compiled path (`schema.compiled`) then reads the key itself, and calls the resolver only
    when the value is anything else. `document=""`: the field's source is the document itself
    (a resolver of `root`, as `GoAnnotation`'s). Read from the object's document (`doc`), the
    key is also the field's `upstream` path: one declaration serves both."""
    return {READS: (document, key)} | (upstream(key) if document == "doc" else {})


def texts(value: Any) -> list[str]:
    """The values as non-empty strings; nulls and empty strings left out. A list that is that
    already, the commonest (accessions, Ensembl transcripts), is answered as it is: checked in
    C, where a copy cost a Python step per item. Its readers never change it."""
    if type(value) is list and STR_ONLY.issuperset(map(type, value)) and "" not in value:
        return value
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


ENVELOPE = frozenset({"_id", "_version", "_score", "query"})
"""Keys a route puts around a document: its id, index version, relevance score, and the input term
a batch answer echoes. `raw` answers `_id` and the document's own fields."""
EVERY_FIELD = "all"


def raw_document(doc: Doc, fields: Sequence[str] | None) -> Doc:
    """What `raw` answers: `_id` (when the document has one) and the document as the service sent
    it, before normalisation, filtered by `fields` as the service filters it (`project`)."""
    original = original_of(doc)
    source = {key: value for key, value in original.items() if key not in ENVELOPE}
    out: Doc = {"_id": original["_id"]} if "_id" in original else {}
    out.update(project(source, fields))
    return out


def project(doc: Doc, fields: Sequence[str] | None) -> Doc:
    """`doc` filtered by `fields` as the services filter `_source` (Elasticsearch source
    filtering), so `raw(fields:)` answers what `GET /gene/{id}?fields=` answers:

    - a path keeps its whole value as it is (a single value stays single, a list stays a list);
    - a path through a list keeps, in each object of the list, what the path selects, and drops
      the objects (and scalars) it selects nothing in: each object is filtered on its own, so
      `pantherdb.ortholog.MGI` and `pantherdb.ortholog.RGD` keep each ortholog's own key;
    - `*` matches any run of characters, dots included; `-path` leaves a path out;
    - none, or `all` among them: the whole document.
    """
    if not fields or EVERY_FIELD in fields:
        return doc
    includes = _Paths([f for f in fields if not f.startswith("-")])
    excludes = _Paths([f[1:] for f in fields if f.startswith("-")])
    out: Doc = doc
    if includes:
        out = _included(doc, "", includes) or {}
    if excludes:
        out = _excluded(out, "", excludes)
    return out


class _Paths:
    """A set of dot-path patterns, asked two things about a path: does a pattern name it, and
    could a pattern name something below it."""

    def __init__(self, patterns: Sequence[str]) -> None:
        literal = [p for p in patterns if "*" not in p]
        self.literal = frozenset(literal)
        self.literal_parents = frozenset(
            p.rsplit(".", n)[0] for p in literal for n in range(1, p.count(".") + 1)
        )
        self.wildcards = tuple(p for p in patterns if "*" in p)

    def __bool__(self) -> bool:
        return bool(self.literal or self.wildcards)

    def names(self, path: str) -> bool:
        return path in self.literal or any(_glob(w).fullmatch(path) for w in self.wildcards)

    def reaches_below(self, path: str) -> bool:
        """True when some path `path.<more>` can match: a literal pattern extends `path`, or a
        wildcard's text before its first `*` and `path.` agree as far as both go (the `*`
        absorbs any rest)."""
        if path in self.literal_parents:
            return True
        below = path + "."
        for pattern in self.wildcards:
            head = pattern[: pattern.index("*")]
            shorter = min(len(head), len(below))
            if head[:shorter] == below[:shorter]:
                return True
        return False


@lru_cache(maxsize=1024)
def _glob(pattern: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")))


def _included(node: Any, path: str, paths: _Paths) -> Any:
    """What `paths` keep of `node` (found at `path`); None when nothing."""
    if isinstance(node, list):
        kept = [k for k in (_included(item, path, paths) for item in node) if k is not None]
        return kept or None
    if not isinstance(node, Mapping):
        return None  # a value under a path is kept by its own path only, one level up
    out: Doc = {}
    for key, value in node.items():
        child = f"{path}.{key}" if path else str(key)
        if paths.names(child):
            out[key] = value
        elif paths.reaches_below(child):
            kept = _included(value, child, paths)
            if kept is not None:
                out[key] = kept
    return out or None


def _excluded(node: Any, path: str, paths: _Paths) -> Any:
    """`node` without the paths `paths` name (objects emptied by it stay, as the services do)."""
    if isinstance(node, list):
        return [_excluded(item, path, paths) for item in node]
    if not isinstance(node, Mapping):
        return node
    return {
        key: _excluded(value, child, paths)
        for key, value in node.items()
        if not paths.names(child := f"{path}.{key}" if path else str(key))
    }
