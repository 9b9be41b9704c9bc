"""MyGene.info v3 over a local list of gene documents.

`q` is read in MyGene's order (see `mirror.biothings.genequery`): a genome interval, a Lucene query
string (quoted, or with `:`, `~`, ` AND `, ` OR `, `NOT `), a wildcard on symbol/name/summary, or
the weighted default search. Every score is then boosted by species (human x1.55, mouse x1.3,
rat x1.2) and lowered for pseudogenes (x0.5). `species`, `entrezonly` and `ensemblonly` filter
hits; `species_facet_filter` filters hits but not facet counts. Annotation ids are looked up in
`_id`, `entrezgene`, `ensembl.gene` and `retired`; query results default to
`symbol,name,taxid,entrezgene`; scroll contexts live one minute.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from starlette.types import ASGIApp

from mirror.biothings.genequery import (
    GeneRow,
    find_interval,
    is_lucene,
    is_wildcard,
    weighted_scorer,
    wildcard_scorer,
)
from mirror.biothings.params import ApiError, Option
from mirror.biothings.projection import values_at
from mirror.biothings.routes import create_biothings_app
from mirror.biothings.service import Args, BiothingsService, Filter, Scorer
from mirror.clock import MirrorClock
from mirror.lucene import compile_query

TAXIDS = {
    "human": 9606,
    "mouse": 10090,
    "rat": 10116,
    "fruitfly": 7227,
    "nematode": 6239,
    "zebrafish": 7955,
    "thale-cress": 3702,
    "frog": 8364,
    "pig": 9823,
}
GENOME_ASSEMBLY = {
    "human": "hg38",
    "mouse": "mm39",
    "rat": "rn6",
    "fruitfly": "dm6",
    "nematode": "ce11",
    "zebrafish": "danRer11",
    "thale-cress": "araTha1",
    "frog": "xenTro9",
    "pig": "susScr11",
}
SPECIES_BOOST = {9606: 1.55, 10090: 1.3, 10116: 1.2}
PSEUDOGENE_BOOST = 0.5
ANNOTATION_SCOPES = ("_id", "entrezgene", "ensembl.gene", "retired")
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "hgnc": ("HGNC",),
    "mgi": ("MGI",),
    "rgd": ("RGD",),
    "hprd": ("HPRD",),
    "mim": ("MIM",),
    "omim": ("MIM",),
    "flybase": ("FLYBASE",),
    "wormbase": ("WormBase",),
    "zfin": ("ZFIN",),
    "tair": ("TAIR",),
    "xenbase": ("Xenbase",),
    "refseq": ("refseq.rna", "refseq.protein", "refseq.genomic"),
    "uniprot": ("uniprot.Swiss-Prot", "uniprot.TrEMBL"),
    "ensemblgene": ("ensembl.gene",),
    "ensembltranscript": ("ensembl.transcript",),
    "ensemblprotein": ("ensembl.protein",),
    "interpro": ("interpro.id",),
    "go": ("go.BP.id", "go.MF.id", "go.CC.id"),
    "reactome": ("pathway.reactome.id",),
    "kegg": ("pathway.kegg.id",),
    "wikipathways": ("pathway.wikipathways.id",),
    "homologene": ("homologene.id",),
    "chr": ("genomic_pos.chr",),
}
# Unfielded Lucene terms search these (MyGene's `all` field gathers the names and ids).
DEFAULT_FIELDS = (
    "symbol",
    "name",
    "alias",
    "other_names",
    "summary",
    "entrezgene",
    "ensembl.gene",
    "refseq.rna",
    "refseq.protein",
    "uniprot.Swiss-Prot",
    "uniprot.TrEMBL",
    "MGI",
    "RGD",
    "HGNC",
)
UNMAPPED_SPECIES = "cannot map some species to taxids."


def taxids_of(species: list[Any] | None) -> set[int] | None:
    """Taxonomy ids named by `species` (common names or ids); None for all. 400 on unknown names."""
    if not species or any(str(s).strip().lower() == "all" for s in species):
        return None
    taxids: set[int] = set()
    for name in species:
        text = str(name).strip().lower()
        if text.isdigit():
            taxids.add(int(text))
        elif text in TAXIDS:
            taxids.add(TAXIDS[text])
        else:
            raise ApiError(400, UNMAPPED_SPECIES)
    return taxids


class GeneService(BiothingsService):
    """MyGene.info v3."""

    biothing_types: ClassVar[tuple[str, ...]] = ("gene",)
    query_scopes: ClassVar[tuple[str, ...]] = ANNOTATION_SCOPES
    query_fields: ClassVar[tuple[str, ...] | None] = ("symbol", "name", "taxid", "entrezgene")
    source_alias: ClassVar[tuple[str, ...]] = ("fields", "field", "filter")
    scroll_ttl: ClassVar[float] = 60.0
    scope_aliases: ClassVar[Mapping[str, tuple[str, ...]]] = FIELD_ALIASES

    def __init__(
        self, docs: list[dict[str, Any]], metadata: Mapping[str, Any], clock: MirrorClock
    ) -> None:
        super().__init__(docs, metadata, clock)
        self.rows = [GeneRow.of(doc) for doc in docs]
        self.taxids = [self._taxid(doc) for doc in docs]
        self.boosts = [
            self._boost(doc, taxid) for doc, taxid in zip(docs, self.taxids, strict=True)
        ]
        self.index.prepare(ANNOTATION_SCOPES)

    @staticmethod
    def _taxid(doc: Mapping[str, Any]) -> int | None:
        try:
            return int(doc["taxid"])
        except (KeyError, TypeError, ValueError):
            return None

    @staticmethod
    def _boost(doc: Mapping[str, Any], taxid: int | None) -> float:
        boost = SPECIES_BOOST.get(taxid, 1.0) if taxid is not None else 1.0
        return boost * PSEUDOGENE_BOOST if doc.get("type_of_gene") == "pseudo" else boost

    def extra_options(self, endpoint: str, method: str) -> dict[str, Option]:
        species = {"species": Option("list", default=["all"], strict=False)}
        if endpoint == "annotation":
            return species
        return {
            **species,
            "species_facet_filter": Option("list", strict=False),
            "entrezonly": Option("bool", default=False),
            "ensemblonly": Option("bool", default=False),
        }

    def boost(self, position: int) -> float:
        return self.boosts[position]

    def annotation_lookups(self, term: Any) -> list[tuple[tuple[str, ...], Any]]:
        return [(ANNOTATION_SCOPES, term)]

    def string_scorer(self, q: str) -> Scorer:
        interval = find_interval(q)
        if interval is not None:
            where, rest = interval
            inner = self.string_scorer(rest) if rest else None

            def in_interval(position: int) -> float:
                if not where.overlaps(self.docs[position]):
                    return 0.0
                return inner(position) if inner is not None else 1.0

            return in_interval
        if is_lucene(q):
            compiled = compile_query(q, default_fields=DEFAULT_FIELDS, field_aliases=FIELD_ALIASES)
            return lambda position: compiled.score(self.docs[position])
        if is_wildcard(q):
            return wildcard_scorer(self.docs, q)
        return weighted_scorer(self.rows, q)

    def doc_filter(self, args: Args) -> Filter | None:
        taxids = taxids_of(args.get("species"))
        entrez_only, ensembl_only = args.get("entrezonly"), args.get("ensemblonly")
        if taxids is None and not entrez_only and not ensembl_only:
            return None

        def keep(position: int) -> bool:
            if taxids is not None and self.taxids[position] not in taxids:
                return False
            if entrez_only and self.rows[position].entrez is None:
                return False
            return not ensembl_only or bool(values_at(self.docs[position], "ensembl.gene"))

        return keep

    def post_filter(self, args: Args) -> Filter | None:
        taxids = taxids_of(args.get("species_facet_filter"))
        if taxids is None:
            return None
        return lambda position: self.taxids[position] in taxids

    def metadata_defaults(self) -> dict[str, Any]:
        return {
            "biothing_type": "gene",
            "taxonomy": dict(TAXIDS),
            "genome_assembly": dict(GENOME_ASSEMBLY),
        }


def create_mygene_app(
    docs: list[dict[str, Any]], metadata: dict[str, Any], clock: MirrorClock
) -> ASGIApp:
    """MyGene.info v3 over `docs`; routes relative to the mount (`/gene/{id}`, `/query`, ...)."""
    return create_biothings_app(GeneService(docs, metadata, clock))
