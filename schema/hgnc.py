"""`HGNCRecord`: an HGNC record, the approved human gene nomenclature."""

from __future__ import annotations

from typing import Any

import strawberry

from backends.shapes import as_list

Doc = dict[str, Any]


@strawberry.type(description="An HGNC record from HGNC REST: a human gene's approved nomenclature.")
class HGNCRecord:
    doc: strawberry.Private[Doc]

    @strawberry.field(description="HGNC id, e.g. `HGNC:1097`.")
    def hgnc_id(self) -> str:
        return str(self.doc["hgnc_id"])

    @strawberry.field(description="Approved symbol, e.g. `BRAF`.")
    def symbol(self) -> str:
        return str(self.doc["symbol"])

    @strawberry.field(description="Approved name.")
    def name(self) -> str | None:
        return self.doc.get("name")

    @strawberry.field(description="`Approved` or `Entry Withdrawn`.")
    def status(self) -> str | None:
        return self.doc.get("status")

    @strawberry.field(description="Locus type, e.g. `gene with protein product`.")
    def locus_type(self) -> str | None:
        return self.doc.get("locus_type")

    @strawberry.field(description="Cytogenetic location, e.g. `7q34`.")
    def location(self) -> str | None:
        return self.doc.get("location")

    @strawberry.field(description="Other symbols in use for this gene (`alias_symbol`).")
    def alias_symbols(self) -> list[str]:
        return [str(s) for s in as_list(self.doc.get("alias_symbol"))]

    @strawberry.field(description="Symbols this gene was approved under before (`prev_symbol`).")
    def prev_symbols(self) -> list[str]:
        return [str(s) for s in as_list(self.doc.get("prev_symbol"))]

    @strawberry.field(description="NCBI Entrez Gene id, as HGNC records it.")
    def entrez_id(self) -> str | None:
        return self.doc.get("entrez_id")
