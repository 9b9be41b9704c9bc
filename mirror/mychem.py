"""MyChem.info v1 over a local list of chemical documents (`_id` is the InChIKey where one exists).

Annotation ids are recognised by their form and looked up in the field of their source:

    CHEBI:15365, CHEMBL.COMPOUND:CHEMBL25, PUBCHEM.COMPOUND:2244, DRUGBANK:DB00945,
    UNII:R16CO5Y76E, INCHIKEY:...   a CURIE names its source
    CHEMBL25                        chembl.molecule_chembl_id
    DB00945                         drugbank.id
    R16CO5Y76E (10 characters)      unii.unii
    PA448497                        pharmgkb.id
    2244 (digits)                   pubchem.cid
    anything else                   _id

An id of a recognised form that finds nothing is tried as an `_id` too. Queries are Lucene query
strings over every field; POST /query scopes default to `_id`; scroll contexts live 10 minutes.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from starlette.types import ASGIApp

from mirror.biothings.routes import create_biothings_app
from mirror.biothings.service import BiothingsService
from mirror.clock import MirrorClock

CURIE_FIELDS: dict[str, tuple[str, ...]] = {
    "CHEBI": ("chebi.id", "chebi.secondary_chebi_id"),
    "CHEMBL.COMPOUND": ("chembl.molecule_chembl_id",),
    "PUBCHEM.COMPOUND": ("pubchem.cid",),
    "PUBCHEM": ("pubchem.cid",),
    "DRUGBANK": ("drugbank.id",),
    "UNII": ("unii.unii",),
    "INCHIKEY": ("_id",),
    "PHARMGKB.DRUG": ("pharmgkb.id",),
}
# CHEBI ids are stored with their prefix ("CHEBI:15365"); the other sources store the bare id.
CURIES_KEEPING_PREFIX = frozenset({"CHEBI"})
ID_FORMS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(r"CHEMBL\d+", re.IGNORECASE), ("chembl.molecule_chembl_id",)),
    (re.compile(r"DB\d{5}", re.IGNORECASE), ("drugbank.id",)),
    (re.compile(r"PA\d+"), ("pharmgkb.id",)),
    (re.compile(r"\d+"), ("pubchem.cid",)),
    (re.compile(r"(?=.*[A-Z])[A-Z0-9]{10}"), ("unii.unii",)),
]


def chem_lookups(term: Any) -> list[tuple[tuple[str, ...], Any]]:
    """Where a MyChem annotation id is looked up, most specific first, `_id` last."""
    text = str(term).strip()
    prefix, colon, rest = text.partition(":")
    if colon and prefix.upper() in CURIE_FIELDS:
        value = text if prefix.upper() in CURIES_KEEPING_PREFIX else rest
        return [(CURIE_FIELDS[prefix.upper()], value), (("_id",), text)]
    for pattern, fields in ID_FORMS:
        if pattern.fullmatch(text):
            return [(fields, text), (("_id",), text)]
    return [(("_id",), text)]


class ChemService(BiothingsService):
    """MyChem.info v1."""

    biothing_types: ClassVar[tuple[str, ...]] = ("chem", "drug", "compound")
    query_scopes: ClassVar[tuple[str, ...]] = ("_id",)
    scroll_ttl: ClassVar[float] = 600.0

    def annotation_lookups(self, term: Any) -> list[tuple[tuple[str, ...], Any]]:
        return chem_lookups(term)


def create_mychem_app(
    docs: list[dict[str, Any]], metadata: dict[str, Any], clock: MirrorClock
) -> ASGIApp:
    """MyChem.info v1 over `docs`; routes relative to the mount (`/chem/{id}`, `/query`, ...)."""
    service = ChemService(docs, metadata, clock)
    service.index.prepare({"_id", *(field for fields in CURIE_FIELDS.values() for field in fields)})
    return create_biothings_app(service)
