/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** A genome assembly MyGene.info holds gene positions on. */
export type Assembly =
  /** MyGene.info's current assembly of each species (hg38 human, mm39 mouse, rn7 rat, ...). */
  | 'CURRENT'
  /** GRCh37 / hg19, the previous human assembly (human genes only). */
  | 'HG19'
  /** NCBI37 / mm9, an older mouse assembly (mouse genes only). */
  | 'MM9';

/** One sort key of a gene search. */
export type GeneSort = {
  /** ASC (default) or DESC. */
  direction?: SortDirection;
  /** The field to sort by. */
  field: GeneSortField;
};

/** Fields a gene search can be sorted by. */
export type GeneSortField =
  /** NCBI Entrez Gene id, numerically (`entrezgene`). */
  | 'ENTREZ_ID'
  /** Full gene name (`name`). */
  | 'NAME'
  /** Official gene symbol (`symbol`). */
  | 'SYMBOL'
  /** NCBI taxid of the species (`taxid`). */
  | 'TAXID';

/** Exactly one identifier of an HGNC record (`@oneOf`: giving none or several is refused before anything runs, GRAPHQL_VALIDATION_FAILED in the document, BAD_USER_INPUT in variables). */
export type HgncRecordBy =
  /** Ensembl gene id, e.g. `ENSG00000157764`. */
  { ensemblGeneId: Scalars['String']['input']; entrezId?: never; hgncId?: never; symbol?: never; }
  |  /** NCBI Entrez Gene id, e.g. `673`. */
  { ensemblGeneId?: never; entrezId: Scalars['String']['input']; hgncId?: never; symbol?: never; }
  |  /** HGNC id, e.g. `HGNC:1097`. */
  { ensemblGeneId?: never; entrezId?: never; hgncId: Scalars['String']['input']; symbol?: never; }
  |  /** Approved symbol, e.g. `BRAF` (case-insensitive, matched exactly: `?` and `*` are not wildcards). Empty or with a control character: INVALID_INPUT. */
  { ensemblGeneId?: never; entrezId?: never; hgncId?: never; symbol: Scalars['String']['input']; };

/** The status of an HGNC record. */
export type HgncStatus =
  /** The symbol is approved: the current nomenclature of a gene. */
  | 'APPROVED'
  /** The entry was withdrawn: it named no gene (a mistake or a duplicate). */
  | 'ENTRY_WITHDRAWN'
  /** The symbol was withdrawn in favour of another record (see `checkSymbols` for the replacement). */
  | 'SYMBOL_WITHDRAWN';

/** How many records an input term matched. */
export type ResolutionStatus =
  /** Several records. */
  | 'AMBIGUOUS'
  /** Exactly one record. */
  | 'FOUND'
  /** The term cannot be looked up; see `reason`. Nothing was sent. */
  | 'INVALID'
  /** No record. */
  | 'NOT_FOUND';

/** Sort direction. */
export type SortDirection =
  /** Ascending: smallest or A first. */
  | 'ASC'
  /** Descending: largest or Z first. */
  | 'DESC';

/** Where a service's answers come from. */
export type SourceKind =
  /** The configured URL: a public service, or a standalone mirror. */
  | 'LIVE'
  /** The in-process offline mirror over the bundled demo dataset. */
  | 'MIRROR';

/** An upstream service, as errors name it in `extensions.source` (lower case). */
export type SourceName =
  /** HGNC REST: human gene nomenclature. */
  | 'HGNC'
  /** MyChem.info v1: chemicals and drugs. */
  | 'MYCHEM'
  /** MyGene.info v3: genes. */
  | 'MYGENE';

/** What HGNC says of a symbol. */
export type SymbolStatus =
  /** An alias in use for the record(s) in `approved`. */
  | 'ALIAS_SYMBOL'
  /** The current approved symbol of the record in `approved`. */
  | 'APPROVED'
  /** The input cannot be a symbol (empty after trimming, or containing a control character such as a newline or tab); see `reason`. It was not looked up, and only this item says so. */
  | 'INVALID'
  /** A former approved symbol of the record(s) in `approved`. */
  | 'PREVIOUS_SYMBOL'
  /** HGNC does not know the symbol. */
  | 'UNKNOWN'
  /** A withdrawn entry (in `withdrawn`); `approved` holds its replacement when HGNC names one. */
  | 'WITHDRAWN';

