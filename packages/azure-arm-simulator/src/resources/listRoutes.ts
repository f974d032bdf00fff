import { JsonObject } from '../json/JsonValue';
import { ArmRoute, route } from '../server/ArmRoute';
import { pageOf } from '../server/paging';
import { SimulatorContext } from '../server/SimulatorContext';
import { ArmResourceJson } from '../state/SimulatorState';
import { requireResourceGroup, requireSubscription } from './scopes';

/**
 * The two list operations ARM has for a resource type, `…/providers/{type}` in a
 * subscription and in one of its resource groups: 404 for a missing subscription or
 * group, every item through `view`, paged with `nextLink`.
 */
export function listRoutes(options: {
  /** As ARM's REST paths spell it, e.g. `Microsoft.Network/networkSecurityGroups`. */
  resourceType: string;
  /** Operation names of the call log: across the subscription, in a resource group. */
  kinds: { subscription: string; resourceGroup: string };
  view: (context: SimulatorContext, resource: ArmResourceJson) => JsonObject;
}): ArmRoute[] {
  const { resourceType, kinds, view } = options;
  const list = (context: SimulatorContext, scopeId: string) =>
    context.state
      .list(resourceType, scopeId)
      .map(resource => view(context, resource));
  return [
    route(
      'GET',
      `/subscriptions/{subscriptionId}/providers/${resourceType}`,
      kinds.subscription,
      (request, context) => {
        const subscription = requireSubscription(context, request.params[0]);
        return pageOf(
          request,
          list(context, `/subscriptions/${subscription.subscriptionId}`),
          context.pageSize,
        );
      },
    ),
    route(
      'GET',
      `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${resourceType}`,
      kinds.resourceGroup,
      (request, context) => {
        const [s, rg] = request.params;
        const group = requireResourceGroup(context, s, rg);
        return pageOf(request, list(context, group.id), context.pageSize);
      },
    ),
  ];
}
