/**
 * A point-in-time copy of {@link ArmCallMetrics}.
 *
 * @public
 */
export interface ArmCallMetricsSnapshot {
  /** Calls made by SDK operations (each may take several requests). */
  calls: number;
  /** HTTP requests sent to Resource Manager, retries included. */
  requests: number;
  /** Responses by status class. */
  responses: {
    '1xx': number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
  };
  /** Requests that got no response (connection reset, timeout, refused). */
  networkErrors: number;
  /** Requests sent again after a retryable failure. */
  retries: number;
  /** 429 responses. */
  throttled: number;
  /** Time spent waiting because a 429 (or 5xx) said `Retry-After`. */
  retryAfterWaitedMs: number;
  /** Time spent in exponential backoff (no `Retry-After`). */
  backoffWaitedMs: number;
  /** Calls that ended in a failure after retries, or without retry. */
  failedCalls: number;
}

type StatusClass = keyof ArmCallMetricsSnapshot['responses'];

/**
 * Counts what the pipeline policies did, so a benchmark or the sync task can report
 * how many Resource Manager requests a run took and how much it was throttled.
 * One instance is shared by every client of one `createArmClients` call.
 *
 * @public
 */
export class ArmCallMetrics {
  private counts: ArmCallMetricsSnapshot = ArmCallMetrics.empty();

  private static empty(): ArmCallMetricsSnapshot {
    return {
      calls: 0,
      requests: 0,
      responses: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
      networkErrors: 0,
      retries: 0,
      throttled: 0,
      retryAfterWaitedMs: 0,
      backoffWaitedMs: 0,
      failedCalls: 0,
    };
  }

  /** The counters now; later calls do not change the returned object. */
  snapshot(): ArmCallMetricsSnapshot {
    return { ...this.counts, responses: { ...this.counts.responses } };
  }

  /** Sets every counter back to zero, e.g. between benchmark rounds. */
  reset(): void {
    this.counts = ArmCallMetrics.empty();
  }

  recordCall(): void {
    this.counts.calls += 1;
  }

  recordFailedCall(): void {
    this.counts.failedCalls += 1;
  }

  recordRequest(): void {
    this.counts.requests += 1;
  }

  recordResponse(status: number): void {
    const statusClass = `${Math.floor(status / 100)}xx`;
    if (statusClass in this.counts.responses) {
      this.counts.responses[statusClass as StatusClass] += 1;
    }
    if (status === 429) {
      this.counts.throttled += 1;
    }
  }

  recordNetworkError(): void {
    this.counts.networkErrors += 1;
  }

  recordRetry(wait: { delayMs: number; fromRetryAfter: boolean }): void {
    this.counts.retries += 1;
    if (wait.fromRetryAfter) {
      this.counts.retryAfterWaitedMs += wait.delayMs;
    } else {
      this.counts.backoffWaitedMs += wait.delayMs;
    }
  }

  get calls(): number {
    return this.counts.calls;
  }
  get requests(): number {
    return this.counts.requests;
  }
  get retries(): number {
    return this.counts.retries;
  }
  get throttled(): number {
    return this.counts.throttled;
  }
  get retryAfterWaitedMs(): number {
    return this.counts.retryAfterWaitedMs;
  }
}
