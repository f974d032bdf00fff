import type {
  StandardJSONSchemaV1,
  StandardSchemaV1,
} from '@standard-schema/spec';

/**
 * The parameters of a rule that takes one list of strings, e.g. `{ claims: [...] }`,
 * as a Standard Schema with its JSON Schema, which is what
 * `@backstage/plugin-permission-node` validates rule parameters with and shows in its
 * metadata. Written out rather than with this package's zod 3: permission-node types
 * its schemas with zod 4, and mixing the two makes the compiler compare both zods
 * structurally without end.
 */
export function listParams<const TKey extends string>(
  key: TKey,
  description: string,
): StandardSchemaV1<Record<TKey, string[]>> &
  StandardJSONSchemaV1<Record<TKey, string[]>> {
  const jsonSchema = () => ({
    type: 'object',
    properties: {
      [key]: { type: 'array', items: { type: 'string' }, description },
    },
    required: [key],
    additionalProperties: false,
  });
  return {
    '~standard': {
      version: 1,
      vendor: 'aks-network',
      validate(value: unknown) {
        const list =
          typeof value === 'object' && value !== null
            ? (value as Record<string, unknown>)[key]
            : undefined;
        const extra =
          typeof value === 'object' && value !== null
            ? Object.keys(value).filter(name => name !== key)
            : [];
        if (
          !Array.isArray(list) ||
          !list.every(item => typeof item === 'string') ||
          extra.length > 0
        ) {
          return {
            issues: [
              {
                message: `expected { ${key}: string[] } and nothing else`,
                path: [key],
              },
            ],
          };
        }
        return { value: { [key]: list } as Record<TKey, string[]> };
      },
      jsonSchema: { input: jsonSchema, output: jsonSchema },
    },
  };
}
