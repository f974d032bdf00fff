/**
 * The message of a caught value: an error's `message`, anything else as text. The one
 * statement of what these plugins put into a log line or a stored failure. Not
 * `stringifyError` of `@backstage/errors`: that prefixes the error's name
 * (`Error: …`), which would change every message these plugins log and store.
 *
 * @public
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
