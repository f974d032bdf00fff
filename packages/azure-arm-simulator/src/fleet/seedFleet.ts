import { objectAt, objectsAt, JsonObject } from '../json/JsonValue';
import { ensureNetworkWatcher } from '../resources/NetworkWatchers';
import { nsgId, subnetId, vnetId } from '../resources/networkResources';
import { resourceGroupJson } from '../resources/ResourceGroups';
import { setProvisioningState } from '../resources/longRunning';
import { SUPPORTED_API_VERSIONS } from '../server/apiVersions';
import { ArmError } from '../server/ArmError';
import { matchRoute } from '../server/ArmRouter';
import { SimulatorContext } from '../server/SimulatorContext';
import { resourceGroupId } from '../state/armIds';
import { clusterBody } from './clusterBody';
import { FleetReferences, fleetReferences } from './fleetReferences';
import { flowLogResource, nsgResource } from './fleetResources';
import {
  FleetCluster,
  FleetFlowLog,
  FleetVirtualNetwork,
  SimulatorFleet,
} from './SimulatorFleet';

/** What every seeding step works on: the simulator, the fleet, and its references. */
interface Seeding {
  context: SimulatorContext;
  fleet: SimulatorFleet;
  references: FleetReferences;
}

/** Sends a PUT through the simulator's own route, so seed data meets the same checks. */
function put(
  context: SimulatorContext,
  path: string,
  body: JsonObject,
  what: string,
): void {
  const match = matchRoute('PUT', path);
  if (match.kind !== 'matched') {
    throw new Error(`Fleet: no route for ${what} (${path})`);
  }
  const apiVersion = SUPPORTED_API_VERSIONS[match.route.provider][0];
  try {
    match.route.handle(
      {
        method: 'PUT',
        path,
        query: new URLSearchParams({ 'api-version': apiVersion }),
        headers: {},
        body,
        baseUrl: 'https://seed.invalid',
        apiVersion,
        params: match.params,
        // The seed is the fleet's owner, not a caller under fault injection.
        allows: () => true,
      },
      context,
    );
  } catch (error) {
    if (error instanceof ArmError) {
      throw new Error(
        `Fleet: ${what} is refused: ${error.code}: ${error.message}`,
      );
    }
    throw error;
  }
}

/**
 * Turns a fleet description into ARM resources: subscriptions, resource groups, NSGs,
 * VNets and subnets, a Network Watcher per subscription and region (Azure enables one
 * in `NetworkWatcherRG` when a VNet is created there), flow logs, and clusters. Every
 * write goes through the PUT handlers; operations are then settled at once.
 */
export function seedFleet(
  context: SimulatorContext,
  fleet: SimulatorFleet,
): void {
  const references = fleetReferences(fleet, addSubscriptions(context, fleet));
  const seeding: Seeding = { context, fleet, references };
  addNetworkSecurityGroups(seeding);
  for (const vnet of fleet.virtualNetworks ?? []) {
    addVirtualNetwork(seeding, vnet);
  }
  addNsgFlowLogs(seeding);
  for (const cluster of fleet.clusters ?? []) {
    addCluster(seeding, cluster);
  }
  // Other NICs come after the clusters, as they usually do: a nearly full subnet still
  // had room when its cluster was created.
  addOtherUsedIps(seeding);
  settle(context);
}

/** Adds the fleet's subscriptions; returns their GUIDs by lower-cased GUID and by `name`. */
function addSubscriptions(
  context: SimulatorContext,
  fleet: SimulatorFleet,
): Map<string, string> {
  const subscriptionIds = new Map<string, string>();
  for (const subscription of fleet.subscriptions) {
    context.state.addSubscription({
      subscriptionId: subscription.id,
      displayName: subscription.displayName,
      tenantId: context.tenantId,
      tags: subscription.tags,
    });
    subscriptionIds.set(subscription.id.toLowerCase(), subscription.id);
    if (subscription.name) {
      subscriptionIds.set(subscription.name.toLowerCase(), subscription.id);
    }
  }
  return subscriptionIds;
}

/** Creates the resource group unless it exists. */
function ensureGroup(
  context: SimulatorContext,
  s: string,
  rg: string,
  region: string,
): void {
  if (!context.state.resourceGroup(resourceGroupId(s, rg))) {
    context.state.putResourceGroup(resourceGroupJson(s, rg, region));
  }
}

/** Stores a flow log under the Network Watcher of its subscription and region. */
function addFlowLog(
  { context }: Seeding,
  s: string,
  region: string,
  rg: string,
  target: { id: string; name: string },
  flowLog: FleetFlowLog,
): void {
  context.state.put(
    flowLogResource({
      watcherId: ensureNetworkWatcher(context, s, region),
      subscriptionId: s,
      region,
      resourceGroup: rg,
      targetId: target.id,
      targetName: target.name,
      flowLog,
    }),
  );
}

