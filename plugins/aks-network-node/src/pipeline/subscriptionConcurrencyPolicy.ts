import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';

/**
 * Name of the policy returned by {@link subscriptionConcurrencyPolicy}.
 *
 * @public
 */
export const subscriptionConcurrencyPolicyName =
  'aksNetworkSubscriptionConcurrencyPolicy';

/**
 * The subscription id in an ARM URL (`…/subscriptions/{id}/…`), lower-cased, or
 * undefined for tenant-level calls such as listing subscriptions.
 */
export function subscriptionIdOfUrl(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = /\/subscriptions\/([^/]+)/i.exec(pathname);
  return match ? decodeURIComponent(match[1]).toLowerCase() : undefined;
}

/**
 * A policy that bounds concurrency per subscription, with a way to look inside.
 *
 * @public
 */
export interface SubscriptionConcurrencyPolicy extends PipelinePolicy {
  /** Requests holding a slot now for a subscription (or tenant-level, when undefined). */
  inFlight(subscriptionId: string | undefined): number;
}

// Tenant-level calls (subscription discovery) share one limiter of their own.
const TENANT_KEY = '';

/**
 * Lets at most `maxConcurrency` calls per subscription run at once; others queue.
 *
 * Why per subscription: ARM throttles reads and writes per subscription (and principal),
 * so one busy subscription must not starve the others, and many clusters in one
 * subscription must not exhaust its budget at once.
 *
 * Installed outside the retry policy, so a call keeps its slot while it waits out a
 * `Retry-After`: a 429 applies to the whole subscription, and handing the slot to the
 * next call would just send that call into the same throttle. One instance is shared
 * by every client of the same subscription so the bound holds across clients.
 *
 * @public
 */
export function subscriptionConcurrencyPolicy(options: {
  maxConcurrency: number;
}): SubscriptionConcurrencyPolicy {
  const limiters = new Map<string, ConcurrencyLimiter>();

  return {
    name: subscriptionConcurrencyPolicyName,
    inFlight(subscriptionId) {
      return (
        limiters.get(subscriptionId?.toLowerCase() ?? TENANT_KEY)?.inFlight ?? 0
      );
    },
    async sendRequest(request, next) {
      const key = subscriptionIdOfUrl(request.url) ?? TENANT_KEY;
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter = new ConcurrencyLimiter(options.maxConcurrency);
        limiters.set(key, limiter);
      }
      const release = await limiter.acquire(request.abortSignal);
      try {
        return await next(request);
      } finally {
        release();
        // Forget idle subscriptions so the map does not grow with every one ever seen.
        if (limiter.idle) {
          limiters.delete(key);
        }
      }
    },
  };
}
