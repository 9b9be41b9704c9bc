"""Chemical query roots and loaders (MyChem.info)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.context import Info
from resolvers.loaders import BatchByIdLoader, FieldsKey
from resolvers.projection import upstream_fields
from schema.chemical import UPSTREAM_FIELDS, Chemical


class ChemicalByIdLoader(BatchByIdLoader):
    """Chemicals by any id form MyChem.info recognises: `POST /v1/chem`, 1000 ids a call."""


def chemical_by_id(info: Info) -> ChemicalByIdLoader:
    return info.context.loader(
        ChemicalByIdLoader, lambda b: ChemicalByIdLoader(b.mychem.get_chemicals)
    )


async def chemical(
    info: Info,
    id: Annotated[
        strawberry.ID,
        strawberry.argument(
            description="InChIKey, DrugBank id (`DB00619`), ChEMBL id (`CHEMBL941`), PubChem CID, "
            "UNII, or a CURIE such as `CHEBI:45783` or `DRUGBANK:DB00619`."
        ),
    ],
) -> Chemical | None:
    fields = upstream_fields(info.selected_fields[0].selections, UPSTREAM_FIELDS)
    doc = await chemical_by_id(info).load(FieldsKey(str(id).strip(), fields))
    return Chemical(doc=doc) if doc is not None else None
