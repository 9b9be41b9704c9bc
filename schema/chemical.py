"""`Chemical`: a chemical or drug document from MyChem.info v1, with its targets."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from backends.shapes import Doc
from resolvers import chemical as chemical_resolvers
from resolvers import gene as gene_resolvers
from resolvers.context import Info
from resolvers.loaders import FieldsKey
from resolvers.pages import Window
from schema import gene as gene_schema
from schema.chemical_sections import (
    ChebiSection,
    ChemblSection,
    DrugBankSection,
    DrugCentralSection,
    PubChemSection,
    UniiSection,
    chembl_section,
    drugbank_section,
    drugcentral_section,
    iupac_name,
    smiles_of,
)
from schema.connections import (
    AFTER_DOC,
    MAX_FIRST_DOC,
    Connection,
    Edge,
    Facet,
    edges_of,
    facet,
    page_info,
)
from schema.resolution import REASON_DOC, TRUNCATED_DOC, ResolutionStatus
from schema.scalars import JSON
from schema.values import at, document_id, number, objects, raw_document, text, upstream

if TYPE_CHECKING:
    from schema.gene import Gene


INCHIKEY_LENGTH = 27
NAME_RULE = (
    ("drugbank", "name"),
    ("chembl", "pref_name"),
    ("chebi", "name"),
    ("unii", "preferred_term"),
    ("pubchem", "iupac"),
)


def first_of(doc: Doc, paths: tuple[str, ...]) -> Any:
    for path in paths:
        value = at(doc, path)
        if value not in (None, "", [], {}):
            return value
    return None


@strawberry.enum(description="A MyChem.info section that records targets of chemicals.")
class TargetSource(Enum):
    DRUGBANK = strawberry.enum_value(
        "drugbank", description="DrugBank's drug targets (the `drugbank.targets` section)."
    )
    DRUGCENTRAL = strawberry.enum_value(
        "drugcentral",
        description="DrugCentral's bioactivities (the `drugcentral.bioactivity` section).",
    )


@strawberry.type(description="A target of a chemical, as one source records it.")
class ChemicalTarget:
    uniprot: str | None = strawberry.field(description="UniProt accession of the target.")
    gene_name: str | None = strawberry.field(description="Gene symbol the source gives.")
    name: str | None = strawberry.field(description="Target name the source gives.")
    actions: list[str] = strawberry.field(description="Actions, lower case (`inhibitor`, ...).")
    organism: str | None = strawberry.field(description="Organism of the target.")
    source: TargetSource = strawberry.field(description="The section recording the target.")

    @strawberry.field(
        description="The target's gene in MyGene.info, by its Swiss-Prot accession (one "
        "MyGene.info call for every target of the request); null when none matches."
    )
    async def gene(self, info: Info) -> Annotated[Gene, strawberry.lazy("schema.gene")] | None:
        if not self.uniprot:
            return None
        fields = gene_resolvers.gene_fields(info)
        docs = await gene_resolvers.genes_by_uniprot(info, self.uniprot, fields)
        return gene_schema.Gene(doc=docs[0]) if docs else None


@strawberry.type(description="A page of a chemical's targets, in source order (Relay connection).")
class ChemicalTargetConnection(Connection[Edge[ChemicalTarget]]):
    pass


@strawberry.type(
    description="A chemical or drug, from MyChem.info v1 (DrugBank, ChEMBL, ChEBI, ...)."
)
class Chemical(relay.Node):
    doc: strawberry.Private[Doc]

    @classmethod
    @document_id
    def resolve_id(cls, root: Chemical, *, info: Info) -> str:
        """The global id holds MyChem.info's own id (`chemicalId`)."""
        return str(root.doc["_id"])

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Chemical | None]:
        """Chemicals by MyChem.info id through the request's `ChemicalByIdLoader` (one batch)."""
        fields = chemical_resolvers.chemical_fields(info)
        keys = [FieldsKey(i, fields) for i in node_ids]
        docs = await chemical_resolvers.chemical_by_id(info).load_many(keys)
        return [cls(doc=d) if d else None for d in docs]

    @strawberry.field(
        description="MyChem.info id: the InChIKey where the compound has one, else a "
        "source id (e.g. a DrugBank id for a biologic)."
    )
    def chemical_id(self) -> str:
        return str(self.doc["_id"])

    @strawberry.field(
        description="Preferred name, by one rule: the DrugBank name, else the ChEMBL "
        "preferred name, else the ChEBI name, else the FDA UNII preferred term, else "
        "the PubChem IUPAC name; null when no source names it.",
        metadata=upstream(
            "drugbank.name",
            "chembl.pref_name",
            "chebi.name",
            "unii.preferred_term",
            "pubchem.iupac",
        ),
    )
    def name(self) -> str | None:
        for section, key in NAME_RULE:
            for part in objects(self.doc.get(section)):
                value = iupac_name(part.get(key)) if key == "iupac" else text(part.get(key))
                if value:
                    return value
        return None

    @strawberry.field(
        description="Standard InChIKey; null for compounds without a structure.",
        metadata=upstream(
            "drugbank.inchi_key",
            "chembl.inchi_key",
            "chebi.inchikey",
            "pubchem.inchikey",
            "unii.inchikey",
        ),
    )
    def inchikey(self) -> str | None:
        own = str(self.doc.get("_id", ""))
        if len(own) == INCHIKEY_LENGTH and own[14] == "-" and own[25] == "-":
            return own
        return text(
            first_of(
                self.doc,
                (
                    "drugbank.inchi_key",
                    "chembl.inchi_key",
                    "chebi.inchikey",
                    "pubchem.inchikey",
                    "unii.inchikey",
                ),
            )
        )

    @strawberry.field(
        description="Molecular formula (PubChem, else DrugBank, ChEMBL, UNII).",
        metadata=upstream(
            "pubchem.molecular_formula",
            "drugbank.formula",
            "chembl.molecule_properties.full_molformula",
            "unii.molecular_formula",
        ),
    )
    def formula(self) -> str | None:
        return text(
            first_of(
                self.doc,
                (
                    "pubchem.molecular_formula",
                    "drugbank.formula",
                    "chembl.molecule_properties.full_molformula",
                    "unii.molecular_formula",
                ),
            )
        )

    @strawberry.field(
        description="Average molecular weight in g/mol (PubChem, else DrugBank, ChEMBL, ChEBI).",
        metadata=upstream(
            "pubchem.molecular_weight",
            "drugbank.weight",
            "chembl.molecule_properties.full_mwt",
            "chebi.mass",
        ),
    )
    def molecular_weight(self) -> float | None:
        value = first_of(
            self.doc,
            (
                "pubchem.molecular_weight",
                "drugbank.weight.average",
                "chembl.molecule_properties.full_mwt",
                "chebi.mass",
            ),
        )
        return number(value)

    @strawberry.field(
        description="SMILES (PubChem isomeric, else DrugBank, ChEMBL, ChEBI, UNII).",
        metadata=upstream(
            "pubchem.smiles", "drugbank.smiles", "chembl.smiles", "chebi.smiles", "unii.smiles"
        ),
    )
    def smiles(self) -> str | None:
        return smiles_of(
            first_of(
                self.doc,
                (
                    "pubchem.smiles",
                    "drugbank.smiles",
                    "chembl.smiles",
                    "chebi.smiles",
                    "unii.smiles",
                ),
            )
        )

    @strawberry.field(
        description="DrugBank section; null when DrugBank has no entry.",
        metadata=upstream("drugbank"),
    )
    def drugbank(self) -> DrugBankSection | None:
        sections = objects(self.doc.get("drugbank"))
        return drugbank_section(sections[0]) if sections else None

    @strawberry.field(
        description="ChEMBL section; null when ChEMBL has no entry.", metadata=upstream("chembl")
    )
    def chembl(self) -> ChemblSection | None:
        sections = objects(self.doc.get("chembl"))
        return chembl_section(sections[0]) if sections else None

    @strawberry.field(
        description="ChEBI entries (several when ChEBI splits the compound).",
        metadata=upstream("chebi"),
    )
    def chebi(self) -> list[ChebiSection]:
        return [
            ChebiSection(
                id=text(s.get("id")), name=text(s.get("name")), definition=text(s.get("definition"))
            )
            for s in objects(self.doc.get("chebi"))
        ]

    @strawberry.field(description="PubChem entries.", metadata=upstream("pubchem"))
    def pubchem(self) -> list[PubChemSection]:
        return [
            PubChemSection(
                cid=text(s.get("cid")),
                iupac_name=iupac_name(s.get("iupac")),
                formula=text(s.get("molecular_formula")),
                molecular_weight=number(s.get("molecular_weight")),
            )
            for s in objects(self.doc.get("pubchem"))
        ]

    @strawberry.field(
        description="DrugCentral section; null when DrugCentral has no entry.",
        metadata=upstream("drugcentral"),
    )
    def drugcentral(self) -> DrugCentralSection | None:
        sections = objects(self.doc.get("drugcentral"))
        return drugcentral_section(sections[0]) if sections else None

    @strawberry.field(description="FDA UNII entries.", metadata=upstream("unii"))
    def unii(self) -> list[UniiSection]:
        return [
            UniiSection(unii=text(s.get("unii")), preferred_term=text(s.get("preferred_term")))
            for s in objects(self.doc.get("unii"))
        ]

    @strawberry.field(
        description="The chemical's `_id` and its document exactly as MyChem.info returns it "
        "for these `fields` (`GET /v1/chem/{id}?fields=...`): a section or value that is single "
        "stays single, a list stays a list, objects in a list are filtered one by one. "
        "Selecting it never changes the other fields."
    )
    def raw(
        self,
        fields: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Dot paths to return (`aeolus.indications`), with `*` wildcards and "
                "`-path` to leave a path out, as MyChem.info's `fields` parameter; every field "
                "when omitted or `all`."
            ),
        ] = None,
    ) -> JSON:
        return JSON(raw_document(self.doc, fields))

    @strawberry.field(
        description="Targets recorded by DrugBank and DrugCentral, each with its gene in "
        "MyGene.info (one MyGene.info call for every target of the request).",
        metadata=upstream("drugbank.targets", "drugcentral.bioactivity"),
    )
    def targets(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description=MAX_FIRST_DOC)] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER_DOC)] = None,
    ) -> ChemicalTargetConnection:
        claims = chemical_resolvers.target_claims(self.doc)
        window = chemical_resolvers.targets_page(info, self.doc, claims, first, after)
        targets = [
            ChemicalTarget(
                uniprot=c.uniprot,
                gene_name=c.gene_name,
                name=c.name,
                actions=c.actions,
                organism=c.organism,
                source=TargetSource(c.source),
            )
            for c in window.hits
        ]
        return ChemicalTargetConnection(
            edges=edges_of(window, targets, lambda cursor, t: Edge(cursor=cursor, node=t)),
            page_info=page_info(window),
            total_count=window.total,
        )


