import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z, ZodIssue, ZodType, ZodTypeDef } from 'zod';

type ConfigData = ConstructorParameters<typeof ConfigReader>[0];

/**
 * `aksNetwork.addressPools.0.range` from the section key and a zod issue path (an
 * array item by its index after a dot, as the backend's cluster policy errors always
 * named them).
 *
 * @public
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

/**
 * A zod schema for a value that one of Backstage's own config readers reads (a task
 * schedule, a duration): the value is handed to `read` under `key`, and the reader's
 * error becomes an issue of the schema, so it is reported with the others under its
 * full key.
 *
 * @public
 */
export function backstageConfigValue<T>(
  key: string,
  read: (config: Config) => T,
): ZodType<T, ZodTypeDef, unknown> {
  return z.unknown().transform((value, ctx): T => {
    try {
      return read(new ConfigReader({ [key]: value } as ConfigData));
    } catch (error) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: (error as Error).message,
      });
      return z.NEVER;
    }
  });
}
