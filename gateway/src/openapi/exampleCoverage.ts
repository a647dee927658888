import type { ExampleCall } from './exampleCall';

/** The `paths` of an OpenAPI document, as far as coverage needs them. */
export type DocumentPaths = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The members of an OpenAPI path item that are operations (the rest are summaries, parameters…). */
const OPERATION_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** How an operation is named in test failures and coverage lists, e.g. `GET /coldchain/lots/{lotId}`. */
export const operationName = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

/** Every operation of the document, by name. */
export function operationsOf(paths: DocumentPaths): string[] {
  return Object.entries(paths).flatMap(([path, item]) => Object.keys(item).filter((key) => OPERATION_METHODS.has(key)).map((method) => operationName(method, path)));
}

type Located = Pick<ExampleCall, 'method' | 'path' | 'unrouted'>;

const routedNames = (examples: readonly Located[]): Set<string> => new Set(examples.filter((e) => !e.unrouted).map((e) => operationName(e.method, e.path)));

/**
 * The operations no example shows: each must have one, so that the document can show it and the
 * examples test can send it.
 */
export function operationsWithoutExample(paths: DocumentPaths, examples: readonly Located[]): string[] {
  const shown = routedNames(examples);
  return operationsOf(paths).filter((name) => !shown.has(name));
}

/** Examples (other than `unrouted` ones) that name no operation of the document: a mistyped path, or a route gone. */
export function examplesWithoutOperation(paths: DocumentPaths, examples: readonly Located[]): string[] {
  const operations = new Set(operationsOf(paths));
  return [...routedNames(examples)].filter((name) => !operations.has(name));
}