/** A MyChem.info section that records targets of chemicals. */
export type TargetSource =
  /** DrugBank's drug targets (the `drugbank.targets` section). */
  | 'DRUGBANK'
  /** DrugCentral's bioactivities (the `drugcentral.bioactivity` section). */
  | 'DRUGCENTRAL';

export type CheckSymbolsQueryVariables = Exact<{
  symbols: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type CheckSymbolsQuery = { __typename?: 'Query', checkSymbols: Array<{ __typename?: 'SymbolCheck', input: string, status: SymbolStatus, approved: Array<{ __typename?: 'HgncRecord', hgncId: string, symbol: string }>, withdrawn: Array<{ __typename?: 'HgncRecord', hgncId: string, symbol: string, status: HgncStatus | null }> }> };

export type ChemicalByDrugbankIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ChemicalByDrugbankIdQuery = { __typename?: 'Query', chemical: { __typename?: 'Chemical', id: string, chemicalId: string, name: string | null, inchikey: string | null, formula: string | null, molecularWeight: number | null } | null };

export type ChemicalByInchikeyQueryVariables = Exact<{
  inchikey: Scalars['ID']['input'];
}>;


export type ChemicalByInchikeyQuery = { __typename?: 'Query', chemical: { __typename?: 'Chemical', chemicalId: string, name: string | null, drugbank: { __typename?: 'DrugBankSection', id: string | null } | null, chembl: { __typename?: 'ChemblSection', moleculeChemblId: string | null } | null, chebi: Array<{ __typename?: 'ChebiSection', id: string | null }> } | null };

export type ChemicalSourceSectionsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ChemicalSourceSectionsQuery = { __typename?: 'Query', chemical: { __typename?: 'Chemical', chemicalId: string, drugbank: { __typename?: 'DrugBankSection', id: string | null, name: string | null, groups: Array<string>, targets: Array<{ __typename?: 'DrugBankTarget', uniprot: string | null, geneName: string | null, actions: Array<string>, organism: string | null }> } | null, chembl: { __typename?: 'ChemblSection', moleculeChemblId: string | null } | null, chebi: Array<{ __typename?: 'ChebiSection', id: string | null }> } | null };

export type ChemicalsByAnyIdQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type ChemicalsByAnyIdQuery = { __typename?: 'Query', chemicals: Array<{ __typename?: 'Chemical', chemicalId: string, name: string | null, inchikey: string | null } | null> };

export type DrugTargetsWithGenesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DrugTargetsWithGenesQuery = { __typename?: 'Query', chemical: { __typename?: 'Chemical', name: string | null, targets: { __typename?: 'ChemicalTargetConnection', totalCount: number, edges: Array<{ __typename?: 'ChemicalTargetEdge', node: { __typename?: 'ChemicalTarget', uniprot: string | null, geneName: string | null, actions: Array<string>, organism: string | null, source: TargetSource, gene: { __typename?: 'Gene', geneId: string, symbol: string | null, name: string | null, hgnc: { __typename?: 'HgncRecord', hgncId: string } | null } | null } }> } } | null };

export type GeneByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GeneByIdQuery = { __typename?: 'Query', gene: { __typename?: 'Gene', id: string, geneId: string, entrezId: string | null, symbol: string | null, name: string | null, taxid: number | null, species: string | null, typeOfGene: string | null, aliases: Array<string>, mapLocation: string | null, hgncId: string | null, omim: Array<string>, pfam: Array<string> } | null };

export type GeneChemicalsWithActionsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GeneChemicalsWithActionsQuery = { __typename?: 'Query', gene: { __typename?: 'Gene', symbol: string | null, uniprot: { __typename?: 'UniProt', swissProt: Array<string> }, chemicals: { __typename?: 'GeneChemicalConnection', totalCount: number, edges: Array<{ __typename?: 'GeneChemicalEdge', actions: Array<string>, claimSources: Array<TargetSource>, targetUniprot: string, node: { __typename?: 'Chemical', name: string | null, drugbank: { __typename?: 'DrugBankSection', id: string | null } | null } }> } } | null };

export type GeneEnsemblRefseqUniprotQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GeneEnsemblRefseqUniprotQuery = { __typename?: 'Query', gene: { __typename?: 'Gene', symbol: string | null, ensembl: Array<{ __typename?: 'EnsemblGene', geneId: string | null, transcripts: Array<string>, proteins: Array<string> }>, refseq: { __typename?: 'RefSeq', rna: Array<string>, protein: Array<string>, genomic: Array<string> }, uniprot: { __typename?: 'UniProt', swissProt: Array<string>, trembl: Array<string> } } | null };

export type GeneGenomicPositionsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GeneGenomicPositionsQuery = { __typename?: 'Query', gene: { __typename?: 'Gene', symbol: string | null, mapLocation: string | null, current: Array<{ __typename?: 'GenomicPosition', chromosome: string | null, start: number | null, end: number | null, strand: number | null, ensemblGeneId: string | null }>, hg19: Array<{ __typename?: 'GenomicPosition', chromosome: string | null, start: number | null, end: number | null }> } | null };

export type GeneGoAnnotationsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GeneGoAnnotationsQuery = { __typename?: 'Query', gene: { __typename?: 'Gene', symbol: string | null, go: { __typename?: 'GoAnnotations', biologicalProcess: Array<{ __typename?: 'GoAnnotation', id: string, term: string | null, evidence: string | null }>, molecularFunction: Array<{ __typename?: 'GoAnnotation', id: string, term: string | null, evidence: string | null }>, cellularComponent: Array<{ __typename?: 'GoAnnotation', id: string, term: string | null, evidence: string | null }> } } | null };

export type GenePathwaysQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GenePathwaysQuery = { __typename?: 'Query', gene: { __typename?: 'Gene', symbol: string | null, pathways: Array<{ __typename?: 'Pathway', source: string, id: string, name: string | null }> } | null };

export type GeneToHgncAndBackQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GeneToHgncAndBackQuery = { __typename?: 'Query', gene: { __typename?: 'Gene', geneId: string, symbol: string | null, hgnc: { __typename?: 'HgncRecord', hgncId: string, symbol: string, status: HgncStatus | null, locusType: string | null, prevSymbols: Array<string>, aliasSymbols: Array<string>, entrezId: string | null, gene: { __typename?: 'Gene', geneId: string, symbol: string | null, name: string | null } | null } | null } | null };

export type GenesInRegionQueryVariables = Exact<{
  chromosome: Scalars['String']['input'];
  start: Scalars['Int']['input'];
  end: Scalars['Int']['input'];
  species?: InputMaybe<Scalars['String']['input']>;
}>;


export type GenesInRegionQuery = { __typename?: 'Query', genesInRegion: { __typename?: 'GeneConnection', totalCount: number, edges: Array<{ __typename?: 'GeneEdge', node: { __typename?: 'Gene', symbol: string | null, genomicPositions: Array<{ __typename?: 'GenomicPosition', chromosome: string | null, start: number | null, end: number | null, strand: number | null }> } }> } };

export type GenesWithMissingIdQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type GenesWithMissingIdQuery = { __typename?: 'Query', genes: Array<{ __typename?: 'Gene', geneId: string, symbol: string | null, taxid: number | null, species: string | null } | null> };

export type HgncRecordByEachIdentifierQueryVariables = Exact<{
  symbol: Scalars['String']['input'];
  hgncId: Scalars['String']['input'];
  entrezId: Scalars['String']['input'];
  ensemblGeneId: Scalars['String']['input'];
  unknownSymbol: Scalars['String']['input'];
}>;


export type HgncRecordByEachIdentifierQuery = { __typename?: 'Query', bySymbol: { __typename?: 'HgncRecord', hgncId: string, symbol: string, name: string | null, status: HgncStatus | null, location: string | null } | null, byHgncId: { __typename?: 'HgncRecord', symbol: string } | null, byEntrezId: { __typename?: 'HgncRecord', symbol: string } | null, byEnsemblGeneId: { __typename?: 'HgncRecord', symbol: string } | null, unknown: { __typename?: 'HgncRecord', symbol: string } | null };

export type HgncRecordCrossReferencesQueryVariables = Exact<{
  symbol: Scalars['String']['input'];
}>;


export type HgncRecordCrossReferencesQuery = { __typename?: 'Query', hgncRecord: { __typename?: 'HgncRecord', hgncId: string, symbol: string, name: string | null, locusGroup: string | null, locusType: string | null, location: string | null, aliasSymbols: Array<string>, prevSymbols: Array<string>, entrezId: string | null, ensemblGeneId: string | null, uniprotIds: Array<string>, omimIds: Array<string>, mgiIds: Array<string>, rgdIds: Array<string> } | null };

export type NodeByGlobalIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeByGlobalIdQuery = { __typename?: 'Query', record: { __typename: 'Chemical', id: string } | { __typename: 'Gene', geneId: string, symbol: string | null, id: string } | { __typename: 'HgncRecord', id: string } | null };

export type OrthologsBySpeciesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  byName?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  byTaxid?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type OrthologsBySpeciesQuery = { __typename?: 'Query', gene: { __typename?: 'Gene', symbol: string | null, mouse: Array<{ __typename?: 'Gene', geneId: string, symbol: string | null, species: string | null }>, rat: Array<{ __typename?: 'Gene', geneId: string, symbol: string | null, species: string | null }>, all: Array<{ __typename?: 'Gene', symbol: string | null, taxid: number | null }> } | null };

export type RawFieldsQueryVariables = Exact<{
  geneId: Scalars['ID']['input'];
  geneFields?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  chemicalId: Scalars['ID']['input'];
  chemicalFields?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  hgncSymbol: Scalars['String']['input'];
  hgncFields?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type RawFieldsQuery = { __typename?: 'Query', gene: { __typename?: 'Gene', symbol: string | null, raw: unknown } | null, chemical: { __typename?: 'Chemical', name: string | null, raw: unknown } | null, hgncRecord: { __typename?: 'HgncRecord', symbol: string, raw: unknown } | null };

export type ResolveChemicalsQueryVariables = Exact<{
  terms: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type ResolveChemicalsQuery = { __typename?: 'Query', resolveChemicals: Array<{ __typename?: 'ChemicalResolution', term: string, status: ResolutionStatus, matches: Array<{ __typename?: 'Chemical', chemicalId: string, name: string | null, drugbank: { __typename?: 'DrugBankSection', id: string | null, groups: Array<string> } | null }> }> };

export type ResolveGenesQueryVariables = Exact<{
  terms: Array<Scalars['String']['input']> | Scalars['String']['input'];
  humanTerms: Array<Scalars['String']['input']> | Scalars['String']['input'];
  scopes?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  species?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type ResolveGenesQuery = { __typename?: 'Query', everySpecies: Array<{ __typename?: 'GeneResolution', term: string, status: ResolutionStatus, matches: Array<{ __typename?: 'Gene', geneId: string, symbol: string | null, species: string | null }> }>, humanOnly: Array<{ __typename?: 'GeneResolution', term: string, status: ResolutionStatus, matches: Array<{ __typename?: 'Gene', geneId: string, symbol: string | null, species: string | null }> }> };

export type SearchChemicalsQueryVariables = Exact<{
  query?: InputMaybe<Scalars['String']['input']>;
  drugbankGroups?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SearchChemicalsQuery = { __typename?: 'Query', searchChemicals: { __typename?: 'ChemicalConnection', totalCount: number, edges: Array<{ __typename?: 'ChemicalEdge', node: { __typename?: 'Chemical', name: string | null, drugbank: { __typename?: 'DrugBankSection', id: string | null } | null } }>, facets: { __typename?: 'ChemicalFacets', drugbankGroups: { __typename?: 'Facet', terms: Array<{ __typename?: 'FacetTerm', term: string, count: number }> } | null } | null } };

export type SearchGenesSortedQueryVariables = Exact<{
  species?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  sort?: InputMaybe<Array<GeneSort> | GeneSort>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SearchGenesSortedQuery = { __typename?: 'Query', searchGenes: { __typename?: 'GeneConnection', totalCount: number, edges: Array<{ __typename?: 'GeneEdge', node: { __typename?: 'Gene', symbol: string | null } }> } };

export type SearchGenesWithFacetsQueryVariables = Exact<{
  query?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SearchGenesWithFacetsQuery = { __typename?: 'Query', searchGenes: { __typename?: 'GeneConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean }, edges: Array<{ __typename?: 'GeneEdge', node: { __typename?: 'Gene', geneId: string, symbol: string | null, species: string | null } }>, facets: { __typename?: 'GeneFacets', species: { __typename?: 'SpeciesFacet', total: number, other: number, missing: number, terms: Array<{ __typename?: 'SpeciesFacetTerm', taxid: number, species: string | null, count: number }> } | null, typeOfGene: { __typename?: 'Facet', terms: Array<{ __typename?: 'FacetTerm', term: string, count: number }> } | null } | null } };

export type SearchHgncPagedQueryVariables = Exact<{
  query: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SearchHgncPagedQuery = { __typename?: 'Query', searchHgnc: { __typename?: 'HgncRecordConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean }, edges: Array<{ __typename?: 'HgncRecordEdge', node: { __typename?: 'HgncRecord', hgncId: string, symbol: string, name: string | null } }> } };

export type SourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type SourcesQuery = { __typename?: 'Query', sources: Array<{ __typename?: 'SourceInfo', name: SourceName, title: string, kind: SourceKind, recordCount: number | null, error: string | null }> };


export const CheckSymbolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckSymbols"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkSymbols"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbols"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"approved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hgncId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hgncId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CheckSymbolsQuery, CheckSymbolsQueryVariables>;
export const ChemicalByDrugbankIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChemicalByDrugbankId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chemical"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chemicalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inchikey"}},{"kind":"Field","name":{"kind":"Name","value":"formula"}},{"kind":"Field","name":{"kind":"Name","value":"molecularWeight"}}]}}]}}]} as unknown as DocumentNode<ChemicalByDrugbankIdQuery, ChemicalByDrugbankIdQueryVariables>;
export const ChemicalByInchikeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChemicalByInchikey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inchikey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chemical"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inchikey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chemicalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"drugbank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chembl"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moleculeChemblId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chebi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ChemicalByInchikeyQuery, ChemicalByInchikeyQueryVariables>;
export const ChemicalSourceSectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChemicalSourceSections"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chemical"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chemicalId"}},{"kind":"Field","name":{"kind":"Name","value":"drugbank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uniprot"}},{"kind":"Field","name":{"kind":"Name","value":"geneName"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"organism"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"chembl"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moleculeChemblId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chebi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ChemicalSourceSectionsQuery, ChemicalSourceSectionsQueryVariables>;
export const ChemicalsByAnyIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChemicalsByAnyId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chemicals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chemicalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inchikey"}}]}}]}}]} as unknown as DocumentNode<ChemicalsByAnyIdQuery, ChemicalsByAnyIdQueryVariables>;
export const DrugTargetsWithGenesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DrugTargetsWithGenes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chemical"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uniprot"}},{"kind":"Field","name":{"kind":"Name","value":"geneName"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"organism"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"gene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hgnc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hgncId"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DrugTargetsWithGenesQuery, DrugTargetsWithGenesQueryVariables>;
export const GeneByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GeneById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"entrezId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"taxid"}},{"kind":"Field","name":{"kind":"Name","value":"species"}},{"kind":"Field","name":{"kind":"Name","value":"typeOfGene"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"mapLocation"}},{"kind":"Field","name":{"kind":"Name","value":"hgncId"}},{"kind":"Field","name":{"kind":"Name","value":"omim"}},{"kind":"Field","name":{"kind":"Name","value":"pfam"}}]}}]}}]} as unknown as DocumentNode<GeneByIdQuery, GeneByIdQueryVariables>;
export const GeneChemicalsWithActionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GeneChemicalsWithActions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"uniprot"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swissProt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chemicals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"drugbank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"claimSources"}},{"kind":"Field","name":{"kind":"Name","value":"targetUniprot"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GeneChemicalsWithActionsQuery, GeneChemicalsWithActionsQueryVariables>;
export const GeneEnsemblRefseqUniprotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GeneEnsemblRefseqUniprot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"ensembl"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"transcripts"}},{"kind":"Field","name":{"kind":"Name","value":"proteins"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refseq"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rna"}},{"kind":"Field","name":{"kind":"Name","value":"protein"}},{"kind":"Field","name":{"kind":"Name","value":"genomic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"uniprot"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"swissProt"}},{"kind":"Field","name":{"kind":"Name","value":"trembl"}}]}}]}}]}}]} as unknown as DocumentNode<GeneEnsemblRefseqUniprotQuery, GeneEnsemblRefseqUniprotQueryVariables>;
export const GeneGenomicPositionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GeneGenomicPositions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"mapLocation"}},{"kind":"Field","alias":{"kind":"Name","value":"current"},"name":{"kind":"Name","value":"genomicPositions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chromosome"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"ensemblGeneId"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"hg19"},"name":{"kind":"Name","value":"genomicPositions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assembly"},"value":{"kind":"EnumValue","value":"HG19"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chromosome"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]}}]} as unknown as DocumentNode<GeneGenomicPositionsQuery, GeneGenomicPositionsQueryVariables>;
export const GeneGoAnnotationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GeneGoAnnotations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"go"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"biologicalProcess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"molecularFunction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cellularComponent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GeneGoAnnotationsQuery, GeneGoAnnotationsQueryVariables>;
export const GenePathwaysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GenePathways"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"pathways"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<GenePathwaysQuery, GenePathwaysQueryVariables>;
export const GeneToHgncAndBackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GeneToHgncAndBack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"hgnc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hgncId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"locusType"}},{"kind":"Field","name":{"kind":"Name","value":"prevSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"aliasSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"entrezId"}},{"kind":"Field","name":{"kind":"Name","value":"gene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GeneToHgncAndBackQuery, GeneToHgncAndBackQueryVariables>;
export const GenesInRegionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GenesInRegion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"chromosome"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"start"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"end"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"species"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"genesInRegion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"chromosome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"chromosome"}}},{"kind":"Argument","name":{"kind":"Name","value":"start"},"value":{"kind":"Variable","name":{"kind":"Name","value":"start"}}},{"kind":"Argument","name":{"kind":"Name","value":"end"},"value":{"kind":"Variable","name":{"kind":"Name","value":"end"}}},{"kind":"Argument","name":{"kind":"Name","value":"species"},"value":{"kind":"Variable","name":{"kind":"Name","value":"species"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"genomicPositions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chromosome"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GenesInRegionQuery, GenesInRegionQueryVariables>;
export const GenesWithMissingIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GenesWithMissingId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"genes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"taxid"}},{"kind":"Field","name":{"kind":"Name","value":"species"}}]}}]}}]} as unknown as DocumentNode<GenesWithMissingIdQuery, GenesWithMissingIdQueryVariables>;
export const HgncRecordByEachIdentifierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HgncRecordByEachIdentifier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hgncId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entrezId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ensemblGeneId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unknownSymbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"bySymbol"},"name":{"kind":"Name","value":"hgncRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hgncId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"location"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byHgncId"},"name":{"kind":"Name","value":"hgncRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"hgncId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hgncId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byEntrezId"},"name":{"kind":"Name","value":"hgncRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"entrezId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entrezId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byEnsemblGeneId"},"name":{"kind":"Name","value":"hgncRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ensemblGeneId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ensemblGeneId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"unknown"},"name":{"kind":"Name","value":"hgncRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unknownSymbol"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}}]}}]} as unknown as DocumentNode<HgncRecordByEachIdentifierQuery, HgncRecordByEachIdentifierQueryVariables>;
export const HgncRecordCrossReferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HgncRecordCrossReferences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hgncRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hgncId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"locusGroup"}},{"kind":"Field","name":{"kind":"Name","value":"locusType"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"aliasSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"prevSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"entrezId"}},{"kind":"Field","name":{"kind":"Name","value":"ensemblGeneId"}},{"kind":"Field","name":{"kind":"Name","value":"uniprotIds"}},{"kind":"Field","name":{"kind":"Name","value":"omimIds"}},{"kind":"Field","name":{"kind":"Name","value":"mgiIds"}},{"kind":"Field","name":{"kind":"Name","value":"rgdIds"}}]}}]}}]} as unknown as DocumentNode<HgncRecordCrossReferencesQuery, HgncRecordCrossReferencesQueryVariables>;
export const NodeByGlobalIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeByGlobalId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"record"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Gene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByGlobalIdQuery, NodeByGlobalIdQueryVariables>;
export const OrthologsBySpeciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrthologsBySpecies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"byName"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"byTaxid"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","alias":{"kind":"Name","value":"mouse"},"name":{"kind":"Name","value":"orthologs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"species"},"value":{"kind":"Variable","name":{"kind":"Name","value":"byName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"species"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"rat"},"name":{"kind":"Name","value":"orthologs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"species"},"value":{"kind":"Variable","name":{"kind":"Name","value":"byTaxid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"species"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"all"},"name":{"kind":"Name","value":"orthologs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"taxid"}}]}}]}}]}}]} as unknown as DocumentNode<OrthologsBySpeciesQuery, OrthologsBySpeciesQueryVariables>;
export const RawFieldsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RawFields"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"geneId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"geneFields"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"chemicalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"chemicalFields"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hgncSymbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hgncFields"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"geneId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"raw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fields"},"value":{"kind":"Variable","name":{"kind":"Name","value":"geneFields"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"chemical"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"chemicalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"raw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fields"},"value":{"kind":"Variable","name":{"kind":"Name","value":"chemicalFields"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"hgncRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hgncSymbol"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"raw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fields"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hgncFields"}}}]}]}}]}}]} as unknown as DocumentNode<RawFieldsQuery, RawFieldsQueryVariables>;
export const ResolveChemicalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResolveChemicals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"terms"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveChemicals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"terms"},"value":{"kind":"Variable","name":{"kind":"Name","value":"terms"}}},{"kind":"Argument","name":{"kind":"Name","value":"scopes"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"drugbank.name","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chemicalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"drugbank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResolveChemicalsQuery, ResolveChemicalsQueryVariables>;
export const ResolveGenesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResolveGenes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"terms"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"humanTerms"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"species"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"everySpecies"},"name":{"kind":"Name","value":"resolveGenes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"terms"},"value":{"kind":"Variable","name":{"kind":"Name","value":"terms"}}},{"kind":"Argument","name":{"kind":"Name","value":"scopes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"species"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"humanOnly"},"name":{"kind":"Name","value":"resolveGenes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"terms"},"value":{"kind":"Variable","name":{"kind":"Name","value":"humanTerms"}}},{"kind":"Argument","name":{"kind":"Name","value":"scopes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}}},{"kind":"Argument","name":{"kind":"Name","value":"species"},"value":{"kind":"Variable","name":{"kind":"Name","value":"species"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"species"}}]}}]}}]}}]} as unknown as DocumentNode<ResolveGenesQuery, ResolveGenesQueryVariables>;
export const SearchChemicalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchChemicals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"drugbankGroups"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchChemicals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"drugbankGroups"},"value":{"kind":"Variable","name":{"kind":"Name","value":"drugbankGroups"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"drugbank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drugbankGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchChemicalsQuery, SearchChemicalsQueryVariables>;
export const SearchGenesSortedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchGenesSorted"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"species"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GeneSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchGenes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"species"},"value":{"kind":"Variable","name":{"kind":"Name","value":"species"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchGenesSortedQuery, SearchGenesSortedQueryVariables>;
export const SearchGenesWithFacetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchGenesWithFacets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchGenes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"typeOfGene"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"protein-coding","block":false}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"geneId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"species"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"species"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxid"}},{"kind":"Field","name":{"kind":"Name","value":"species"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"other"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"typeOfGene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchGenesWithFacetsQuery, SearchGenesWithFacetsQueryVariables>;
export const SearchHgncPagedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchHgncPaged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchHgnc"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hgncId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchHgncPagedQuery, SearchHgncPagedQueryVariables>;
export const SourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordCount"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<SourcesQuery, SourcesQueryVariables>;