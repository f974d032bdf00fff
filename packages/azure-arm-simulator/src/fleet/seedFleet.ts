import { JsonObject, objectAt, objectsAt } from '../json/JsonValue';
import { defaultSecurityRules } from '../resources/NetworkSecurityGroups';
import { ensureNetworkWatcher } from '../resources/NetworkWatchers';
import {
  FLOW_LOG_TYPE,
  networkEtag,
  NSG_TYPE,
  nsgId,
  subnetId,
  vnetId,
} from '../resources/networkResources';
import { resourceGroupJson } from '../resources/ResourceGroups';
import { setProvisioningState } from '../resources/longRunning';
import { SUPPORTED_API_VERSIONS } from '../server/apiVersions';
import { ArmError } from '../server/ArmError';
import { matchRoute } from '../server/ArmRouter';
import { SimulatorContext } from '../server/SimulatorContext';
import { guidFrom, resourceGroupId } from '../state/armIds';
import {
  FleetCluster,
  FleetFlowLog,
  FleetNetworkSecurityGroup,
  SimulatorFleet,
} from './SimulatorFleet';

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
  const sub = (ref: string, what: string): string => {
    const id = subscriptionIds.get(ref.toLowerCase());
    if (!id) {
      throw new Error(`Fleet: ${what} names unknown subscription '${ref}'`);
    }
    return id;
  };
  const ensureGroup = (s: string, rg: string, region: string) => {
    if (!context.state.resourceGroup(resourceGroupId(s, rg))) {
      context.state.putResourceGroup(resourceGroupJson(s, rg, region));
    }
  };
  const ensureWatcher = (s: string, region: string) =>
    ensureNetworkWatcher(context, s, region);
  const addFlowLog = (
    s: string,
    region: string,
    rg: string,
    targetId: string,
    targetName: string,
    flowLog: FleetFlowLog,
  ) => {
    const watcher = ensureWatcher(s, region);
    const name = flowLog.name ?? `fl-${targetName}`;
    const storage = flowLog.storageAccount ?? `stflowlogs${region}`;
    context.state.put({
      id: `${watcher}/flowLogs/${name}`,
      name,
      type: FLOW_LOG_TYPE,
      location: region,
      etag: networkEtag(),
      tags: {},
      properties: {
        targetResourceId: targetId,
        targetResourceGuid: guidFrom(targetId.toLowerCase()),
        storageId: storage.startsWith('/')
          ? storage
          : `/subscriptions/${s}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${storage}`,
        enabled: flowLog.enabled ?? true,
        retentionPolicy: {
          days: flowLog.retentionDays ?? 30,
          enabled: (flowLog.retentionDays ?? 30) > 0,
        },
        format: { type: 'JSON', version: 2 },
        flowAnalyticsConfiguration: flowLog.trafficAnalyticsWorkspace
          ? {
              networkWatcherFlowAnalyticsConfiguration: {
                enabled: true,
                workspaceId: guidFrom(
                  flowLog.trafficAnalyticsWorkspace.toLowerCase(),
                ),
                workspaceRegion: region,
                workspaceResourceId: flowLog.trafficAnalyticsWorkspace,
                trafficAnalyticsInterval:
                  flowLog.trafficAnalyticsIntervalMinutes ?? 60,
              },
            }
          : undefined,
        provisioningState: 'Succeeded',
      },
    });
  };

  for (const nsg of fleet.networkSecurityGroups ?? []) {
    const s = sub(nsg.subscription, `NSG ${nsg.name}`);
    ensureGroup(s, nsg.resourceGroup, nsg.region);
    context.state.put(nsgResource(s, nsg));
  }
  const nsgRef = (s: string, ref: string): string => {
    if (ref.startsWith('/')) {
      return ref;
    }
    const found = (fleet.networkSecurityGroups ?? []).find(
      n =>
        sub(n.subscription, n.name) === s &&
        n.name.toLowerCase() === ref.toLowerCase(),
    );
    if (!found) {
      throw new Error(`Fleet: unknown NSG '${ref}'`);
    }
    return nsgId(s, found.resourceGroup, found.name);
  };

  for (const vnet of fleet.virtualNetworks ?? []) {
    const s = sub(vnet.subscription, `VNet ${vnet.name}`);
    ensureGroup(s, vnet.resourceGroup, vnet.region);
    put(
      context,
      vnetId(s, vnet.resourceGroup, vnet.name),
      {
        location: vnet.region,
        tags: vnet.tags ?? {},
        properties: {
          addressSpace: { addressPrefixes: vnet.addressSpace },
          subnets: (vnet.subnets ?? []).map(subnet => ({
            name: subnet.name,
            properties: {
              addressPrefix: subnet.prefix,
              networkSecurityGroup: subnet.nsg
                ? { id: nsgRef(s, subnet.nsg) }
                : undefined,
            },
          })),
        },
      },
      `VNet ${vnet.name}`,
    );
    ensureWatcher(s, vnet.region);
    if (vnet.flowLog) {
      addFlowLog(
        s,
        vnet.region,
        vnet.resourceGroup,
        vnetId(s, vnet.resourceGroup, vnet.name),
        vnet.name,
        vnet.flowLog,
      );
    }
    for (const subnet of vnet.subnets ?? []) {
      if (subnet.flowLog) {
        addFlowLog(
          s,
          vnet.region,
          vnet.resourceGroup,
          subnetId(s, vnet.resourceGroup, vnet.name, subnet.name),
          `${vnet.name}-${subnet.name}`,
          subnet.flowLog,
        );
      }
    }
  }
  for (const nsg of fleet.networkSecurityGroups ?? []) {
    if (nsg.flowLog) {
      const s = sub(nsg.subscription, nsg.name);
      addFlowLog(
        s,
        nsg.region,
        nsg.resourceGroup,
        nsgId(s, nsg.resourceGroup, nsg.name),
        nsg.name,
        nsg.flowLog,
      );
    }
  }

  const subnetRef = (s: string, ref: string, what: string): string => {
    if (ref.startsWith('/')) {
      return ref;
    }
    const [vnetName, subnetName] = ref.split('/');
    const vnet = (fleet.virtualNetworks ?? []).find(
      v =>
        sub(v.subscription, v.name) === s &&
        v.name.toLowerCase() === vnetName.toLowerCase(),
    );
    if (!vnet || !subnetName) {
      throw new Error(
        `Fleet: ${what} names unknown subnet '${ref}' (expected vnet/subnet)`,
      );
    }
    return subnetId(s, vnet.resourceGroup, vnet.name, subnetName);
  };
  for (const cluster of fleet.clusters ?? []) {
    const s = sub(cluster.subscription, `cluster ${cluster.name}`);
    ensureGroup(s, cluster.resourceGroup, cluster.region);
    const path = `/subscriptions/${s}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}`;
    if (cluster.network.migratedFromFlat) {
      put(
        context,
        path,
        clusterBody(s, cluster, subnetRef, 'flat'),
        `cluster ${cluster.name} (before migration)`,
      );
      settle(context, path);
    }
    put(
      context,
      path,
      clusterBody(s, cluster, subnetRef, 'asDescribed'),
      `cluster ${cluster.name}`,
    );
    settle(context, path);
  }
  // Other NICs come after the clusters, as they usually do: a nearly full subnet still
  // had room when its cluster was created.
  for (const vnet of fleet.virtualNetworks ?? []) {
    const s = sub(vnet.subscription, vnet.name);
    for (const subnet of vnet.subnets ?? []) {
      if (subnet.otherUsedIps) {
        context.state.setOtherUsedIps(
          subnetId(s, vnet.resourceGroup, vnet.name, subnet.name),
          subnet.otherUsedIps,
        );
      }
    }
  }
  settle(context);
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

