import { IncomingHttpHeaders } from 'node:http';
import { JsonValue } from '../json/JsonValue';
import type { SimulatorContext } from './SimulatorContext';

/**
 * The resource provider a route belongs to; it decides the accepted api-versions.
 *
 * @public
 */
export type ArmProvider =
  | 'Microsoft.Resources'
  | 'Microsoft.ContainerService'
  | 'Microsoft.Network'
  | 'Microsoft.ResourceGraph';

/** A request as a route handler sees it. */
export interface ArmRequest {
  method: string;
  /** The path as sent (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (PUT/PATCH/POST), undefined when empty. */
  body: JsonValue | undefined;
  /** `https://host:port` as the client addressed the simulator (for nextLink and LRO URLs). */
  baseUrl: string;
  apiVersion: string;
  /** The decoded `{placeholders}` of the route template, in order. */
  params: string[];
  /**
   * Whether the caller holds `action` (fault injection's `deniedActions` takes it
   * away), for a route that answers about other resources than its own: Resource
   * Graph returns only the rows the caller may read.
   */
  allows(action: string): boolean;
}

/** What a handler answers. */
export interface ArmReply {
  status: number;
  body?: JsonValue;
  headers?: Record<string, string>;
}

/** One ARM operation the simulator serves. */
export interface ArmRoute {
  method: 'GET' | 'PUT' | 'DELETE' | 'PATCH' | 'POST';
  /** The SDK's URL template, e.g. `/subscriptions/{subscriptionId}/providers/…`. */
  template: string;
  /** Name used in call counts, e.g. `managedClusters.list`. */
  kind: string;
  provider: ArmProvider;
  /**
   * The Azure RBAC action ARM checks before the call, e.g.
   * `Microsoft.ContainerService/managedClusters/read` or
   * `…/managedClusters/listClusterUserCredential/action`.
   */
  action: string;
  pattern: RegExp;
  handle(
    request: ArmRequest,
    context: SimulatorContext,
  ): ArmReply | Promise<ArmReply>;
}

/**
 * Declares a route from the SDK's path template. Matching is case-insensitive because
 * ARM treats resource ids (provider namespaces, types, names) case-insensitively.
 */
export function route(
  method: ArmRoute['method'],
  template: string,
  kind: string,
  handle: ArmRoute['handle'],
): ArmRoute {
  const source = template
    .split(/(\{[^}]+\})/)
    .map(part =>
      part.startsWith('{')
        ? '([^/]+)'
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return {
    method,
    template,
    kind,
    provider: providerOf(template),
    action: rbacActionOf(method, template),
    pattern: new RegExp(`^${source}/?$`, 'i'),
    handle,
  };
}

/** The provider a path or template belongs to, from its `Microsoft.*` namespace. */
export function providerOf(template: string): ArmProvider {
  if (/Microsoft\.ContainerService/i.test(template)) {
    return 'Microsoft.ContainerService';
  }
  if (/Microsoft\.Network/i.test(template)) {
    return 'Microsoft.Network';
  }
  if (/Microsoft\.ResourceGraph/i.test(template)) {
    return 'Microsoft.ResourceGraph';
  }
  return 'Microsoft.Resources';
}

const ACTION_VERBS: Record<ArmRoute['method'], string> = {
  GET: 'read',
  PUT: 'write',
  PATCH: 'write',
  DELETE: 'delete',
  POST: 'action',
};

/**
 * The RBAC action of a route, as role definitions name it: the provider namespace and
 * the resource types of the path (names left out), then `read`, `write`, `delete`, or
 * for a POST the action's own name and `action`. Paths without a provider belong to
 * `Microsoft.Resources` (`Microsoft.Resources/subscriptions/resourceGroups/read`).
 */
export function rbacActionOf(
  method: ArmRoute['method'],
  template: string,
): string {
  const literals = template
    .split('/')
    .filter(part => part !== '' && !part.startsWith('{'));
  const providers = literals.findIndex(
    part => part.toLowerCase() === 'providers',
  );
  const types =
    providers >= 0
      ? literals.slice(providers + 1)
      : ['Microsoft.Resources', ...literals];
  return [...types, ACTION_VERBS[method]].join('/');
}
