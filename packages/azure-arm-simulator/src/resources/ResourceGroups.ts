import { isJsonObject, objectAt, stringAt } from '../json/JsonValue';
import { ArmRoute, route } from '../server/ArmRoute';
import { pageOf } from '../server/paging';
import { resourceGroupId } from '../state/armIds';
import { ArmResourceJson } from '../state/SimulatorState';
import {
  checkNameLength,
  invalidContent,
  requireLocation,
  requireResourceGroup,
  requireSubscription,
} from './scopes';

/** A resource group in its REST shape. */
export function resourceGroupJson(
  subscriptionId: string,
  name: string,
  location: string,
  tags?: Record<string, string>,
  managedBy?: string,
): ArmResourceJson {
  return {
    id: resourceGroupId(subscriptionId, name),
    name,
    type: 'Microsoft.Resources/resourceGroups',
    location,
    managedBy,
    tags: tags ?? {},
    properties: { provisioningState: 'Succeeded' },
  };
}

/** Resource groups: list, get and a synchronous create (as ARM does it). */
export const resourceGroupRoutes: ArmRoute[] = [
  route(
    'GET',
    '/subscriptions/{subscriptionId}/resourcegroups',
    'resourceGroups.list',
    (request, context) => {
      const subscription = requireSubscription(context, request.params[0]);
      return pageOf(
        request,
        context.state.resourceGroups(subscription.subscriptionId),
        context.pageSize,
      );
    },
  ),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
    'resourceGroups.get',
    (request, context) => ({
      status: 200,
      body: requireResourceGroup(context, request.params[0], request.params[1]),
    }),
  ),
  route(
    'PUT',
    '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
    'resourceGroups.createOrUpdate',
    (request, context) => {
      const subscription = requireSubscription(context, request.params[0]);
      const name = request.params[1];
      checkNameLength(name, 'resource group');
      if (!isJsonObject(request.body)) {
        throw invalidContent(
          'The request content was invalid and could not be deserialized.',
        );
      }
      const existing = context.state.resourceGroup(
        resourceGroupId(subscription.subscriptionId, name),
      );
      const location = requireLocation(stringAt(request.body, 'location'));
      const tags = objectAt(request.body, 'tags');
      const group = resourceGroupJson(
        subscription.subscriptionId,
        existing?.name ?? name,
        location,
        Object.fromEntries(
          Object.entries(tags ?? {}).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        ),
      );
      context.state.putResourceGroup(group);
      return { status: existing ? 200 : 201, body: group };
    },
  ),
];
