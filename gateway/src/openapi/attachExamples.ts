import { STATUS_CODES } from 'node:http';
import type { Caller, ExampleCall } from './exampleCall';
import { isReference, responseFor, type ApiDocument, type MediaType, type Operation } from './documentTypes';
import { substitute, type JsonValue, type PlaceholderValues } from './placeholders';

const CALLERS: Record<Caller, string> = {
  admin: 'as the platform admin',
  regulator: 'as the regulator',
  importer: 'as the importer',
  retailer: 'as the retailer',
  liftOwner: 'as the lift\'s using unit',
  liftFirm: 'as a worker of the maintenance firm',
  liftCoworker: 'as the firm\'s second worker',
  inspectionBody: 'as the inspection body',
  callCentre: 'as the 96333 call centre',
  consumer: 'no token',
};

/** Answers that are files or pages: the document names their type, and an example value would only be noise. */
const BINARY = /^(image\/(png|jpeg)|application\/(zip|pdf))$/;

function slugOf(title: string, taken: Set<string>): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60).replace(/^-+|-+$/g, '') || 'example';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

function addExample(media: MediaType, slug: string, summary: string, value: JsonValue): void {
  media.examples = { ...media.examples, [slug]: { summary, value } };
}

function attachRequest(operation: Operation, example: ExampleCall, slug: string, summary: string, values: PlaceholderValues): void {
  const requestBody = operation.requestBody;
  const media = requestBody && !isReference(requestBody) ? requestBody.content['application/json'] : undefined;
  if (media && example.body !== undefined) addExample(media, slug, summary, substitute(example.body, values));
  for (const parameter of operation.parameters ?? []) {
    if (isReference(parameter)) continue;
    const given =
      parameter.in === 'path' ? example.params?.[parameter.name]
      : parameter.in === 'query' ? example.query?.[parameter.name]
      : parameter.in === 'header' ? Object.entries(example.headers ?? {}).find(([name]) => name.toLowerCase() === parameter.name.toLowerCase())?.[1]
      : undefined;
    if (given !== undefined) parameter.examples = { ...parameter.examples, [slug]: { summary, value: substitute(given, values) } };
  }
}

function attachResponse(operation: Operation, example: ExampleCall, slug: string, summary: string, values: PlaceholderValues): void {
  const response = responseFor(operation, example.status, STATUS_CODES[example.status] ?? 'answer');
  if (!response) return;
  const type = example.contentType ?? (example.status >= 400 ? 'application/problem+json' : 'application/json');
  const content = (response.content ??= {});
  const media = (content[type] ??= BINARY.test(type) ? { schema: { type: 'string', contentMediaType: type } } : type.startsWith('text/') || type === 'image/svg+xml' ? { schema: { type: 'string' } } : {});
  if (example.response !== undefined) addExample(media, slug, summary, substitute(example.response, values));
  for (const [name, value] of Object.entries(example.responseHeaders ?? {})) {
    response.headers = { [name]: { schema: { type: 'string' }, example: substitute(value, values) }, ...response.headers };
  }
}

/**
 * Shows every example under its operation: its body under the request's JSON, its parameters under
 * theirs, its expected answer under the response of its status (created when the operation did not
 * list that status). Placeholders take the document's values. Examples of paths the gateway does not
 * route, and of operations the document lacks, are left out here; the examples test reports the latter.
 */
export function attachExamples(document: ApiDocument, examples: readonly ExampleCall[], values: PlaceholderValues): void {
  const slugs = new Map<Operation, Set<string>>();
  for (const example of examples) {
    if (example.unrouted) continue;
    const operation = document.paths?.[example.path]?.[example.method];
    if (!operation) continue;
    const taken = slugs.get(operation) ?? new Set<string>();
    slugs.set(operation, taken);
    const slug = slugOf(example.title, taken);
    const summary = `${example.title} (${CALLERS[example.caller]})`;
    attachRequest(operation, example, slug, summary, values);
    attachResponse(operation, example, slug, summary, values);
  }
}
