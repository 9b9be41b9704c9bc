"""`Gene.orthologs` follows each reference in its own id space.

On real identifiers, ids of different spaces collide: EGFR is Entrez 1956 and HGNC:3236, CHRNA2 is
HGNC:1956, HOXD10 is Entrez 3236. Looked up across every scope at once, mouse Egfr's references
(HomoloGene `[9606, 1956]`, PANTHER `HGNC 3236`) find all three human genes; only EGFR is right.
The data set is `tests.mirror_data.ortholog_collision_genes`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from app import create_app
from mirror.app import create_mirror_app
from mirror.store import Dataset
from resolvers.gene import OrthologRef, names_ref, ortholog_refs
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.mirror_data import ortholog_collision_genes
from tests.servers import serve


@pytest.fixture(scope="module")
def collision_mirror() -> Iterator[MirrorServer]:
    with serve(create_mirror_app(Dataset(genes=ortholog_collision_genes()))) as url:
        yield MirrorServer(url)


@pytest.fixture
def gateway(collision_mirror: MirrorServer) -> Iterator[Gateway]:
    collision_mirror.clear()
    with serve(create_app(collision_mirror.settings())) as url:
        yield Gateway(url)


def ortholog_queries(mirror: MirrorServer) -> list[dict[str, Any]]:
    """The bodies of the batch queries (`POST /v3/query`) the gateway sent to MyGene.info."""
    return [
        r["body"]
        for r in mirror.requests("mygene")
        if r["method"] == "POST" and r["path"].endswith("/query")
    ]


def test_mouse_egfr_has_only_human_egfr_as_ortholog(
    gateway: Gateway, collision_mirror: MirrorServer
) -> None:
    data = gateway.data(
        '{ gene(id: "13649") { symbol orthologs(species: ["human"]) { geneId symbol } } }'
    )
    assert data["gene"] == {"symbol": "Egfr", "orthologs": [{"geneId": "1956", "symbol": "EGFR"}]}


def test_human_egfr_has_only_mouse_egfr_as_mouse_ortholog(gateway: Gateway) -> None:
    data = gateway.data(
        '{ gene(id: "1956") { mouse: orthologs(species: ["mouse"]) { geneId symbol taxid } '
        "all: orthologs { geneId taxid } } }"
    )
    assert data["gene"]["mouse"] == [{"geneId": "13649", "symbol": "Egfr", "taxid": 10090}]
    # HomoloGene order first (mouse, rat), each gene once although PANTHER names it again.
    assert data["gene"]["all"] == [
        {"geneId": "13649", "taxid": 10090},
        {"geneId": "24329", "taxid": 10116},
    ]


def test_each_reference_is_looked_up_only_in_its_own_scope(
    gateway: Gateway, collision_mirror: MirrorServer
) -> None:
    gateway.data('{ gene(id: "13649") { orthologs(species: ["human"]) { symbol } } }')
    queries = ortholog_queries(collision_mirror)
    assert sorted((q["scopes"], q["q"]) for q in queries) == [
        (["HGNC"], ["3236"]),
        (["entrezgene"], ["1956"]),
    ]
    assert all(q["size"] == 1000 for q in queries)


def test_one_query_per_scope_per_level(gateway: Gateway, collision_mirror: MirrorServer) -> None:
    data = gateway.data(
        '{ genes(ids: ["1956", "13649", "24329"]) { symbol '
        'orthologs { symbol taxid orthologs(species: ["human"]) { symbol } } } }'
    )
    egfr, mouse, rat = data["genes"]
    assert [(o["symbol"], o["taxid"]) for o in egfr["orthologs"]] == [
        ("Egfr", 10090),
        ("Egfr", 10116),
    ]
    assert [o["orthologs"] for o in egfr["orthologs"]] == [[{"symbol": "EGFR"}]] * 2
    assert mouse["orthologs"] == [
        {"symbol": "EGFR", "taxid": 9606, "orthologs": []},
        {"symbol": "Egfr", "taxid": 10116, "orthologs": [{"symbol": "EGFR"}]},
    ]
    assert [o["symbol"] for o in rat["orthologs"]] == ["EGFR", "Egfr"]
    queries = ortholog_queries(collision_mirror)
    assert all(len(q["scopes"]) == 1 for q in queries)
    # Each scope in use is asked once per level: mouse and rat ids only on the first level, the
    # second asks for human genes only (by Entrez id from HomoloGene, by HGNC from PANTHER).
    assert Counter(q["scopes"][0] for q in queries) == {
        "entrezgene": 2,
        "HGNC": 2,
        "MGI": 1,
        "RGD": 1,
    }


def test_references_carry_their_id_space_in_mygene_form() -> None:
    doc = {
        "_id": "1956",
        "taxid": 9606,
        "homologene": {"id": 74545, "genes": [[9606, 1956], [10090, 13649]]},
        "pantherdb": {
            "ortholog": [
                {"MGI": "95294", "taxid": 10090},
                {"MGI": "MGI:95294", "taxid": 10090},
                {"RGD": "RGD:2543", "taxid": 10116},
                {"Ensembl": "ENSGALG00000032699", "taxid": 9031},
                {"HGNC": "HGNC:3236", "taxid": 9598},
            ]
        },
    }
    assert ortholog_refs(doc) == [
        OrthologRef(10090, "entrezgene", "13649"),
        OrthologRef(10090, "MGI", "MGI:95294"),
        OrthologRef(10116, "RGD", "2543"),
        OrthologRef(9031, "ensembl.gene", "ENSGALG00000032699"),
        OrthologRef(9598, "HGNC", "3236"),
    ]


def test_a_match_counts_only_when_its_own_field_holds_the_reference() -> None:
    """A service that matched loosely (another field, another species, a partial id) must not
    add a gene the reference does not name."""
    egfr = {"_id": "1956", "taxid": 9606, "HGNC": "3236", "entrezgene": 1956}
    hoxd10 = {"_id": "3236", "taxid": 9606, "HGNC": "5133", "entrezgene": 3236}
    assert names_ref(egfr, OrthologRef(9606, "HGNC", "3236"))
    assert not names_ref(hoxd10, OrthologRef(9606, "HGNC", "3236"))
    assert not names_ref(egfr, OrthologRef(10090, "HGNC", "3236"))
    assert not names_ref({**egfr, "HGNC": "32360"}, OrthologRef(9606, "HGNC", "3236"))
    assert names_ref(egfr, OrthologRef(9606, "entrezgene", "1956"))
    mouse = {"_id": "13649", "taxid": 10090, "MGI": "MGI:95294"}
    assert names_ref(mouse, OrthologRef(10090, "MGI", "mgi:95294"))
    assert not names_ref(mouse, OrthologRef(10090, "MGI", "95294"))
    two_ensembl = {"_id": "x", "taxid": 9031, "ensembl": [{"gene": "ENSGALG1"}, {"gene": "ENSG2"}]}
    assert names_ref(two_ensembl, OrthologRef(9031, "ensembl.gene", "ENSG2"))
    assert not names_ref(two_ensembl, OrthologRef(9031, "ensembl.gene", "ENSG3"))