function nsgResource(s: string, nsg: FleetNetworkSecurityGroup) {
  const id = nsgId(s, nsg.resourceGroup, nsg.name);
  const list = (value: string | string[] | undefined): string[] => {
    if (value === undefined) {
      return ['*'];
    }
    return Array.isArray(value) ? value : [value];
  };
  return {
    id,
    name: nsg.name,
    type: NSG_TYPE,
    location: nsg.region,
    etag: networkEtag(),
    tags: nsg.tags ?? {},
    properties: {
      resourceGuid: guidFrom(id.toLowerCase()),
      provisioningState: 'Succeeded',
      securityRules: (nsg.rules ?? []).map(rule => {
        const sources = list(rule.source);
        const destinations = list(rule.destination);
        const ports = list(rule.destinationPorts);
        // ARM uses the singular field for one value and the plural list for several.
        return {
          id: `${id}/securityRules/${rule.name}`,
          name: rule.name,
          type: 'Microsoft.Network/networkSecurityGroups/securityRules',
          etag: networkEtag(),
          properties: {
            description: rule.description,
            protocol: rule.protocol ?? '*',
            sourcePortRange: '*',
            sourcePortRanges: [],
            ...(sources.length === 1
              ? { sourceAddressPrefix: sources[0], sourceAddressPrefixes: [] }
              : { sourceAddressPrefixes: sources }),
            ...(destinations.length === 1
              ? {
                  destinationAddressPrefix: destinations[0],
                  destinationAddressPrefixes: [],
                }
              : { destinationAddressPrefixes: destinations }),
            ...(ports.length === 1
              ? { destinationPortRange: ports[0], destinationPortRanges: [] }
              : { destinationPortRanges: ports }),
            access: rule.access,
            priority: rule.priority,
            direction: rule.direction,
            provisioningState: 'Succeeded',
          },
        };
      }),
      defaultSecurityRules: defaultSecurityRules(id),
    },
  };
}

