"""MyChem.info v1 client."""

from __future__ import annotations

from collections.abc import Sequence

from backends.biothings import BioThingsClient
from backends.shapes import Doc

CHEMICAL_LIST_PATHS = (
    "drugbank",
    "chembl",
    "drugcentral",
    "drugbank.targets",
    "drugbank.targets.actions",
    "drugbank.groups",
    "drugbank.synonyms",
    "chembl.drug_indications",
    "chembl.drug_mechanisms",
    "chembl.atc_classifications",
    "chebi",
    "pubchem",
    "drugcentral.bioactivity",
    "drugcentral.synonyms",
    "unii",
    "ginas",
    "pharmgkb",
)
"""Sections and fields a chemical document carries as a value or a list; always lists here."""


class MyChemClient(BioThingsClient):
    """MyChem.info v1: `/chem`, `/query`, `/metadata`."""

    annotation_type = "chem"
    list_paths = CHEMICAL_LIST_PATHS

    async def get_chemicals(
        self, ids: Sequence[str], fields: Sequence[str] | None = None
    ) -> list[Doc]:
        """Annotation for any id form MyChem recognises (InChIKey, DrugBank, ChEMBL, CURIEs...)."""
        return await self.get_many(ids, fields=fields)
