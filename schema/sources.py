"""`SourceInfo`: which backend answers for each service, and the version of its data."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Where a service's answers come from.")
class SourceKind(Enum):
    LIVE = "live"
    MIRROR = "mirror"


@strawberry.type(description="One upstream service as the gateway uses it.")
class SourceInfo:
    name: str = strawberry.field(description="`mygene`, `mychem` or `hgnc`.")
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
