"""Relay global object identification: the `node` and `nodes` roots over `strawberry.relay.Node`.

`Gene`, `Chemical` and `HgncRecord` implement `relay.Node`: each says its source id
(`resolve_id`) and loads many at once through its domain's loader (`resolve_nodes`). A global id
is `base64("Gene:1017")` (type name, colon, the source's own id).
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from resolvers import node as node_resolvers
from resolvers.context import Info


def to_global_id(type_name: str, source_id: str) -> strawberry.ID:
    """The global id of an object, as its `id` field answers it."""
    return strawberry.ID(str(relay.GlobalID(type_name=type_name, node_id=source_id)))


@strawberry.type
class NodeQueries:
    @strawberry.field(
        description="Any object by its global id (Relay); null if it is gone. An id that is no "
        "global id of this API is INVALID_INPUT."
    )
    async def node(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="A global id from an object's `id` field."),
        ],
    ) -> relay.Node | None:
        [found] = await node_resolvers.resolve(info, [str(id)])
        return found

    @strawberry.field(
        description="Objects by global id, in input order, null where gone; the "
        "lookups of each type are batched (one upstream call per type for MyGene.info and "
        "MyChem.info)."
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description="Global ids from objects' `id` fields."),
        ],
    ) -> list[relay.Node | None]:
        return await node_resolvers.resolve(info, [str(i) for i in ids])
