"""One BioThings API over a list of documents, without HTTP: annotation, search, scroll, metadata.

`BiothingsService` holds what MyGene.info and MyChem.info share; each service subclasses it and
overrides the hooks (`string_scorer`, `annotation_lookups`, `doc_filter`, `boost`, ...). Operations
take the parsed parameters (see `mirror.biothings.options`) and return the JSON body, or raise
`ApiError` with the services' own status and body.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from mirror.biothings.lookup import ScopeIndex
from mirror.biothings.metadata import field_types, fields_response, metadata_response
from mirror.biothings.params import ApiError, Option, search_error
from mirror.biothings.projection import format_hit
from mirror.biothings.scroll import ScrollContext, ScrollStore
from mirror.biothings.search import (
    Matches,
    check_window,
    collect,
    order,
    restrict,
    shard_order,
    terms_facets,
    tracks_scores,
)
from mirror.clock import MirrorClock
from mirror.lucene import QuerySyntaxError, compile_query
from mirror.store import Doc

Args = Mapping[str, Any]
Scorer = Callable[[int], float]
Filter = Callable[[int], bool]
MAX_MATCH = 1000
MATCH_ALL = ("__all__", "__any__", "*")


def _match_all(_: int) -> float:
    return 1.0


def _match_none(_: int) -> float:
    return 0.0


class BiothingsService:
    """Shared behaviour of the BioThings APIs; subclasses name their types and override hooks."""

    biothing_types: ClassVar[tuple[str, ...]] = ()
    query_scopes: ClassVar[tuple[str, ...]] = ("_id",)
    query_fields: ClassVar[tuple[str, ...] | None] = None
    source_alias: ClassVar[tuple[str, ...]] = ("fields", "field")
    scroll_ttl: ClassVar[float] = 60.0
    scope_aliases: ClassVar[Mapping[str, tuple[str, ...]]] = {}

    def __init__(self, docs: list[Doc], metadata: Mapping[str, Any], clock: MirrorClock) -> None:
        self.docs = docs
        self.metadata = metadata
        self.index = ScopeIndex(docs)
        self.scrolls = ScrollStore(clock, self.scroll_ttl)
        self._field_types: dict[str, str] | None = None

    # ---- hooks -------------------------------------------------------------------------------

    def extra_options(self, endpoint: str, method: str) -> dict[str, Option]:
        """Service-specific parameters of `endpoint` (`annotation` or `query`) for `method`."""
        return {}

    def string_scorer(self, q: str) -> Scorer:
        """How a non-empty `q` scores each document. Raises QuerySyntaxError."""
        compiled = compile_query(q)
        return lambda position: compiled.score(self.docs[position])

    def annotation_lookups(self, term: Any) -> list[tuple[tuple[str, ...], Any]]:
        """Where an annotation id is looked for: (fields, value) pairs, tried in order."""
        return [(("_id",), term)]

    def doc_filter(self, args: Args) -> Filter | None:
        """Documents outside the request's scope (species, ...) before facets are counted."""
        return None

    def post_filter(self, args: Args) -> Filter | None:
        """Documents removed from hits but still counted in facets."""
        return None

    def boost(self, position: int) -> float:
        return 1.0

    def metadata_defaults(self) -> dict[str, Any]:
        return {"biothing_type": self.biothing_types[0]}

    # ---- scoring and rendering ---------------------------------------------------------------

    def scorer(self, q: str | None) -> Scorer:
        if q is None or q in MATCH_ALL:
            base: Scorer = _match_all
        elif not q.strip():
            base = _match_none
        else:
            try:
                base = self.string_scorer(q)
            except QuerySyntaxError as exc:
                raise search_error(
                    "search_phase_execution_exception", f"Failed to parse query [{q}]"
                ) from exc
        return lambda position: base(position) * self.boost(position)

    def render(self, args: Args, default_fields: Sequence[str] | None) -> dict[str, Any]:
        return {
            "fields": args.get("_source") or default_fields,
            "flatten": bool(args.get("dotfield")),
            "sort": args.get("_sorted", True),
            "always_list": args.get("always_list") or (),
            "allow_null": args.get("allow_null") or (),
        }

    def hit(self, position: int, meta: Mapping[str, Any], render: Mapping[str, Any]) -> Doc:
        doc = self.docs[position]
        return format_hit(doc, {"_id": doc.get("_id"), **meta}, **render)

    def version_of(self, position: int) -> Any:
        return self.docs[position].get("_version", 1)

    # ---- annotation --------------------------------------------------------------------------

    def lookup(self, term: Any, keep: Filter | None) -> list[int]:
        for scopes, value in self.annotation_lookups(term):
            found = self.index.find(scopes, value)
            if keep is not None:
                found = [p for p in found if keep(p)]
            if found:
                return found
        return []

    def annotate(self, args: Args) -> Doc | list[Doc]:
        """`GET /{type}/{id}`: the document, a list when several match. 404 when none."""
        found = self.lookup(args["id"], self.doc_filter(args))
        if not found:
            raise ApiError(404, "Not Found.")
        if len(found) > MAX_MATCH:
            raise ApiError(500, "Too Many Matches.")
        render = self.render(args, None)
        hits = [self.hit(p, {"_version": self.version_of(p)}, render) for p in found]
        return hits[0] if len(hits) == 1 else hits

    def annotate_many(self, args: Args) -> list[Doc]:
        """`POST /{type}`: one entry per match per id, `notfound` entries, input order."""
        keep = self.doc_filter(args)
        matched = [(term, self.lookup(term, keep)) for term in args["id"]]
        if any(len(found) > MAX_MATCH for _, found in matched):
            raise ApiError(500, "Too Many Matches.")
        render = self.render(args, None)
        out: list[Doc] = []
        for term, found in matched:
            if not found:
                out.append({"query": term, "notfound": True})
            for p in found:
                out.append({"query": term, **self.hit(p, {"_version": self.version_of(p)}, render)})
        return out

    # ---- search ------------------------------------------------------------------------------

    def search(self, args: Args) -> Doc:
        """`GET /query`: hits, facets, paging, or the first page of a scroll."""
        started = time.perf_counter()
        if args.get("scroll_id"):
            return self.scroll(args["scroll_id"], started)
        q, aggs = args.get("q"), args.get("aggs") or []
        size = args.get("size")
        if size is None:
            size = 0 if aggs and q in (None, "__all__") else 10
        start = args.get("from") or 0
        if not args.get("fetch_all"):
            check_window(start, size)
        keep = self.doc_filter(args)
        matches = collect(self.docs, self.scorer(q), keep)
        facets = (
            terms_facets(self.docs, matches.indices, aggs, args["facet_size"]) if aggs else None
        )
        post = self.post_filter(args)
        if post is not None:
            matches = restrict(matches, post)
        render = self.render(args, self.query_fields)
        if args.get("fetch_all"):
            return self.open_scroll(matches, render, started)
        return self.page(
            matches,
            sort=args.get("sort"),
            start=start,
            size=size,
            render=render,
            facets=facets,
            started=started,
        )

    def page(
        self,
        matches: Matches,
        *,
        sort: Sequence[str] | None,
        start: int,
        size: int,
        render: Mapping[str, Any],
        facets: Mapping[str, Any] | None,
        started: float,
    ) -> Doc:
        track = tracks_scores(sort)
        positions = order(self.docs, matches, sort)[start : start + size]
        hits = [
            self.hit(matches.indices[p], {"_score": matches.scores[p] if track else None}, render)
            for p in positions
        ]
        body: Doc = {
            "took": _took(started),
            "total": matches.total,
            "max_score": matches.max_score if track else None,
        }
        if facets is not None:
            body["facets"] = facets
            if hits:  # the SDK hides an empty hit list next to facets
                body["hits"] = hits
        else:
            body["hits"] = hits
        return body

    def open_scroll(self, matches: Matches, render: dict[str, Any], started: float) -> Doc:
        context = ScrollContext.of(shard_order(self.docs, matches), render)
        page = context.next_page()
        scroll_id = self.scrolls.open(context)
        return self.scroll_page(context, page, scroll_id, started)

    def scroll(self, scroll_id: str, started: float) -> Doc:
        context, next_id = self.scrolls.resume(scroll_id)
        if next_id is None:
            return {"success": False, "error": "No more results to return."}
        return self.scroll_page(context, context.next_page(), next_id, started)

    def scroll_page(
        self, context: ScrollContext, page: list[tuple[int, float]], scroll_id: str, started: float
    ) -> Doc:
        return {
            "_scroll_id": scroll_id,
            "took": _took(started),
            "total": context.total,
            "max_score": context.max_score,
            "hits": [self.hit(i, {"_score": s}, context.render) for i, s in page],
        }

    # ---- metadata ----------------------------------------------------------------------------

    def metadata_body(self) -> Doc:
        return metadata_response(self.metadata, len(self.docs), self.metadata_defaults())

    def fields_body(self, args: Args) -> Doc:
        if self._field_types is None:
            self._field_types = field_types(self.docs)
        return fields_response(self._field_types, args.get("prefix"), args.get("search"))


def _took(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)
