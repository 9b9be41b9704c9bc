"""Gene query roots, links and loaders (MyGene.info)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from backends.answers import Typed
from backends.mygene import species_param, taxid_of
from backends.shapes import Doc, as_list
from genechem.cursors import fingerprint
from genechem.errors import InvalidInput
from resolvers import chemical as chemical_resolvers
from resolvers import hgnc as hgnc_resolvers
from resolvers.context import Context, Info
from resolvers.loaders import (
    MATCH_CAP,
    BatchByIdLoader,
    BatchQueryLoader,
    FieldsKey,
    Resolution,
    lookup_terms,
    resolutions,
    settled_together,
)
from resolvers.pages import Window, slice_items
from resolvers.projection import (
    child_selections,
    declared_reads,
    node_fields,
    object_fields,
    own_selections,
    upstream_fields,
)

LINK_MATCHES = 1000
"""Matches per term asked of a batch query (the services' cap; their default is only 10)."""
HOMOLOGENE_SCOPE = "entrezgene"
"""The MyGene.info field a HomoloGene pair `[taxid, entrez]` names its gene by."""
PANTHER_ID_SPACES: dict[str, tuple[str, str]] = {
    "HGNC": ("HGNC", ""),
    "MGI": ("MGI", "MGI:"),
    "RGD": ("RGD", ""),
    "ZFIN": ("ZFIN", ""),
    "Ensembl": ("ensembl.gene", ""),
}
"""PANTHER ortholog id keys resolvable in MyGene.info: the MyGene field (scope) holding that id
space, and the prefix that field writes (MyGene stores `MGI:104772`, PANTHER writes `104772`)."""


class OrthologRef(NamedTuple):
    """One ortholog a gene document names: its species, the MyGene.info field of the id space the
    reference comes from (the only scope it is looked up in), and the id as that field writes it.
    The scope is part of the reference because ids of different spaces collide: 1956 is EGFR's
    Entrez id and CHRNA2's HGNC number."""

    taxid: int
    scope: str
    id: str


class GeneByIdLoader(BatchByIdLoader):
    """Genes by Entrez or Ensembl id, retired ids included: `POST /v3/gene`, 1000 ids a call
    (`GET /v3/gene/{id}` when a tick asks for one id)."""


ScopedFetch = Callable[[str, list[str], list[str] | None], Awaitable[list[Doc]]]
"""`(scope, terms, fields) -> matches`: one batch query (`POST /v3/query`) over one scope."""


class GenesByOrthologRefLoader:
    """Genes by ortholog reference, each looked up only in its own id space: one
    `BatchQueryLoader` per scope, so a tick costs one `POST /v3/query` per scope in use, never a
    query over every scope at once (where a bare number matches ids of other spaces)."""

    def __init__(self, fetch: ScopedFetch) -> None:
        self.fetch = fetch
        self._by_scope: dict[str, BatchQueryLoader] = {}

    def _loader(self, scope: str) -> BatchQueryLoader:
        if scope not in self._by_scope:
            # The scope's own field comes back with each match, to check the match against the
            # reference (`names_ref`); taxid to check the species.
            self._by_scope[scope] = BatchQueryLoader(
                functools.partial(self.fetch, scope), always=frozenset({"taxid", scope})
            )
        return self._by_scope[scope]

    async def load_many(
        self, refs: Sequence[OrthologRef], fields: frozenset[str]
    ) -> list[list[Doc]]:
        """Every match of each reference in its scope, in `refs` order. All loads are queued
        before the first await, so references of one tick share one call per scope."""
        futures = [self._loader(ref.scope).load(FieldsKey(ref.id, fields)) for ref in refs]
        return await settled_together(futures, asyncio.get_running_loop())


class GenesByUniprotLoader(BatchQueryLoader):
    """Genes by Swiss-Prot accession: `POST /v3/query` with scope `uniprot.Swiss-Prot`."""


def gene_fields(info: Info) -> frozenset[str]:
    """The MyGene.info fields the current field's `Gene` selection reads (fragments on other
    types, as under `node`, read nothing)."""
    return object_fields(info, "Gene")


def gene_by_id(info: Info) -> GeneByIdLoader:
    return gene_loader(info.context)


def gene_loader(context: Context) -> GeneByIdLoader:
    """The request's loader of genes by id (also the lookup lane's, `schema.lookup_lane`)."""
    return context.loader(GeneByIdLoader, lambda b: GeneByIdLoader(b.mygene.get_genes))


def genes_decoded(
    context: Context, keys: list[FieldsKey], typed: Typed | None
) -> Awaitable[list[Any]]:
    """The genes of `keys` in one batch call (as `gene_loader` batches them), the answer
    decoded by `typed` (the lookup lane's `genes(ids:)`, `schema.typed_go`): each key's
    document, None, or the call's error, in its slot."""
    fetch = functools.partial(context.backends.mygene.get_genes, typed=typed)
    return GeneByIdLoader(fetch).batch_load_fn(keys)


async def gene(info: Info, gene_id: str) -> Doc | None:
    """One gene by Entrez or Ensembl id; None when MyGene.info has none."""
    result: Doc | None = await gene_by_id(info).load(FieldsKey(gene_id.strip(), gene_fields(info)))
    return result


async def genes(info: Info, ids: Sequence[str]) -> list[Doc | None]:
    """Genes in input order, None where not found; duplicates cost nothing."""
    fields = gene_fields(info)
    docs: list[Doc | None] = await gene_by_id(info).load_many(
        [FieldsKey(i.strip(), fields) for i in ids]
    )
    return docs


async def hgnc_record_of(info: Info, gene_doc: Doc) -> Doc | None:
    number = gene_doc.get("HGNC")
    if number in (None, ""):
        return None
    return await hgnc_resolvers.record_by(info, "hgnc_id", f"HGNC:{number}")


def requested_taxids(species: Sequence[str] | None) -> set[int] | None:
    """The taxids of species given by common name or taxid; None (every species) when omitted."""
    if species is None:
        return None
    taxids = {s: taxid_of(s) for s in species}
    unknown = [s for s, t in taxids.items() if t is None]
    if unknown:
        raise InvalidInput(
            f"Unknown species {', '.join(map(repr, unknown))}: use a common name "
            "(human, mouse, rat, zebrafish, ...) or an NCBI taxid."
        )
    return {t for t in taxids.values() if t is not None}


def ortholog_refs(doc: Doc) -> list[OrthologRef]:
    """The orthologs the document names, each in its own id space, HomoloGene first, without
    itself (its own species)."""
    refs: list[OrthologRef] = []
    for homologene in as_list(doc.get("homologene")):
        if isinstance(homologene, dict):
            for member in as_list(homologene.get("genes")):
                if isinstance(member, list) and len(member) == 2:
                    refs.append(OrthologRef(int(member[0]), HOMOLOGENE_SCOPE, str(member[1])))
    for panther in as_list(doc.get("pantherdb")):
        if isinstance(panther, dict):
            refs.extend(panther_refs(as_list(panther.get("ortholog"))))
    own = doc.get("taxid")
    return [r for r in dict.fromkeys(refs) if r.taxid != own]


def panther_refs(orthologs: list[Any]) -> list[OrthologRef]:
    """References of PANTHER ortholog entries, ids written as MyGene's field of their space
    writes them (`MGI 104772` -> `MGI:104772`, `HGNC:3236` -> `3236`)."""
    refs: list[OrthologRef] = []
    for ortholog in orthologs:
        if not isinstance(ortholog, dict) or not ortholog.get("taxid"):
            continue
        for key, (scope, prefix) in PANTHER_ID_SPACES.items():
            value = str(ortholog.get(key) or "").strip()
            if value:
                bare = value.removeprefix(f"{key}:")
                refs.append(OrthologRef(int(ortholog["taxid"]), scope, prefix + bare))
    return refs


def values_at(doc: Any, path: str) -> list[Any]:
    """Every value at a dot path, descending through lists (`ensembl.gene` of one or many)."""
    nodes = [doc]
    for key in path.split("."):
        nodes = [
            value
            for node in nodes
            for value in as_list(node.get(key) if isinstance(node, dict) else None)
        ]
    return nodes


def names_ref(match: Doc, ref: OrthologRef) -> bool:
    """Whether `match` is the gene `ref` names: its species, and its field of the reference's id
    space holds the id (compared as text, case-insensitively, as the services match ids)."""
    wanted = ref.id.casefold()
    return match.get("taxid") == ref.taxid and any(
        str(value).strip().casefold() == wanted for value in values_at(match, ref.scope)
    )


async def orthologs_of(info: Info, doc: Doc, species: Sequence[str] | None) -> list[Doc]:
    """The ortholog genes `doc` names (in the requested species), each reference looked up in its
    own id space: one call per scope per request level. Deduplicated by `_id`, in reference
    order (HomoloGene, then PANTHER), each reference's matches in the service's order."""
    wanted = requested_taxids(species)
    refs = [r for r in ortholog_refs(doc) if wanted is None or r.taxid in wanted]
    if not refs:
        return []
    loader = info.context.loader(
        GenesByOrthologRefLoader,
        lambda b: GenesByOrthologRefLoader(
            lambda scope, terms, fields: b.mygene.query_many(
                terms, scopes=[scope], fields=fields, size=LINK_MATCHES
            )
        ),
    )
    matches = await loader.load_many(refs, gene_fields(info))
    found: dict[str, Doc] = {}
    for ref, docs in zip(refs, matches, strict=True):
        for match in docs:
            if names_ref(match, ref):
                found.setdefault(str(match["_id"]), match)
    return list(found.values())


async def genes_by_uniprot(info: Info, accession: str, fields: frozenset[str]) -> list[Doc]:
    loader = info.context.loader(
        GenesByUniprotLoader,
        lambda b: GenesByUniprotLoader(
            lambda terms, f: b.mygene.query_many(
                terms, scopes=["uniprot.Swiss-Prot"], fields=f, size=LINK_MATCHES
            )
        ),
    )
    docs: list[Doc] = await loader.load(FieldsKey(accession, fields))
    return docs


@dataclass
class Targeting:
    """A chemical that targets one of a gene's proteins."""

    chemical: Doc
    uniprot: str
    actions: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


async def chemicals_targeting(info: Info, gene_doc: Doc) -> list[Targeting]:
    """Chemicals whose DrugBank targets or DrugCentral bioactivities name the gene's Swiss-Prot
    accessions, one MyChem.info call per request level."""
    uniprot = gene_doc.get("uniprot")
    accessions = as_list(uniprot.get("Swiss-Prot")) if isinstance(uniprot, dict) else []
    if not accessions:
        return []
    fields = node_fields(info, "Chemical")
    found = await chemical_resolvers.chemicals_targeting(info, [str(a) for a in accessions], fields)
    targeting = [
        Targeting(chemical=doc, uniprot=acc, actions=actions, sources=sources)
        for doc, acc, actions, sources in found
    ]
    return sorted(targeting, key=lambda t: (str(t.chemical.get("_id")), t.uniprot))


def link_page(
    info: Info,
    parent: Doc,
    link: str,
    items: list[Any],
    *,
    first: int | None,
    after: str | None,
) -> Window:
    """A connection page over a link's items; cursors are bound to the parent and the link."""
    key = fingerprint(link, {"parent": str(parent.get("_id"))})
    return slice_items(info.context.pager.codec, key, items, first, after)


async def resolve_genes(
    info: Info,
    terms: Sequence[str],
    scopes: Sequence[str] | None,
    species: Sequence[str] | None,
) -> list[Resolution]:
    """MyGene.info querymany: one `Resolution` per input term, in input order, with up to
    `MATCH_CAP` matches per term (the service's default would stop at 10). Blank terms are never
    sent: they get their own reason (see `resolvers.loaders.term_problem`)."""
    species_value = species_param(species)
    fields = upstream_fields(
        child_selections(own_selections(info), "matches"), declared_reads(info, "Gene")
    )
    entries = await info.context.backends.mygene.query_many(
        lookup_terms(terms),
        scopes=scopes,
        fields=sorted(fields) or None,
        species=species_value,
        size=MATCH_CAP,
    )
    return resolutions(terms, entries, MATCH_CAP)
