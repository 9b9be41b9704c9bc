"""What MyGene.info v3 and MyChem.info v1 share: the BioThings REST contract.

Batch routes take at most 1000 ids or terms per request (`BATCH_SIZE`); the client splits longer
lists and sends the chunks concurrently, keeping input order. Query hits, annotation results and
batch entries all pass through the client's `normalize` before they leave this layer.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from backends.answers import Typed
from backends.http import ServiceHTTP
from backends.shapes import Doc, listify
from genechem.errors import UpstreamMalformed

BATCH_SIZE = 1000
SAFE_IN_PATH = re.compile(r"[A-Za-z0-9_:-][A-Za-z0-9._:-]*")
"""Ids sent as a path segment as they are (`GET /{type}/{id}`): letters, digits and `._:-`,
not starting with a dot (no `.` or `..` segment). Every id of the services' own forms (Entrez,
Ensembl, CURIEs, InChIKeys, ChEMBL, DrugBank); anything else goes in a batch body."""

EXHAUSTED_SCROLL = "No more results to return."
EVERY_FIELD = "all"
"""The `fields` value for every field. Query routes need it said: MyGene.info's query default is
only symbol, name, taxid and entrezgene. On annotation routes no `fields` already means all."""


def chunks(items: Sequence[Any], size: int = BATCH_SIZE) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class BioThingsClient:
    """A BioThings API: annotation (`/{type}`), query (`/query`) and metadata routes."""

    annotation_type: ClassVar[str]
    """The annotation route's type: `gene` on MyGene.info, `chem` on MyChem.info."""
    list_paths: ClassVar[tuple[str, ...]] = ()
    """Dot paths that are lists by nature (see backends.shapes)."""

    def __init__(self, http: ServiceHTTP) -> None:
        self.http = http

    async def aclose(self) -> None:
        await self.http.aclose()

    def normalize(self, doc: Doc) -> Doc:
        """The document with `list_paths` made lists; the service's own document stays intact
        beside it (`backends.shapes.original_of`) for `raw`."""
        return listify(doc, self.list_paths)

    async def get_many(
        self,
        ids: Sequence[str],
        *,
        fields: Sequence[str] | None = None,
        dotfield: bool = False,
        typed: Typed | None = None,
    ) -> list[Doc]:
        """`POST /{type}` in chunks of 1000 (`GET /{type}/{id}` for one id, `_get_one`): one
        entry per match, `{"query", "notfound": true}` for an id with none, in input order.

        `typed` decodes the batch answers it reads (`backends.answers.decode_json`), for a
        caller that reads one selection whose fields all take a value or a list alike (the
        lookup lane's, `schema.typed_go`): its documents are left as the service sent them, not
        normalised (`listify` was a tenth of such a request's CPU)."""
        if not ids:
            return []
        extra = _compact({"fields": list(fields) if fields else None, "dotfield": dotfield or None})
        if len(ids) == 1 and SAFE_IN_PATH.fullmatch(ids[0]):
            results = await self._get_one(ids[0], extra)
        else:
            results = await self._gather_chunks(
                ids, lambda part: {"ids": list(part), **extra}, f"/{self.annotation_type}", typed
            )
            if typed is not None:
                return results
        return [self.normalize(d) if not d.get("notfound") else d for d in results]

    async def _get_one(self, id_: str, extra: dict[str, Any]) -> list[Doc]:
        """`GET /{type}/{id}`, answered as `POST /{type}` answers that one id: its matches
        with `query`, or a `notfound` entry. The same lookup on the service (the same id
        scopes), and the route every client uses for one record: the service serves it with
        less work than a batch (no body to read, no list to build)."""
        params = {name: _param_value(value) for name, value in extra.items()}
        path = f"/{self.annotation_type}/{id_}"
        body = await self.http.request_record(path, params=params or None)
        if body is None:
            return [{"query": id_, "notfound": True}]
        matches = body if isinstance(body, list) else [body]
        return [{"query": id_, **self._expect_doc(d)} for d in matches]

    async def query(self, q: str | None = None, **params: Any) -> Doc:
        """`GET /query`: `q` and any contract parameter (`fields`, `size`, `from_`, `sort`,
        `facets`, `facet_size`, `fetch_all`, `scroll_id`, `dotfield`, ...). Lists are joined;
        `fields` given as None or empty means every field (`fields=all`)."""
        if "fields" in params and not params["fields"]:
            params["fields"] = EVERY_FIELD
        query = {"q": q, **{_param_name(k): _param_value(v) for k, v in params.items()}}
        body = await self.http.request_json("GET", "/query", params=_compact(query))
        if not isinstance(body, dict):
            raise self._malformed("a query answer that is not an object")
        if body.get("success") is False and body.get("error") == EXHAUSTED_SCROLL:
            return {"total": body.get("total"), "hits": [], "exhausted": True}
        hits = body.get("hits", [] if _may_omit_hits(body, params) else None)
        if not isinstance(hits, list):
            raise self._malformed("a query answer without hits")
        body["hits"] = [self.normalize(self._expect_doc(h)) for h in hits]
        return body

    async def scroll(self, scroll_id: str) -> Doc:
        """The next page of a `fetch_all` query; `{"exhausted": True, "hits": []}` at the end."""
        return await self.query(None, scroll_id=scroll_id)

    async def query_many(
        self,
        terms: Sequence[str],
        *,
        scopes: Sequence[str] | None = None,
        fields: Sequence[str] | None = None,
        **params: Any,
    ) -> list[Doc]:
        """`POST /query` in chunks of 1000 terms: a flat list, one entry per match, with `query`
        the input term and `{"query", "notfound": true}` for a term with no match. `fields`
        None or empty means every field (`fields=all`)."""
        if not terms:
            return []
        extra = _compact(
            {
                "scopes": list(scopes) if scopes else None,
                "fields": list(fields) if fields else [EVERY_FIELD],
                **{_param_name(k): v for k, v in params.items()},
            }
        )
        results = await self._gather_chunks(
            terms, lambda part: {"q": list(part), **extra}, "/query"
        )
        return [self.normalize(d) if not d.get("notfound") else d for d in results]

    async def metadata(self) -> Doc:
        body = await self.http.request_json("GET", "/metadata")
        return self._expect_doc(body)

    async def _gather_chunks(
        self,
        items: Sequence[str],
        body_for: Callable[[Sequence[str]], Doc],
        path: str,
        typed: Typed | None = None,
    ) -> list[Doc]:
        """POST `items` in chunks of 1000 as JSON bodies, concurrently; answers in input order."""

        async def send(part: Sequence[str]) -> list[Doc]:
            body = await self.http.request_json("POST", path, json_body=body_for(part), typed=typed)
            if not isinstance(body, list):
                raise self._malformed("a batch answer that is not a list")
            return [self._expect_doc(d) for d in body]

        parts = chunks(items)
        if len(parts) == 1:  # no task to wait for: the answer is taken up on the loop's next turn
            return await send(parts[0])
        answers = await asyncio.gather(*(send(part) for part in parts))
        return [doc for answer in answers for doc in answer]

    def _expect_doc(self, value: Any) -> Doc:
        if not isinstance(value, dict):
            raise self._malformed("a document that is not an object")
        return value

    def _malformed(self, what: str) -> UpstreamMalformed:
        return UpstreamMalformed(self.http.source, f"{self.http.name} sent {what}.")


def _may_omit_hits(body: Doc, params: dict[str, Any]) -> bool:
    """Whether a query answer may come without `hits`: the services leave an empty hit list out
    next to facets (with `size=0`, or when nothing matched), and `size=0` asks for no hits."""
    return "facets" in body or str(params.get("size")) == "0"


def _param_name(name: str) -> str:
    return "from" if name == "from_" else name


def _param_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return value


def _compact(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if v is not None}
