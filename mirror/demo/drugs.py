"""The curated drug table behind the demo chemicals.

Each row is a well-established, public drug-target fact: an approved drug, its DrugBank id and
the human proteins it acts on (UniProt accession, HGNC symbol, DrugBank-style action). The
builder checks every DrugBank id against `drugbank_mappings.tsv` (which also gives its name, ChEBI
and ChEMBL ids) and every target accession against the UniProt column of `hgnc_entries.tsv`, so a
typo stops the build instead of shipping.

Structures: the InChIKey, Hill formula and average molecular weight (two decimals, as ChEMBL's
`full_mwt`) of each small molecule were written from knowledge and accepted only where an InChIKey
computed (RDKit) from an independently recalled SMILES matched it exactly; drugs that failed that
check (fulvestrant, sirolimus, everolimus, temsirolimus: stereo layers disagreed) were left out.
`tests/test_demo_dataset.py` cross-checks the keys against the recorded MyChem documents when the
reference folder is there. Biologics have no structure, so `structure` is None.
"""

from __future__ import annotations

from dataclasses import dataclass

APPROVED = ("approved",)


@dataclass(frozen=True)
class Target:
    """One DrugBank target: a human protein and what the drug does to it."""

    uniprot: str
    gene_name: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class Structure:
    """Small-molecule identity: InChIKey, Hill formula, average molecular weight (g/mol)."""

    inchikey: str
    formula: str
    weight: float


@dataclass(frozen=True)
class Drug:
    """A row of the table: `name` must equal the DrugBank name in the facts."""

    drugbank_id: str
    name: str
    targets: tuple[Target, ...]
    structure: Structure | None
    groups: tuple[str, ...] = APPROVED


def _t(uniprot: str, gene_name: str, *actions: str) -> Target:
    return Target(uniprot, gene_name, actions)


ABL1 = ("P00519", "ABL1")
AR = ("P10275", "AR")
BRAF = ("P15056", "BRAF")
CDK4 = ("P11802", "CDK4")
CDK6 = ("Q00534", "CDK6")
CFTR = ("P13569", "CFTR")
EGFR = ("P00533", "EGFR")
ERBB2 = ("P04626", "ERBB2")
ERBB4 = ("Q15303", "ERBB4")
ESR1 = ("P03372", "ESR1")
IL6 = ("P05231", "IL6")
INSR = ("P06213", "INSR")
JAK1 = ("P23458", "JAK1")
JAK2 = ("O60674", "JAK2")
KDR = ("P35968", "KDR")
KIT = ("P10721", "KIT")
PDGFRA = ("P16234", "PDGFRA")
PDGFRB = ("P09619", "PDGFRB")
PIK3CA = ("P42336", "PIK3CA")
SRC = ("P12931", "SRC")
TNF = ("P01375", "TNF")
VEGFA = ("P15692", "VEGFA")


def _inhibits(*proteins: tuple[str, str]) -> tuple[Target, ...]:
    return tuple(_t(uniprot, gene, "inhibitor") for uniprot, gene in proteins)


def _antagonist(protein: tuple[str, str]) -> tuple[Target, ...]:
    return (_t(*protein, "antagonist"),)


def _antibody(protein: tuple[str, str]) -> tuple[Target, ...]:
    return (_t(*protein, "antibody"),)


def _small(inchikey: str, formula: str, weight: float) -> Structure:
    return Structure(inchikey, formula, weight)


