"""MyChem.info v1 documents for the curated drugs, checked against the facts while they are built.

Sections and where their values come from:
- `drugbank`: id and name from `drugbank_mappings.tsv`; groups and targets from `drugs.py`, each
  target accession checked against HGNC's UniProt column; InChIKey and formula from `drugs.py`.
- `chembl`: the ChEMBL id from the mappings; InChIKey, formula and weight from `drugs.py`.
- `chebi`: the ChEBI id from the mappings (ChEBI's own mapping first, see `chebi_id`).
There is no `pubchem` section: the mappings carry no PubChem ids. `_id` is the InChIKey of a small
molecule (MyChem's rule) and the DrugBank id of a biologic, which has no InChIKey.

Single-item lists become plain values (`targets`, `actions`) as MyChem's `unlist` does, except
`drugbank.groups`, which stays a list as the gateway's brief asks, although a recorded MyChem
document has a single group as a plain string (`"groups": "experimental"`).
"""

from __future__ import annotations

from mirror.demo.drugs import DRUGS, Drug, Target
from mirror.demo.facts import DrugIds, Facts
from mirror.demo.shape import unlist
from mirror.store import Doc

# The `_license` URLs the recorded MyChem documents carry on each section.
LICENSES = {
    "drugbank": "https://go.drugbank.com/releases/latest#open-data",
    "chembl": "http://bit.ly/2KAUCAm",
    "chebi": "http://bit.ly/2KAUCAm",
}


class FactMismatchError(ValueError):
    """The curated table disagrees with the facts (a typo in an id, name or accession)."""


def chebi_id(ids: DrugIds) -> str | None:
    """The ChEBI id for a drug: ChEBI's own mapping before DrugBank's, then agreement, then number.

    Salts and parents both appear (tamoxifen maps to 41774 and its citrate 9397); an id that both
    ChEBI and DrugBank give is the parent the recorded MyChem documents use.
    """
    sources: dict[str, set[str]] = {}
    for number, source in ids.chebi:
        sources.setdefault(number, set()).add(source)
    if not sources:
        return None
    best = min(sources, key=lambda n: ("chebi" not in sources[n], len(sources[n]) < 2, int(n)))
    return f"CHEBI:{best}"


def _target(target: Target, swiss_prot: dict[str, str]) -> Doc:
    if swiss_prot.get(target.uniprot) != target.gene_name:
        raise FactMismatchError(
            f"{target.gene_name}: UniProt {target.uniprot} is not its accession in HGNC"
        )
    return {
        "uniprot": target.uniprot,
        "gene_name": target.gene_name,
        "actions": unlist(list(target.actions)),
        "organism": "Humans",
    }


def _drugbank(drug: Drug, ids: DrugIds, swiss_prot: dict[str, str]) -> Doc:
    if drug.name not in ids.names:
        raise FactMismatchError(f"{drug.drugbank_id} is {ids.names} in the facts, not {drug.name}")
    section: Doc = {
        "_license": LICENSES["drugbank"],
        "id": drug.drugbank_id,
        "name": drug.name,
        "groups": list(drug.groups),
        "targets": unlist([_target(target, swiss_prot) for target in drug.targets]),
    }
    if drug.structure:
        section["inchi_key"] = drug.structure.inchikey
        section["formula"] = drug.structure.formula
    return section


def chemical_doc(drug: Drug, facts: Facts, swiss_prot: dict[str, str]) -> Doc:
    """The MyChem document of one curated drug."""
    ids = facts.drugbank.get(drug.drugbank_id)
    if ids is None:
        raise FactMismatchError(f"{drug.drugbank_id} is not in drugbank_mappings.tsv")
    structure = drug.structure
    doc: Doc = {
        "_id": structure.inchikey if structure else drug.drugbank_id,
        "drugbank": _drugbank(drug, ids, swiss_prot),
    }
    if ids.chembl:
        chembl: Doc = {"_license": LICENSES["chembl"], "molecule_chembl_id": ids.chembl[0]}
        if structure:
            chembl["inchi_key"] = structure.inchikey
            chembl["molecule_properties"] = {
                "full_molformula": structure.formula,
                "full_mwt": structure.weight,
            }
        doc["chembl"] = chembl
    chebi = chebi_id(ids)
    if chebi:
        doc["chebi"] = {"_license": LICENSES["chebi"], "id": chebi}
        if structure:
            doc["chebi"]["inchikey"] = structure.inchikey
    return doc


def chemical_docs(facts: Facts) -> list[Doc]:
    """Every curated drug as a MyChem document, sorted by `_id`."""
    swiss_prot = {
        row.uniprot_ids[0]: row.symbol
        for row in facts.hgnc
        if row.status == "Approved" and row.uniprot_ids
    }
    docs = [chemical_doc(drug, facts, swiss_prot) for drug in DRUGS]
    return sorted(docs, key=lambda doc: str(doc["_id"]))


def target_accessions() -> set[str]:
    """Every UniProt accession the curated drugs target."""
    return {target.uniprot for drug in DRUGS for target in drug.targets}
