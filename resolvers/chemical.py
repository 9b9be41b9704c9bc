"""Chemical query roots, links and loaders (MyChem.info)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backends.shapes import Doc, as_list
from genechem.cursors import fingerprint
from resolvers.context import Context, Info
from resolvers.loaders import (
    MATCH_CAP,
    BatchByIdLoader,
    BatchQueryLoader,
    FieldsKey,
    Resolution,
    lookup_terms,
    resolutions,
)
from resolvers.pages import Window, slice_items
from resolvers.projection import (
    child_selections,
    declared_reads,
    object_fields,
    own_selections,
    upstream_fields,
)

SOURCE_SECTIONS = ("drugbank", "chembl", "chebi", "pubchem", "drugcentral", "unii")
LINK_MATCHES = 1000
"""Matches per term asked of a batch query (the services' cap; their default is only 10)."""
TARGET_SCOPES = ("drugbank.targets.uniprot", "drugcentral.bioactivity.uniprot.uniprot_id")
TARGET_FIELDS = frozenset({"drugbank.targets", "drugcentral.bioactivity"})


class ChemicalByIdLoader(BatchByIdLoader):
    """Chemicals by any id form MyChem.info recognises: `POST /v1/chem`, 1000 ids a call."""


class ChemicalsByTargetLoader(BatchQueryLoader):
    """Chemicals whose targets name a UniProt accession: `POST /v1/query` over `TARGET_SCOPES`."""


@dataclass
class TargetClaim:
    """One target a source records for a chemical."""

    uniprot: str | None
    gene_name: str | None
    name: str | None
    actions: list[str]
    organism: str | None
    source: str


def chemical_fields(info: Info) -> frozenset[str]:
    """The MyChem.info fields the current field's `Chemical` selection reads (fragments on other
    types, as under `node`, read nothing)."""
    return object_fields(info, "Chemical")


def chemical_by_id(info: Info) -> ChemicalByIdLoader:
    return chemical_loader(info.context)


def chemical_loader(context: Context) -> ChemicalByIdLoader:
    """The request's loader of chemicals by id (also the lookup lane's)."""
    return context.loader(ChemicalByIdLoader, lambda b: ChemicalByIdLoader(b.mychem.get_chemicals))


async def chemical(info: Info, chemical_id: str) -> Doc | None:
    key = FieldsKey(chemical_id.strip(), chemical_fields(info))
    doc: Doc | None = await chemical_by_id(info).load(key)
    return doc


async def chemicals(info: Info, ids: Sequence[str]) -> list[Doc | None]:
    fields = chemical_fields(info)
    docs: list[Doc | None] = await chemical_by_id(info).load_many(
        [FieldsKey(i.strip(), fields) for i in ids]
    )
    return docs


def target_claims(doc: Doc) -> list[TargetClaim]:
    """Every target DrugBank and DrugCentral record for the chemical, in source order."""
    claims: list[TargetClaim] = []
    for section in as_list(doc.get("drugbank")):
        for target in as_list(section.get("targets") if isinstance(section, dict) else None):
            if isinstance(target, dict):
                claims.append(
                    TargetClaim(
                        uniprot=_text(target.get("uniprot")),
                        gene_name=_text(target.get("gene_name")),
                        name=_text(target.get("name")),
                        actions=[str(a) for a in as_list(target.get("actions"))],
                        organism=_text(target.get("organism")),
                        source="drugbank",
                    )
                )
    for section in as_list(doc.get("drugcentral")):
        for activity in as_list(section.get("bioactivity") if isinstance(section, dict) else None):
            if not isinstance(activity, dict):
                continue
            for protein in as_list(activity.get("uniprot")):
                accession = protein.get("uniprot_id") if isinstance(protein, dict) else protein
                claims.append(
                    TargetClaim(
                        uniprot=_text(accession),
                        gene_name=_text(activity.get("gene_name")),
                        name=_text(activity.get("target_name")),
                        actions=[str(a).lower() for a in as_list(activity.get("action_type"))],
                        organism=_text(activity.get("organism")),
                        source="drugcentral",
                    )
                )
    return claims


async def chemicals_targeting(
    info: Info, accessions: Sequence[str], fields: frozenset[str]
) -> list[tuple[Doc, str, list[str], list[str]]]:
    """(chemical, accession, actions, sources) for each chemical targeting one of `accessions`,
    with the service `fields` the selection reads."""
    loader = info.context.loader(
        ChemicalsByTargetLoader,
        lambda b: ChemicalsByTargetLoader(
            lambda terms, fields: b.mychem.query_many(
                terms, scopes=TARGET_SCOPES, fields=fields, size=LINK_MATCHES
            ),
            always=TARGET_FIELDS,
        ),
    )
    per_accession = await loader.load_many([FieldsKey(a, fields) for a in accessions])
    out: list[tuple[Doc, str, list[str], list[str]]] = []
    seen: set[tuple[str, str]] = set()
    for accession, docs in zip(accessions, per_accession, strict=True):
        for doc in docs:
            if (doc["_id"], accession) in seen:
                continue
            seen.add((doc["_id"], accession))
            claims = [c for c in target_claims(doc) if c.uniprot == accession]
            actions = list(dict.fromkeys(a for c in claims for a in c.actions))
            sources = list(dict.fromkeys(c.source for c in claims))
            out.append((doc, accession, actions, sources))
    return out


def targets_page(
    info: Info, chemical_doc: Doc, claims: list[TargetClaim], first: int | None, after: str | None
) -> Window:
    """A connection page over a chemical's targets; cursors bound to the chemical."""
    key = fingerprint("targets", {"parent": str(chemical_doc.get("_id"))})
    return slice_items(info.context.pager.codec, key, claims, first, after)


async def resolve_chemicals(
    info: Info, terms: Sequence[str], scopes: Sequence[str] | None
) -> list[Resolution]:
    """MyChem.info querymany: one `Resolution` per input term, in input order, with up to
    `MATCH_CAP` matches per term (the service's default would stop at 10). Blank terms are never
    sent: they get their own reason (see `resolvers.loaders.term_problem`)."""
    fields = upstream_fields(
        child_selections(own_selections(info), "matches"), declared_reads(info, "Chemical")
    )
    entries = await info.context.backends.mychem.query_many(
        lookup_terms(terms), scopes=scopes, fields=sorted(fields) or None, size=MATCH_CAP
    )
    return resolutions(terms, entries, MATCH_CAP)


def _text(value: Any) -> str | None:
    return None if value in (None, "") else str(value)
