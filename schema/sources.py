"""`SourceInfo`: which backend answers for each service, and the version of its data."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Where a service's answers come from.")
class SourceKind(Enum):
    LIVE = strawberry.enum_value(
        "live", description="The configured URL: a public service, or a standalone mirror."
    )
    MIRROR = strawberry.enum_value(
        "mirror", description="The in-process offline mirror over the bundled demo dataset."
    )


@strawberry.enum(
    description="An upstream service, as errors name it in `extensions.source` (lower case)."
)
class SourceName(Enum):
    MYGENE = strawberry.enum_value("mygene", description="MyGene.info v3: genes.")
    MYCHEM = strawberry.enum_value("mychem", description="MyChem.info v1: chemicals and drugs.")
    HGNC = strawberry.enum_value("hgnc", description="HGNC REST: human gene nomenclature.")


@strawberry.type(description="One upstream service as the gateway uses it.")
class SourceInfo:
    name: SourceName = strawberry.field(
        description="The service; `extensions.source` of an error names it in lower case."
    )
    title: str = strawberry.field(description="The service's name, e.g. `MyGene.info`.")
    kind: SourceKind = strawberry.field(
        description="LIVE: the configured URL (a public service, or a standalone mirror); "
        "MIRROR: the in-process offline mirror over the bundled demo dataset."
    )
    base_url: str = strawberry.field(description="Base URL the gateway sends requests to.")
    data_version: str | None = strawberry.field(
        description="Build version of the service's data (`build_version` from `/metadata`; for "
        "HGNC, `lastModified` from `/info`); null if the service did not say."
    )
    build_date: str | None = strawberry.field(
        description="When the service's data was built (`build_date`, or HGNC `lastModified`)."
    )
    record_count: int | None = strawberry.field(
        description="Number of records the service holds (`stats.total`, HGNC `numDoc`)."
    )
    error: str | None = strawberry.field(
        description="Why the service's metadata could not be read; null when it answered."
    )
