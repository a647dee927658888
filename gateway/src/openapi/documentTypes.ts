import type { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

/** The generated OpenAPI 3.1 document and its parts, as the post-processing steps change them. */
export type ApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;
export type PathItem = NonNullable<ApiDocument['paths']>[string];
export type Operation = NonNullable<PathItem['get']>;
export type Parameter = NonNullable<Operation['parameters']>[number];
type RequestBodyOrReference = NonNullable<Operation['requestBody']>;
export type MediaType = Extract<RequestBodyOrReference, { content: unknown }>['content'][string];
export type ApiResponse = Exclude<NonNullable<NonNullable<Operation['responses']>['default']>, Reference>;

export interface Reference {
  $ref: string;
}

export const isReference = (value: object): value is Reference => '$ref' in value;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every operation of the document with its method and path template. */
export function operationsIn(document: ApiDocument): { method: (typeof METHODS)[number]; path: string; operation: Operation }[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method, path, operation }] : [];
    }),
  );
}

/** The operation's response for a status, created with this description when the operation had none. */
export function responseFor(operation: Operation, status: number, description: string): ApiResponse | undefined {
  const responses = (operation.responses ??= {});
  const existing = responses[String(status)] as ApiResponse | Reference | undefined;
  if (existing === undefined) {
    const created: ApiResponse = { description };
    responses[String(status)] = created;
    return created;
  }
  return isReference(existing) ? undefined : existing;
}
