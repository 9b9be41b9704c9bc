"""`HgncRecord`: an HGNC record, the approved nomenclature of a human gene; and the symbol
checker's answer types."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from backends.shapes import Doc
from resolvers import hgnc as hgnc_resolvers
from resolvers.context import Info
from resolvers.pages import Window
from schema import gene as gene_schema
from schema.connections import Connection, Edge, edges_of, page_info
from schema.scalars import JSON
from schema.values import document_id, raw_document, text, texts

if TYPE_CHECKING:
    from schema.gene import Gene


@strawberry.type(description="An HGNC gene group the gene belongs to.")
class GeneGroup:
    id: str | None = strawberry.field(description="HGNC gene group id, as text.")
    name: str = strawberry.field(description="Gene group name.")


@strawberry.enum(description="The status of an HGNC record.")
class HgncStatus(Enum):
    APPROVED = strawberry.enum_value(
        "Approved", description="The symbol is approved: the current nomenclature of a gene."
    )
    ENTRY_WITHDRAWN = strawberry.enum_value(
        "Entry Withdrawn",
        description="The entry was withdrawn: it named no gene (a mistake or a duplicate).",
    )
    SYMBOL_WITHDRAWN = strawberry.enum_value(
        "Symbol Withdrawn",
        description="The symbol was withdrawn in favour of another record (see "
        "`checkSymbols` for the replacement).",
    )


HGNC_STATUSES: dict[str, HgncStatus] = {str(status.value): status for status in HgncStatus}
"""HGNC's `status` text to the enum."""


