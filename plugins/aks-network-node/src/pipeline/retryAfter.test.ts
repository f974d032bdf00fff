import { createHttpHeaders } from '@azure/core-rest-pipeline';
import { retryAfterMs } from './retryAfter';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('retryAfterMs', () => {
  it.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'Retry-After': '0' }, 0],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': new Date(NOW + 7000).toUTCString() }, 7000],
    [{ 'retry-after': new Date(NOW - 7000).toUTCString() }, 0],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'x-ms-retry-after-ms': '1200', 'retry-after': '9' }, 1200],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after': '-3' }, undefined],
    [{}, undefined],
    [
      {
        'x-ms-user-quota-remaining': '0',
        'x-ms-user-quota-resets-after': '00:00:03',
      },
      3000,
    ],
    [
      {
        'x-ms-user-quota-remaining': '0',
        'x-ms-user-quota-resets-after': '01:02:03.5',
      },
      3723500,
    ],
    [
      {
        'x-ms-user-quota-remaining': '0',
        'x-ms-user-quota-resets-after': '00:00:03',
        'retry-after': '1',
      },
      1000,
    ],
    // Quota left: the reset says when the window ends, not when to retry.
    [
      {
        'x-ms-user-quota-remaining': '4',
        'x-ms-user-quota-resets-after': '00:00:03',
      },
      undefined,
    ],
    [
      {
        'x-ms-user-quota-remaining': '0',
        'x-ms-user-quota-resets-after': 'soon',
      },
      undefined,
    ],
  ])('reads %j as %s ms', (headers, expected) => {
    expect(retryAfterMs(createHttpHeaders(headers), NOW)).toBe(expected);
  });
});
