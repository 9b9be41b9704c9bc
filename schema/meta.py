"""`meta`: which gateway answers and which schema it serves, so a client (or a cache of generated
code) can tell whether the schema it was built against is the one it talks to."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

import strawberry
from strawberry.schema.base import BaseSchema

from resolvers.context import Info

UNKNOWN_VERSION = "0+unknown"
"""The gateway version when genechem runs from a source tree that was never installed."""


def sdl(schema: BaseSchema) -> str:
    """The schema's SDL exactly as `genechem export-schema` writes it to schema.graphql."""
    return str(schema) + "\n"


def gateway_version() -> str:
    """The installed genechem's version (pyproject.toml's, as the package metadata carries it)."""
    try:
        return version("genechem")
    except PackageNotFoundError:
        return UNKNOWN_VERSION


@lru_cache(maxsize=4)
def schema_hash(schema: BaseSchema) -> str:
    """SHA-256 of the SDL; computed once per schema, since printing a schema is not cheap."""
    return hashlib.sha256(sdl(schema).encode("utf-8")).hexdigest()


@strawberry.type(description="The gateway and the version of the schema it serves.")
class GatewayMeta:
    gateway_version: str = strawberry.field(
        description="genechem's version, e.g. `0.1.0` (the `version` in pyproject.toml of the "
        "installed package). CHANGELOG.md says what each version changed."
    )
    schema_version: str = strawberry.field(
        description="`<gatewayVersion>+sdl.<first 12 hex digits of schemaHash>`: the release the "
        "schema belongs to and a fingerprint that changes whenever any type, field, argument or "
        "description changes, released or not."
    )
    schema_hash: str = strawberry.field(
        description="SHA-256 (64 hex digits) of the schema's SDL as committed in schema.graphql: "
        "`sha256sum schema.graphql` in the matching source tree prints the same."
    )


@strawberry.type
class MetaQueries:
    @strawberry.field(
        description="The gateway's version and the schema's version; no upstream call."
    )
    def meta(self, info: Info) -> GatewayMeta:
        digest = schema_hash(info.schema)
        release = gateway_version()
        return GatewayMeta(
            gateway_version=release,
            schema_version=f"{release}+sdl.{digest[:12]}",
            schema_hash=digest,
        )
