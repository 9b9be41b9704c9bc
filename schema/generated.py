"""The generated builds of the compiled path: one Python function per collected field set that
builds the whole object from its source in one pass (and one loop for a list of them), written
as source for the selection and compiled once per process (see `schema.compiled`)."""

from __future__ import annotations

import functools
import keyword
from dataclasses import dataclass
from types import CodeType
from typing import Any

from graphql.execution.collect_fields import GroupedFieldSet

from schema.completion import Build


@dataclass(frozen=True, slots=True)
class CompiledField:
    """One pure field: how to read it from the source and how to complete its value."""

    read: Build
    complete: Build
    attribute: str | None = None
    """The source attribute the field reads as it is (plain dataclass fields)."""
    text: bool = False
    """A String or ID: a `str` value is its own answer."""
    constant: str | None = None
    """`__typename`: the answer, whatever the source."""
    reads: tuple[str, str] | None = None
    """A `text_field`: the document attribute and key it reads, read inline, with the resolver
    called only for values other than a non-empty string."""

    def __call__(self, source: Any) -> Any:
        if self.constant is not None:
            return self.constant
        return self.complete(self.read(source))


class Plan:
    """How to execute one collected field set of one object type: the compiled field for each
    pure field (`None` for the others), and `build`, the whole object in one generated function,
    when every field is pure (`build_list`, the same for a list of such objects, made when a
    list asks for it)."""

    __slots__ = ("_build_list", "build", "fields", "grouped_field_set", "shared")

    def __init__(
        self,
        grouped_field_set: GroupedFieldSet,
        fields: list[tuple[str, CompiledField | None]],
        *,
        shared: bool = False,
    ) -> None:
        self.grouped_field_set = grouped_field_set  # kept alive: plans are keyed by its id
        self.fields = fields
        self.shared = shared
        """Kept with the operation's document: it reads nothing of the request."""
        pure = [(name, field) for name, field in fields if field is not None]
        self.build = generated(pure) if len(pure) == len(fields) else None
        self._build_list: Build | None = None

    def build_list(self) -> Build | None:
        """The objects of a list of them, in one generated loop: `build`'s body once per item,
        without a call per item (a gene's GO annotations are hundreds of small objects); None
        where there is no `build`."""
        if self.build is not None and self._build_list is None:
            pure = [(name, field) for name, field in self.fields if field is not None]
            self._build_list = generated(pure, each=True)
        return self._build_list


def generated(fields: list[tuple[str, CompiledField]], *, each: bool = False) -> Build:
    """The function building a whole object from its source in one call (`each`: a list of
    objects from a list of sources): Python source written for this selection (attributes read
    directly, strings passed through), run through `exec` once. graphql-jit does the same for
    JavaScript."""
    namespace: dict[str, Any] = {}
    body = object_lines(fields, namespace)
    pairs = ", ".join(f"{name!r}: v{i}" for i, (name, _) in enumerate(fields))
    if each:
        lines = ["def build(sources):", "    out = []", "    for s in sources:"]
        lines += [f"    {line}" for line in body]
        lines += [f"        out.append({{{pairs}}})", "    return out"]
    else:
        lines = ["def build(s):", *body, f"    return {{{pairs}}}"]
    exec(code_of("\n".join(lines)), namespace)
    build: Build = namespace.pop("build")  # its globals are `namespace`: no cycle through it
    return build


def object_lines(fields: list[tuple[str, CompiledField]], namespace: dict[str, Any]) -> list[str]:
    """The generated lines that read and complete each field of the source `s` into `v0`,
    `v1`, ... (indented for a function's body); the readers and completers they call are put in
    `namespace`."""
    lines: list[str] = []
    documents = {f.reads[0] for _, f in fields if f.reads is not None and is_document(f.reads[0])}
    lines.extend(
        f"    d_{document} = s.{document}" if document else "    d_ = s"
        for document in sorted(documents)
    )
    for i, (_, field) in enumerate(fields):
        if field.constant is not None:
            namespace[f"v{i}"] = field.constant
            continue
        attribute = field.attribute
        namespace[f"c{i}"] = field.complete
        if field.reads is not None and is_document(field.reads[0]):
            document, key = field.reads
            namespace[f"r{i}"] = field.read
            lines.append(f"    v{i} = d_{document}.get({key!r})")
            lines.append(f"    if type(v{i}) is not str or not v{i}:")
            lines.append(f"        v{i} = c{i}(r{i}(s))")
            continue
        if attribute and is_name(attribute):
            lines.append(f"    v{i} = s.{attribute}")
        else:
            namespace[f"r{i}"] = field.read
            lines.append(f"    v{i} = r{i}(s)")
        if field.text:
            lines.append(f"    if type(v{i}) is not str:")
            lines.append(f"        v{i} = c{i}(v{i})")
        else:
            lines.append(f"    v{i} = c{i}(v{i})")
    return lines


@functools.lru_cache(maxsize=512)
def code_of(source: str) -> CodeType:
    """Generated source compiled to bytecode once per process: requests repeating an operation
    (most of them) only bind it to their own readers and completers."""
    return compile(source, "<schema.compiled>", "exec")


def is_document(attribute: str) -> bool:
    """Whether a `reads` declaration's document can be read in generated source: an attribute
    of the source, or (`""`) the source itself."""
    return attribute == "" or is_name(attribute)


def is_name(attribute: str) -> bool:
    """Whether `attribute` can be written `s.<attribute>` in generated source."""
    return attribute.isidentifier() and not keyword.iskeyword(attribute)
