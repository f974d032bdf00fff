import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Parses a request body; the first problem becomes a 400 that names its field. */
export function parseBody<T extends z.ZodTypeAny>(
  schema: T,
  body: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => {
      const field =
        issue.code === 'unrecognized_keys'
          ? issue.keys.join(', ')
          : issue.path.join('.') || '(body)';
      return `${field}: ${issue.message}`;
    });
    throw new InputError(`Invalid request body: ${problems.join('; ')}`);
  }
  return parsed.data;
}
