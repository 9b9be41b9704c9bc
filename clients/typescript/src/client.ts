/**
 * A small typed fetch helper for genechem: `request(document, variables)` sends one generated
 * operation (a TypedDocumentNode from ./generated) and resolves to its typed `data`.
 *
 * Errors, so a caller can branch on them without parsing messages:
 *   GenechemError                 base class
 *   ├── GenechemHttpError         no GraphQL answer at all (status and body text)
 *   └── GenechemGraphQLError      the answer has `errors`: `code` is the first error's
 *                                 extensions.code (INVALID_INPUT, UPSTREAM_UNAVAILABLE, ...),
 *                                 `source` its extensions.source (mygene, mychem, hgnc), and
 *                                 `data` whatever partial data came with them.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** One entry of a GraphQL answer's `errors`, as genechem sends it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: { code?: string; source?: string; [key: string]: unknown };
}

interface GraphQLAnswer<TResult> {
  data?: TResult | null;
  errors?: GraphQLErrorEntry[];
}

export class GenechemError extends Error {
  override name = 'GenechemError';
}

/** The gateway did not answer with a GraphQL body (a proxy's 502, a network failure). */
export class GenechemHttpError extends GenechemError {
  override name = 'GenechemHttpError';

  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`genechem answered HTTP ${status}: ${body.slice(0, 200)}`);
  }
}

/** The gateway answered with GraphQL `errors`; `code` tells what went wrong. */
export class GenechemGraphQLError<TResult = unknown> extends GenechemError {
  override name = 'GenechemGraphQLError';
  readonly code: string | undefined;
  readonly source: string | undefined;

  constructor(
    readonly errors: readonly GraphQLErrorEntry[],
    readonly data: TResult | null,
    readonly status: number,
  ) {
    super(errors.map((error) => error.message).join('; '));
    this.code = errors[0]?.extensions?.code;
    this.source = errors[0]?.extensions?.source;
  }
}

export interface RequestOptions {
  /** Extra headers, e.g. `{ 'X-Genechem-Upstream-Calls': '1' }`. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof fetch;
}

/**
 * Sends `document` with `variables` to `endpoint` (the gateway's `/graphql` URL) and returns the
 * typed `data`; throws GenechemGraphQLError when the answer has errors, even beside partial data.
 */
export async function request<TResult, TVariables extends Record<string, unknown>>(
  endpoint: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const send = options.fetch ?? fetch;
  const init: RequestInit = {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      ...options.headers,
    },
    body: JSON.stringify({ query: print(document), variables }),
  };
  if (options.signal !== undefined) {
    init.signal = options.signal;
  }
  const response = await send(endpoint, init);
  const text = await response.text();
  const answer = parseAnswer<TResult>(text);
  if (answer === undefined) {
    throw new GenechemHttpError(response.status, text);
  }
  if (answer.errors !== undefined && answer.errors.length > 0) {
    throw new GenechemGraphQLError<TResult>(answer.errors, answer.data ?? null, response.status);
  }
  if (answer.data === undefined || answer.data === null) {
    throw new GenechemHttpError(response.status, text);
  }
  return answer.data;
}

/** The body as a GraphQL answer, or undefined when it is not one (HTML error pages, empty). */
function parseAnswer<TResult>(text: string): GraphQLAnswer<TResult> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('data' in parsed || 'errors' in parsed)) {
    return undefined;
  }
  return parsed as GraphQLAnswer<TResult>;
}
