import { unsafeTextProblem } from '@aks-network/plugin-aks-network-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

/**
 * Request text that reaches the store, a log line or a message: 1 to `max` characters
 * without control or bidirectional-formatting characters (a NUL alone makes
 * PostgreSQL refuse the statement; a newline forges a log line).
 */
export function safeText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      const problem = unsafeTextProblem(text);
      if (problem) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      }
    });
}

/**
 * A paging number of a query (`limit`, `offset`): digits only, within `min`–`max`, so
 * `1e20`, `-0`, `0x10` or `1.5` are refused by name before they reach SQL.
 */
export function queryInteger(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, 'expected a whole number of at most 9 digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** An entity ref as the catalog parses it (`component:default/name`), safe text. */
export const entityRefText = safeText(512).refine(
  ref => {
    try {
      parseEntityRef(ref);
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be an entity ref such as 'component:default/name'" },
);
