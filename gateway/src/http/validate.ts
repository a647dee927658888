import type { Request } from 'express';
import type { z } from 'zod';

/** Parses a request body with a model schema; a ZodError becomes a 400 naming each bad field. */
export function bodyOf<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  return schema.parse(request.body ?? {});
}
