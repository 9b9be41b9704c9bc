/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CheckSymbols($symbols: [String!]!) {\n  checkSymbols(symbols: $symbols) {\n    input\n    status\n    approved {\n      hgncId\n      symbol\n    }\n    withdrawn {\n      hgncId\n      symbol\n      status\n    }\n  }\n}": typeof types.CheckSymbolsDocument,
    "query ChemicalByDrugbankId($id: ID!) {\n  chemical(id: $id) {\n    id\n    chemicalId\n    name\n    inchikey\n    formula\n    molecularWeight\n  }\n}": typeof types.ChemicalByDrugbankIdDocument,
    "query ChemicalByInchikey($inchikey: ID!) {\n  chemical(id: $inchikey) {\n    chemicalId\n    name\n    drugbank {\n      id\n    }\n    chembl {\n      moleculeChemblId\n    }\n    chebi {\n      id\n    }\n  }\n}": typeof types.ChemicalByInchikeyDocument,
    "query ChemicalSourceSections($id: ID!) {\n  chemical(id: $id) {\n    chemicalId\n    drugbank {\n      id\n      name\n      groups\n      targets {\n        uniprot\n        geneName\n        actions\n        organism\n      }\n    }\n    chembl {\n      moleculeChemblId\n    }\n    chebi {\n      id\n    }\n  }\n}": typeof types.ChemicalSourceSectionsDocument,
    "query ChemicalsByAnyId($ids: [ID!]!) {\n  chemicals(ids: $ids) {\n    chemicalId\n    name\n    inchikey\n  }\n}": typeof types.ChemicalsByAnyIdDocument,
    "query DrugTargetsWithGenes($id: ID!) {\n  chemical(id: $id) {\n    name\n    targets {\n      totalCount\n      edges {\n        node {\n          uniprot\n          geneName\n          actions\n          organism\n          source\n          gene {\n            geneId\n            symbol\n            name\n            hgnc {\n              hgncId\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.DrugTargetsWithGenesDocument,
    "query GeneById($id: ID!) {\n  gene(id: $id) {\n    id\n    geneId\n    entrezId\n    symbol\n    name\n    taxid\n    species\n    typeOfGene\n    aliases\n    mapLocation\n    hgncId\n    omim\n    pfam\n  }\n}": typeof types.GeneByIdDocument,
    "query GeneChemicalsWithActions($id: ID!) {\n  gene(id: $id) {\n    symbol\n    uniprot {\n      swissProt\n    }\n    chemicals {\n      totalCount\n      edges {\n        node {\n          name\n          drugbank {\n            id\n          }\n        }\n        actions\n        claimSources\n        targetUniprot\n      }\n    }\n  }\n}": typeof types.GeneChemicalsWithActionsDocument,
    "query GeneEnsemblRefseqUniprot($id: ID!) {\n  gene(id: $id) {\n    symbol\n    ensembl {\n      geneId\n      transcripts\n      proteins\n    }\n    refseq {\n      rna\n      protein\n      genomic\n    }\n    uniprot {\n      swissProt\n      trembl\n    }\n  }\n}": typeof types.GeneEnsemblRefseqUniprotDocument,
    "query GeneGenomicPositions($id: ID!) {\n  gene(id: $id) {\n    symbol\n    mapLocation\n    current: genomicPositions {\n      chromosome\n      start\n      end\n      strand\n      ensemblGeneId\n    }\n    hg19: genomicPositions(assembly: HG19) {\n      chromosome\n      start\n      end\n    }\n  }\n}": typeof types.GeneGenomicPositionsDocument,
    "query GeneGoAnnotations($id: ID!) {\n  gene(id: $id) {\n    symbol\n    go {\n      biologicalProcess {\n        id\n        term\n        evidence\n      }\n      molecularFunction {\n        id\n        term\n        evidence\n      }\n      cellularComponent {\n        id\n        term\n        evidence\n      }\n    }\n  }\n}": typeof types.GeneGoAnnotationsDocument,
    "query GenePathways($id: ID!) {\n  gene(id: $id) {\n    symbol\n    pathways {\n      source\n      id\n      name\n    }\n  }\n}": typeof types.GenePathwaysDocument,
    "query GeneToHgncAndBack($id: ID!) {\n  gene(id: $id) {\n    geneId\n    symbol\n    hgnc {\n      hgncId\n      symbol\n      status\n      locusType\n      prevSymbols\n      aliasSymbols\n      entrezId\n      gene {\n        geneId\n        symbol\n        name\n      }\n    }\n  }\n}": typeof types.GeneToHgncAndBackDocument,
    "query GenesInRegion($chromosome: String!, $start: Int!, $end: Int!, $species: String) {\n  genesInRegion(\n    chromosome: $chromosome\n    start: $start\n    end: $end\n    species: $species\n  ) {\n    totalCount\n    edges {\n      node {\n        symbol\n        genomicPositions {\n          chromosome\n          start\n          end\n          strand\n        }\n      }\n    }\n  }\n}": typeof types.GenesInRegionDocument,
    "query GenesWithMissingId($ids: [ID!]!) {\n  genes(ids: $ids) {\n    geneId\n    symbol\n    taxid\n    species\n  }\n}": typeof types.GenesWithMissingIdDocument,
    "query HgncRecordByEachIdentifier($symbol: String!, $hgncId: String!, $entrezId: String!, $ensemblGeneId: String!, $unknownSymbol: String!) {\n  bySymbol: hgncRecord(by: {symbol: $symbol}) {\n    hgncId\n    symbol\n    name\n    status\n    location\n  }\n  byHgncId: hgncRecord(by: {hgncId: $hgncId}) {\n    symbol\n  }\n  byEntrezId: hgncRecord(by: {entrezId: $entrezId}) {\n    symbol\n  }\n  byEnsemblGeneId: hgncRecord(by: {ensemblGeneId: $ensemblGeneId}) {\n    symbol\n  }\n  unknown: hgncRecord(by: {symbol: $unknownSymbol}) {\n    symbol\n  }\n}": typeof types.HgncRecordByEachIdentifierDocument,
    "query HgncRecordCrossReferences($symbol: String!) {\n  hgncRecord(by: {symbol: $symbol}) {\n    hgncId\n    symbol\n    name\n    locusGroup\n    locusType\n    location\n    aliasSymbols\n    prevSymbols\n    entrezId\n    ensemblGeneId\n    uniprotIds\n    omimIds\n    mgiIds\n    rgdIds\n  }\n}": typeof types.HgncRecordCrossReferencesDocument,
    "query NodeByGlobalId($id: ID!) {\n  record: node(id: $id) {\n    __typename\n    id\n    ... on Gene {\n      geneId\n      symbol\n    }\n  }\n}": typeof types.NodeByGlobalIdDocument,
    "query OrthologsBySpecies($id: ID!, $byName: [String!], $byTaxid: [String!]) {\n  gene(id: $id) {\n    symbol\n    mouse: orthologs(species: $byName) {\n      geneId\n      symbol\n      species\n    }\n    rat: orthologs(species: $byTaxid) {\n      geneId\n      symbol\n      species\n    }\n    all: orthologs {\n      symbol\n      taxid\n    }\n  }\n}": typeof types.OrthologsBySpeciesDocument,
    "query RawFields($geneId: ID!, $geneFields: [String!], $chemicalId: ID!, $chemicalFields: [String!], $hgncSymbol: String!, $hgncFields: [String!]) {\n  gene(id: $geneId) {\n    symbol\n    raw(fields: $geneFields)\n  }\n  chemical(id: $chemicalId) {\n    name\n    raw(fields: $chemicalFields)\n  }\n  hgncRecord(by: {symbol: $hgncSymbol}) {\n    symbol\n    raw(fields: $hgncFields)\n  }\n}": typeof types.RawFieldsDocument,
    "query ResolveChemicals($terms: [String!]!) {\n  resolveChemicals(terms: $terms, scopes: [\"drugbank.name\"]) {\n    term\n    status\n    matches {\n      chemicalId\n      name\n      drugbank {\n        id\n        groups\n      }\n    }\n  }\n}": typeof types.ResolveChemicalsDocument,
    "query ResolveGenes($terms: [String!]!, $humanTerms: [String!]!, $scopes: [String!], $species: [String!]) {\n  everySpecies: resolveGenes(terms: $terms, scopes: $scopes) {\n    term\n    status\n    matches {\n      geneId\n      symbol\n      species\n    }\n  }\n  humanOnly: resolveGenes(terms: $humanTerms, scopes: $scopes, species: $species) {\n    term\n    status\n    matches {\n      geneId\n      symbol\n      species\n    }\n  }\n}": typeof types.ResolveGenesDocument,
    "query SearchChemicals($query: String, $drugbankGroups: [String!], $first: Int) {\n  searchChemicals(query: $query, drugbankGroups: $drugbankGroups, first: $first) {\n    totalCount\n    edges {\n      node {\n        name\n        drugbank {\n          id\n        }\n      }\n    }\n    facets {\n      drugbankGroups {\n        terms {\n          term\n          count\n        }\n      }\n    }\n  }\n}": typeof types.SearchChemicalsDocument,
    "query SearchGenesSorted($species: [String!], $sort: [GeneSort!], $first: Int) {\n  searchGenes(species: $species, sort: $sort, first: $first) {\n    totalCount\n    edges {\n      node {\n        symbol\n      }\n    }\n  }\n}": typeof types.SearchGenesSortedDocument,
    "query SearchGenesWithFacets($query: String, $first: Int) {\n  searchGenes(query: $query, typeOfGene: [\"protein-coding\"], first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n    }\n    edges {\n      node {\n        geneId\n        symbol\n        species\n      }\n    }\n    facets {\n      species {\n        terms {\n          taxid\n          species\n          count\n        }\n        total\n        other\n        missing\n      }\n      typeOfGene {\n        terms {\n          term\n          count\n        }\n      }\n    }\n  }\n}": typeof types.SearchGenesWithFacetsDocument,
    "query SearchHgncPaged($query: String!, $first: Int) {\n  searchHgnc(query: $query, first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n    }\n    edges {\n      node {\n        hgncId\n        symbol\n        name\n      }\n    }\n  }\n}": typeof types.SearchHgncPagedDocument,
    "query Sources {\n  sources {\n    name\n    title\n    kind\n    recordCount\n    error\n  }\n}": typeof types.SourcesDocument,
};
const documents: Documents = {
    "query CheckSymbols($symbols: [String!]!) {\n  checkSymbols(symbols: $symbols) {\n    input\n    status\n    approved {\n      hgncId\n      symbol\n    }\n    withdrawn {\n      hgncId\n      symbol\n      status\n    }\n  }\n}": types.CheckSymbolsDocument,
    "query ChemicalByDrugbankId($id: ID!) {\n  chemical(id: $id) {\n    id\n    chemicalId\n    name\n    inchikey\n    formula\n    molecularWeight\n  }\n}": types.ChemicalByDrugbankIdDocument,
    "query ChemicalByInchikey($inchikey: ID!) {\n  chemical(id: $inchikey) {\n    chemicalId\n    name\n    drugbank {\n      id\n    }\n    chembl {\n      moleculeChemblId\n    }\n    chebi {\n      id\n    }\n  }\n}": types.ChemicalByInchikeyDocument,
    "query ChemicalSourceSections($id: ID!) {\n  chemical(id: $id) {\n    chemicalId\n    drugbank {\n      id\n      name\n      groups\n      targets {\n        uniprot\n        geneName\n        actions\n        organism\n      }\n    }\n    chembl {\n      moleculeChemblId\n    }\n    chebi {\n      id\n    }\n  }\n}": types.ChemicalSourceSectionsDocument,
    "query ChemicalsByAnyId($ids: [ID!]!) {\n  chemicals(ids: $ids) {\n    chemicalId\n    name\n    inchikey\n  }\n}": types.ChemicalsByAnyIdDocument,
    "query DrugTargetsWithGenes($id: ID!) {\n  chemical(id: $id) {\n    name\n    targets {\n      totalCount\n      edges {\n        node {\n          uniprot\n          geneName\n          actions\n          organism\n          source\n          gene {\n            geneId\n            symbol\n            name\n            hgnc {\n              hgncId\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.DrugTargetsWithGenesDocument,
    "query GeneById($id: ID!) {\n  gene(id: $id) {\n    id\n    geneId\n    entrezId\n    symbol\n    name\n    taxid\n    species\n    typeOfGene\n    aliases\n    mapLocation\n    hgncId\n    omim\n    pfam\n  }\n}": types.GeneByIdDocument,
    "query GeneChemicalsWithActions($id: ID!) {\n  gene(id: $id) {\n    symbol\n    uniprot {\n      swissProt\n    }\n    chemicals {\n      totalCount\n      edges {\n        node {\n          name\n          drugbank {\n            id\n          }\n        }\n        actions\n        claimSources\n        targetUniprot\n      }\n    }\n  }\n}": types.GeneChemicalsWithActionsDocument,
    "query GeneEnsemblRefseqUniprot($id: ID!) {\n  gene(id: $id) {\n    symbol\n    ensembl {\n      geneId\n      transcripts\n      proteins\n    }\n    refseq {\n      rna\n      protein\n      genomic\n    }\n    uniprot {\n      swissProt\n      trembl\n    }\n  }\n}": types.GeneEnsemblRefseqUniprotDocument,
    "query GeneGenomicPositions($id: ID!) {\n  gene(id: $id) {\n    symbol\n    mapLocation\n    current: genomicPositions {\n      chromosome\n      start\n      end\n      strand\n      ensemblGeneId\n    }\n    hg19: genomicPositions(assembly: HG19) {\n      chromosome\n      start\n      end\n    }\n  }\n}": types.GeneGenomicPositionsDocument,
    "query GeneGoAnnotations($id: ID!) {\n  gene(id: $id) {\n    symbol\n    go {\n      biologicalProcess {\n        id\n        term\n        evidence\n      }\n      molecularFunction {\n        id\n        term\n        evidence\n      }\n      cellularComponent {\n        id\n        term\n        evidence\n      }\n    }\n  }\n}": types.GeneGoAnnotationsDocument,
    "query GenePathways($id: ID!) {\n  gene(id: $id) {\n    symbol\n    pathways {\n      source\n      id\n      name\n    }\n  }\n}": types.GenePathwaysDocument,
    "query GeneToHgncAndBack($id: ID!) {\n  gene(id: $id) {\n    geneId\n    symbol\n    hgnc {\n      hgncId\n      symbol\n      status\n      locusType\n      prevSymbols\n      aliasSymbols\n      entrezId\n      gene {\n        geneId\n        symbol\n        name\n      }\n    }\n  }\n}": types.GeneToHgncAndBackDocument,
    "query GenesInRegion($chromosome: String!, $start: Int!, $end: Int!, $species: String) {\n  genesInRegion(\n    chromosome: $chromosome\n    start: $start\n    end: $end\n    species: $species\n  ) {\n    totalCount\n    edges {\n      node {\n        symbol\n        genomicPositions {\n          chromosome\n          start\n          end\n          strand\n        }\n      }\n    }\n  }\n}": types.GenesInRegionDocument,
    "query GenesWithMissingId($ids: [ID!]!) {\n  genes(ids: $ids) {\n    geneId\n    symbol\n    taxid\n    species\n  }\n}": types.GenesWithMissingIdDocument,
    "query HgncRecordByEachIdentifier($symbol: String!, $hgncId: String!, $entrezId: String!, $ensemblGeneId: String!, $unknownSymbol: String!) {\n  bySymbol: hgncRecord(by: {symbol: $symbol}) {\n    hgncId\n    symbol\n    name\n    status\n    location\n  }\n  byHgncId: hgncRecord(by: {hgncId: $hgncId}) {\n    symbol\n  }\n  byEntrezId: hgncRecord(by: {entrezId: $entrezId}) {\n    symbol\n  }\n  byEnsemblGeneId: hgncRecord(by: {ensemblGeneId: $ensemblGeneId}) {\n    symbol\n  }\n  unknown: hgncRecord(by: {symbol: $unknownSymbol}) {\n    symbol\n  }\n}": types.HgncRecordByEachIdentifierDocument,
    "query HgncRecordCrossReferences($symbol: String!) {\n  hgncRecord(by: {symbol: $symbol}) {\n    hgncId\n    symbol\n    name\n    locusGroup\n    locusType\n    location\n    aliasSymbols\n    prevSymbols\n    entrezId\n    ensemblGeneId\n    uniprotIds\n    omimIds\n    mgiIds\n    rgdIds\n  }\n}": types.HgncRecordCrossReferencesDocument,
    "query NodeByGlobalId($id: ID!) {\n  record: node(id: $id) {\n    __typename\n    id\n    ... on Gene {\n      geneId\n      symbol\n    }\n  }\n}": types.NodeByGlobalIdDocument,
    "query OrthologsBySpecies($id: ID!, $byName: [String!], $byTaxid: [String!]) {\n  gene(id: $id) {\n    symbol\n    mouse: orthologs(species: $byName) {\n      geneId\n      symbol\n      species\n    }\n    rat: orthologs(species: $byTaxid) {\n      geneId\n      symbol\n      species\n    }\n    all: orthologs {\n      symbol\n      taxid\n    }\n  }\n}": types.OrthologsBySpeciesDocument,
    "query RawFields($geneId: ID!, $geneFields: [String!], $chemicalId: ID!, $chemicalFields: [String!], $hgncSymbol: String!, $hgncFields: [String!]) {\n  gene(id: $geneId) {\n    symbol\n    raw(fields: $geneFields)\n  }\n  chemical(id: $chemicalId) {\n    name\n    raw(fields: $chemicalFields)\n  }\n  hgncRecord(by: {symbol: $hgncSymbol}) {\n    symbol\n    raw(fields: $hgncFields)\n  }\n}": types.RawFieldsDocument,
    "query ResolveChemicals($terms: [String!]!) {\n  resolveChemicals(terms: $terms, scopes: [\"drugbank.name\"]) {\n    term\n    status\n    matches {\n      chemicalId\n      name\n      drugbank {\n        id\n        groups\n      }\n    }\n  }\n}": types.ResolveChemicalsDocument,
    "query ResolveGenes($terms: [String!]!, $humanTerms: [String!]!, $scopes: [String!], $species: [String!]) {\n  everySpecies: resolveGenes(terms: $terms, scopes: $scopes) {\n    term\n    status\n    matches {\n      geneId\n      symbol\n      species\n    }\n  }\n  humanOnly: resolveGenes(terms: $humanTerms, scopes: $scopes, species: $species) {\n    term\n    status\n    matches {\n      geneId\n      symbol\n      species\n    }\n  }\n}": types.ResolveGenesDocument,
    "query SearchChemicals($query: String, $drugbankGroups: [String!], $first: Int) {\n  searchChemicals(query: $query, drugbankGroups: $drugbankGroups, first: $first) {\n    totalCount\n    edges {\n      node {\n        name\n        drugbank {\n          id\n        }\n      }\n    }\n    facets {\n      drugbankGroups {\n        terms {\n          term\n          count\n        }\n      }\n    }\n  }\n}": types.SearchChemicalsDocument,
    "query SearchGenesSorted($species: [String!], $sort: [GeneSort!], $first: Int) {\n  searchGenes(species: $species, sort: $sort, first: $first) {\n    totalCount\n    edges {\n      node {\n        symbol\n      }\n    }\n  }\n}": types.SearchGenesSortedDocument,
    "query SearchGenesWithFacets($query: String, $first: Int) {\n  searchGenes(query: $query, typeOfGene: [\"protein-coding\"], first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n    }\n    edges {\n      node {\n        geneId\n        symbol\n        species\n      }\n    }\n    facets {\n      species {\n        terms {\n          taxid\n          species\n          count\n        }\n        total\n        other\n        missing\n      }\n      typeOfGene {\n        terms {\n          term\n          count\n        }\n      }\n    }\n  }\n}": types.SearchGenesWithFacetsDocument,
    "query SearchHgncPaged($query: String!, $first: Int) {\n  searchHgnc(query: $query, first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n    }\n    edges {\n      node {\n        hgncId\n        symbol\n        name\n      }\n    }\n  }\n}": types.SearchHgncPagedDocument,
    "query Sources {\n  sources {\n    name\n    title\n    kind\n    recordCount\n    error\n  }\n}": types.SourcesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CheckSymbols($symbols: [String!]!) {\n  checkSymbols(symbols: $symbols) {\n    input\n    status\n    approved {\n      hgncId\n      symbol\n    }\n    withdrawn {\n      hgncId\n      symbol\n      status\n    }\n  }\n}"): (typeof documents)["query CheckSymbols($symbols: [String!]!) {\n  checkSymbols(symbols: $symbols) {\n    input\n    status\n    approved {\n      hgncId\n      symbol\n    }\n    withdrawn {\n      hgncId\n      symbol\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChemicalByDrugbankId($id: ID!) {\n  chemical(id: $id) {\n    id\n    chemicalId\n    name\n    inchikey\n    formula\n    molecularWeight\n  }\n}"): (typeof documents)["query ChemicalByDrugbankId($id: ID!) {\n  chemical(id: $id) {\n    id\n    chemicalId\n    name\n    inchikey\n    formula\n    molecularWeight\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChemicalByInchikey($inchikey: ID!) {\n  chemical(id: $inchikey) {\n    chemicalId\n    name\n    drugbank {\n      id\n    }\n    chembl {\n      moleculeChemblId\n    }\n    chebi {\n      id\n    }\n  }\n}"): (typeof documents)["query ChemicalByInchikey($inchikey: ID!) {\n  chemical(id: $inchikey) {\n    chemicalId\n    name\n    drugbank {\n      id\n    }\n    chembl {\n      moleculeChemblId\n    }\n    chebi {\n      id\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChemicalSourceSections($id: ID!) {\n  chemical(id: $id) {\n    chemicalId\n    drugbank {\n      id\n      name\n      groups\n      targets {\n        uniprot\n        geneName\n        actions\n        organism\n      }\n    }\n    chembl {\n      moleculeChemblId\n    }\n    chebi {\n      id\n    }\n  }\n}"): (typeof documents)["query ChemicalSourceSections($id: ID!) {\n  chemical(id: $id) {\n    chemicalId\n    drugbank {\n      id\n      name\n      groups\n      targets {\n        uniprot\n        geneName\n        actions\n        organism\n      }\n    }\n    chembl {\n      moleculeChemblId\n    }\n    chebi {\n      id\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChemicalsByAnyId($ids: [ID!]!) {\n  chemicals(ids: $ids) {\n    chemicalId\n    name\n    inchikey\n  }\n}"): (typeof documents)["query ChemicalsByAnyId($ids: [ID!]!) {\n  chemicals(ids: $ids) {\n    chemicalId\n    name\n    inchikey\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DrugTargetsWithGenes($id: ID!) {\n  chemical(id: $id) {\n    name\n    targets {\n      totalCount\n      edges {\n        node {\n          uniprot\n          geneName\n          actions\n          organism\n          source\n          gene {\n            geneId\n            symbol\n            name\n            hgnc {\n              hgncId\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query DrugTargetsWithGenes($id: ID!) {\n  chemical(id: $id) {\n    name\n    targets {\n      totalCount\n      edges {\n        node {\n          uniprot\n          geneName\n          actions\n          organism\n          source\n          gene {\n            geneId\n            symbol\n            name\n            hgnc {\n              hgncId\n            }\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GeneById($id: ID!) {\n  gene(id: $id) {\n    id\n    geneId\n    entrezId\n    symbol\n    name\n    taxid\n    species\n    typeOfGene\n    aliases\n    mapLocation\n    hgncId\n    omim\n    pfam\n  }\n}"): (typeof documents)["query GeneById($id: ID!) {\n  gene(id: $id) {\n    id\n    geneId\n    entrezId\n    symbol\n    name\n    taxid\n    species\n    typeOfGene\n    aliases\n    mapLocation\n    hgncId\n    omim\n    pfam\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GeneChemicalsWithActions($id: ID!) {\n  gene(id: $id) {\n    symbol\n    uniprot {\n      swissProt\n    }\n    chemicals {\n      totalCount\n      edges {\n        node {\n          name\n          drugbank {\n            id\n          }\n        }\n        actions\n        claimSources\n        targetUniprot\n      }\n    }\n  }\n}"): (typeof documents)["query GeneChemicalsWithActions($id: ID!) {\n  gene(id: $id) {\n    symbol\n    uniprot {\n      swissProt\n    }\n    chemicals {\n      totalCount\n      edges {\n        node {\n          name\n          drugbank {\n            id\n          }\n        }\n        actions\n        claimSources\n        targetUniprot\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GeneEnsemblRefseqUniprot($id: ID!) {\n  gene(id: $id) {\n    symbol\n    ensembl {\n      geneId\n      transcripts\n      proteins\n    }\n    refseq {\n      rna\n      protein\n      genomic\n    }\n    uniprot {\n      swissProt\n      trembl\n    }\n  }\n}"): (typeof documents)["query GeneEnsemblRefseqUniprot($id: ID!) {\n  gene(id: $id) {\n    symbol\n    ensembl {\n      geneId\n      transcripts\n      proteins\n    }\n    refseq {\n      rna\n      protein\n      genomic\n    }\n    uniprot {\n      swissProt\n      trembl\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GeneGenomicPositions($id: ID!) {\n  gene(id: $id) {\n    symbol\n    mapLocation\n    current: genomicPositions {\n      chromosome\n      start\n      end\n      strand\n      ensemblGeneId\n    }\n    hg19: genomicPositions(assembly: HG19) {\n      chromosome\n      start\n      end\n    }\n  }\n}"): (typeof documents)["query GeneGenomicPositions($id: ID!) {\n  gene(id: $id) {\n    symbol\n    mapLocation\n    current: genomicPositions {\n      chromosome\n      start\n      end\n      strand\n      ensemblGeneId\n    }\n    hg19: genomicPositions(assembly: HG19) {\n      chromosome\n      start\n      end\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GeneGoAnnotations($id: ID!) {\n  gene(id: $id) {\n    symbol\n    go {\n      biologicalProcess {\n        id\n        term\n        evidence\n      }\n      molecularFunction {\n        id\n        term\n        evidence\n      }\n      cellularComponent {\n        id\n        term\n        evidence\n      }\n    }\n  }\n}"): (typeof documents)["query GeneGoAnnotations($id: ID!) {\n  gene(id: $id) {\n    symbol\n    go {\n      biologicalProcess {\n        id\n        term\n        evidence\n      }\n      molecularFunction {\n        id\n        term\n        evidence\n      }\n      cellularComponent {\n        id\n        term\n        evidence\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GenePathways($id: ID!) {\n  gene(id: $id) {\n    symbol\n    pathways {\n      source\n      id\n      name\n    }\n  }\n}"): (typeof documents)["query GenePathways($id: ID!) {\n  gene(id: $id) {\n    symbol\n    pathways {\n      source\n      id\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GeneToHgncAndBack($id: ID!) {\n  gene(id: $id) {\n    geneId\n    symbol\n    hgnc {\n      hgncId\n      symbol\n      status\n      locusType\n      prevSymbols\n      aliasSymbols\n      entrezId\n      gene {\n        geneId\n        symbol\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query GeneToHgncAndBack($id: ID!) {\n  gene(id: $id) {\n    geneId\n    symbol\n    hgnc {\n      hgncId\n      symbol\n      status\n      locusType\n      prevSymbols\n      aliasSymbols\n      entrezId\n      gene {\n        geneId\n        symbol\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GenesInRegion($chromosome: String!, $start: Int!, $end: Int!, $species: String) {\n  genesInRegion(\n    chromosome: $chromosome\n    start: $start\n    end: $end\n    species: $species\n  ) {\n    totalCount\n    edges {\n      node {\n        symbol\n        genomicPositions {\n          chromosome\n          start\n          end\n          strand\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query GenesInRegion($chromosome: String!, $start: Int!, $end: Int!, $species: String) {\n  genesInRegion(\n    chromosome: $chromosome\n    start: $start\n    end: $end\n    species: $species\n  ) {\n    totalCount\n    edges {\n      node {\n        symbol\n        genomicPositions {\n          chromosome\n          start\n          end\n          strand\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GenesWithMissingId($ids: [ID!]!) {\n  genes(ids: $ids) {\n    geneId\n    symbol\n    taxid\n    species\n  }\n}"): (typeof documents)["query GenesWithMissingId($ids: [ID!]!) {\n  genes(ids: $ids) {\n    geneId\n    symbol\n    taxid\n    species\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HgncRecordByEachIdentifier($symbol: String!, $hgncId: String!, $entrezId: String!, $ensemblGeneId: String!, $unknownSymbol: String!) {\n  bySymbol: hgncRecord(by: {symbol: $symbol}) {\n    hgncId\n    symbol\n    name\n    status\n    location\n  }\n  byHgncId: hgncRecord(by: {hgncId: $hgncId}) {\n    symbol\n  }\n  byEntrezId: hgncRecord(by: {entrezId: $entrezId}) {\n    symbol\n  }\n  byEnsemblGeneId: hgncRecord(by: {ensemblGeneId: $ensemblGeneId}) {\n    symbol\n  }\n  unknown: hgncRecord(by: {symbol: $unknownSymbol}) {\n    symbol\n  }\n}"): (typeof documents)["query HgncRecordByEachIdentifier($symbol: String!, $hgncId: String!, $entrezId: String!, $ensemblGeneId: String!, $unknownSymbol: String!) {\n  bySymbol: hgncRecord(by: {symbol: $symbol}) {\n    hgncId\n    symbol\n    name\n    status\n    location\n  }\n  byHgncId: hgncRecord(by: {hgncId: $hgncId}) {\n    symbol\n  }\n  byEntrezId: hgncRecord(by: {entrezId: $entrezId}) {\n    symbol\n  }\n  byEnsemblGeneId: hgncRecord(by: {ensemblGeneId: $ensemblGeneId}) {\n    symbol\n  }\n  unknown: hgncRecord(by: {symbol: $unknownSymbol}) {\n    symbol\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HgncRecordCrossReferences($symbol: String!) {\n  hgncRecord(by: {symbol: $symbol}) {\n    hgncId\n    symbol\n    name\n    locusGroup\n    locusType\n    location\n    aliasSymbols\n    prevSymbols\n    entrezId\n    ensemblGeneId\n    uniprotIds\n    omimIds\n    mgiIds\n    rgdIds\n  }\n}"): (typeof documents)["query HgncRecordCrossReferences($symbol: String!) {\n  hgncRecord(by: {symbol: $symbol}) {\n    hgncId\n    symbol\n    name\n    locusGroup\n    locusType\n    location\n    aliasSymbols\n    prevSymbols\n    entrezId\n    ensemblGeneId\n    uniprotIds\n    omimIds\n    mgiIds\n    rgdIds\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeByGlobalId($id: ID!) {\n  record: node(id: $id) {\n    __typename\n    id\n    ... on Gene {\n      geneId\n      symbol\n    }\n  }\n}"): (typeof documents)["query NodeByGlobalId($id: ID!) {\n  record: node(id: $id) {\n    __typename\n    id\n    ... on Gene {\n      geneId\n      symbol\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrthologsBySpecies($id: ID!, $byName: [String!], $byTaxid: [String!]) {\n  gene(id: $id) {\n    symbol\n    mouse: orthologs(species: $byName) {\n      geneId\n      symbol\n      species\n    }\n    rat: orthologs(species: $byTaxid) {\n      geneId\n      symbol\n      species\n    }\n    all: orthologs {\n      symbol\n      taxid\n    }\n  }\n}"): (typeof documents)["query OrthologsBySpecies($id: ID!, $byName: [String!], $byTaxid: [String!]) {\n  gene(id: $id) {\n    symbol\n    mouse: orthologs(species: $byName) {\n      geneId\n      symbol\n      species\n    }\n    rat: orthologs(species: $byTaxid) {\n      geneId\n      symbol\n      species\n    }\n    all: orthologs {\n      symbol\n      taxid\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RawFields($geneId: ID!, $geneFields: [String!], $chemicalId: ID!, $chemicalFields: [String!], $hgncSymbol: String!, $hgncFields: [String!]) {\n  gene(id: $geneId) {\n    symbol\n    raw(fields: $geneFields)\n  }\n  chemical(id: $chemicalId) {\n    name\n    raw(fields: $chemicalFields)\n  }\n  hgncRecord(by: {symbol: $hgncSymbol}) {\n    symbol\n    raw(fields: $hgncFields)\n  }\n}"): (typeof documents)["query RawFields($geneId: ID!, $geneFields: [String!], $chemicalId: ID!, $chemicalFields: [String!], $hgncSymbol: String!, $hgncFields: [String!]) {\n  gene(id: $geneId) {\n    symbol\n    raw(fields: $geneFields)\n  }\n  chemical(id: $chemicalId) {\n    name\n    raw(fields: $chemicalFields)\n  }\n  hgncRecord(by: {symbol: $hgncSymbol}) {\n    symbol\n    raw(fields: $hgncFields)\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResolveChemicals($terms: [String!]!) {\n  resolveChemicals(terms: $terms, scopes: [\"drugbank.name\"]) {\n    term\n    status\n    matches {\n      chemicalId\n      name\n      drugbank {\n        id\n        groups\n      }\n    }\n  }\n}"): (typeof documents)["query ResolveChemicals($terms: [String!]!) {\n  resolveChemicals(terms: $terms, scopes: [\"drugbank.name\"]) {\n    term\n    status\n    matches {\n      chemicalId\n      name\n      drugbank {\n        id\n        groups\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResolveGenes($terms: [String!]!, $humanTerms: [String!]!, $scopes: [String!], $species: [String!]) {\n  everySpecies: resolveGenes(terms: $terms, scopes: $scopes) {\n    term\n    status\n    matches {\n      geneId\n      symbol\n      species\n    }\n  }\n  humanOnly: resolveGenes(terms: $humanTerms, scopes: $scopes, species: $species) {\n    term\n    status\n    matches {\n      geneId\n      symbol\n      species\n    }\n  }\n}"): (typeof documents)["query ResolveGenes($terms: [String!]!, $humanTerms: [String!]!, $scopes: [String!], $species: [String!]) {\n  everySpecies: resolveGenes(terms: $terms, scopes: $scopes) {\n    term\n    status\n    matches {\n      geneId\n      symbol\n      species\n    }\n  }\n  humanOnly: resolveGenes(terms: $humanTerms, scopes: $scopes, species: $species) {\n    term\n    status\n    matches {\n      geneId\n      symbol\n      species\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchChemicals($query: String, $drugbankGroups: [String!], $first: Int) {\n  searchChemicals(query: $query, drugbankGroups: $drugbankGroups, first: $first) {\n    totalCount\n    edges {\n      node {\n        name\n        drugbank {\n          id\n        }\n      }\n    }\n    facets {\n      drugbankGroups {\n        terms {\n          term\n          count\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query SearchChemicals($query: String, $drugbankGroups: [String!], $first: Int) {\n  searchChemicals(query: $query, drugbankGroups: $drugbankGroups, first: $first) {\n    totalCount\n    edges {\n      node {\n        name\n        drugbank {\n          id\n        }\n      }\n    }\n    facets {\n      drugbankGroups {\n        terms {\n          term\n          count\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchGenesSorted($species: [String!], $sort: [GeneSort!], $first: Int) {\n  searchGenes(species: $species, sort: $sort, first: $first) {\n    totalCount\n    edges {\n      node {\n        symbol\n      }\n    }\n  }\n}"): (typeof documents)["query SearchGenesSorted($species: [String!], $sort: [GeneSort!], $first: Int) {\n  searchGenes(species: $species, sort: $sort, first: $first) {\n    totalCount\n    edges {\n      node {\n        symbol\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchGenesWithFacets($query: String, $first: Int) {\n  searchGenes(query: $query, typeOfGene: [\"protein-coding\"], first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n    }\n    edges {\n      node {\n        geneId\n        symbol\n        species\n      }\n    }\n    facets {\n      species {\n        terms {\n          taxid\n          species\n          count\n        }\n        total\n        other\n        missing\n      }\n      typeOfGene {\n        terms {\n          term\n          count\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query SearchGenesWithFacets($query: String, $first: Int) {\n  searchGenes(query: $query, typeOfGene: [\"protein-coding\"], first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n    }\n    edges {\n      node {\n        geneId\n        symbol\n        species\n      }\n    }\n    facets {\n      species {\n        terms {\n          taxid\n          species\n          count\n        }\n        total\n        other\n        missing\n      }\n      typeOfGene {\n        terms {\n          term\n          count\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchHgncPaged($query: String!, $first: Int) {\n  searchHgnc(query: $query, first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n    }\n    edges {\n      node {\n        hgncId\n        symbol\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query SearchHgncPaged($query: String!, $first: Int) {\n  searchHgnc(query: $query, first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n    }\n    edges {\n      node {\n        hgncId\n        symbol\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Sources {\n  sources {\n    name\n    title\n    kind\n    recordCount\n    error\n  }\n}"): (typeof documents)["query Sources {\n  sources {\n    name\n    title\n    kind\n    recordCount\n    error\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;