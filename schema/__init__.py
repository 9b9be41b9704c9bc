"""The GraphQL schema: types per domain (`schema.gene`, `schema.chemical`, `schema.hgnc`, ...),
the root `Query` composed from per-domain query classes, and `schema`, the executable schema."""

from __future__ import annotations

import strawberry

from resolvers import chemical, gene, hgnc, sources
from schema.chemical import Chemical
from schema.extensions import ErrorCodes, UpstreamCalls
from schema.gene import Gene
from schema.hgnc import HGNCRecord
from schema.sources import SourceInfo


@strawberry.type
class GeneQueries:
    gene: Gene | None = strawberry.field(
        resolver=gene.gene, description="One gene by id (MyGene.info); null if there is none."
    )


@strawberry.type
class ChemicalQueries:
    chemical: Chemical | None = strawberry.field(
        resolver=chemical.chemical,
        description="One chemical by any id form MyChem.info knows; null if there is none.",
    )


@strawberry.type
class HGNCQueries:
    hgnc_record: HGNCRecord | None = strawberry.field(
        resolver=hgnc.hgnc_record,
        description="The HGNC record of an approved symbol; null if HGNC has none.",
    )


@strawberry.type
class SourceQueries:
    sources: list[SourceInfo] = strawberry.field(
        resolver=sources.sources,
        description="Each upstream service: live or mirror, base URL, data version and build "
        "date (one metadata call to each service).",
    )


@strawberry.type(description="genechem: genes, chemicals and HGNC nomenclature in one graph.")
class Query(GeneQueries, ChemicalQueries, HGNCQueries, SourceQueries):
    pass


schema = strawberry.Schema(query=Query, extensions=[ErrorCodes, UpstreamCalls])
