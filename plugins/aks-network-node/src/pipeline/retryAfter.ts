import type { HttpHeaders } from '@azure/core-rest-pipeline';

/**
 * How long a response asks the client to wait, in milliseconds, or undefined if it
 * does not say.
 *
 * ARM answers 429 with `Retry-After` in seconds; some Azure services send the
 * millisecond headers `retry-after-ms` or `x-ms-retry-after-ms`, which are more precise
 * and so win; RFC 9110 also allows `Retry-After` as an HTTP date, read against `now`.
 * A date in the past means "now" (0). Azure Resource Graph says neither when it throttles:
 * its 429 carries `x-ms-user-quota-remaining: 0` and `x-ms-user-quota-resets-after`
 * (`hh:mm:ss`), read when no `Retry-After` is sent
 * (https://learn.microsoft.com/azure/governance/resource-graph/concepts/guidance-for-throttled-requests).
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
    return quotaResetMs(headers);
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

/** Resource Graph's `x-ms-user-quota-resets-after` (`hh:mm:ss`) once the quota is spent. */
function quotaResetMs(headers: HttpHeaders): number | undefined {
  if (headers.get('x-ms-user-quota-remaining')?.trim() !== '0') {
    return undefined;
  }
  const match = /^(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/.exec(
    headers.get('x-ms-user-quota-resets-after')?.trim() ?? '',
  );
  if (!match) {
    return undefined;
  }
  const [, hours, minutes, seconds] = match;
  return Math.ceil(
    (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000,
  );
}
