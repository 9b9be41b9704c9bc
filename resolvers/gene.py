"""Gene query roots, links and loaders (MyGene.info)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from backends.mygene import taxid_of
from backends.shapes import as_list
from genechem.cursors import fingerprint
from genechem.errors import InvalidInput
from resolvers import chemical as chemical_resolvers
from resolvers import hgnc as hgnc_resolvers
from resolvers.context import Info
from resolvers.loaders import (
    BatchByIdLoader,
    BatchQueryLoader,
    FieldsKey,
    Resolution,
    resolutions,
)
from resolvers.paging import Window, slice_items
from resolvers.projection import child_selections, own_selections, upstream_fields

Doc = dict[str, Any]

GENE_FIELDS: dict[str, tuple[str, ...]] = {
    "entrezId": ("entrezgene",),
    "symbol": ("symbol",),
    "name": ("name",),
    "taxid": ("taxid",),
    "species": ("taxid",),
    "typeOfGene": ("type_of_gene",),
    "aliases": ("alias",),
    "otherNames": ("other_names",),
    "summary": ("summary",),
    "mapLocation": ("map_location",),
    "genomicPositions": ("genomic_pos", "genomic_pos_hg19", "genomic_pos_mm9"),
    "ensembl": ("ensembl.gene", "ensembl.transcript", "ensembl.protein", "ensembl.type_of_gene"),
    "refseq": ("refseq.rna", "refseq.protein", "refseq.genomic"),
    "uniprot": ("uniprot",),
    "go": ("go",),
    "pathways": ("pathway",),
    "interpro": ("interpro",),
    "pfam": ("pfam",),
    "pdb": ("pdb",),
    "omim": ("MIM",),
    "hgncId": ("HGNC",),
    "homologeneId": ("homologene.id",),
    "hgnc": ("HGNC",),
    "orthologs": ("homologene.genes", "pantherdb.ortholog", "taxid"),
    "chemicals": ("uniprot.Swiss-Prot",),
}
"""The MyGene.info fields each `Gene` field reads (projection pushdown)."""

LINK_MATCHES = 1000
"""Matches per term asked of a batch query (the services' cap; their default is only 10)."""
ORTHOLOG_SCOPES = ("entrezgene", "HGNC", "MGI", "RGD", "ZFIN", "ensembl.gene")
"""Where an ortholog reference is looked up: HomoloGene gives Entrez ids, PANTHER gives HGNC, MGI,
RGD, ZFIN or Ensembl ids."""
PANTHER_ID_KEYS = {"HGNC": "", "MGI": "MGI:", "RGD": "", "ZFIN": "", "Ensembl": ""}
"""PANTHER ortholog id keys resolvable in MyGene.info, with the prefix MyGene's own field uses."""


class GeneByIdLoader(BatchByIdLoader):
    """Genes by Entrez or Ensembl id, retired ids included: `POST /v3/gene`, 1000 ids a call."""


class GenesByOrthologRefLoader(BatchQueryLoader):
    """Genes by Entrez, MGI, RGD or Ensembl id: `POST /v3/query` over `ORTHOLOG_SCOPES`."""


class GenesByUniprotLoader(BatchQueryLoader):
    """Genes by Swiss-Prot accession: `POST /v3/query` with scope `uniprot.Swiss-Prot`."""


def gene_fields(info: Info) -> frozenset[str]:
    """The MyGene.info fields the current field's `Gene` selection reads."""
    return upstream_fields(own_selections(info), GENE_FIELDS)


def gene_by_id(info: Info) -> GeneByIdLoader:
    return info.context.loader(GeneByIdLoader, lambda b: GeneByIdLoader(b.mygene.get_genes))


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


def ortholog_refs(doc: Doc) -> list[tuple[int, str]]:
    """(taxid, id) of each ortholog the document names, HomoloGene first, without itself."""
    refs: list[tuple[int, str]] = []
    for homologene in as_list(doc.get("homologene")):
        if isinstance(homologene, dict):
            for member in as_list(homologene.get("genes")):
                if isinstance(member, list) and len(member) == 2:
                    refs.append((int(member[0]), str(member[1])))
    for panther in as_list(doc.get("pantherdb")):
        if not isinstance(panther, dict):
            continue
        for ortholog in as_list(panther.get("ortholog")):
            for key, prefix in PANTHER_ID_KEYS.items():
                if isinstance(ortholog, dict) and ortholog.get(key) and ortholog.get("taxid"):
                    value = str(ortholog[key])
                    ref = value if value.startswith(prefix) else prefix + value
                    refs.append((int(ortholog["taxid"]), ref))
    own = doc.get("taxid")
    return [r for r in dict.fromkeys(refs) if r[0] != own]


async def orthologs_of(info: Info, doc: Doc, species: Sequence[str] | None) -> list[Doc]:
    """The ortholog genes `doc` names (in the requested species), in one call per request level."""
    wanted = requested_taxids(species)
    refs = [r for r in ortholog_refs(doc) if wanted is None or r[0] in wanted]
    if not refs:
        return []
    loader = info.context.loader(
        GenesByOrthologRefLoader,
        lambda b: GenesByOrthologRefLoader(
            lambda terms, fields: b.mygene.query_many(
                terms, scopes=ORTHOLOG_SCOPES, fields=fields, size=LINK_MATCHES
            ),
            always=frozenset({"taxid"}),
        ),
    )
    fields = gene_fields(info)
    matches = await loader.load_many([FieldsKey(ref, fields) for _, ref in refs])
    found: dict[str, Doc] = {}
    for (taxid, _), docs in zip(refs, matches, strict=True):
        for match in docs:
            # A bare id can match another scope in another species: keep the species it names.
            if match.get("taxid") == taxid:
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
    selections = child_selections(child_selections(own_selections(info), "edges"), "node")
    found = await chemical_resolvers.chemicals_targeting(
        info, [str(a) for a in accessions], selections
    )
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
    """MyGene.info querymany: one `Resolution` per input term, in input order."""
    fields = upstream_fields(child_selections(own_selections(info), "matches"), GENE_FIELDS)
    entries = await info.context.backends.mygene.query_many(
        list(dict.fromkeys(terms)),
        scopes=scopes,
        fields=sorted(fields) or None,
        species=",".join(species) if species else None,
    )
    return resolutions(terms, entries)
