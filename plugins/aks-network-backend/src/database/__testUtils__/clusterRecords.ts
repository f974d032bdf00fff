import type { ClusterRecord } from '@aks-network/plugin-aks-network-common';

export const SUB_A = 'a1a1a1a1-0000-4000-8000-000000000001';
export const SUB_B = 'b2b2b2b2-0000-4000-8000-000000000002';

/** A small overlay cluster record; `overrides` change any field. */
export function clusterRecord(
  subscriptionId: string,
  name: string,
  overrides: Partial<ClusterRecord> = {},
): ClusterRecord {
  const resourceGroup = overrides.resourceGroup ?? 'rg-aks';
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name,
    subscriptionId,
    resourceGroup,
    location: 'westeurope',
    tags: {},
    networkProfile: {
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: '10.244.0.0/16',
    },
    nodePools: [],
    nodeSubnets: [],
    addons: {
      acns: { enabled: false, observability: false, security: false },
      omsagent: { enabled: false, containerNetworkLogs: false },
    },
    flowLogs: [],
    peeredRanges: [],
    ...overrides,
  };
}