@strawberry.type(description="An HGNC record from HGNC REST: a human gene's approved nomenclature.")
class HgncRecord(relay.Node):
    doc: strawberry.Private[Doc]

    @classmethod
    @document_id
    def resolve_id(cls, root: HgncRecord, *, info: Info) -> str:
        """The global id holds HGNC's own id (`hgncId`, `HGNC:1097`)."""
        return str(root.doc.get("hgnc_id"))

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[HgncRecord | None]:
        """Records by HGNC id through the request's HGNC loaders (each id fetched once)."""
        docs = await asyncio.gather(
            *(hgnc_resolvers.record_by(info, "hgnc_id", i) for i in node_ids)
        )
        return [cls(doc=d) if d else None for d in docs]

    @strawberry.field(description="HGNC id, e.g. `HGNC:1097`.")
    def hgnc_id(self) -> str:
        return str(self.doc.get("hgnc_id"))

    @strawberry.field(
        description="Approved symbol, e.g. `BRAF` (the withdrawn symbol for withdrawn entries)."
    )
    def symbol(self) -> str:
        return str(self.doc.get("symbol"))

    @strawberry.field(description="Approved name.")
    def name(self) -> str | None:
        return text(self.doc.get("name"))

    @strawberry.field(
        description="APPROVED, ENTRY_WITHDRAWN or SYMBOL_WITHDRAWN; null when HGNC gives a status "
        "this schema does not know."
    )
    def status(self) -> HgncStatus | None:
        return HGNC_STATUSES.get(text(self.doc.get("status")) or "")

    @strawberry.field(description="Locus group, e.g. `protein-coding gene`, `non-coding RNA`.")
    def locus_group(self) -> str | None:
        return text(self.doc.get("locus_group"))

    @strawberry.field(description="Locus type, e.g. `gene with protein product`.")
    def locus_type(self) -> str | None:
        return text(self.doc.get("locus_type"))

    @strawberry.field(description="Cytogenetic location, e.g. `7q34`.")
    def location(self) -> str | None:
        return text(self.doc.get("location"))

    @strawberry.field(description="Other symbols in use for this gene (`alias_symbol`).")
    def alias_symbols(self) -> list[str]:
        return texts(self.doc.get("alias_symbol"))

    @strawberry.field(description="Other names in use for this gene (`alias_name`).")
    def alias_names(self) -> list[str]:
        return texts(self.doc.get("alias_name"))

    @strawberry.field(description="Symbols this gene was approved under before (`prev_symbol`).")
    def prev_symbols(self) -> list[str]:
        return texts(self.doc.get("prev_symbol"))

    @strawberry.field(description="Names this gene was approved under before (`prev_name`).")
    def prev_names(self) -> list[str]:
        return texts(self.doc.get("prev_name"))

    @strawberry.field(description="HGNC gene groups, with their ids.")
    def gene_groups(self) -> list[GeneGroup]:
        names = texts(self.doc.get("gene_group"))
        ids = texts(self.doc.get("gene_group_id"))
        return [
            GeneGroup(id=ids[i] if i < len(ids) else None, name=name)
            for i, name in enumerate(names)
        ]

    @strawberry.field(description="Date the symbol was first approved or reserved (ISO 8601).")
    def date_approved_reserved(self) -> str | None:
        return text(self.doc.get("date_approved_reserved"))

    @strawberry.field(description="Date the record was last modified (ISO 8601).")
    def date_modified(self) -> str | None:
        return text(self.doc.get("date_modified"))

    @strawberry.field(description="Date the approved symbol last changed (ISO 8601).")
    def date_symbol_changed(self) -> str | None:
        return text(self.doc.get("date_symbol_changed"))

    @strawberry.field(description="Date the approved name last changed (ISO 8601).")
    def date_name_changed(self) -> str | None:
        return text(self.doc.get("date_name_changed"))

    @strawberry.field(description="NCBI Entrez Gene id, as text (as `Gene.entrezId`), e.g. `673`.")
    def entrez_id(self) -> str | None:
        return text(self.doc.get("entrez_id"))

    @strawberry.field(description="Ensembl gene id, e.g. `ENSG00000157764`.")
    def ensembl_gene_id(self) -> str | None:
        return text(self.doc.get("ensembl_gene_id"))

    @strawberry.field(description="UniProt accessions.")
    def uniprot_ids(self) -> list[str]:
        return texts(self.doc.get("uniprot_ids"))

    @strawberry.field(description="RefSeq accessions.")
    def refseq_accessions(self) -> list[str]:
        return texts(self.doc.get("refseq_accession"))

    @strawberry.field(description="OMIM ids.")
    def omim_ids(self) -> list[str]:
        return texts(self.doc.get("omim_id"))

    @strawberry.field(description="Mouse Genome Database ids of the mouse ortholog (`MGI:...`).")
    def mgi_ids(self) -> list[str]:
        return texts(self.doc.get("mgd_id"))

    @strawberry.field(description="Rat Genome Database ids of the rat ortholog (`RGD:...`).")
    def rgd_ids(self) -> list[str]:
        return texts(self.doc.get("rgd_id"))

    @strawberry.field(description="CCDS ids.")
    def ccds_ids(self) -> list[str]:
        return texts(self.doc.get("ccds_id"))

    @strawberry.field(description="PubMed ids of key publications, as text (as in `Gene.go`).")
    def pubmed_ids(self) -> list[str]:
        return texts(self.doc.get("pubmed_id"))

    @strawberry.field(description="Orphanet id, as text, when HGNC records one.")
    def orphanet_id(self) -> str | None:
        return text(self.doc.get("orphanet"))

    @strawberry.field(
        description="The record exactly as HGNC REST returns it (single values single, lists "
        "lists), or the given fields of it."
    )
    def raw(
        self,
        fields: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Fields to return (`*` wildcards and `-field` to leave one out, as "
                "on the BioThings services); every field when omitted or `all`."
            ),
        ] = None,
    ) -> JSON:
        return JSON(raw_document(self.doc, fields))

    @strawberry.field(
        description="The gene in MyGene.info, by the record's Entrez id, else its Ensembl id; "
        "null when neither is known to MyGene.info."
    )
    async def gene(self, info: Info) -> Annotated[Gene, strawberry.lazy("schema.gene")] | None:
        doc = await hgnc_resolvers.gene_of(info, self.doc)
        return gene_schema.Gene(doc=doc) if doc else None


