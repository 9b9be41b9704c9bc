"""HGNC REST client (rest.genenames.org): `/info`, `/fetch`, `/search`.

HGNC has no batch route: one record per `fetch`. Its JSON comes only with `Accept:
application/json`, and it asks clients to stay under 10 requests per second, which `ServiceHTTP`
enforces for this source.
"""

from __future__ import annotations

from typing import Any

from backends.http import ServiceHTTP
from backends.shapes import Doc, listify
from backends.urls import path_segment
from genechem.errors import InvalidInput, UpstreamMalformed

SEARCHABLE_FIELDS = frozenset(
    {
        "alias_name",
        "alias_symbol",
        "ccds_id",
        "curator_notes",
        "ena",
        "ensembl_gene_id",
        "entrez_id",
        "hgnc_id",
        "locus_group",
        "locus_type",
        "mgd_id",
        "name",
        "prev_name",
        "prev_symbol",
        "refseq_accession",
        "rgd_id",
        "status",
        "symbol",
        "symbol_report_tag",
        "ucsc_id",
        "uniprot_ids",
        "vega_id",
    }
)

RECORD_LIST_PATHS = (
    "alias_symbol",
    "alias_name",
    "prev_symbol",
    "prev_name",
    "gene_group",
    "gene_group_id",
    "ena",
    "refseq_accession",
    "ccds_id",
    "uniprot_ids",
    "pubmed_id",
    "mgd_id",
    "rgd_id",
    "omim_id",
    "mane_select",
    "lsdb",
)


class HGNCClient:
    """HGNC REST over one `ServiceHTTP` (rate-limited)."""

    def __init__(self, http: ServiceHTTP) -> None:
        self.http = http

    async def aclose(self) -> None:
        await self.http.aclose()

    async def info(self) -> Doc:
        """`GET /info`: lastModified, numDoc, searchable and stored fields."""
        body = await self.http.request_json("GET", "/info")
        if not isinstance(body, dict):
            raise UpstreamMalformed("hgnc", "HGNC REST sent an /info answer that is not an object.")
        return body

    async def fetch(self, field: str, term: str) -> list[Doc]:
        """`GET /fetch/{field}/{term}`: full records matching one term exactly (no wildcards)."""
        _check_field(field)
        if not term.strip():
            raise InvalidInput(f"An HGNC {field} to fetch must not be empty.")
        body = await self.http.request_json("GET", f"/fetch/{field}/{path_segment(term)}")
        return [listify(doc, RECORD_LIST_PATHS) for doc in _docs(body)]

    async def search(self, query: str, field: str | None = None) -> list[Doc]:
        """`GET /search/{query}` or `/search/{field}/{query}`, Solr syntax: every match at once,
        each `{"hgnc_id", "symbol", "score"}`, best first."""
        if field is not None:
            _check_field(field)
        if not query.strip():
            raise InvalidInput("An HGNC search needs a non-empty query.")
        term = path_segment(query)
        path = f"/search/{field}/{term}" if field else f"/search/{term}"
        return _docs(await self.http.request_json("GET", path))


def _check_field(field: str) -> None:
    if field not in SEARCHABLE_FIELDS:
        allowed = ", ".join(sorted(SEARCHABLE_FIELDS))
        raise InvalidInput(f"'{field}' is not a searchable HGNC field; use one of {allowed}.")


def _docs(body: Any) -> list[Doc]:
    response = body.get("response") if isinstance(body, dict) else None
    docs = response.get("docs") if isinstance(response, dict) else None
    if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
        raise UpstreamMalformed("hgnc", "HGNC REST sent an answer without response.docs.")
    return docs