DRUGS: tuple[Drug, ...] = (
    # Kinase inhibitors of BCR-ABL1, KIT and PDGF receptors.
    Drug(
        "DB00619",
        "Imatinib",
        _inhibits(ABL1, KIT, PDGFRA, PDGFRB),
        _small("KTUFNOKKBVMGRW-UHFFFAOYSA-N", "C29H31N7O", 493.62),
    ),
    Drug(
        "DB01254",
        "Dasatinib",
        _inhibits(ABL1, SRC, KIT),
        _small("ZBNZXTGUTAYRHI-UHFFFAOYSA-N", "C22H26ClN7O2S", 488.02),
    ),
    Drug(
        "DB04868",
        "Nilotinib",
        _inhibits(ABL1),
        _small("HHZIURLSWUIHRB-UHFFFAOYSA-N", "C28H22F3N7O", 529.53),
    ),
    Drug(
        "DB06616",
        "Bosutinib",
        _inhibits(ABL1, SRC),
        _small("UBPYILGKFZZVDX-UHFFFAOYSA-N", "C26H29Cl2N5O3", 530.46),
    ),
    Drug(
        "DB08901",
        "Ponatinib",
        _inhibits(ABL1),
        _small("PHXJVRSECIGDHY-UHFFFAOYSA-N", "C29H27F3N6O", 532.57),
    ),
    # EGFR / HER2 family.
    Drug(
        "DB00317",
        "Gefitinib",
        _inhibits(EGFR),
        _small("XGALLCVXEZPNRQ-UHFFFAOYSA-N", "C22H24ClFN4O3", 446.91),
    ),
    Drug(
        "DB00530",
        "Erlotinib",
        _inhibits(EGFR),
        _small("AAKJLRGGTJKAMG-UHFFFAOYSA-N", "C22H23N3O4", 393.44),
    ),
    Drug(
        "DB09330",
        "Osimertinib",
        _inhibits(EGFR),
        _small("DUYJMQONPNNFPI-UHFFFAOYSA-N", "C28H33N7O2", 499.62),
    ),
    Drug(
        "DB01259",
        "Lapatinib",
        _inhibits(EGFR, ERBB2),
        _small("BCFGMOOMADDAQU-UHFFFAOYSA-N", "C29H26ClFN4O4S", 581.07),
    ),
    Drug(
        "DB08916",
        "Afatinib",
        _inhibits(EGFR, ERBB2, ERBB4),
        _small("ULXXDDBFHOBEHA-CWDCEQMOSA-N", "C24H25ClFN5O3", 485.95),
    ),
    Drug(
        "DB11828",
        "Neratinib",
        _inhibits(EGFR, ERBB2, ERBB4),
        _small("JWNPDZNEKVCWMY-VQHVLOKHSA-N", "C30H29ClN6O3", 557.05),
    ),
    Drug(
        "DB11652",
        "Tucatinib",
        _inhibits(ERBB2),
        _small("SDEAXTCZPQIFQM-UHFFFAOYSA-N", "C26H24N8O2", 480.53),
    ),
    Drug("DB00072", "Trastuzumab", _antibody(ERBB2), None),
    Drug("DB06366", "Pertuzumab", _antibody(ERBB2), None),
    Drug("DB05773", "Trastuzumab emtansine", _antibody(ERBB2), None),
    Drug("DB00002", "Cetuximab", _antibody(EGFR), None),
    Drug("DB01269", "Panitumumab", _antibody(EGFR), None),
    # RAF kinases.
    Drug(
        "DB08881",
        "Vemurafenib",
        _inhibits(BRAF),
        _small("GPXBXXGIAQBQNI-UHFFFAOYSA-N", "C23H18ClF2N3O3S", 489.93),
    ),
    Drug(
        "DB08912",
        "Dabrafenib",
        _inhibits(BRAF),
        _small("BFSMGDJOXZAERB-UHFFFAOYSA-N", "C23H20F3N5O2S2", 519.57),
    ),
    Drug(
        "DB00398",
        "Sorafenib",
        _inhibits(BRAF, KDR),
        _small("MLDQJTXFUGDVEO-UHFFFAOYSA-N", "C21H16ClF3N4O3", 464.83),
    ),
    # Nuclear hormone receptors.
    Drug(
        "DB00675",
        "Tamoxifen",
        _antagonist(ESR1),
        _small("NKANXQFJJICGDU-QPLCGJKRSA-N", "C26H29NO", 371.52),
    ),
    Drug(
        "DB01128",
        "Bicalutamide",
        _antagonist(AR),
        _small("LKJPYSCBVHEWIU-UHFFFAOYSA-N", "C18H14F4N2O4S", 430.38),
    ),
    Drug(
        "DB08899",
        "Enzalutamide",
        _antagonist(AR),
        _small("WXCXUHSOUPDCQV-UHFFFAOYSA-N", "C21H16F4N4O2S", 464.44),
    ),
    Drug(
        "DB11901",
        "Apalutamide",
        _antagonist(AR),
        _small("HJBWBFZLDZWPHF-UHFFFAOYSA-N", "C21H15F4N5O2S", 477.44),
    ),
    Drug(
        "DB12941",
        "Darolutamide",
        _antagonist(AR),
        _small("BLIJXOOIHRSQRB-PXYINDEMSA-N", "C19H19ClN6O2", 398.85),
    ),
    # JAK kinases.
    Drug(
        "DB08877",
        "Ruxolitinib",
        _inhibits(JAK1, JAK2),
        _small("HFNKQEVNSGCOJV-OAHLLOKOSA-N", "C17H18N6", 306.37),
    ),
    Drug(
        "DB11817",
        "Baricitinib",
        _inhibits(JAK1, JAK2),
        _small("XUZMWHLSFXCVMG-UHFFFAOYSA-N", "C16H17N7O2S", 371.43),
    ),
    Drug(
        "DB12500",
        "Fedratinib",
        _inhibits(JAK2),
        _small("JOOXLOJCABQBSG-UHFFFAOYSA-N", "C27H36N6O3S", 524.69),
    ),
    # PI3K and cyclin-dependent kinases.
    Drug(
        "DB12015",
        "Alpelisib",
        _inhibits(PIK3CA),
        _small("STUWGJZDJHPWGZ-LBPRGKRZSA-N", "C19H22F3N5O2S", 441.48),
    ),
    Drug(
        "DB09073",
        "Palbociclib",
        _inhibits(CDK4, CDK6),
        _small("AHJRHEGDXFFMBM-UHFFFAOYSA-N", "C24H29N7O2", 447.54),
    ),
    Drug(
        "DB11730",
        "Ribociclib",
        _inhibits(CDK4, CDK6),
        _small("RHXHGRAEPCAFML-UHFFFAOYSA-N", "C23H30N8O", 434.55),
    ),
    Drug(
        "DB12001",
        "Abemaciclib",
        _inhibits(CDK4, CDK6),
        _small("UZWDCWONPYILKI-UHFFFAOYSA-N", "C27H32F2N8", 506.61),
    ),
    # Ion channel.
    Drug(
        "DB08820",
        "Ivacaftor",
        (_t(*CFTR, "potentiator"),),
        _small("PURKAOJPTOLRMP-UHFFFAOYSA-N", "C24H28N2O3", 392.50),
    ),
    # Cytokines and growth factors, neutralised by biologics.
    Drug("DB00112", "Bevacizumab", _antibody(VEGFA), None),
    Drug("DB00065", "Infliximab", _antibody(TNF), None),
    Drug("DB00051", "Adalimumab", _antibody(TNF), None),
    Drug("DB06674", "Golimumab", _antibody(TNF), None),
    Drug("DB08904", "Certolizumab pegol", _antibody(TNF), None),
    Drug("DB00005", "Etanercept", (_t(*TNF, "binder"),), None),
    Drug("DB09036", "Siltuximab", _antibody(IL6), None),
    # A hormone whose target lies outside the 40 selected genes (INS encodes it; INSR binds it).
    Drug("DB00030", "Insulin human", (_t(*INSR, "agonist"),), None),
)