@strawberry.input(
    one_of=True,
    description="Exactly one identifier of an HGNC record (`@oneOf`: giving none or several is "
    "refused before anything runs, GRAPHQL_VALIDATION_FAILED in the document, BAD_USER_INPUT in "
    "variables).",
)
class HgncRecordBy:
    symbol: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="Approved symbol, e.g. `BRAF` (case-insensitive, matched exactly: `?` and "
        "`*` are not wildcards). Empty or with a control character: INVALID_INPUT.",
    )
    hgnc_id: str | None = strawberry.field(
        default=strawberry.UNSET, description="HGNC id, e.g. `HGNC:1097`."
    )
    entrez_id: str | None = strawberry.field(
        default=strawberry.UNSET, description="NCBI Entrez Gene id, e.g. `673`."
    )
    ensembl_gene_id: str | None = strawberry.field(
        default=strawberry.UNSET, description="Ensembl gene id, e.g. `ENSG00000157764`."
    )

    def chosen(self) -> tuple[str, str]:
        """(HGNC field name, value) of the one identifier given; `@oneOf` guarantees one."""
        given = {
            "symbol": self.symbol,
            "hgnc_id": self.hgnc_id,
            "entrez_id": self.entrez_id,
            "ensembl_gene_id": self.ensembl_gene_id,
        }
        [(field_name, value)] = [(k, v) for k, v in given.items() if isinstance(v, str)]
        return field_name, value


@strawberry.enum(description="What HGNC says of a symbol.")
class SymbolStatus(Enum):
    APPROVED = strawberry.enum_value(
        "APPROVED", description="The current approved symbol of the record in `approved`."
    )
    PREVIOUS_SYMBOL = strawberry.enum_value(
        "PREVIOUS_SYMBOL",
        description="A former approved symbol of the record(s) in `approved`.",
    )
    ALIAS_SYMBOL = strawberry.enum_value(
        "ALIAS_SYMBOL", description="An alias in use for the record(s) in `approved`."
    )
    WITHDRAWN = strawberry.enum_value(
        "WITHDRAWN",
        description="A withdrawn entry (in `withdrawn`); `approved` holds its replacement when "
        "HGNC names one.",
    )
    UNKNOWN = strawberry.enum_value("UNKNOWN", description="HGNC does not know the symbol.")
    INVALID = strawberry.enum_value(
        "INVALID",
        description="The input cannot be a symbol (empty after trimming, or containing a control "
        "character such as a newline or tab); see `reason`. It was not looked up, and only "
        "this item says so.",
    )


@strawberry.type(description="The symbol checker's answer for one input symbol.")
class SymbolCheck:
    input: str = strawberry.field(description="The symbol as given (trimmed).")
    status: SymbolStatus = strawberry.field(
        description="APPROVED: the current approved symbol; PREVIOUS_SYMBOL / ALIAS_SYMBOL: a "
        "former or alternative symbol of the approved record(s) in `approved`; WITHDRAWN: the "
        "entry was withdrawn (`approved` holds its replacement when HGNC names one); UNKNOWN: "
        "HGNC does not know it; INVALID: the input cannot be a symbol (empty, or with a control "
        "character) and was not looked up, while the other inputs are answered as usual. "
        "Matching is case-insensitive; other characters (`?`, `*`, `/`) are looked up literally."
    )
    approved: list[HgncRecord] = strawberry.field(
        description="The current approved record(s) the symbol leads to."
    )
    withdrawn: list[HgncRecord] = strawberry.field(
        description="The withdrawn entries the symbol names, when it is withdrawn."
    )
    reason: str | None = strawberry.field(
        default=None,
        description="Why the input is INVALID (`The symbol is empty.`, `The symbol contains a "
        "control character.`); null for every other status.",
    )


@strawberry.type(description="An HGNC record in a search result.")
class HgncRecordEdge(Edge[HgncRecord]):
    score: float | None = strawberry.field(description="HGNC's relevance score for the match.")


@strawberry.type(description="A page of HGNC search results (Relay connection), best first.")
class HgncRecordConnection(Connection[HgncRecordEdge]):
    pass


def hgnc_record_connection(docs: list[Doc | None], window: Window) -> HgncRecordConnection:
    records = [
        (HgncRecord(doc=doc), hit.get("score")) if doc else None
        for doc, hit in zip(docs, window.hits, strict=True)
    ]
    return HgncRecordConnection(
        edges=edges_of(
            window,
            records,
            lambda cursor, found: HgncRecordEdge(cursor=cursor, node=found[0], score=found[1]),
        ),
        page_info=page_info(window),
        total_count=window.total,
    )
