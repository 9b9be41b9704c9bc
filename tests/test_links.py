"""Each link of the schema on the demo data: gene -> HGNC record -> gene, orthologs, the chemicals
that target a gene, a chemical's targets and their genes."""

from __future__ import annotations

from tests.gateway import Gateway


def test_gene_links_to_its_hgnc_record_and_back(gateway: Gateway) -> None:
    data = gateway.data(
        '{ gene(id: "1017") { symbol hgnc { hgncId symbol status entrezId '
        "gene { geneId symbol } } } }"
    )
    record = data["gene"]["hgnc"]
    assert record["hgncId"] == "HGNC:1771"
    assert record["symbol"] == "CDK2"
    assert record["status"] == "APPROVED"
    assert record["gene"] == {"geneId": "1017", "symbol": "CDK2"}


def test_mouse_gene_has_no_hgnc_record(gateway: Gateway) -> None:
    data = gateway.data('{ genes(ids: ["ENSMUSG00000025358"]) { symbol taxid hgnc { symbol } } }')
    [mouse] = data["genes"]
    assert mouse["taxid"] == 10090
    assert mouse["hgnc"] is None


def test_orthologs_by_species(gateway: Gateway) -> None:
    data = gateway.data(
        '{ gene(id: "1017") { mouse: orthologs(species: ["mouse"]) { symbol taxid species } '
        'rat: orthologs(species: ["10116"]) { symbol taxid } all: orthologs { taxid } } }'
    )
    gene = data["gene"]
    assert gene["mouse"] == [{"symbol": "Cdk2", "taxid": 10090, "species": "mouse"}]
    assert gene["rat"] == [{"symbol": "Cdk2", "taxid": 10116}]
    assert sorted(o["taxid"] for o in gene["all"]) == [10090, 10116]


