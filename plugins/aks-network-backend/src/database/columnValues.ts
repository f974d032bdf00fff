/**
 * Reading column values the same way on both engines: better-sqlite3 returns a bound
 * Date as its epoch milliseconds and a boolean as 0/1, pg returns Date and boolean.
 */

/** A timestamp column as a Date. */
export function readTimestamp(value: unknown): Date {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'number') {
    return new Date(value);
  }
  if (typeof value === 'string') {
    // A numeric string can come from a bigint-returning driver setting.
    return /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
  }
  throw new TypeError(`Expected a timestamp column, got ${typeof value}`);
}

/** A nullable timestamp column as a Date or undefined. */
export function readOptionalTimestamp(value: unknown): Date | undefined {
  return value === null || value === undefined
    ? undefined
    : readTimestamp(value);
}

/** A boolean column. */
export function readBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** A nullable text column as a string or undefined. */
export function readOptionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Splits rows into batches for multi-row statements: SQLite caps bound variables per
 * statement (32,766 since 3.32, 999 before), so a big subscription is written in slices.
 */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  return batches;
}
