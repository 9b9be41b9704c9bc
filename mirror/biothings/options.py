"""The parameters each endpoint reads, as the BioThings SDK declares them (`ANNOTATION_KWARGS`,
`QUERY_KWARGS`), plus each service's own (`BiothingsService.extra_options`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mirror.biothings.params import Option

if TYPE_CHECKING:
    from mirror.biothings.service import BiothingsService


def common_options(service: BiothingsService) -> dict[str, Option]:
    return {
        "_source": Option("list", max=1000, alias=service.source_alias, strict=False),
        "size": Option("int", max=1000, alias="limit"),
        "dotfield": Option("bool", default=False),
        "_sorted": Option("bool", default=True),
        "always_list": Option("list", max=1000, strict=False),
        "allow_null": Option("list", max=1000, strict=False),
    }


def annotation_options(service: BiothingsService, method: str) -> dict[str, Option]:
    if method == "GET":
        own = {"id": Option("str", required=True, in_path=True)}
    else:
        own = {"id": Option("list", max=1000, required=True, alias="ids", strict=False)}
    return {**own, **common_options(service), **service.extra_options("annotation", method)}


def query_options(service: BiothingsService, method: str) -> dict[str, Option]:
    if method == "GET":
        own = {
            "q": Option("str", strict=False),
            "aggs": Option("list", max=1000, alias="facets"),
            "facet_size": Option("int", default=10, max=1000),
            "fetch_all": Option("bool"),
            "scroll_id": Option("str"),
        }
    else:
        own = {
            "q": Option("list", required=True, strict=False),
            "scopes": Option("list", default=list(service.query_scopes), max=1000, strict=False),
        }
    shared = {"from": Option("int", max=10000, alias="skip"), "sort": Option("list", max=10)}
    return {
        **own,
        **shared,
        **common_options(service),
        **service.extra_options("query", method),
    }


def metadata_field_options() -> dict[str, Option]:
    return {"search": Option("str"), "prefix": Option("str")}
