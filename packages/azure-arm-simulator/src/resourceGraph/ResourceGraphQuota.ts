/**
 * Resource Graph's per-user quota as its headers report it: a budget of queries per
 * window (15 per 5 seconds by default), `x-ms-user-quota-remaining` and
 * `x-ms-user-quota-resets-after` (`hh:mm:ss`) on every answer
 * (https://learn.microsoft.com/azure/governance/resource-graph/concepts/guidance-for-throttled-requests).
 * The simulator reports the budget but refuses a query (429) only when the fault
 * injector throttles it, so tests decide when throttling happens.
 */
export const RESOURCE_GRAPH_QUOTA = 15;
export const RESOURCE_GRAPH_QUOTA_WINDOW_MS = 5000;

/** `hh:mm:ss`, as Resource Graph writes `x-ms-user-quota-resets-after`. */
export function formatResetsAfter(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(
    Math.floor((seconds % 3600) / 60),
  )}:${pad(seconds % 60)}`;
}

export class ResourceGraphQuota {
  private windowStart = 0;
  private used = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one query and answers the headers to send with it. */
  spend(): Record<string, string> {
    const now = this.now();
    if (now - this.windowStart >= RESOURCE_GRAPH_QUOTA_WINDOW_MS) {
      this.windowStart = now;
      this.used = 0;
    }
    this.used += 1;
    return this.headers(Math.max(0, RESOURCE_GRAPH_QUOTA - this.used));
  }

  /** The headers of a throttled answer: nothing left until `resetsAfterSeconds`. */
  static throttled(resetsAfterSeconds: number): Record<string, string> {
    return {
      'x-ms-user-quota-remaining': '0',
      'x-ms-user-quota-resets-after': formatResetsAfter(
        resetsAfterSeconds * 1000,
      ),
    };
  }

  private headers(remaining: number): Record<string, string> {
    return {
      'x-ms-user-quota-remaining': String(remaining),
      'x-ms-user-quota-resets-after': formatResetsAfter(
        this.windowStart + RESOURCE_GRAPH_QUOTA_WINDOW_MS - this.now(),
      ),
    };
  }
}
