"""`Chemical`: a chemical or drug document from MyChem.info v1."""

from __future__ import annotations

from typing import Any

import strawberry

from backends.shapes import as_list

Doc = dict[str, Any]

UPSTREAM_FIELDS: dict[str, tuple[str, ...]] = {
    "id": (),
    "name": ("drugbank.name", "chembl.pref_name", "chebi.name", "pubchem.iupac"),
    "drugbankId": ("drugbank.id",),
    "chemblId": ("chembl.molecule_chembl_id",),
    "groups": ("drugbank.groups",),
}
"""The MyChem.info fields each GraphQL field reads (projection pushdown)."""

NAME_SOURCES = (
    ("drugbank", "name"),
    ("chembl", "pref_name"),
    ("chebi", "name"),
    ("pubchem", "iupac"),
)


def first_value(doc: Doc, section: str, key: str) -> Any:
    """The first value of `key` in a section that may be one object or a list of them."""
    for part in as_list(doc.get(section)):
        if isinstance(part, dict) and part.get(key) not in (None, ""):
            return part[key]
    return None


@strawberry.type(
    description="A chemical or drug, from MyChem.info v1 (DrugBank, ChEMBL, ChEBI, ...)."
)
class Chemical:
    doc: strawberry.Private[Doc]

    @strawberry.field(
        description="MyChem.info id: the InChIKey where the compound has one, else a source id."
    )
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.doc["_id"]))

    @strawberry.field(
        description="Preferred name: the DrugBank name, else the ChEMBL preferred name, else the "
        "ChEBI name, else the PubChem IUPAC name; null if no source names it."
    )
    def name(self) -> str | None:
        for section, key in NAME_SOURCES:
            value = first_value(self.doc, section, key)
            if value is not None:
                return str(value)
        return None

    @strawberry.field(description="DrugBank accession, e.g. `DB00619`.")
    def drugbank_id(self) -> str | None:
        value = first_value(self.doc, "drugbank", "id")
        return str(value) if value is not None else None

    @strawberry.field(description="ChEMBL molecule id, e.g. `CHEMBL941`.")
    def chembl_id(self) -> str | None:
        value = first_value(self.doc, "chembl", "molecule_chembl_id")
        return str(value) if value is not None else None

    @strawberry.field(
        description="DrugBank groups: `approved`, `investigational`, `withdrawn`, ..."
    )
    def groups(self) -> list[str]:
        return [str(g) for g in as_list(first_value(self.doc, "drugbank", "groups"))]
