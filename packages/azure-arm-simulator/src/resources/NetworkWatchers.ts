import { cloneJson } from '../json/JsonValue';
import { resourceGroupId } from '../state/armIds';
import { resourceGroupJson } from './ResourceGroups';
import { childResourceNotFound, resourceNotFound } from '../server/ArmError';
import { ArmRoute, route } from '../server/ArmRoute';
import { pageOf } from '../server/paging';
import { listRoutes } from './listRoutes';
import { SimulatorContext } from '../server/SimulatorContext';
import { ArmResourceJson } from '../state/SimulatorState';
import {
  FLOW_LOG_TYPE,
  NETWORK_WATCHER_TYPE,
  networkEtag,
  networkWatcherId,
} from './networkResources';
import { requireResourceGroup } from './scopes';

/** The resource group Azure puts regional Network Watchers in. */
export const NETWORK_WATCHER_RESOURCE_GROUP = 'NetworkWatcherRG';

/** The name Azure gives the Network Watcher it enables in a region. */
export function networkWatcherName(region: string): string {
  return `NetworkWatcher_${region}`;
}

/**
 * Azure enables Network Watcher in a region when the first VNet is created there:
 * `NetworkWatcher_{region}` in `NetworkWatcherRG`. Returns its id.
 */
export function ensureNetworkWatcher(
  context: SimulatorContext,
  subscriptionId: string,
  region: string,
): string {
  const groupId = resourceGroupId(
    subscriptionId,
    NETWORK_WATCHER_RESOURCE_GROUP,
  );
  if (!context.state.resourceGroup(groupId)) {
    context.state.putResourceGroup(
      resourceGroupJson(subscriptionId, NETWORK_WATCHER_RESOURCE_GROUP, region),
    );
  }
  const id = networkWatcherId(
    subscriptionId,
    NETWORK_WATCHER_RESOURCE_GROUP,
    networkWatcherName(region),
  );
  if (!context.state.get(id)) {
    context.state.put({
      id,
      name: networkWatcherName(region),
      type: NETWORK_WATCHER_TYPE,
      location: region,
      etag: networkEtag(),
      tags: {},
      properties: { provisioningState: 'Succeeded' },
    });
  }
  return id;
}

function requireWatcher(
  context: SimulatorContext,
  subscriptionId: string,
  rg: string,
  name: string,
): ArmResourceJson {
  const group = requireResourceGroup(context, subscriptionId, rg);
  const watcher = context.state.get(
    networkWatcherId(subscriptionId, group.name, name),
  );
  if (!watcher) {
    throw resourceNotFound('Microsoft.Network/networkWatchers', name, rg);
  }
  return watcher;
}

/**
 * Network Watcher (one per region, by default `NetworkWatcher_{region}` in
 * `NetworkWatcherRG`) and its flow logs: VNet flow logs target a VNet or subnet id, NSG
 * flow logs an NSG id (https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview,
 * https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview).
 */
export const networkWatcherRoutes: ArmRoute[] = [
  ...listRoutes({
    resourceType: NETWORK_WATCHER_TYPE,
    kinds: {
      subscription: 'networkWatchers.listAll',
      resourceGroup: 'networkWatchers.list',
    },
    view: (_context, watcher) => cloneJson(watcher),
  }),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/networkWatchers/{networkWatcherName}',
    'networkWatchers.get',
    (request, context) => {
      const [s, rg, name] = request.params;
      return {
        status: 200,
        body: cloneJson(requireWatcher(context, s, rg, name)),
      };
    },
  ),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/networkWatchers/{networkWatcherName}/flowLogs',
    'flowLogs.list',
    (request, context) => {
      const [s, rg, name] = request.params;
      const watcher = requireWatcher(context, s, rg, name);
      return pageOf(
        request,
        context.state.list(FLOW_LOG_TYPE, watcher.id).map(cloneJson),
        context.pageSize,
      );
    },
  ),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/networkWatchers/{networkWatcherName}/flowLogs/{flowLogName}',
    'flowLogs.get',
    (request, context) => {
      const [s, rg, name, flowLogName] = request.params;
      const watcher = requireWatcher(context, s, rg, name);
      const id = `${watcher.id}/flowLogs/${flowLogName}`;
      const flowLog = context.state.get(id);
      if (!flowLog) {
        throw childResourceNotFound(id);
      }
      return { status: 200, body: cloneJson(flowLog) };
    },
  ),
];
