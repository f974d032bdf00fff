import { randomUUID } from 'node:crypto';
import { JsonObject } from '../json/JsonValue';
import { FaultInjector } from '../faults/FaultInjector';

/** Status values of an ARM asynchronous operation. @public */
export type AsyncOperationStatus = 'InProgress' | 'Succeeded' | 'Failed';

/** A long-running operation started by a PUT or DELETE. @public */
export interface AsyncOperation {
  id: string;
  /** The provider that owns the status URL. */
  namespace: 'Microsoft.ContainerService' | 'Microsoft.Network';
  subscriptionId: string;
  location: string;
  resourceId: string;
  method: 'PUT' | 'DELETE';
  apiVersion: string;
  status: AsyncOperationStatus;
  startTime: string;
  endTime?: string;
  error?: { code: string; message: string };
  /** When the operation settles (epoch ms); undefined for one that never ends. */
  settlesAt?: number;
}

/** What an operation does to its resource when it ends. */
export interface OperationEffects {
  succeeded(): void;
  failed(error: { code: string; message: string }): void;
}

/**
 * Long-running operations as ARM runs them: the PUT/DELETE answers at once with an
 * `Azure-AsyncOperation` status URL, the status is `InProgress` for the configured
 * duration, then `Succeeded` or `Failed` (with `error: { code, message }`), and the
 * resource's provisioningState follows.
 */
export class AsyncOperations {
  private readonly operations = new Map<string, AsyncOperation>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly durationMs: () => number,
    private readonly faults: FaultInjector,
  ) {}

  start(options: {
    namespace: AsyncOperation['namespace'];
    subscriptionId: string;
    location: string;
    resourceId: string;
    resourceName: string;
    /** The resource's ARM type, which operation faults may name. */
    resourceType: string;
    method: AsyncOperation['method'];
    apiVersion: string;
    effects: OperationEffects;
  }): AsyncOperation {
    const outcome = this.faults.operationOutcome({
      resourceName: options.resourceName,
      resourceType: options.resourceType,
      method: options.method,
    });
    const duration =
      outcome.kind === 'normal' && outcome.durationMs !== undefined
        ? outcome.durationMs
        : this.durationMs();
    const operation: AsyncOperation = {
      id: randomUUID(),
      namespace: options.namespace,
      subscriptionId: options.subscriptionId,
      location: options.location.toLowerCase().replace(/\s+/g, ''),
      resourceId: options.resourceId,
      method: options.method,
      apiVersion: options.apiVersion,
      status: 'InProgress',
      startTime: new Date().toISOString(),
      settlesAt: outcome.kind === 'stuck' ? undefined : Date.now() + duration,
    };
    this.operations.set(operation.id.toLowerCase(), operation);
    if (outcome.kind !== 'stuck') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        operation.endTime = new Date().toISOString();
        if (outcome.kind === 'fail') {
          operation.status = 'Failed';
          operation.error = { code: outcome.code, message: outcome.message };
          options.effects.failed(operation.error);
        } else {
          operation.status = 'Succeeded';
          options.effects.succeeded();
        }
      }, duration);
      // A pending operation must not keep a test process or the CLI alive on exit.
      timer.unref();
      this.timers.add(timer);
    }
    return operation;
  }

  get(id: string): AsyncOperation | undefined {
    return this.operations.get(id.toLowerCase());
  }

  /** Operations not yet settled on a resource (a second PUT on it is a conflict). */
  inProgressOn(resourceId: string): AsyncOperation | undefined {
    const key = resourceId.toLowerCase();
    return [...this.operations.values()].find(
      op => op.status === 'InProgress' && op.resourceId.toLowerCase() === key,
    );
  }

  all(): AsyncOperation[] {
    return [...this.operations.values()].map(op => ({ ...op }));
  }

  clear(): void {
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    this.operations.clear();
  }

  /** `…/providers/{ns}/locations/{loc}/operations/{id}` (what Azure-AsyncOperation points at). */
  statusPath(operation: AsyncOperation): string {
    return `/subscriptions/${operation.subscriptionId}/providers/${operation.namespace}/locations/${operation.location}/operations/${operation.id}`;
  }

  /** `…/locations/{loc}/operationresults/{id}` (what Location points at). */
  resultPath(operation: AsyncOperation): string {
    return `/subscriptions/${operation.subscriptionId}/providers/${operation.namespace}/locations/${operation.location}/operationresults/${operation.id}`;
  }

  /**
   * The headers of an LRO answer. `Retry-After` is the time left in whole seconds, at
   * most 1, so clients poll quickly against the simulator (the SDK otherwise waits
   * 2 s between polls).
   */
  headers(baseUrl: string, operation: AsyncOperation): Record<string, string> {
    const query = `?api-version=${operation.apiVersion}`;
    return {
      'Azure-AsyncOperation': `${baseUrl}${this.statusPath(operation)}${query}`,
      Location: `${baseUrl}${this.resultPath(operation)}${query}`,
      'Retry-After': String(this.retryAfterSeconds(operation)),
    };
  }

  retryAfterSeconds(operation: AsyncOperation): number {
    if (operation.settlesAt === undefined) {
      return 1;
    }
    return Math.min(
      1,
      Math.max(0, Math.round((operation.settlesAt - Date.now()) / 1000)),
    );
  }

  /** The body of the status URL, as each provider shapes it. */
  statusBody(operation: AsyncOperation): JsonObject {
    const body: JsonObject =
      operation.namespace === 'Microsoft.ContainerService'
        ? {
            id: this.statusPath(operation),
            name: operation.id,
            status: operation.status,
            startTime: operation.startTime,
            endTime: operation.endTime,
          }
        : { status: operation.status };
    if (operation.error) {
      body.error = {
        code: operation.error.code,
        message: operation.error.message,
        details: [],
      };
    }
    return body;
  }
}
