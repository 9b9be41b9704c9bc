"""What changed between two versions of the schema, as graphql-core classifies it.

A *breaking* change can make an operation that worked fail (a field or enum value removed, a type
changed, a required argument added); a *dangerous* one keeps every operation valid but can change
what a client sees (an enum value or union member added, a default value changed). Each change
also gets its schema coordinate (`Gene`, `Gene.entrezId`, `Query.gene(id:)`, `SourceKind.LIVE`,
`@oneOf`), the short name CHANGELOG.md uses to list it (see `genechem.schema_release`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from graphql import GraphQLError, GraphQLSchema, build_schema
from graphql.utilities import find_breaking_changes, find_dangerous_changes

_COORDINATE = re.compile(r"@?[_A-Za-z]\w*(?:\.[_A-Za-z]\w*)?(?:\([_A-Za-z]\w*:\))?")
_UNION = re.compile(r"union type (\w+)")
_INPUT_FIELD = re.compile(r"field (\w+) on input type (\w+)")
_FIRST_NAME = re.compile(r"^(?:Standard scalar )?(\w+)")


class SchemaUnreadable(Exception):
    """An SDL document that is not a valid schema; the message says where and why."""


@dataclass(frozen=True)
class SchemaChange:
    """One difference between two schemas."""

    breaking: bool
    kind: str
    """graphql-core's name for the kind of change, e.g. `FIELD_REMOVED`."""
    description: str
    """graphql-core's sentence, e.g. `Field Gene.entrezId was removed.`"""

    @property
    def coordinate(self) -> str:
        """The schema coordinate of what changed: the union for a member removed from it, the
        input type's field for a required input field added, else the first coordinate the
        description names (a dotted, argument or directive one before a bare type name)."""
        if match := _UNION.search(self.description):
            return str(match.group(1))
        if match := _INPUT_FIELD.search(self.description):
            return f"{match.group(2)}.{match.group(1)}"
        for token in _COORDINATE.findall(self.description):
            if "." in token or "(" in token or token.startswith("@"):
                return str(token)
        first = _FIRST_NAME.match(self.description)
        return str(first.group(1)) if first else self.description


def read_schema(sdl: str, name: str) -> GraphQLSchema:
    """`sdl` built into a schema; `SchemaUnreadable` naming `name` when it is not valid SDL."""
    try:
        return build_schema(sdl)
    except (GraphQLError, TypeError) as error:
        raise SchemaUnreadable(f"{name} is not a valid GraphQL schema: {error}") from error


def schema_changes(old: GraphQLSchema, new: GraphQLSchema) -> list[SchemaChange]:
    """Breaking changes first, then dangerous ones, each in graphql-core's order."""
    breaking = [
        SchemaChange(True, change.type.name, change.description)
        for change in find_breaking_changes(old, new)
    ]
    dangerous = [
        SchemaChange(False, change.type.name, change.description)
        for change in find_dangerous_changes(old, new)
    ]
    return breaking + dangerous


def sdl_changes(old_sdl: str, new_sdl: str, old_name: str, new_name: str) -> list[SchemaChange]:
    """`schema_changes` between two SDL documents (names are for error messages)."""
    return schema_changes(read_schema(old_sdl, old_name), read_schema(new_sdl, new_name))


def change_lines(
    changes: Iterable[SchemaChange], note: dict[SchemaChange, str] | None = None
) -> str:
    """The changes as a report: a `breaking (n):` and a `dangerous (n):` block, one change per
    line with its kind, and `note[change]` after it when given."""
    listed = list(changes)
    blocks = []
    for title, breaking in (("breaking", True), ("dangerous", False)):
        picked = [c for c in listed if c.breaking is breaking]
        lines = [f"{title} ({len(picked)}):"]
        for change in picked:
            extra = f"  [{note[change]}]" if note and change in note else ""
            lines.append(f"  {change.kind}: {change.description}{extra}")
        blocks.append("\n".join(lines))
    return "\n".join(blocks)
