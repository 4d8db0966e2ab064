import type { z } from 'zod';
import { fromZod } from './errors';

/** Validates a request part with its schema; a failure is a 400 naming each field. */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown, where = ''): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw fromZod(r.error, where);
  return r.data;
}
