import { ArmCallMetrics } from './ArmCallMetrics';

describe('ArmCallMetrics', () => {
  it('counts by status class and resets', () => {
    const metrics = new ArmCallMetrics();
    metrics.recordCall();
    for (const status of [200, 201, 204, 302, 404, 429, 500, 503]) {
      metrics.recordRequest();
      metrics.recordResponse(status);
    }
    metrics.recordNetworkError();
    metrics.recordRetry({ delayMs: 2000, fromRetryAfter: true });
    metrics.recordRetry({ delayMs: 300, fromRetryAfter: false });
    const snapshot = metrics.snapshot();
    expect(snapshot).toEqual({
      calls: 1,
      requests: 8,
      responses: { '1xx': 0, '2xx': 3, '3xx': 1, '4xx': 2, '5xx': 2 },
      networkErrors: 1,
      retries: 2,
      throttled: 1,
      retryAfterWaitedMs: 2000,
      backoffWaitedMs: 300,
      failedCalls: 0,
    });
    metrics.reset();
    expect(metrics.requests).toBe(0);
    // A snapshot is a copy, not a view.
    expect(snapshot.requests).toBe(8);
  });
});
