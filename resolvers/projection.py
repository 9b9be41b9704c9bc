"""Projection pushdown: the upstream `fields` parameter derived from the GraphQL selection.

Each field declares, next to its definition, the service fields it reads (`schema.values.upstream`,
or `reads`, which also serves the compiled path); `declared_reads` collects them from the schema
being executed. A selection maps to the union of those, so `{ gene(id: "1017") { symbol } }` asks
MyGene.info for `symbol` only. `raw` without arguments is the one field that asks for all.

Every walker here reads the selection as GraphQL executes it: a field or fragment skipped by
`@skip(if: true)` or `@include(if: false)` reads nothing, and a fragment on another type than the
one being resolved (`node { ... on Chemical { raw } }` while resolving a gene) reads nothing either.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from resolvers.context import Info
from schema.document_cache import kept, reads_variables
from schema.values import UPSTREAM

ALL_FIELDS: frozenset[str] = frozenset()
"""The empty field set means "every field" (no `fields` on annotation, `fields=all` on query)."""
EVERY_FIELD = "all"
"""The services' `fields` value for every field (their query routes default to a few fields)."""

TypeNames = frozenset[str]
"""The names a fragment's type condition may use to apply to one object type: the type's own
name and those of the interfaces it implements."""


def declared_reads(info: Info, type_name: str) -> Mapping[str, tuple[str, ...]]:
    """The service fields each field of object type `type_name` declares it reads, by GraphQL
    field name; fields that declare none (`id`, `raw`) are absent."""
    return _declared_reads(info.schema, type_name)


@functools.lru_cache(maxsize=32)
def _declared_reads(schema: Any, type_name: str) -> Mapping[str, tuple[str, ...]]:
    definition = schema.get_type_by_name(type_name)
    name_of = schema.config.name_converter.get_graphql_name
    return {name_of(f): f.metadata[UPSTREAM] for f in definition.fields if UPSTREAM in f.metadata}


def type_names(info: Info, type_name: str) -> TypeNames:
    """`type_name` and the interfaces it implements, from the schema (the schema has no unions)."""
    definition = info.schema.get_type_by_name(type_name)
    interfaces = getattr(definition, "interfaces", None) or ()
    return frozenset({type_name, *(i.name for i in interfaces)})


def included(selection: Selection) -> bool:
    """False when `@skip(if: true)` or `@include(if: false)` leaves the selection out. Strawberry
    has already replaced variables in directive arguments by their values."""
    directives = selection.directives
    if directives.get("skip", {}).get("if") is True:
        return False
    return directives.get("include", {}).get("if", True) is not False


def applies(selection: InlineFragment | FragmentSpread, on: TypeNames | None) -> bool:
    """Whether a fragment applies to the object being resolved; `on=None` when the position has
    one concrete type, where validation already ensured every fragment applies."""
    condition = selection.type_condition
    return on is None or condition is None or condition in on


def fields_selected(
    selections: Iterable[Selection], on: TypeNames | None = None
) -> Iterator[SelectedField]:
    """The fields selected at this level, looking through the inline fragments and fragment
    spreads that apply to type `on`, and leaving out what `@skip` / `@include` leave out."""
    for selection in selections:
        if not included(selection):
            continue
        if isinstance(selection, SelectedField):
            yield selection
        elif applies(selection, on):
            yield from fields_selected(selection.selections, on)


def child_selections(
    selections: Iterable[Selection], name: str, on: TypeNames | None = None
) -> list[Selection]:
    """What is selected under field `name` (every included occurrence merged)."""
    return [s for f in fields_selected(selections, on) if f.name == name for s in f.selections]


def raw_fields(field: SelectedField) -> frozenset[str]:
    """The service fields one `raw` selection reads: its `fields` argument, or `ALL_FIELDS` when
    it has none, asks for `all`, or excludes a path (an exclusion applies to the whole document,
    so the gateway fetches it all and projects locally)."""
    wanted = [str(f) for f in field.arguments.get("fields") or ()]
    if not wanted or EVERY_FIELD in wanted or any(f.startswith("-") for f in wanted):
        return ALL_FIELDS
    return frozenset(wanted)


def upstream_fields(
    selections: Iterable[Selection],
    table: Mapping[str, tuple[str, ...]],
    extra: Iterable[str] = (),
    on: TypeNames | None = None,
) -> frozenset[str]:
    """The service fields a selection of type `on` reads; `ALL_FIELDS` when it selects `raw`
    with no `fields` argument. Fields not in `table` (`id`, `__typename`) read nothing extra."""
    fields: set[str] = set(extra)
    for field in fields_selected(selections, on):
        if field.name == "raw":
            wanted = raw_fields(field)
            if wanted == ALL_FIELDS:
                return ALL_FIELDS
            fields |= wanted
        fields.update(table.get(field.name, ()))
    return frozenset(fields) if fields else frozenset({"_id"})


def own_selections(info: Info) -> list[Selection]:
    """What the client selected under the field being resolved."""
    return [s for field in info.selected_fields if included(field) for s in field.selections]


def object_fields(info: Info, type_name: str) -> frozenset[str]:
    """The service fields the current field's `type_name` selection reads (fragments on other
    types, as under `node`, read nothing)."""
    return kept_fields(
        info,
        type_name,
        lambda: upstream_fields(
            own_selections(info), declared_reads(info, type_name), on=type_names(info, type_name)
        ),
    )


def node_fields(info: Info, type_name: str) -> frozenset[str]:
    """The service fields a connection's nodes (of type `type_name`) read."""
    return kept_fields(
        info,
        f"nodes.{type_name}",
        lambda: upstream_fields(
            child_selections(child_selections(own_selections(info), "edges"), "node"),
            declared_reads(info, type_name),
        ),
    )


def fields_key(name: str, nodes: Iterable[object]) -> tuple[object, ...]:
    """The key `kept_fields` keeps the fields derived for `name` under, for these field nodes."""
    return ("fields", name, *map(id, nodes))


def kept_fields(info: Info, name: str, fields: Callable[[], frozenset[str]]) -> frozenset[str]:
    """`fields()`, the service fields `name` derives from the selection of the field being
    resolved, made once per document when the selection reads no variable
    (`schema.document_cache.kept`): Strawberry rebuilds `selected_fields` from the document on
    every resolve call (2% of a single gene's CPU; once per gene for each link of a list)."""
    raw = info._raw_info
    nodes = tuple(raw.field_nodes)
    selections = [node.selection_set for node in nodes if node.selection_set is not None]
    if reads_variables(raw.operation, selections, raw.fragments.get):
        return fields()
    return kept(raw.operation, info.schema, fields_key(name, nodes), fields, hold=nodes)