function clusterBody(
  s: string,
  cluster: FleetCluster,
  subnetRef: (s: string, ref: string, what: string) => string,
  stage: 'flat' | 'asDescribed',
): JsonObject {
  const network = cluster.network;
  const flat = stage === 'flat';
  const workspace =
    cluster.logAnalyticsWorkspace ??
    `/subscriptions/${s}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/log-${cluster.name}`;
  const addonProfiles: JsonObject = {};
  if (cluster.logAnalyticsWorkspace || network.containerNetworkLogs) {
    addonProfiles.omsagent = {
      enabled: true,
      config: {
        logAnalyticsWorkspaceResourceID: workspace,
        ...(network.containerNetworkLogs && !flat
          ? { enableContainerNetworkLogs: 'true' }
          : {}),
      },
    };
  }
  return {
    location: cluster.region,
    tags: cluster.tags ?? {},
    properties: {
      kubernetesVersion: cluster.kubernetesVersion,
      dnsPrefix: cluster.name,
      agentPoolProfiles: cluster.pools.map((pool, index) => ({
        name: pool.name,
        mode: pool.mode ?? (index === 0 ? 'System' : 'User'),
        count: pool.count,
        maxPods: pool.maxPods,
        vmSize: pool.vmSize,
        vnetSubnetID: pool.subnet
          ? subnetRef(s, pool.subnet, `cluster ${cluster.name}`)
          : undefined,
        podSubnetID: pool.podSubnet
          ? subnetRef(s, pool.podSubnet, `cluster ${cluster.name}`)
          : undefined,
        upgradeSettings: pool.maxSurge
          ? { maxSurge: pool.maxSurge }
          : undefined,
        enableAutoScaling: pool.autoscale ? true : undefined,
        minCount: pool.autoscale?.min,
        maxCount: pool.autoscale?.max,
      })),
      addonProfiles,
      networkProfile: {
        networkPlugin: network.plugin,
        networkPluginMode: flat ? undefined : network.mode,
        networkDataplane: network.dataplane,
        networkPolicy: network.policy,
        podCidr: flat ? undefined : network.podCidr,
        serviceCidr: network.serviceCidr,
        dnsServiceIP: network.dnsServiceIP,
        advancedNetworking:
          network.acns && !flat
            ? {
                enabled: true,
                observability: { enabled: network.acns.observability ?? false },
                security: { enabled: network.acns.security ?? false },
              }
            : undefined,
      },
    },
  };
}
