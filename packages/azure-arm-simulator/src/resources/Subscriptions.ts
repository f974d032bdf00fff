import { JsonObject } from '../json/JsonValue';
import { ArmRoute, route } from '../server/ArmRoute';
import { pageOf } from '../server/paging';
import { SimulatedSubscription } from '../state/SimulatorState';
import { requireSubscription } from './scopes';

/** A subscription as `GET /subscriptions` (2022-12-01) returns it. */
function subscriptionJson(subscription: SimulatedSubscription): JsonObject {
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    tags: subscription.tags,
    subscriptionId: subscription.subscriptionId,
    tenantId: subscription.tenantId,
    displayName: subscription.displayName,
    state: 'Enabled',
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off',
    },
  };
}

/** `GET /subscriptions` (paged) and `GET /subscriptions/{id}`. */
export const subscriptionRoutes: ArmRoute[] = [
  route('GET', '/subscriptions', 'subscriptions.list', (request, context) =>
    pageOf(
      request,
      context.state.subscriptions().map(subscriptionJson),
      context.pageSize,
    ),
  ),
  route(
    'GET',
    '/subscriptions/{subscriptionId}',
    'subscriptions.get',
    (request, context) => ({
      status: 200,
      body: subscriptionJson(requireSubscription(context, request.params[0])),
    }),
  ),
];
