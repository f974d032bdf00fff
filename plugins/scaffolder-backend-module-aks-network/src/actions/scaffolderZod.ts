import type { createTemplateAction } from '@backstage/plugin-scaffolder-node';

type InputSchemaOption = NonNullable<
  NonNullable<Parameters<typeof createTemplateAction>[0]['schema']>['input']
>;

/**
 * The `z` the scaffolder hands to schema callbacks. It is the scaffolder's own copy of
 * zod (`zod/v3` of its zod 4), not this package's, so shared field callbacks are typed
 * with it rather than with an import of zod.
 */
export type ScaffolderZod = Parameters<
  Extract<InputSchemaOption, Record<string, unknown>>[string]
>[0];

/** A field of an action schema: a callback of the scaffolder's `z`. */
export type ScaffolderField = (
  z: ScaffolderZod,
) => InstanceType<ScaffolderZod['ZodType']>;
