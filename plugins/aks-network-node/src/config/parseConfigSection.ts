import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { ZodIssue, ZodType, ZodTypeDef } from 'zod';

/**
 * `aksNetwork.addressPools.0.range` from the section key and a zod issue path (an
 * array item by its index after a dot, as the backend's cluster policy errors always
 * named them).
 */
export function configKeyOf(
  sectionKey: string,
  issuePath: ReadonlyArray<string | number>,
): string {
  return [sectionKey, ...issuePath].join('.');
}

function describeIssues(sectionKey: string, issues: ZodIssue[]): string {
  return issues
    .map(issue => `${configKeyOf(sectionKey, issue.path)}: ${issue.message}`)
    .join('; ');
}

/**
 * Parses the config at `sectionKey` (absent: `{}`) with `schema`. Anything wrong throws
 * one InputError, `<title>: <full key>: <problem>` for each problem, so a bad value
 * stops the backend at start-up naming the key rather than failing a later request.
 * Schemas phrase their own messages; none should repeat a secret's value.
 *
 * @public
 */
export function parseConfigSection<Output, Input = Output>(
  config: Config,
  sectionKey: string,
  schema: ZodType<Output, ZodTypeDef, Input>,
  title: string,
): Output {
  const raw = config.getOptional(sectionKey) ?? {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(
      `${title}: ${describeIssues(sectionKey, parsed.error.issues)}`,
    );
  }
  return parsed.data;
}
