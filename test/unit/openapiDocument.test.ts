import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createApp } from '../../gateway/src/app';
import { DOCUMENT_VALUES } from '../../gateway/src/openapi/documentValues';
import { newApiRegistry } from '../../gateway/src/openapi/document';
import type { ExampleCall } from '../../gateway/src/openapi/exampleCall';
import { examplesWithoutOperation, operationName, operationsWithoutExample, type DocumentPaths } from '../../gateway/src/openapi/exampleCoverage';
import { mismatchOf } from '../../gateway/src/openapi/exampleMatch';
import { EXAMPLE_SCENARIO } from '../../gateway/src/openapi/examples';
import { examplePath, KeptPlaceholders, substitute, type PlaceholderValues } from '../../gateway/src/openapi/placeholders';
import { exampleRunValues } from '../integration/exampleRunValues';
import { stubServices } from './stubServices';

interface Schema {
  type?: string;
  format?: string;
  pattern?: string;
  description?: string;
  properties?: Record<string, Schema>;
}

interface Document {
  info: { description: string };
  paths: DocumentPaths & Record<string, Record<string, { parameters?: { name: string; in: string; schema: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }> }>>;
}

/** The route definitions the app registered, by operation name. */
type Routes = Map<string, Extract<ReturnType<typeof newApiRegistry>['definitions'][number], { type: 'route' }>['route']>;

