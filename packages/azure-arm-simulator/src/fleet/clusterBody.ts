import { JsonObject } from '../json/JsonValue';
import { FleetReferences } from './fleetReferences';
import { FleetCluster } from './SimulatorFleet';

/**
 * The managed cluster PUT body of a fleet cluster: `asDescribed`, or `flat`, the Azure
 * CNI cluster a `migratedFromFlat` cluster was before its in-place update to overlay
 * (no plugin mode, pod CIDR, ACNS or container network logs).
 */
export function clusterBody(
  s: string,
  cluster: FleetCluster,
  references: FleetReferences,
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
          ? references.subnet(s, pool.subnet, `cluster ${cluster.name}`)
          : undefined,
        podSubnetID: pool.podSubnet
          ? references.subnet(s, pool.podSubnet, `cluster ${cluster.name}`)
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
