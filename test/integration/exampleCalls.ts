import type { Caller, ExampleCall } from '../../gateway/src/openapi/exampleCall';
import { mismatchOf } from '../../gateway/src/openapi/exampleMatch';
import { examplePath, substitute, type KeptPlaceholder, type Placeholder } from '../../gateway/src/openapi/placeholders';

/** The values of a run so far: its own ids and times, and what earlier answers gave. */
export type RunValues = Partial<Record<Placeholder, string>>;

export interface ExampleAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON of a JSON answer; undefined for anything else. */
  body: unknown;
}

/** The bearer token of a caller: the admin's from the test network, the others' kept from the answers that issued them. */
function tokenOf(caller: Caller, values: RunValues, adminToken: string): string | undefined {
  const kept: Record<Exclude<Caller, 'admin' | 'consumer'>, KeptPlaceholder> = {
    importer: 'importerToken',
    retailer: 'retailerToken',
    regulator: 'regulatorToken',
    liftOwner: 'liftOwnerToken',
    liftFirm: 'liftFirmToken',
    liftCoworker: 'liftCoworkerToken',
    inspectionBody: 'inspectionBodyToken',
    callCentre: 'callCentreToken',
  };
  if (caller === 'consumer') return undefined;
  if (caller === 'admin') return adminToken;
  const token = values[kept[caller]];
  if (token === undefined) throw new Error(`no ${caller} token yet: an earlier example must keep ${kept[caller]}`);
  return token;
}

/**
 * Sends an example as a client would, with the run's values in place of its placeholders. A `retry`
 * after a read conflict needs a key of its own: the conflicting transaction is on the ledger,
 * invalid, under the first key.
 */
export async function sendExample(base: string, example: ExampleCall, values: RunValues, adminToken: string, retry = 0): Promise<ExampleAnswer> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(example.headers ?? {})) {
    headers[name] = substitute(value, values) + (retry > 0 && name.toLowerCase() === 'idempotency-key' ? `-retry${retry}` : '');
  }
  const token = tokenOf(example.caller, values, adminToken);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (example.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}${examplePath(example.path, example.params, example.query, values)}`, {
    method: example.method.toUpperCase(),
    headers,
    body: example.body === undefined ? undefined : JSON.stringify(substitute(example.body, values)),
  });
  const isJson = /json/.test(response.headers.get('content-type') ?? '');
  // Read to the end either way: a streamed archive finishes (and its run with it) only when read.
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body: isJson && bytes.length > 0 ? (JSON.parse(bytes.toString('utf8')) as unknown) : undefined };
}

/**
 * A write the ledger invalidated because another transaction of the same block changed what it read:
 * the gateway's coverage sweeper checks lots of the story on its own, at any moment.
 */
export const isReadConflict = (answer: ExampleAnswer): boolean =>
  answer.status === 409 && /^a concurrent write changed the same records first/.test(String((answer.body as { detail?: unknown } | undefined)?.detail));

const excerpt = (answer: ExampleAnswer): string => (answer.body === undefined ? `(${answer.headers.get('content-type') ?? 'no content type'})` : JSON.stringify(answer.body).slice(0, 600));

/** How the answer falls short of the example: its status, media type, headers and the JSON it must contain. */
export function shortcomingsOf(example: ExampleCall, answer: ExampleAnswer, values: RunValues): string[] {
  const found: string[] = [];
  if (answer.status !== example.status) found.push(`status ${answer.status}, expected ${example.status}: ${excerpt(answer)}`);
  const type = answer.headers.get('content-type') ?? '';
  if (example.contentType && !type.startsWith(example.contentType)) found.push(`content type ${type}, expected ${example.contentType}`);
  for (const [name, value] of Object.entries(example.responseHeaders ?? {})) {
    const expected = substitute(value, values);
    if (answer.headers.get(name) !== expected) found.push(`header ${name}: ${answer.headers.get(name) ?? 'absent'}, expected ${expected}`);
  }
  if (example.response !== undefined && answer.status === example.status) {
    const mismatch = mismatchOf(answer.body, substitute(example.response, values));
    if (mismatch) found.push(`${mismatch} in ${excerpt(answer)}`);
  }
  return found;
}

/** The value at `body.<path>` or `header.<name>` of an answer. */
function valueAt(answer: ExampleAnswer, where: string): string | undefined {
  const [source, ...path] = where.split('.');
  if (source === 'header') return answer.headers.get(path.join('.')) ?? undefined;
  let value: unknown = answer.body;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The values the example keeps for later calls; a value the answer lacks is a failure of this example. */
export function keptBy(example: ExampleCall, answer: ExampleAnswer): Partial<Record<KeptPlaceholder, string>> {
  const kept: Partial<Record<KeptPlaceholder, string>> = {};
  for (const [name, where] of Object.entries(example.keep ?? {}) as [KeptPlaceholder, string][]) {
    const value = valueAt(answer, where);
    if (value === undefined) throw new Error(`the answer has no ${where} to keep as {${name}}: ${excerpt(answer)}`);
    kept[name] = value;
  }
  return kept;
}
