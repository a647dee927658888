import type { JsonValue, KeptPlaceholder } from './placeholders';

/**
 * Who makes a call: the platform admin, a regulator, one of the story's two enterprises, the
 * elevator chapter's using unit, maintenance firm (two workers), inspection body and 96333 call centre, or anyone (no token).
 */
export type Caller = 'admin' | 'regulator' | 'importer' | 'retailer' | 'liftOwner' | 'liftFirm' | 'liftCoworker' | 'inspectionBody' | 'callCentre' | 'consumer';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One call of the example story: what is sent, by whom, and what the answer must hold. The OpenAPI
 * document shows it under its operation (filled with the document's values); the examples test sends
 * it to a running gateway (filled with the run's values) and checks the answer, so an example that
 * no longer holds fails a test instead of misleading a reader.
 */
export interface ExampleCall {
  /** What this step shows; the example's summary in the document. */
  title: string;
  method: HttpMethod;
  /** The operation's path template, e.g. `/coldchain/lots/{lotId}`; for an `unrouted` call, the path as sent. */
  path: string;
  /** Values of the template's parameters, percent-encoded when sent (a lot id's slashes too). */
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string>>;
  caller: Caller;
  headers?: Readonly<Record<string, string>>;
  /** A JSON body. */
  body?: JsonValue;
  status: number;
  /** What the JSON answer must contain: every member given, arrays holding a match for each item given. */
  response?: JsonValue;
  /** The media type of an answer that is not JSON (an image, an archive, a page), matched against the start of Content-Type. */
  contentType?: string;
  /** Headers the answer must carry, with these values. */
  responseHeaders?: Readonly<Record<string, string>>;
  /** Values later calls use: placeholder → where in the answer, `body.<path>` or `header.<name>`. */
  keep?: Readonly<Partial<Record<KeptPlaceholder, string>>>;
  /** Read from the projection, which follows the ledger by a block or so: retried until the answer matches. */
  eventual?: true;
  /** Shows how the gateway answers a path it does not route (a misencoded id, a method a path lacks): no operation shows it. */
  unrouted?: true;
}

/** The Idempotency-Key header of a write, new for each run so the ledger takes it as a new request. */
export const idempotencyKey = (name: string): Readonly<Record<string, string>> => ({ 'Idempotency-Key': `${name}-{run}` });

/** What programs send to the resolver to get JSON instead of the consumer page. */
export const ACCEPT_JSON: Readonly<Record<string, string>> = { Accept: 'application/json' };