/** What in an example its route's validators refuse, or nothing. */
function refusalsOf(routes: Routes, example: ExampleCall, values: PlaceholderValues): string[] {
  const route = routes.get(operationName(example.method, example.path));
  if (!route) return [`no route ${operationName(example.method, example.path)}`];
  const refusals: string[] = [];
  const check = (what: string, schema: unknown, value: unknown): void => {
    if (!(schema instanceof z.ZodType)) return;
    const parsed = schema.safeParse(value);
    if (!parsed.success) refusals.push(`${what}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  };
  const body = example.body === undefined ? undefined : substitute(example.body, values);
  const media = route.request?.body?.content['application/json'];
  const bodySchema = media && 'schema' in media ? media.schema : undefined;
  if (body !== undefined && !bodySchema) refusals.push('a body for a route that takes none');
  check('body', bodySchema, body ?? {});
  check('params', route.request?.params, Object.fromEntries(Object.entries(example.params ?? {}).map(([name, value]) => [name, substitute(value, values)])));
  check('query', route.request?.query, Object.fromEntries(Object.entries(example.query ?? {}).map(([name, value]) => [name, substitute(value, values)])));
  const headers = route.request?.headers;
  if (headers instanceof z.ZodObject) check('headers', headers, Object.fromEntries(Object.entries(example.headers ?? {}).map(([name, value]) => [name, substitute(value, values)])));
  return refusals;
}

describe('the OpenAPI document and its examples, without a network', () => {
  const api = newApiRegistry();
  const server = http.createServer(createApp(stubServices(), undefined, api));
  let base: string;
  let document: Document;
  const routes: Routes = new Map();

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    document = (await (await fetch(`${base}/openapi.json`)).json()) as Document;
    for (const definition of api.definitions) {
      if (definition.type === 'route') routes.set(operationName(definition.route.method, definition.route.path), definition.route);
    }
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('has an example for every operation, and every example names an operation or a path the gateway does not route', () => {
    expect(operationsWithoutExample(document.paths, EXAMPLE_SCENARIO), 'operations without an example').to.deep.equal([]);
    expect(examplesWithoutOperation(document.paths, EXAMPLE_SCENARIO), 'examples of no operation').to.deep.equal([]);
  });

  it('documents the resolver, QR, health, metrics and key-set paths, with their path parameters', () => {
    for (const path of ['/codes/qr', '/01/{gtin}/10/{lot}', '/01/{gtin}/21/{serial}', '/8004/{giai}', '/health', '/ready', '/metrics', '/.well-known/jwks.json']) {
      expect(document.paths[path]?.get, path).to.be.an('object');
    }
    const parameters = document.paths['/01/{gtin}/21/{serial}'].get.parameters ?? [];
    expect(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.schema.pattern])).to.deep.equal([
      ['gtin', '^\\d{14}$'],
      ['serial', '^(?:[A-Za-z0-9-]{0,7}[A-Za-z-])?\\d{6,9}$'],
    ]);
    expect(document.paths['/8004/{giai}'].get.parameters?.find((p) => p.name === 'giai')?.schema.pattern).to.match(/^\^\\d\{4,12\}/);
  });

  it('describes what refinements check: check digits, real days and times, GIAI URNs', () => {
    const lot = document.paths['/coldchain/lots'].post.requestBody?.content['application/json'].schema.properties ?? {};
    expect(lot.gtin).to.include({ pattern: '^\\d{14}$' }).and.to.have.property('description').that.matches(/check digit/);
    expect(lot.productionDate).to.include({ format: 'date' }).and.to.have.property('description').that.matches(/day that exists/);
    const custody = document.paths['/coldchain/loggers/attachments'].post.requestBody?.content['application/json'].schema.properties ?? {};
    expect(custody.eventTime).to.include({ format: 'date-time' });
    expect(custody.loggerId).to.include({ pattern: '^urn:epc:id:giai:\\d{6,12}\\.[A-Za-z0-9._-]{1,24}$' });
    expect(document.info.description).to.match(/405 with an Allow header/);
  });

  it('shows the statuses every route can answer besides its own', () => {
    const write = document.paths['/coldchain/lots'].post.responses;
    expect(Object.keys(write)).to.include.members(['201', '400', '401', '403', '404', '409', '413', '422', '429', '503', '504']);
    expect(Object.keys(document.paths['/health'].get.responses)).to.include.members(['200', '401', '429', '503']);
  });

  it('shows each example under its operation with the document\'s values', () => {
    const created = document.paths['/coldchain/lots'].post.responses['201'].content?.['application/json'].examples ?? {};
    expect(Object.values(created).map((e) => e.value)).to.deep.include({ result: { lots: [{ id: '01/09521234543213/10/LAMB-R7K2M9Q', ownerId: '91330206MA2H7K3Q0R', custodianId: '91330206MA2H7K3Q0R', quantityOnHand: 200, documentStatus: 'incomplete' }] } });
    const conflict = document.paths['/coldchain/lots'].post.responses['409'].content?.['application/problem+json'].examples ?? {};
    expect(Object.values(conflict)).to.have.length(1);
  });

  const keptInDocument = Object.fromEntries(KeptPlaceholders.map((name) => [name, DOCUMENT_VALUES[name]]));
  const worlds: [string, PlaceholderValues][] = [
    ['the document\'s values', DOCUMENT_VALUES],
    ['a test run\'s values', { ...exampleRunValues(Date.now(), 'http://127.0.0.1:7051'), ...keptInDocument }],
  ];
  for (const [world, values] of worlds) {
    it(`sends bodies, parameters and headers the routes' validators take, with ${world}`, () => {
      const refused = EXAMPLE_SCENARIO.filter((e) => !e.unrouted).flatMap((example) => refusalsOf(routes, example, values).map((refusal) => `${example.title}: ${refusal}`));
      expect(refused).to.deep.equal([]);
    });
  }

  it('answers the examples of unrouted paths as they show', async () => {
    for (const example of EXAMPLE_SCENARIO.filter((e) => e.unrouted)) {
      const response = await fetch(`${base}${examplePath(example.path, example.params, example.query, DOCUMENT_VALUES)}`, { method: example.method.toUpperCase() });
      expect(response.status, example.title).to.equal(example.status);
      for (const [name, value] of Object.entries(example.responseHeaders ?? {})) expect(response.headers.get(name), `${example.title}: ${name}`).to.equal(value);
      const body: unknown = await response.json();
      expect(example.response === undefined ? undefined : mismatchOf(body, substitute(example.response, DOCUMENT_VALUES)), example.title).to.equal(undefined);
    }
  });
});
