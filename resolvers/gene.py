"""Gene query roots and loaders (MyGene.info)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.context import Info
from resolvers.loaders import BatchByIdLoader, FieldsKey
from resolvers.projection import upstream_fields
from schema.gene import UPSTREAM_FIELDS, Gene


class GeneByIdLoader(BatchByIdLoader):
    """Genes by Entrez or Ensembl id, retired ids included: `POST /v3/gene`, 1000 ids a call."""


def gene_by_id(info: Info) -> GeneByIdLoader:
    return info.context.loader(GeneByIdLoader, lambda b: GeneByIdLoader(b.mygene.get_genes))


async def gene(
    info: Info,
    id: Annotated[
        strawberry.ID,
        strawberry.argument(
            description="Entrez Gene id (`1017`) or Ensembl gene id (`ENSG00000123374`); a "
            "retired Entrez id resolves to the current gene."
        ),
    ],
) -> Gene | None:
    fields = upstream_fields(info.selected_fields[0].selections, UPSTREAM_FIELDS)
    doc = await gene_by_id(info).load(FieldsKey(str(id).strip(), fields))
    return Gene(doc=doc) if doc is not None else None
