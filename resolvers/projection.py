"""Projection pushdown: the upstream `fields` parameter derived from the GraphQL selection."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection


def selected_names(selections: Iterable[Selection]) -> set[str]:
    """GraphQL field names selected at this level, looking through fragments."""
    names: set[str] = set()
    for selection in selections:
        if isinstance(selection, SelectedField):
            names.add(selection.name)
        elif isinstance(selection, FragmentSpread | InlineFragment):
            names |= selected_names(selection.selections)
    return names


def upstream_fields(
    selections: Iterable[Selection], table: Mapping[str, tuple[str, ...]]
) -> frozenset[str]:
    """The service fields the selected GraphQL fields read, per the type's `UPSTREAM_FIELDS`.
    A selected field missing from the table reads nothing upstream (e.g. `__typename`)."""
    fields: set[str] = set()
    for name in selected_names(selections):
        fields.update(table.get(name, ()))
    return frozenset(fields)
