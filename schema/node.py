"""Relay global object identification: the `Node` interface and global ids.

A global id is `base64("Gene:1017")` (type name, colon, the source's own id), as graphql-relay
makes them. `node(id:)` and `nodes(ids:)` decode it and resolve through the domain's loader.
"""

from __future__ import annotations

import base64
import binascii

import strawberry

from genechem.errors import InvalidInput

NODE_TYPES = ("Gene", "Chemical", "HGNCRecord")


@strawberry.interface(description="An object with a global id (Relay): fetch it again with `node`.")
class Node:
    @strawberry.field(
        description="Global id: opaque, stable, and accepted by `node(id:)` and `nodes(ids:)`."
    )
    def id(self) -> strawberry.ID:
        raise NotImplementedError  # each node type returns its own


def to_global_id(type_name: str, source_id: str) -> strawberry.ID:
    return strawberry.ID(base64.b64encode(f"{type_name}:{source_id}".encode()).decode())


def from_global_id(global_id: str) -> tuple[str, str]:
    """(type name, source id) of a global id; InvalidInput when it is not one of ours."""
    try:
        type_name, _, source_id = base64.b64decode(global_id, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidInput(f"{global_id!r} is not a global id of this API.") from exc
    if type_name not in NODE_TYPES or not source_id:
        raise InvalidInput(f"{global_id!r} is not a global id of this API.")
    return type_name, source_id
