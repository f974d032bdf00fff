/**
 * JSON as ARM sends and receives it. Resources are kept in their REST shape (the
 * `properties` envelope of the published API) so the simulator returns exactly what
 * a client of real ARM would read, including properties it does not interpret.
 */

/** Any JSON value. @public */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | JsonObject;

/** A JSON object; `undefined` marks an absent optional property. @public */
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object under `key`, or undefined. */
export function objectAt(
  source: JsonObject | undefined,
  key: string,
): JsonObject | undefined {
  const value = source?.[key];
  return isJsonObject(value) ? value : undefined;
}

/** The string under `key`, or undefined. */
export function stringAt(
  source: JsonObject | undefined,
  key: string,
): string | undefined {
  const value = source?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The number under `key`, or undefined. */
export function numberAt(
  source: JsonObject | undefined,
  key: string,
): number | undefined {
  const value = source?.[key];
  return typeof value === 'number' ? value : undefined;
}

/** The boolean under `key`, or undefined. */
export function booleanAt(
  source: JsonObject | undefined,
  key: string,
): boolean | undefined {
  const value = source?.[key];
  return typeof value === 'boolean' ? value : undefined;
}

/** The array under `key`, or undefined. */
export function arrayAt(
  source: JsonObject | undefined,
  key: string,
): JsonValue[] | undefined {
  const value = source?.[key];
  return Array.isArray(value) ? value : undefined;
}

/** The objects of the array under `key` (non-objects skipped). */
export function objectsAt(
  source: JsonObject | undefined,
  key: string,
): JsonObject[] {
  return (arrayAt(source, key) ?? []).filter(isJsonObject);
}

/** The strings of the array under `key` (non-strings skipped). */
export function stringsAt(
  source: JsonObject | undefined,
  key: string,
): string[] {
  return (arrayAt(source, key) ?? []).filter(
    (v): v is string => typeof v === 'string',
  );
}

/** A deep copy, so stored state never shares objects with a request or a reply. */
export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/** Drops properties whose value is undefined (JSON.stringify would anyway). */
export function compact(source: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined) {
      result[key] = value;
    }
  }
  return result;
}
