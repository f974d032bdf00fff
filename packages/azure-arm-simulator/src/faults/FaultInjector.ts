import { ResourceGraphQuota } from '../resourceGraph/ResourceGraphQuota';
import { ArmError } from '../server/ArmError';
import { FaultSettings, OperationMatch } from './FaultSettings';
import { SeededRandom } from './SeededRandom';

/**
 * What happens to one ARM call.
 *
 * @public
 */
export type CallFault = 'none' | 'connectionReset' | 'throttle' | 'serverError';

/**
 * A fault as the call log records it: a drawn one, or a denied RBAC action.
 *
 * @public
 */
export type RecordedFault = Exclude<CallFault, 'none'> | 'authorizationFailed';

/** Object id the simulator names as the caller in `AuthorizationFailed` messages. */
export const SIMULATED_CALLER_OBJECT_ID =
  '5e1f0c4a-7d2b-4e6a-9c3f-0a8b1d2e3f40';

/** How a long-running operation on a resource will end. */
export type OperationOutcome =
  | { kind: 'normal'; durationMs?: number }
  | { kind: 'fail'; code: string; message: string }
  | { kind: 'stuck' };

/** The operation a fault is matched against. */
export interface OperationTarget {
  resourceName: string;
  /** The stored resource's ARM type. */
  resourceType: string;
  method: 'PUT' | 'DELETE';
}

function matches(match: OperationMatch, target: OperationTarget): boolean {
  return (
    new RegExp(match.resourceNamePattern, 'i').test(target.resourceName) &&
    (match.resourceType === undefined ||
      match.resourceType.toLowerCase() === target.resourceType.toLowerCase()) &&
    (match.method === undefined || match.method === target.method)
  );
}

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

  /**
   * Resource Graph's throttling answer: 429 `RateLimiting` with its own quota headers
   * (`x-ms-user-quota-remaining: 0`, `x-ms-user-quota-resets-after: hh:mm:ss`) and no
   * `Retry-After`, so a client must read the reset header
   * (https://learn.microsoft.com/azure/governance/resource-graph/concepts/guidance-for-throttled-requests).
   */
  resourceGraphThrottleError(): ArmError {
    const seconds = this.settings.throttleRetryAfterSeconds ?? 1;
    return new ArmError({
      statusCode: 429,
      code: 'RateLimiting',
      message: `Please provide below info when asking for support: timestamp, correlationId. Too many requests: the quota resets after ${seconds} second(s).`,
      headers: ResourceGraphQuota.throttled(seconds),
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

  /** Whether `deniedActions` takes `action` (a route's RBAC action) from the caller. */
  denies(action: string): boolean {
    return (this.settings.deniedActions ?? []).some(denied =>
      new RegExp(
        `^${denied
          .split('*')
          .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
        'i',
      ).test(action),
    );
  }

  /** ARM's answer to a principal without the role that grants `action` on `scope`. */
  authorizationFailed(action: string, scope: string): ArmError {
    return new ArmError({
      statusCode: 403,
      code: 'AuthorizationFailed',
      message: `The client '${SIMULATED_CALLER_OBJECT_ID}' with object id '${SIMULATED_CALLER_OBJECT_ID}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    });
  }

  /** The first matching fault decides: failing, then stuck, then slow operations. */
  operationOutcome(target: OperationTarget): OperationOutcome {
    const failing = this.settings.failOperations?.find(entry =>
      matches(entry, target),
    );
    if (failing) {
      return { kind: 'fail', code: failing.code, message: failing.message };
    }
    if (this.settings.stuckOperations?.some(entry => matches(entry, target))) {
      return { kind: 'stuck' };
    }
    const slow = this.settings.slowOperations?.find(entry =>
      matches(entry, target),
    );
    return slow
      ? { kind: 'normal', durationMs: slow.durationMs }
      : { kind: 'normal' };
  }
}
