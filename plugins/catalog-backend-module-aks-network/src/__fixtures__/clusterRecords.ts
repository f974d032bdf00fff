import { ClusterRecord } from '@aks-network/plugin-aks-network-common';

export const SUBSCRIPTION_A = '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20';
export const SUBSCRIPTION_B = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/**
 * An overlay cluster shaped like `aks-payments-prod-weu` of the seed fleet
 * (examples/azure-fleet/fleet.yaml), with its owner/system/component tags.
 */
export function clusterRecord(
  overrides: Partial<ClusterRecord> = {},
): ClusterRecord {
  const subscriptionId = overrides.subscriptionId ?? SUBSCRIPTION_A;
  const resourceGroup = overrides.resourceGroup ?? 'rg-aks-payments-prod';
  const name = overrides.name ?? 'aks-payments-prod-weu';
  const subnetId = `/subscriptions/${subscriptionId}/resourceGroups/rg-network-prod-weu/providers/Microsoft.Network/virtualNetworks/vnet-prod-weu/subnets/snet-aks-payments-prod`;
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name,
    subscriptionId,
    resourceGroup,
    location: 'westeurope',
    kubernetesVersion: '1.33',
    tags: {
      owner: 'team-payments',
      system: 'payments',
      component: 'payments-api,payments-worker',
    },
    provisioningState: 'Succeeded',
    networkProfile: {
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: '10.244.0.0/16',
      serviceCidr: '10.0.0.0/16',
      dnsServiceIp: '10.0.0.10',
    },
    nodePools: [
      {
        name: 'system',
        count: 3,
        vmSize: 'Standard_D4s_v5',
        maxPods: 30,
        vnetSubnetId: subnetId,
        mode: 'System',
      },
    ],
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

/** A cluster of each network model, as the inventory maps them from ARM. */
/** Model, dataplane annotation (undefined: absent, kubenet and BYO have none), record. */
export const CLUSTERS_BY_MODEL: Array<
  [string, string | undefined, ClusterRecord]
> = [
  ['azure-cni-overlay', 'azure', clusterRecord()],
  [
    'azure-cni-overlay',
    'cilium',
    clusterRecord({
      name: 'aks-search-prod-neu',
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        networkDataplane: 'cilium',
        networkPolicy: 'cilium',
      },
    }),
  ],
  [
    'azure-cni-pod-subnet',
    'azure',
    (() => {
      const record = clusterRecord({
        name: 'aks-search-dev-neu',
        networkProfile: { networkPlugin: 'azure' },
      });
      record.nodePools[0].podSubnetId = `${record.nodePools[0].vnetSubnetId}-pods`;
      return record;
    })(),
  ],
  [
    'azure-cni-node-subnet',
    'azure',
    clusterRecord({
      name: 'aks-identity-prod-weu',
      networkProfile: { networkPlugin: 'azure' },
    }),
  ],
  [
    'kubenet',
    undefined,
    clusterRecord({
      name: 'aks-billing-legacy-weu',
      networkProfile: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
    }),
  ],
  [
    'byo-cni',
    undefined,
    clusterRecord({
      name: 'aks-platform-sandbox-neu',
      networkProfile: { networkPlugin: 'none' },
    }),
  ],
];
