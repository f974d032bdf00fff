import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Parses request input (a body or a query) with a zod schema; every problem becomes
 * part of one 400 that names its field.
 */
export function parseRequestInput<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: 'request body' | 'query',
): z.infer<T> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => {
      const field =
        issue.code === 'unrecognized_keys'
          ? issue.keys.join(', ')
          : issue.path.join('.') || `(${what})`;
      return `${field}: ${issue.message}`;
    });
    throw new InputError(`Invalid ${what}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Parses a request body; see {@link parseRequestInput}. */
export function parseBody<T extends z.ZodTypeAny>(
  schema: T,
  body: unknown,
): z.infer<T> {
  return parseRequestInput(schema, body, 'request body');
}