/** NSGs come first, so that subnets can name them. */
function addNetworkSecurityGroups({
  context,
  fleet,
  references,
}: Seeding): void {
  for (const nsg of fleet.networkSecurityGroups ?? []) {
    const s = references.subscription(nsg.subscription, `NSG ${nsg.name}`);
    ensureGroup(context, s, nsg.resourceGroup, nsg.region);
    context.state.put(nsgResource(s, nsg));
  }
}

/** The VNet PUT body of a fleet VNet, its subnets inline with their NSGs. */
function virtualNetworkBody(
  references: FleetReferences,
  s: string,
  vnet: FleetVirtualNetwork,
): JsonObject {
  return {
    location: vnet.region,
    tags: vnet.tags ?? {},
    properties: {
      addressSpace: { addressPrefixes: vnet.addressSpace },
      subnets: (vnet.subnets ?? []).map(subnet => ({
        name: subnet.name,
        properties: {
          addressPrefix: subnet.prefix,
          networkSecurityGroup: subnet.nsg
            ? { id: references.nsg(s, subnet.nsg) }
            : undefined,
        },
      })),
    },
  };
}

/** A VNet through its PUT, its region's Network Watcher, and its and its subnets' flow logs. */
function addVirtualNetwork(seeding: Seeding, vnet: FleetVirtualNetwork): void {
  const { context, references } = seeding;
  const s = references.subscription(vnet.subscription, `VNet ${vnet.name}`);
  ensureGroup(context, s, vnet.resourceGroup, vnet.region);
  const id = vnetId(s, vnet.resourceGroup, vnet.name);
  put(
    context,
    id,
    virtualNetworkBody(references, s, vnet),
    `VNet ${vnet.name}`,
  );
  ensureNetworkWatcher(context, s, vnet.region);
  if (vnet.flowLog) {
    addFlowLog(
      seeding,
      s,
      vnet.region,
      vnet.resourceGroup,
      { id, name: vnet.name },
      vnet.flowLog,
    );
  }
  for (const subnet of vnet.subnets ?? []) {
    if (subnet.flowLog) {
      addFlowLog(
        seeding,
        s,
        vnet.region,
        vnet.resourceGroup,
        {
          id: subnetId(s, vnet.resourceGroup, vnet.name, subnet.name),
          name: `${vnet.name}-${subnet.name}`,
        },
        subnet.flowLog,
      );
    }
  }
}

/** NSG flow logs, once the VNets (and so the Network Watchers) are there. */
function addNsgFlowLogs(seeding: Seeding): void {
  for (const nsg of seeding.fleet.networkSecurityGroups ?? []) {
    if (nsg.flowLog) {
      const s = seeding.references.subscription(nsg.subscription, nsg.name);
      addFlowLog(
        seeding,
        s,
        nsg.region,
        nsg.resourceGroup,
        { id: nsgId(s, nsg.resourceGroup, nsg.name), name: nsg.name },
        nsg.flowLog,
      );
    }
  }
}

/**
 * A cluster through its PUT, settled at once; a `migratedFromFlat` cluster is first
 * put as flat Azure CNI, then updated in place as described.
 */
function addCluster(
  { context, references }: Seeding,
  cluster: FleetCluster,
): void {
  const s = references.subscription(
    cluster.subscription,
    `cluster ${cluster.name}`,
  );
  ensureGroup(context, s, cluster.resourceGroup, cluster.region);
  const path = `/subscriptions/${s}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}`;
  if (cluster.network.migratedFromFlat) {
    put(
      context,
      path,
      clusterBody(s, cluster, references, 'flat'),
      `cluster ${cluster.name} (before migration)`,
    );
    settle(context, path);
  }
  put(
    context,
    path,
    clusterBody(s, cluster, references, 'asDescribed'),
    `cluster ${cluster.name}`,
  );
  settle(context, path);
}

/** The IPs other NICs take in each subnet, as the fleet states them. */
function addOtherUsedIps({ context, fleet, references }: Seeding): void {
  for (const vnet of fleet.virtualNetworks ?? []) {
    const s = references.subscription(vnet.subscription, vnet.name);
    for (const subnet of vnet.subnets ?? []) {
      if (subnet.otherUsedIps) {
        context.state.setOtherUsedIps(
          subnetId(s, vnet.resourceGroup, vnet.name, subnet.name),
          subnet.otherUsedIps,
        );
      }
    }
  }
}

/**
 * Ends every seed operation at once: resources and agent pools are Succeeded. After a
 * cluster's PUT only that cluster is settled (`onlyId`): settling every resource after
 * each cluster made seeding quadratic (5,000 clusters took minutes).
 */
function settle(context: SimulatorContext, onlyId?: string): void {
  const ids = onlyId
    ? [onlyId]
    : context.state.snapshot().resources.map(resource => resource.id);
  for (const id of ids) {
    const stored = context.state.get(id);
    if (!stored) {
      continue;
    }
    setProvisioningState(stored, 'Succeeded');
    for (const pool of objectsAt(
      objectAt(stored, 'properties'),
      'agentPoolProfiles',
    )) {
      pool.provisioningState = 'Succeeded';
    }
  }
  context.operations.clear();
}
