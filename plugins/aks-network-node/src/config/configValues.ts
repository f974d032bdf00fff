import { z } from 'zod';

/**
 * A number of a config schema. Backstage config substitutes `${VAR}` as strings, so a
 * number may arrive as text (as `Config.getNumber` accepted it): a numeric string is
 * read as its number, anything else is left for `schema` to refuse.
 *
 * @public
 */
export function configNumber<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess(
    value =>
      typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value))
        ? Number(value)
        : value,
    schema,
  );
}

/**
 * A boolean of a config schema: a substituted `${VAR}` arrives as the text "true" or
 * "false" (any case, spaces around), read as its boolean.
 *
 * @public
 */
export function configBoolean() {
  return z.preprocess(value => {
    if (typeof value !== 'string') {
      return value;
    }
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === 'false') {
      return text === 'true';
    }
    return value;
  }, z.boolean());
}
