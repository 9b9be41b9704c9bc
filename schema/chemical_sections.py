"""The source sections of a chemical (DrugBank, ChEMBL, ChEBI, PubChem, DrugCentral, UNII) as
typed GraphQL objects, and the readers that build them from MyChem.info's documents."""

from __future__ import annotations

from typing import Any

import strawberry

from backends.shapes import Doc
from schema.values import at, number, objects, text, texts


def smiles_of(value: Any) -> str | None:
    # PubChem gives {"Canonical": ..., "Isomeric": ...}; the others a plain string.
    if isinstance(value, dict):
        return text(value.get("Isomeric") or value.get("isomeric") or value.get("Canonical"))
    return text(value)


def iupac_name(value: Any) -> str | None:
    if isinstance(value, dict):
        return text(
            value.get("Preferred") or value.get("Allowed") or next(iter(value.values()), None)
        )
    return text(value)


@strawberry.type(description="A target DrugBank records for a drug.")
class DrugBankTarget:
    uniprot: str | None = strawberry.field(description="UniProt accession of the target protein.")
    gene_name: str | None = strawberry.field(description="Gene symbol DrugBank gives the target.")
    name: str | None = strawberry.field(description="Target protein name.")
    actions: list[str] = strawberry.field(description="`inhibitor`, `antagonist`, `agonist`, ...")
    organism: str | None = strawberry.field(description="Organism, e.g. `Humans`.")


@strawberry.type(description="The DrugBank section (open data subset).")
class DrugBankSection:
    id: str | None = strawberry.field(description="DrugBank accession, e.g. `DB00619`.")
    name: str | None = strawberry.field(description="DrugBank name.")
    groups: list[str] = strawberry.field(description="`approved`, `investigational`, ...")
    synonyms: list[str] = strawberry.field(description="Synonyms.")
    indication: str | None = strawberry.field(description="Indication text.")
    targets: list[DrugBankTarget] = strawberry.field(description="Targets with actions.")


@strawberry.type(description="A ChEMBL drug indication.")
class ChemblIndication:
    mesh_id: str | None = strawberry.field(description="MeSH id of the indication.")
    mesh_heading: str | None = strawberry.field(description="MeSH heading of the indication.")
    max_phase: float | None = strawberry.field(description="Highest clinical phase reached for it.")


@strawberry.type(description="A ChEMBL mechanism of action.")
class ChemblMechanism:
    action_type: str | None = strawberry.field(description="`INHIBITOR`, `AGONIST`, ...")
    mechanism_of_action: str | None = strawberry.field(description="Mechanism description.")
    target_chembl_id: str | None = strawberry.field(description="ChEMBL target id.")


@strawberry.type(description="The ChEMBL section.")
class ChemblSection:
    molecule_chembl_id: str | None = strawberry.field(description="ChEMBL id, e.g. `CHEMBL941`.")
    pref_name: str | None = strawberry.field(description="ChEMBL preferred name.")
    max_phase: float | None = strawberry.field(description="Highest clinical phase (4 = approved).")
    molecule_type: str | None = strawberry.field(description="`Small molecule`, `Antibody`, ...")
    indications: list[ChemblIndication] = strawberry.field(description="Drug indications.")
    mechanisms: list[ChemblMechanism] = strawberry.field(description="Mechanisms of action.")


@strawberry.type(description="The ChEBI section.")
class ChebiSection:
    id: str | None = strawberry.field(description="ChEBI id, e.g. `CHEBI:45783`.")
    name: str | None = strawberry.field(description="ChEBI name.")
    definition: str | None = strawberry.field(description="ChEBI definition.")


@strawberry.type(description="The PubChem section.")
class PubChemSection:
    cid: str | None = strawberry.field(description="PubChem compound id (CID), as text.")
    iupac_name: str | None = strawberry.field(description="IUPAC name.")
    formula: str | None = strawberry.field(description="Molecular formula.")
    molecular_weight: float | None = strawberry.field(description="Molecular weight, g/mol.")


@strawberry.type(description="The DrugCentral section.")
class DrugCentralSection:
    indications: list[str] = strawberry.field(description="Indications (concept names).")
    contraindications: list[str] = strawberry.field(description="Contraindications.")
    pharmacology_classes: list[str] = strawberry.field(
        description="Pharmacologic classes (FDA EPC and MeSH PA descriptions)."
    )


@strawberry.type(description="The FDA UNII section.")
class UniiSection:
    unii: str | None = strawberry.field(description="FDA Unique Ingredient Identifier.")
    preferred_term: str | None = strawberry.field(description="FDA preferred term.")


def drugbank_section(section: Doc) -> DrugBankSection:
    return DrugBankSection(
        id=text(section.get("id")),
        name=text(section.get("name")),
        groups=texts(section.get("groups")),
        synonyms=texts(section.get("synonyms")),
        indication=text(section.get("indication")),
        targets=[
            DrugBankTarget(
                uniprot=text(t.get("uniprot")),
                gene_name=text(t.get("gene_name")),
                name=text(t.get("name")),
                actions=texts(t.get("actions")),
                organism=text(t.get("organism")),
            )
            for t in objects(section.get("targets"))
        ],
    )


def chembl_section(section: Doc) -> ChemblSection:
    return ChemblSection(
        molecule_chembl_id=text(section.get("molecule_chembl_id")),
        pref_name=text(section.get("pref_name")),
        max_phase=number(section.get("max_phase")),
        molecule_type=text(section.get("molecule_type")),
        indications=[
            ChemblIndication(
                mesh_id=text(i.get("mesh_id")),
                mesh_heading=text(i.get("mesh_heading")),
                max_phase=number(i.get("max_phase_for_ind")),
            )
            for i in objects(section.get("drug_indications"))
        ],
        mechanisms=[
            ChemblMechanism(
                action_type=text(m.get("action_type")),
                mechanism_of_action=text(m.get("mechanism_of_action")),
                target_chembl_id=text(m.get("target_chembl_id")),
            )
            for m in objects(section.get("drug_mechanisms"))
        ],
    )


def drugcentral_section(section: Doc) -> DrugCentralSection:
    drug_use = section.get("drug_use")
    use: Doc = drug_use if isinstance(drug_use, dict) else {}
    classes = section.get("pharmacology_class")
    class_names = [
        name
        for group in (classes.values() if isinstance(classes, dict) else [])
        for entry in objects(group)
        for name in texts(entry.get("description"))
    ]
    return DrugCentralSection(
        indications=texts(at(use, "indication.concept_name")),
        contraindications=texts(at(use, "contraindication.concept_name")),
        pharmacology_classes=list(dict.fromkeys(class_names)),
    )
