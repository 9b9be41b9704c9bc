"""`POST /query`: many terms matched exactly in `scopes`, one flat list of entries in input order.

A term is a value (any JSON scalar; its type is kept in `"query"`) or, in a JSON body, a list of
values matched together, one per scope (`q=[["1017", 9606]]`, `scopes=[["entrezgene"], "taxid"]`).
Each term yields up to `size` hits (default 10, as an Elasticsearch multi-search), or a single
`{"query": term, "notfound": true}`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mirror.biothings.params import value_error
from mirror.biothings.search import Matches, order, tracks_scores

if TYPE_CHECKING:
    from mirror.biothings.service import BiothingsService

DEFAULT_SIZE = 10


def expand_scopes(service: BiothingsService, scopes: Any) -> list[str]:
    """Scope names flattened, with the service's aliases (`refseq` -> its three fields) applied."""
    names: Iterable[Any] = scopes if isinstance(scopes, list) else [scopes]
    out: list[str] = []
    for name in names:
        if isinstance(name, list):
            out.extend(expand_scopes(service, name))
        else:
            out.extend(service.scope_aliases.get(str(name).lower(), (str(name),)))
    return out


def match_term(service: BiothingsService, term: Any, scopes: list[Any]) -> list[int]:
    """Doc indices matching `term` in `scopes`, in document order."""
    if isinstance(term, list):  # compound: one value per scope, all must hold
        if len(term) != len(scopes):
            raise value_error("Expect len(q) == len(scopes).")
        found: set[int] | None = None
        for value, scope in zip(term, scopes, strict=True):
            if value in ("", None):
                raise value_error("No search terms or scopes.")
            hits = set(service.index.find(expand_scopes(service, scope), value))
            found = hits if found is None else found & hits
        return sorted(found or ())
    if term in ("", None) or not scopes:
        raise value_error("No search terms or scopes.")
    return service.index.find(expand_scopes(service, scopes), term)


def query_many(service: BiothingsService, args: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The `POST /query` body."""
    keep = service.doc_filter(args)
    render = service.render(args, service.query_fields)
    size = DEFAULT_SIZE if args.get("size") is None else args["size"]
    start = args.get("from") or 0
    sort = args.get("sort")
    track = tracks_scores(sort)
    out: list[dict[str, Any]] = []
    for term in args["q"]:
        found = match_term(service, term, args["scopes"])
        if keep is not None:
            found = [p for p in found if keep(p)]
        matches = Matches(found, [service.boost(p) for p in found])
        page = order(service.docs, matches, sort)[start : start + size]
        if not page:
            out.append({"query": term, "notfound": True})
        for p in page:
            meta = {"_score": matches.scores[p] if track else None}
            out.append({"query": term, **service.hit(matches.indices[p], meta, render)})
    return out
