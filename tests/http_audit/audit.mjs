// Runs graphql-http's GraphQL-over-HTTP audit against the endpoint given as the first argument
// and prints one JSON array on stdout: [{id, name, status: "ok" | "warn" | "error", reason}].
// tests/test_http_audit.py starts the gateway, runs this with node and judges the results.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

const results = await auditServer({ url });
const summary = results.map((result) => ({
  id: result.id,
  name: result.name,
  status: result.status,
  reason: result.status === 'ok' ? null : result.reason,
}));
process.stdout.write(JSON.stringify(summary) + '\n');
