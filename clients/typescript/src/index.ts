// The typed client: every operation of queries/ as a typed document, and the fetch helper.
export * from './generated/graphql.js';
export * from './client.js';