@strawberry.type(description="What one input term of `resolveChemicals` matched.")
class ChemicalResolution:
    term: str = strawberry.field(description="The input term, as given.")
    status: ResolutionStatus = strawberry.field(
        description="FOUND, NOT_FOUND, AMBIGUOUS, or INVALID for a term never sent (see `reason`)."
    )
    truncated: bool = strawberry.field(description=TRUNCATED_DOC)
    reason: str | None = strawberry.field(description=REASON_DOC)
    matches: list[Chemical] = strawberry.field(
        description="Every chemical the term matched, up to 1000 (see `truncated`)."
    )


@strawberry.type(description="A chemical that targets one of a gene's proteins.")
class GeneChemicalEdge(Edge[Chemical]):
    actions: list[str] = strawberry.field(
        description="What the chemical does to the target (`inhibitor`, `antagonist`, ...), as the "
        "sources record it; empty when they do not say."
    )
    claim_sources: list[TargetSource] = strawberry.field(
        description="The MyChem.info sections recording the interaction."
    )
    target_uniprot: str = strawberry.field(
        description="The gene's UniProt accession the interaction is recorded for."
    )


@strawberry.type(
    description="A page of the chemicals targeting a gene, in a stable order (by MyChem.info "
    "id) (Relay connection)."
)
class GeneChemicalConnection(Connection[GeneChemicalEdge]):
    pass


