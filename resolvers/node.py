"""Relay global ids: decoding them, and resolving them to objects through each type's own
`resolve_nodes` (which loads through the domain's per-request loader, so lookups are batched).

A global id is `base64("<TypeName>:<source id>")` as `strawberry.relay` makes it. Nothing here
knows the node types by name: the schema says which type a name is, and the type how to load it.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import inspect
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from strawberry import relay
from strawberry.types.base import StrawberryObjectDefinition

from genechem.errors import InvalidInput
from resolvers.context import Info


def _decoded(value: str) -> tuple[str, str] | None:
    """(type name, source id) when `value` is base64 of `<name>:<id>`, else None. A length that
    is not a multiple of 4 is no padded base64 (most source ids, e.g. Entrez `600000000`): no
    decoding tried, no exception raised and caught, for each of 1000 ids."""
    if len(value) % 4:
        return None
    try:
        text = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, colon, source_id = text.partition(":")
    if not (colon and type_name.isidentifier() and source_id):
        return None
    return type_name, source_id


def may_be_global_id(value: str) -> bool:
    """Whether `value` has a global id's form (`own_id` then asks the schema)."""
    return _decoded(value.strip()) is not None


def source_id(value: object) -> str | None:
    """A root's id as graphql-core reads an `ID` (a string, or an integer as its text) and the
    roots strip it, when it cannot be a global id; None for anything else (the lookup lane then
    leaves the request to the full path)."""
    text = str(value) if type(value) is int else value
    if not isinstance(text, str) or may_be_global_id(text):
        return None
    return text.strip()


def node_type(info: Info, type_name: str) -> type[relay.Node] | None:
    """The schema's node type of that name, or None when the name is no node type."""
    definition = info.schema.get_type_by_name(type_name)
    if not isinstance(definition, StrawberryObjectDefinition):
        return None
    origin = definition.origin
    return origin if isinstance(origin, type) and issubclass(origin, relay.Node) else None


def decode(info: Info, global_id: str) -> tuple[type[relay.Node], str]:
    """The node type and source id of a global id; INVALID_INPUT when it is not one of ours."""
    decoded = _decoded(global_id)
    cls = node_type(info, decoded[0]) if decoded else None
    if decoded is None or cls is None:
        raise InvalidInput(f"{global_id!r} is not a global id of this API.")
    return cls, decoded[1]


def own_id(info: Info, value: str, expected: type[relay.Node]) -> str:
    """The source id a root such as `gene(id:)` looks up: `value` itself, or, when `value` is a
    global id (from an object's `id` field), the source id inside it. A global id of another
    type is INVALID_INPUT rather than a silent null. Source ids never decode as global ids: an
    InChIKey, an Ensembl or DrugBank id is not base64, and digits decode to no `<Type>:` text."""
    decoded = _decoded(value.strip())
    if decoded is None or node_type(info, decoded[0]) is None:
        return value
    cls, source_id = decode(info, value.strip())
    if cls is not expected:
        name = expected.__strawberry_definition__.name  # type: ignore[attr-defined]
        raise InvalidInput(f"{value!r} is the global id of a {decoded[0]}, not of a {name}.")
    return source_id


async def _resolve_type(
    info: Info, cls: type[relay.Node], source_ids: list[str]
) -> list[relay.Node | None]:
    found: Any = cls.resolve_nodes(info=info, node_ids=source_ids, required=False)
    if inspect.isawaitable(found):
        found = await found
    return list(found)


async def resolve(info: Info, global_ids: Sequence[str]) -> list[relay.Node | None]:
    """The objects behind global ids, in input order, None where gone: one `resolve_nodes` call
    per type, all types at once."""
    decoded = [decode(info, str(g)) for g in global_ids]
    positions: dict[type[relay.Node], list[int]] = defaultdict(list)
    for index, (cls, _) in enumerate(decoded):
        positions[cls].append(index)
    per_type = await asyncio.gather(
        *(_resolve_type(info, cls, [decoded[i][1] for i in at]) for cls, at in positions.items())
    )
    answers: list[relay.Node | None] = [None] * len(decoded)
    for at, nodes in zip(positions.values(), per_type, strict=True):
        for index, node in zip(at, nodes, strict=True):
            answers[index] = node
    return answers
