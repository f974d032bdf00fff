import type { SimulatorFleet } from '@aks-network/azure-arm-simulator';

export const SUB_A = 'a1a1a1a1-0000-4000-8000-000000000001';
export const SUB_B = 'b2b2b2b2-0000-4000-8000-000000000002';
export const WORKSPACE = `/subscriptions/${SUB_A}/resourceGroups/rg-monitor/providers/Microsoft.OperationalInsights/workspaces/law-aks`;

/**
 * A fleet with one cluster of every network model, in two regions, with three
 * overlay clusters sharing one node subnet (so "one call per VNet, not per cluster" is
 * visible), the network in another resource group than the clusters, and more
 * clusters than a page.
 */
export function inventoryFleet(): SimulatorFleet {
  const overlay = (name: string) => ({
    subscription: 'a',
    resourceGroup: 'rg-aks',
    name,
    region: 'westeurope',
    tags: { owner: 'team-payments' },
    network: { plugin: 'azure' as const, mode: 'overlay' as const },
    pools: [{ name: 'system', count: 2, subnet: 'vnet-weu/snet-overlay' }],
  });
  return {
    subscriptions: [
      { id: SUB_A, name: 'a', displayName: 'Inventory A' },
      { id: SUB_B, name: 'b', displayName: 'Inventory B' },
    ],
    networkSecurityGroups: [
      {
        subscription: 'a',
        resourceGroup: 'rg-net',
        name: 'nsg-aks',
        region: 'westeurope',
        rules: [
          {
            name: 'allow-corp-https',
            priority: 200,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            source: ['192.168.10.0/24', '192.168.20.0/24'],
            destination: '10.240.0.0/27',
            destinationPorts: ['443', '8443'],
          },
          {
            name: 'deny-all-in',
            priority: 4000,
            direction: 'Inbound',
            access: 'Deny',
          },
        ],
        flowLog: { retentionDays: 7 },
      },
    ],
    virtualNetworks: [
      {
        subscription: 'a',
        resourceGroup: 'rg-net',
        name: 'vnet-weu',
        region: 'westeurope',
        addressSpace: ['10.240.0.0/16'],
        flowLog: {
          retentionDays: 30,
          trafficAnalyticsWorkspace: WORKSPACE,
        },
        subnets: [
          { name: 'snet-overlay', prefix: '10.240.0.0/27', nsg: 'nsg-aks' },
          { name: 'snet-cilium', prefix: '10.240.0.32/27' },
          { name: 'snet-acns', prefix: '10.240.0.64/27' },
          { name: 'snet-byo', prefix: '10.240.0.96/27' },
          { name: 'snet-nodes', prefix: '10.240.1.0/24' },
          { name: 'snet-pods', prefix: '10.240.16.0/20' },
          { name: 'snet-flat', prefix: '10.240.2.0/24', otherUsedIps: 3 },
          { name: 'snet-migrated', prefix: '10.240.3.0/24' },
        ],
      },
      {
        subscription: 'a',
        resourceGroup: 'rg-net-neu',
        name: 'vnet-neu',
        region: 'northeurope',
        addressSpace: ['10.50.0.0/16'],
        subnets: [
          {
            name: 'snet-neu',
            prefix: '10.50.0.0/27',
            flowLog: { retentionDays: 14 },
          },
        ],
      },
    ],
    clusters: [
      overlay('aks-overlay-1'),
      overlay('aks-overlay-2'),
      overlay('aks-overlay-3'),
      {
        subscription: 'a',
        resourceGroup: 'rg-aks',
        name: 'aks-cilium',
        region: 'westeurope',
        network: {
          plugin: 'azure',
          mode: 'overlay',
          dataplane: 'cilium',
          policy: 'cilium',
        },
        pools: [{ name: 'system', count: 3, subnet: 'vnet-weu/snet-cilium' }],
      },
      {
        subscription: 'a',
        resourceGroup: 'rg-aks',
        name: 'aks-acns',
        region: 'westeurope',
        network: {
          plugin: 'azure',
          mode: 'overlay',
          dataplane: 'cilium',
          acns: { observability: true },
          containerNetworkLogs: true,
        },
        logAnalyticsWorkspace: WORKSPACE,
        pools: [{ name: 'system', count: 3, subnet: 'vnet-weu/snet-acns' }],
      },
      {
        subscription: 'a',
        resourceGroup: 'rg-aks',
        name: 'aks-podsubnet',
        region: 'westeurope',
        network: { plugin: 'azure' },
        pools: [
          {
            name: 'system',
            count: 3,
            maxPods: 50,
            subnet: 'vnet-weu/snet-nodes',
            podSubnet: 'vnet-weu/snet-pods',
          },
        ],
      },
      {
        subscription: 'a',
        resourceGroup: 'rg-aks',
        name: 'aks-flat',
        region: 'westeurope',
        network: { plugin: 'azure' },
        pools: [
          {
            name: 'system',
            count: 7,
            maxPods: 30,
            maxSurge: '1',
            subnet: 'vnet-weu/snet-flat',
          },
        ],
      },
      {
        subscription: 'a',
        resourceGroup: 'rg-aks',
        name: 'aks-kubenet',
        region: 'westeurope',
        network: { plugin: 'kubenet' },
        pools: [{ name: 'system', count: 2 }],
      },
      {
        subscription: 'a',
        resourceGroup: 'rg-aks',
        name: 'aks-byo',
        region: 'westeurope',
        network: { plugin: 'none' },
        pools: [{ name: 'system', count: 2, subnet: 'vnet-weu/snet-byo' }],
      },
      {
        subscription: 'a',
        resourceGroup: 'rg-aks',
        name: 'aks-migrated',
        region: 'westeurope',
        network: {
          plugin: 'azure',
          mode: 'overlay',
          podCidr: '100.64.0.0/10',
          migratedFromFlat: true,
        },
        pools: [
          {
            name: 'system',
            count: 4,
            maxPods: 30,
            subnet: 'vnet-weu/snet-migrated',
          },
        ],
      },
      {
        subscription: 'a',
        resourceGroup: 'rg-aks-neu',
        name: 'aks-neu',
        region: 'northeurope',
        network: { plugin: 'azure', mode: 'overlay' },
        pools: [{ name: 'system', count: 2, subnet: 'vnet-neu/snet-neu' }],
      },
    ],
  };
}
