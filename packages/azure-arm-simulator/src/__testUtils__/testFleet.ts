import { SimulatorFleet } from '../fleet/SimulatorFleet';

export const SUB_A = '11111111-1111-4111-8111-111111111111';
export const SUB_B = '22222222-2222-4222-8222-222222222222';

/**
 * A small fleet for the tests: more clusters than a page in subscription A, one VNet
 * with room for new subnets, a full flat subnet, an NSG with a flow log.
 */
export function testFleet(): SimulatorFleet {
  return {
    subscriptions: [
      { id: SUB_A, name: 'a', displayName: 'Test A' },
      { id: SUB_B, name: 'b', displayName: 'Test B' },
    ],
    networkSecurityGroups: [
      {
        subscription: 'a',
        resourceGroup: 'rg-net',
        name: 'nsg-aks',
        region: 'westeurope',
        rules: [
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
        flowLog: { retentionDays: 30 },
        subnets: [
          { name: 'snet-overlay', prefix: '10.240.0.0/27', nsg: 'nsg-aks' },
          { name: 'snet-flat', prefix: '10.240.1.0/24', otherUsedIps: 23 },
          { name: 'snet-tiny', prefix: '10.240.2.0/29' },
        ],
      },
      {
        subscription: 'b',
        resourceGroup: 'rg-net-b',
        name: 'vnet-neu',
        region: 'northeurope',
        addressSpace: ['10.50.0.0/16'],
        subnets: [{ name: 'snet-b', prefix: '10.50.0.0/27' }],
      },
    ],
    clusters: [
      ...[1, 2, 3, 4, 5, 6].map(i => ({
        subscription: 'a',
        resourceGroup: 'rg-aks',
        name: `aks-overlay-${i}`,
        region: 'westeurope',
        tags: { owner: 'team-a' },
        network: { plugin: 'azure' as const, mode: 'overlay' as const },
        pools: [{ name: 'system', count: 2, subnet: 'vnet-weu/snet-overlay' }],
      })),
      {
        subscription: 'a',
        resourceGroup: 'rg-aks',
        name: 'aks-flat',
        region: 'westeurope',
        network: { plugin: 'azure' as const },
        pools: [
          {
            name: 'system',
            count: 7,
            maxPods: 30,
            subnet: 'vnet-weu/snet-flat',
          },
        ],
      },
      {
        subscription: 'b',
        resourceGroup: 'rg-aks-b',
        name: 'aks-b',
        region: 'northeurope',
        network: { plugin: 'kubenet' as const },
        pools: [{ name: 'system', count: 1, subnet: 'vnet-neu/snet-b' }],
      },
    ],
  };
}
