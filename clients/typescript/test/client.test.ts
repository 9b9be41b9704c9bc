// Runs three generated operations and one failing request against a running gateway, whose
// `/graphql` URL is GENECHEM_URL (tests/test_clients.py starts one over the demo mirror). Each
// operation sends the variables of its queries/*.variables.json and must answer the `data` of its
// queries/*.expected.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import {
  GeneByIdDocument,
  GenechemGraphQLError,
  HgncRecordByEachIdentifierDocument,
  SearchGenesSortedDocument,
  SearchHgncPagedDocument,
  request,
} from '../src/index.js';
import type {
  GeneByIdQueryVariables,
  HgncRecordByEachIdentifierQueryVariables,
  SearchHgncPagedQueryVariables,
} from '../src/index.js';

const endpoint = process.env['GENECHEM_URL'];
if (endpoint === undefined) {
  throw new Error('set GENECHEM_URL to the gateway /graphql URL');
}
const queries = new URL('../../../../queries/', import.meta.url);

function example(stem: string, kind: 'variables' | 'expected'): unknown {
  return JSON.parse(readFileSync(new URL(`${stem}.${kind}.json`, queries), 'utf-8'));
}

function expectedData(stem: string): unknown {
  return (example(stem, 'expected') as { data: unknown }).data;
}

test('GeneById answers its expected data', async () => {
  const variables = example('gene_by_id', 'variables') as GeneByIdQueryVariables;
  const data = await request(endpoint, GeneByIdDocument, variables);
  assert.equal(data.gene?.symbol, 'CDK2');
  assert.deepEqual(data, expectedData('gene_by_id'));
});

test('HgncRecordByEachIdentifier answers its expected data', async () => {
  const stem = 'hgnc_record_by_each_identifier';
  const variables = example(stem, 'variables') as HgncRecordByEachIdentifierQueryVariables;
  const data = await request(endpoint, HgncRecordByEachIdentifierDocument, variables);
  assert.equal(data.unknown, null);
  assert.deepEqual(data, expectedData(stem));
});

test('SearchHgncPaged answers its expected data', async () => {
  const variables = example('search_hgnc_paged', 'variables') as SearchHgncPagedQueryVariables;
  const data = await request(endpoint, SearchHgncPagedDocument, variables);
  assert.equal(data.searchHgnc.edges.length, variables.first);
  assert.deepEqual(data, expectedData('search_hgnc_paged'));
});

test('an invalid argument throws GenechemGraphQLError with its extensions.code', async () => {
  const failure = request(endpoint, SearchGenesSortedDocument, { species: ['human,mouse'] });
  await assert.rejects(failure, (error: unknown) => {
    assert.ok(error instanceof GenechemGraphQLError);
    assert.equal(error.code, 'INVALID_INPUT');
    return true;
  });
});
