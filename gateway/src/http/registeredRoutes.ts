import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { RouteTemplate } from './routeTemplates';

/**
 * The routes registered in the OpenAPI registry (every route documents itself there) as templates,
 * each parameter checked by the validator its route has for it.
 */
export function routeTemplatesOf(definitions: OpenAPIRegistry['definitions']): RouteTemplate[] {
  return definitions.flatMap((definition) => {
    if (definition.type !== 'route') return [];
    const { method, path, request } = definition.route;
    const params = request?.params;
    const shape: Record<string, unknown> = params instanceof z.ZodObject ? params.shape : {};
    return [
      {
        method: method.toUpperCase(),
        path,
        accepts: (parameter: string, value: string): boolean => {
          const schema = shape[parameter];
          return !(schema instanceof z.ZodType) || schema.safeParse(value).success;
        },
      },
    ];
  });
}