def gene_chemical_connection(window: Window) -> GeneChemicalConnection:
    return GeneChemicalConnection(
        edges=edges_of(
            window,
            window.hits,
            lambda cursor, t: GeneChemicalEdge(
                cursor=cursor,
                node=Chemical(doc=t.chemical),
                actions=t.actions,
                claim_sources=[TargetSource(s) for s in t.sources],
                target_uniprot=t.uniprot,
            ),
        ),
        page_info=page_info(window),
        total_count=window.total,
    )


@strawberry.type(description="Facets of a chemical search: counts over every hit.")
class ChemicalFacets:
    drugbank_groups: Facet | None = strawberry.field(description="Hits per DrugBank group.")
    chembl_max_phase: Facet | None = strawberry.field(description="Hits per ChEMBL max phase.")


@strawberry.type(description="A page of chemicals (Relay connection).")
class ChemicalConnection(Connection[Edge[Chemical]]):
    facets: ChemicalFacets | None = strawberry.field(
        description="Counts per DrugBank group and ChEMBL max phase over all hits."
    )


def chemical_connection(docs: list[Doc | None], window: Window) -> ChemicalConnection:
    chemicals = [Chemical(doc=d) if d else None for d in docs]
    return ChemicalConnection(
        edges=edges_of(window, chemicals, lambda cursor, c: Edge(cursor=cursor, node=c)),
        page_info=page_info(window),
        total_count=window.total,
        facets=ChemicalFacets(
            drugbank_groups=facet(window.facets, "drugbank.groups"),
            chembl_max_phase=facet(window.facets, "chembl.max_phase"),
        ),
    )
