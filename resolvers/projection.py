"""Projection pushdown: the upstream `fields` parameter derived from the GraphQL selection.

Each domain declares which service fields each GraphQL field reads (`GENE_FIELDS` in
`resolvers.gene`, ...). A selection maps to the union of those, so `{ gene(id: "1017") { symbol } }`
asks MyGene.info for `symbol` only. `raw` without arguments is the one field that asks for all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from resolvers.context import Info

ALL_FIELDS: frozenset[str] = frozenset()
"""The empty field set means "every field" (the service default for annotation, `all` on query)."""


def fields_selected(selections: Iterable[Selection]) -> Iterator[SelectedField]:
    """The fields selected at this level, looking through inline fragments and fragment spreads."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from fields_selected(selection.selections)


def child_selections(selections: Iterable[Selection], name: str) -> list[Selection]:
    """What is selected under field `name` (every occurrence merged)."""
    return [s for f in fields_selected(selections) if f.name == name for s in f.selections]


def upstream_fields(
    selections: Iterable[Selection],
    table: Mapping[str, tuple[str, ...]],
    extra: Iterable[str] = (),
) -> frozenset[str]:
    """The service fields a selection reads; `ALL_FIELDS` when it selects `raw` with no
    `fields` argument. Fields not in `table` (`id`, `__typename`) read nothing extra."""
    fields: set[str] = set(extra)
    for field in fields_selected(selections):
        if field.name == "raw":
            wanted = field.arguments.get("fields")
            if not wanted:
                return ALL_FIELDS
            fields.update(str(f) for f in wanted)
        fields.update(table.get(field.name, ()))
    return frozenset(fields) if fields else frozenset({"_id"})


def own_selections(info: Info) -> list[Selection]:
    """What the client selected under the field being resolved."""
    return [s for field in info.selected_fields for s in field.selections]
