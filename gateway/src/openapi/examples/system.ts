import type { ExampleCall } from '../exampleCall';

/** Before anything else: is the gateway up, where are its keys and its documentation. */
export const systemExamples: readonly ExampleCall[] = [
  {
    title: 'Check that the gateway reaches the ledger and its read store',
    method: 'get', path: '/health', caller: 'consumer',
    status: 200, response: { ledger: { ok: true }, store: { ok: true } },
  },
  {
    title: 'Ask whether the gateway serves current reads (a load balancer\'s question)',
    method: 'get', path: '/ready', caller: 'consumer', eventual: true,
    status: 200, response: { status: 'ok', projection: { deadLetters: 0 } },
  },
  {
    title: 'Scrape request counts, latencies and the projection lag',
    method: 'get', path: '/metrics', caller: 'consumer',
    status: 200, contentType: 'text/plain',
  },
  {
    title: 'Fetch the public keys that verify API tokens and signed trace codes',
    method: 'get', path: '/.well-known/jwks.json', caller: 'consumer',
    status: 200, response: { keys: [{ kty: 'EC', traceledger_use: 'api-token' }, { traceledger_use: 'trace-code' }] },
  },
  {
    title: 'Fetch this document',
    method: 'get', path: '/openapi.json', caller: 'consumer',
    status: 200, response: { openapi: '3.1.0', info: { title: 'traceledger gateway' } },
  },
  {
    title: 'Open the documentation page',
    method: 'get', path: '/docs', caller: 'consumer',
    status: 200, contentType: 'text/html',
  },
];
