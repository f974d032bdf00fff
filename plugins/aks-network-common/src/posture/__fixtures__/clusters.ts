import { ClusterRecord, FlowLogRecord, NsgRuleRecord } from '../../cluster';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
export const VNET_ID = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
export const SUBNET_ID = `${VNET_ID}/subnets/aks-sn`;
export const NSG_ID = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-aks`;

/** An overlay cluster on a /27 with an empty NSG, no ACNS and no flow logs. */
export function overlayCluster(): ClusterRecord {
  return {
    id: `${SUB}/resourceGroups/rg-payments/providers/Microsoft.ContainerService/managedClusters/payments`,
    name: 'payments',
    subscriptionId: '00000000-0000-0000-0000-000000000001',
    resourceGroup: 'rg-payments',
    location: 'westeurope',
    kubernetesVersion: '1.30.4',
    tags: { owner: 'team-payments' },
    provisioningState: 'Succeeded',
    networkProfile: {
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: '10.244.0.0/16',
      serviceCidr: '10.0.0.0/16',
      dnsServiceIp: '10.0.0.10',
      ipFamilies: ['IPv4'],
      outboundType: 'loadBalancer',
    },
    nodePools: [
      {
        name: 'system',
        count: 3,
        vmSize: 'Standard_D4s_v5',
        maxPods: 30,
        maxSurge: '1',
        vnetSubnetId: SUBNET_ID,
        mode: 'System',
      },
    ],
    nodeSubnets: [
      {
        id: SUBNET_ID,
        name: 'aks-sn',
        addressPrefix: '10.240.0.0/27',
        ipUsed: 3,
        ipLimit: 27,
        nsg: { id: NSG_ID, rules: [] },
      },
    ],
    addons: {
      acns: { enabled: false, observability: false, security: false },
      omsagent: { enabled: false, containerNetworkLogs: false },
    },
    flowLogs: [],
    vnet: { id: VNET_ID, addressSpace: ['10.240.0.0/16'] },
    peeredRanges: [],
  };
}

/** A flat Azure CNI cluster on a /24. */
export function flatCluster(): ClusterRecord {
  const cluster = overlayCluster();
  cluster.networkProfile = {
    networkPlugin: 'azure',
    serviceCidr: '10.0.0.0/16',
    dnsServiceIp: '10.0.0.10',
  };
  cluster.kubernetesVersion = '1.29.7';
  cluster.nodeSubnets[0] = {
    ...cluster.nodeSubnets[0],
    addressPrefix: '10.240.0.0/24',
    ipUsed: 124,
    ipLimit: 251,
  };
  return cluster;
}

export function vnetFlowLog(
  overrides: Partial<FlowLogRecord> = {},
): FlowLogRecord {
  return {
    id: `${SUB}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/nw/flowLogs/vnet-spoke-flowlog`,
    kind: 'vnet',
    targetResourceId: VNET_ID,
    enabled: true,
    retentionDays: 30,
    storageId: `${SUB}/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/flowlogs`,
    ...overrides,
  };
}

export function nsgFlowLog(
  overrides: Partial<FlowLogRecord> = {},
): FlowLogRecord {
  return vnetFlowLog({
    id: `${SUB}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/nw/flowLogs/nsg-aks-flowlog`,
    kind: 'nsg',
    targetResourceId: NSG_ID,
    ...overrides,
  });
}

export function rule(
  overrides: Partial<NsgRuleRecord> & Pick<NsgRuleRecord, 'name' | 'priority'>,
): NsgRuleRecord {
  return {
    direction: 'Inbound',
    access: 'Allow',
    protocol: '*',
    sourceAddressPrefixes: ['*'],
    sourcePortRanges: ['*'],
    destinationAddressPrefixes: ['*'],
    destinationPortRanges: ['*'],
    ...overrides,
  };
}

/** The allow rules docs/domain.md#overlay-nsg asks for, both directions, node subnet 10.240.0.0/27, pods 10.244.0.0/16. */
export function overlayAllowRules(): NsgRuleRecord[] {
  const pairs: Array<[string, string, string]> = [
    ['node-node', '10.240.0.0/27', '10.240.0.0/27'],
    ['node-pod', '10.240.0.0/27', '10.244.0.0/16'],
    ['pod-pod', '10.244.0.0/16', '10.244.0.0/16'],
  ];
  return (['Inbound', 'Outbound'] as const).flatMap((direction, d) =>
    pairs.map(([name, source, destination], i) =>
      rule({
        name: `allow-${name}-${direction.toLowerCase()}`,
        priority: 100 + d * 10 + i,
        direction,
        sourceAddressPrefixes: [source],
        destinationAddressPrefixes: [destination],
      }),
    ),
  );
}
