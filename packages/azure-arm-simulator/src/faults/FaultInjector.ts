import { ArmError } from '../server/ArmError';
import { FaultSettings } from './FaultSettings';
import { SeededRandom } from './SeededRandom';

/** What happens to one ARM call. */
export type CallFault = 'none' | 'connectionReset' | 'throttle' | 'serverError';

/** How a long-running operation on a resource will end. */
export type OperationOutcome =
  | { kind: 'normal' }
  | { kind: 'fail'; code: string; message: string }
  | { kind: 'stuck' };

/**
 * Decides, per ARM call, whether to delay it, reset its connection, throttle it (429)
 * or fail it (500), and how long-running operations end. One seeded draw per call.
 */
export class FaultInjector {
  private settings: FaultSettings = {};
  private random = new SeededRandom(1);

  constructor(settings?: FaultSettings) {
    this.set(settings ?? {});
  }

  set(settings: FaultSettings): void {
    this.settings = { ...settings };
    this.random = new SeededRandom(settings.seed ?? 1);
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  private applies(method: string, path: string): boolean {
    const { pathPattern, methods } = this.settings;
    if (methods && !methods.includes(method.toUpperCase())) {
      return false;
    }
    return !pathPattern || new RegExp(pathPattern, 'i').test(path);
  }

  latencyFor(method: string, path: string): number {
    return this.applies(method, path) ? this.settings.latencyMs ?? 0 : 0;
  }

  /** Draws the fate of a call. Calls outside `pathPattern`/`methods` draw nothing. */
  decide(method: string, path: string): CallFault {
    const reset = this.settings.connectionResetRate ?? 0;
    const throttle = this.settings.throttleRate ?? 0;
    const serverError = this.settings.serverErrorRate ?? 0;
    if (reset + throttle + serverError === 0 || !this.applies(method, path)) {
      return 'none';
    }
    const draw = this.random.next();
    if (draw < reset) {
      return 'connectionReset';
    }
    if (draw < reset + throttle) {
      return 'throttle';
    }
    if (draw < reset + throttle + serverError) {
      return 'serverError';
    }
    return 'none';
  }

  /**
   * ARM's throttling answer: 429 with `Retry-After` (seconds) and the remaining-quota
   * header at 0. Subscription-scoped calls get `SubscriptionRequestsThrottled`, as ARM
   * sends when a subscription's read or write budget is spent.
   */
  throttleError(method: string, subscriptionId: string | undefined): ArmError {
    const retryAfter = String(this.settings.throttleRetryAfterSeconds ?? 1);
    const reads = method === 'GET';
    const quotaHeader = reads
      ? 'x-ms-ratelimit-remaining-subscription-reads'
      : 'x-ms-ratelimit-remaining-subscription-writes';
    if (subscriptionId) {
      return new ArmError({
        statusCode: 429,
        code: 'SubscriptionRequestsThrottled',
        message: `Number of '${
          reads ? 'read' : 'write'
        }' requests for subscription '${subscriptionId}' actually exceeded the limit. Please try again after '${retryAfter}' seconds.`,
        headers: { 'Retry-After': retryAfter, [quotaHeader]: '0' },
      });
    }
    return new ArmError({
      statusCode: 429,
      code: 'TooManyRequests',
      message: `Too many requests. Please try again after '${retryAfter}' seconds.`,
      headers: { 'Retry-After': retryAfter, [quotaHeader]: '0' },
    });
  }

  serverError(trackingId: string): ArmError {
    return new ArmError({
      statusCode: 500,
      code: 'InternalServerError',
      message: `Encountered internal server error. Diagnostic information: timestamp '${new Date()
        .toISOString()
        .replace(/[-:]/g, '')
        .slice(0, 15)}Z', tracking id '${trackingId}'.`,
    });
  }

  operationOutcome(resourceName: string): OperationOutcome {
    const failing = this.settings.failOperations?.find(entry =>
      new RegExp(entry.resourceNamePattern, 'i').test(resourceName),
    );
    if (failing) {
      return { kind: 'fail', code: failing.code, message: failing.message };
    }
    const stuck = this.settings.stuckOperations?.some(entry =>
      new RegExp(entry.resourceNamePattern, 'i').test(resourceName),
    );
    return stuck ? { kind: 'stuck' } : { kind: 'normal' };
  }
}
