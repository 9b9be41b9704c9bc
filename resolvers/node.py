"""`node` and `nodes`: objects by Relay global id, through each domain's loader (batched)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from backends.shapes import Doc
from resolvers import chemical as chemical_resolvers
from resolvers import gene as gene_resolvers
from resolvers import hgnc as hgnc_resolvers
from resolvers.context import Info
from resolvers.loaders import FieldsKey


async def load(info: Info, type_name: str, source_id: str) -> Doc | None:
    """The document behind one decoded global id, or None when the service no longer has it."""
    if type_name == "Gene":
        key = FieldsKey(source_id, gene_resolvers.gene_fields(info))
        gene: Doc | None = await gene_resolvers.gene_by_id(info).load(key)
        return gene
    if type_name == "Chemical":
        key = FieldsKey(source_id, chemical_resolvers.chemical_fields(info))
        chemical: Doc | None = await chemical_resolvers.chemical_by_id(info).load(key)
        return chemical
    return await hgnc_resolvers.record_by(info, "hgnc_id", source_id)


async def load_many(info: Info, decoded: Sequence[tuple[str, str]]) -> list[Doc | None]:
    """Many objects at once: the loads of each type share one batch."""
    return list(await asyncio.gather(*(load(info, t, i) for t, i in decoded)))
