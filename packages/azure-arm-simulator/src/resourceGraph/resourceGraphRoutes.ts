import { cloneJson, isJsonObject, JsonObject } from '../json/JsonValue';
import { nsgView } from '../resources/NetworkSecurityGroups';
import { vnetView } from '../resources/VirtualNetworks';
import { ArmError } from '../server/ArmError';
import { ArmRoute, route } from '../server/ArmRoute';
import { SimulatorContext } from '../server/SimulatorContext';
import { ArmResourceJson } from '../state/SimulatorState';
import {
  invalidQuery,
  parseResourceGraphQuery,
  ResourceGraphQuery,
} from './ResourceGraphQuery';
import { ResourceGraphQuota } from './ResourceGraphQuota';

/** Rows a page holds unless `$top` says fewer; Resource Graph's own default. */
const DEFAULT_TOP = 100;
/** The most `$top` may ask for. */
const MAX_TOP = 1000;

const quotas = new WeakMap<SimulatorContext, ResourceGraphQuota>();

/** A resource's properties as its provider's GET answers them (VNets hold their subnets). */
const VIEWS: Record<
  string,
  (context: SimulatorContext, resource: ArmResourceJson) => JsonObject
> = {
  'microsoft.network/virtualnetworks': vnetView,
  'microsoft.network/networksecuritygroups': nsgView,
};

function resourceGroupOf(id: string): string {
  return (/\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '').toLowerCase();
}

/**
 * One row: the resource as its GET returns it, with the columns Resource Graph adds
 * (`subscriptionId`, `resourceGroup`, `tenantId`) and its lower-case `type`
 * (https://learn.microsoft.com/azure/governance/resource-graph/concepts/query-language#resource-graph-tables).
 */
function resourceRow(
  context: SimulatorContext,
  subscriptionId: string,
  resource: ArmResourceJson,
): JsonObject {
  const type = resource.type.toLowerCase();
  const view = VIEWS[type]?.(context, resource) ?? cloneJson(resource);
  return {
    ...view,
    id: resource.id,
    name: resource.name,
    type,
    tenantId: context.tenantId,
    subscriptionId,
    resourceGroup: resourceGroupOf(resource.id),
    location: view.location ?? '',
    properties: isJsonObject(view.properties) ? view.properties : {},
    tags: isJsonObject(view.tags) ? view.tags : {},
  };
}

/**
 * The read action of a resource type, as role definitions name it: the provider's
 * casing from the resource itself (`Microsoft.Network/networkWatchers/flowLogs/read`).
 */
function readActionOf(resource: ArmResourceJson): string {
  return `${resource.type}/read`;
}

/**
 * The rows of the query. Resource Graph returns only the resources the caller may
 * read and says nothing of the others
 * (https://learn.microsoft.com/azure/governance/resource-graph/overview#permissions-in-azure-resource-graph):
 * a resource whose read action is denied is left out, with no error.
 */
function rows(
  context: SimulatorContext,
  query: ResourceGraphQuery,
  subscriptionIds: string[],
  allows: (action: string) => boolean,
): JsonObject[] {
  const found: JsonObject[] = [];
  for (const subscriptionId of subscriptionIds) {
    const subscription = context.state.subscription(subscriptionId);
    if (!subscription) {
      continue;
    }
    if (query.table === 'ResourceContainers') {
      if (query.types.includes('microsoft.resources/subscriptions')) {
        found.push({
          id: `/subscriptions/${subscription.subscriptionId}`,
          name: subscription.displayName,
          type: 'microsoft.resources/subscriptions',
          tenantId: subscription.tenantId,
          subscriptionId: subscription.subscriptionId,
          resourceGroup: '',
          location: '',
          properties: { state: 'Enabled' },
          tags: { ...(subscription.tags ?? {}) },
        });
      }
      continue;
    }
    for (const type of query.types) {
      for (const resource of context.state.list(
        type,
        `/subscriptions/${subscription.subscriptionId}`,
      )) {
        if (allows(readActionOf(resource))) {
          found.push(
            resourceRow(context, subscription.subscriptionId, resource),
          );
        }
      }
    }
  }
  if (query.order) {
    const sign = query.order === 'asc' ? 1 : -1;
    found.sort(
      (a, b) =>
        sign *
        String(a.id).toLowerCase().localeCompare(String(b.id).toLowerCase()),
    );
  }
  return found;
}