def test_unknown_species_is_a_clear_error(gateway: Gateway) -> None:
    body = gateway.post('{ gene(id: "1017") { orthologs(species: ["unicorn"]) { symbol } } }')
    [error] = body["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT"
    assert "unicorn" in error["message"]


def test_chemicals_targeting_a_gene_with_actions(gateway: Gateway) -> None:
    data = gateway.data(
        '{ gene(id: "1956") { symbol chemicals { totalCount edges { node { name } actions '
        "claimSources targetUniprot } } } }"
    )
    edges = data["gene"]["chemicals"]["edges"]
    assert data["gene"]["chemicals"]["totalCount"] == len(edges)
    chemicals = {e["node"]["name"]: e for e in edges}
    assert {"Erlotinib", "Gefitinib"} <= set(chemicals)
    erlotinib = chemicals["Erlotinib"]
    assert erlotinib["actions"] == ["inhibitor"]
    assert erlotinib["claimSources"] == ["DRUGBANK"]
    assert erlotinib["targetUniprot"] == "P00533"


def test_chemical_targets_link_to_genes(gateway: Gateway) -> None:
    data = gateway.data(
        '{ chemical(id: "DB01259") { name targets { totalCount edges { node { uniprot geneName '
        "actions source gene { geneId symbol } } } } } }"
    )
    edges = data["chemical"]["targets"]["edges"]
    targets = {e["node"]["uniprot"]: e["node"] for e in edges}
    assert targets["P00533"]["gene"] == {"geneId": "1956", "symbol": "EGFR"}
    assert targets["P04626"]["gene"] == {"geneId": "2064", "symbol": "ERBB2"}
    assert all(t["source"] == "DRUGBANK" for t in targets.values())
    assert data["chemical"]["targets"]["totalCount"] == len(edges)


def test_hgnc_record_lookups_by_each_identifier(gateway: Gateway) -> None:
    data = gateway.data(
        '{ a: hgncRecord(by: {symbol: "braf"}) { hgncId } '
        'b: hgncRecord(by: {hgncId: "HGNC:1097"}) { symbol } '
        'c: hgncRecord(by: {entrezId: "673"}) { symbol } '
        'd: hgncRecord(by: {ensemblGeneId: "ENSG00000157764"}) { symbol } }'
    )
    assert data == {
        "a": {"hgncId": "HGNC:1097"},
        "b": {"symbol": "BRAF"},
        "c": {"symbol": "BRAF"},
        "d": {"symbol": "BRAF"},
    }


def test_hgnc_record_needs_exactly_one_identifier(gateway: Gateway) -> None:
    body = gateway.post('{ hgncRecord(by: {symbol: "BRAF", entrezId: "673"}) { symbol } }')
    assert body["errors"][0]["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert "exactly one key" in body["errors"][0]["message"]


def test_genes_keep_input_order_with_nulls(gateway: Gateway) -> None:
    data = gateway.data('{ genes(ids: ["7157", "nope", "1017", "7157"]) { symbol } }')
    assert data["genes"] == [{"symbol": "TP53"}, None, {"symbol": "CDK2"}, {"symbol": "TP53"}]


def test_resolve_genes_reports_found_not_found_and_ambiguous(gateway: Gateway) -> None:
    data = gateway.data(
        '{ resolveGenes(terms: ["CDK2", "NOSUCH", "1017"], scopes: ["symbol", "entrezgene"]) '
        "{ term status matches { geneId taxid } } }"
    )
    cdk2, missing, by_id = data["resolveGenes"]
    assert cdk2["status"] == "AMBIGUOUS"  # human, mouse and rat Cdk2 share the symbol
    assert {m["taxid"] for m in cdk2["matches"]} == {9606, 10090, 10116}
    assert missing == {"term": "NOSUCH", "status": "NOT_FOUND", "matches": []}
    assert by_id["status"] == "FOUND"
    assert by_id["matches"] == [{"geneId": "1017", "taxid": 9606}]


def test_resolve_genes_with_species(gateway: Gateway) -> None:
    data = gateway.data(
        '{ resolveGenes(terms: ["CDK2"], scopes: ["symbol"], species: ["human"]) '
        "{ status matches { geneId } } }"
    )
    assert data["resolveGenes"] == [{"status": "FOUND", "matches": [{"geneId": "1017"}]}]


def test_resolve_chemicals_by_name(gateway: Gateway) -> None:
    data = gateway.data(
        '{ resolveChemicals(terms: ["imatinib", "nothing"], scopes: ["drugbank.name"]) '
        "{ term status matches { drugbank { id } } } }"
    )
    imatinib, nothing = data["resolveChemicals"]
    assert imatinib["status"] == "FOUND"
    assert imatinib["matches"] == [{"drugbank": {"id": "DB00619"}}]
    assert nothing["status"] == "NOT_FOUND"


def test_mouse_gene_finds_its_human_ortholog_through_panther_hgnc_id(gateway: Gateway) -> None:
    data = gateway.data(
        '{ gene(id: "ENSMUSG00000025358") { symbol orthologs(species: ["human"]) { geneId } } }'
    )
    assert data["gene"] == {"symbol": "Cdk2", "orthologs": [{"geneId": "1017"}]}


def test_ortholog_references_from_homologene_and_panther() -> None:
    from resolvers.gene import ortholog_refs, requested_taxids

    doc = {
        "_id": "1017",
        "taxid": 9606,
        "homologene": {"id": 74409, "genes": [[9606, 1017], [10090, 12566], [10116, 362817]]},
        "pantherdb": {
            "ortholog": [
                {"MGI": "104772", "taxid": 10090},
                {"RGD": "70486", "taxid": 10116},
                {"ZFIN": "ZDB-GENE-040426-2741", "taxid": 7955},
                {"FlyBase": "FBgn0004107", "taxid": 7227},
            ]
        },
    }
    assert ortholog_refs(doc) == [
        (10090, "entrezgene", "12566"),
        (10116, "entrezgene", "362817"),
        (10090, "MGI", "MGI:104772"),
        (10116, "RGD", "70486"),
        (7955, "ZFIN", "ZDB-GENE-040426-2741"),
    ]
    assert requested_taxids(["mouse", "7955"]) == {10090, 7955}
    assert requested_taxids(None) is None
