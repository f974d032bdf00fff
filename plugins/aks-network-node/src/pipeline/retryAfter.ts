import type { HttpHeaders } from '@azure/core-rest-pipeline';

/**
 * How long a response asks the client to wait, in milliseconds, or undefined if it
 * does not say.
 *
 * ARM answers 429 with `Retry-After` in seconds; some Azure services send the
 * millisecond headers `retry-after-ms` or `x-ms-retry-after-ms`, which are more precise
 * and so win; RFC 9110 also allows `Retry-After` as an HTTP date, read against `now`.
 * A date in the past means "now" (0).
 */
export function retryAfterMs(
  headers: HttpHeaders,
  now: number,
): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = headers.get(name)?.trim();
    if (value && /^\d+(\.\d+)?$/.test(value)) {
      return Math.ceil(Number(value));
    }
  }
  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(retryAfter)) {
    return Math.ceil(Number(retryAfter) * 1000);
  }
  // An HTTP date always names its day or month ("Wed, 26 Nov 2026 12:00:00 GMT");
  // without a letter, Date.parse would read "-3" as a year.
  const date = /[a-z]/i.test(retryAfter) ? Date.parse(retryAfter) : NaN;
  if (isNaN(date)) {
    return undefined;
  }
  return Math.max(0, date - now);
}