/** The token names the query it pages, so a token is refused for another query. */
function skipToken(query: string, offset: number): string {
  return Buffer.from(JSON.stringify({ q: query, o: offset })).toString(
    'base64url',
  );
}

function readSkipToken(token: unknown, query: string): number {
  if (token === undefined || token === null || token === '') {
    return 0;
  }
  try {
    const parsed = JSON.parse(
      Buffer.from(String(token), 'base64url').toString('utf8'),
    );
    if (parsed.q === query && Number.isInteger(parsed.o) && parsed.o >= 0) {
      return parsed.o;
    }
  } catch {
    // Falls through to the refusal.
  }
  throw new ArmError({
    statusCode: 400,
    code: 'BadRequest',
    message: 'The $skipToken is invalid for this query.',
    details: [
      { code: 'InvalidSkipToken', message: 'The $skipToken is invalid.' },
    ],
  });
}

function readTop(value: unknown): number {
  if (value === undefined || value === null) {
    return DEFAULT_TOP;
  }
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw invalidQuery(`'$top' must be an integer of at least 1.`);
  }
  // Resource Graph answers at most 1,000 rows a page however many $top asks for.
  return Math.min(value as number, MAX_TOP);
}

/**
 * `POST /providers/Microsoft.ResourceGraph/resources`: the query request
 * `{ subscriptions, query, options: { $top, $skip, $skipToken, resultFormat } }`, the
 * answer `{ totalRecords, count, data, resultTruncated, $skipToken?, facets }`
 * (https://learn.microsoft.com/rest/api/azureresourcegraph/resourcegraph/resources/resources).
 * Only the named subscriptions are read; one the caller cannot see gives no rows, as
 * Resource Graph answers for the subscriptions it can read.
 */
export const resourceGraphRoutes: ArmRoute[] = [
  route(
    'POST',
    '/providers/Microsoft.ResourceGraph/resources',
    'resourceGraph.resources',
    (request, context) => {
      let quota = quotas.get(context);
      if (!quota) {
        quota = new ResourceGraphQuota();
        quotas.set(context, quota);
      }
      const headers = quota.spend();
      const body = isJsonObject(request.body) ? request.body : {};
      const query = parseResourceGraphQuery(body.query);
      const options = isJsonObject(body.options) ? body.options : {};
      if (
        options.resultFormat !== undefined &&
        options.resultFormat !== 'objectArray'
      ) {
        throw invalidQuery(
          `The simulator answers resultFormat 'objectArray' only, not '${String(
            options.resultFormat,
          )}'.`,
        );
      }
      const subscriptionIds = Array.isArray(body.subscriptions)
        ? body.subscriptions.map(String)
        : context.state.subscriptions().map(s => s.subscriptionId);
      const all = rows(context, query, subscriptionIds, request.allows);
      const top = readTop(options.$top);
      const skip =
        typeof options.$skip === 'number' && options.$skip > 0
          ? options.$skip
          : 0;
      // A token already holds the offset `$skip` started from.
      const offset =
        options.$skipToken !== undefined
          ? readSkipToken(options.$skipToken, String(body.query))
          : skip;
      const data = all.slice(offset, offset + top);
      const next = offset + data.length;
      return {
        status: 200,
        headers,
        body: {
          totalRecords: all.length,
          count: data.length,
          data,
          resultTruncated: 'false',
          ...(next < all.length
            ? { $skipToken: skipToken(String(body.query), next) }
            : {}),
          facets: [],
        },
      };
    },
  ),
];
