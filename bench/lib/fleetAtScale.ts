/**
 * A fleet at the scale the issue names: 5,000 overlay clusters in 200 subscriptions
 * (25 each) on 40 VNets. The VNets are hub networks: each lives in one subscription
 * and holds node subnets for clusters of many other subscriptions (AKS accepts a node
 * subnet in another subscription of the same tenant and region:
 * https://learn.microsoft.com/azure/aks/configure-azure-cni#prerequisites).
 *
 * Cluster c (0 … 4,999) is in subscription ⌊c / 25⌋, on VNet c mod 40, subnet
 * ⌊c / 40⌋ of that VNet (a /27 of its own; 125 a VNet in 10.(100+v).0.0/16, clear of
 * AKS's default service range 10.0.0.0/16 and pod range 10.244.0.0/16). VNets of even
 * index are in westeurope, odd in northeurope; a cluster takes its VNet's region.
 */
import type {
  FleetCluster,
  FleetVirtualNetwork,
  SimulatorFleet,
} from '@aks-network/azure-arm-simulator';

export interface FleetShape {
  subscriptions: number;
  clustersPerSubscription: number;
  vnets: number;
}

export const ISSUE_FLEET: FleetShape = {
  subscriptions: 200,
  clustersPerSubscription: 25,
  vnets: 40,
};

export function subscriptionGuid(index: number): string {
  return `5ca1e000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

/** The subscription holding VNet v: spread over the fleet, one VNet each. */
function vnetSubscription(v: number, shape: FleetShape): number {
  return Math.floor((v * shape.subscriptions) / shape.vnets);
}

export function fleetAtScale(shape: FleetShape = ISSUE_FLEET): SimulatorFleet {
  const total = shape.subscriptions * shape.clustersPerSubscription;
  const subnetsPerVnet = Math.ceil(total / shape.vnets);
  if (shape.vnets > 140 || subnetsPerVnet > 2048) {
    throw new Error(
      'fleetAtScale: too many VNets or subnets for 10.(100+v).0.0/16',
    );
  }
  const subscriptions = Array.from({ length: shape.subscriptions }, (_, s) => ({
    id: subscriptionGuid(s),
    name: `fleet-${s + 1}`,
    displayName: `Fleet ${s + 1}`,
  }));
  const region = (v: number) => (v % 2 === 0 ? 'westeurope' : 'northeurope');
  const virtualNetworks: FleetVirtualNetwork[] = Array.from(
    { length: shape.vnets },
    (_, v) => ({
      subscription: subscriptions[vnetSubscription(v, shape)].name!,
      resourceGroup: 'rg-hub',
      name: `vnet-hub-${v + 1}`,
      region: region(v),
      addressSpace: [`10.${100 + v}.0.0/16`],
      subnets: Array.from({ length: subnetsPerVnet }, (_, k) => ({
        name: `snet-aks-${k + 1}`,
        // /27 number k of 10.v.0.0/16: 8 per /24.
        prefix: `10.${100 + v}.${Math.floor(k / 8)}.${(k % 8) * 32}/27`,
      })),
    }),
  );
  const clusters: FleetCluster[] = [];
  for (let c = 0; c < total; c++) {
    const s = Math.floor(c / shape.clustersPerSubscription);
    const v = c % shape.vnets;
    const k = Math.floor(c / shape.vnets);
    const hub = subscriptionGuid(vnetSubscription(v, shape));
    clusters.push({
      subscription: subscriptions[s].name!,
      resourceGroup: 'rg-aks',
      name: `aks-${c + 1}`,
      region: region(v),
      tags: { owner: `team-${(c % 50) + 1}` },
      network: { plugin: 'azure', mode: 'overlay' },
      pools: [
        {
          name: 'system',
          mode: 'System',
          count: 2,
          subnet: `/subscriptions/${hub}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub-${
            v + 1
          }/subnets/snet-aks-${k + 1}`,
        },
      ],
    });
  }
  return { subscriptions, virtualNetworks, clusters };
}

/** The fewest ARM calls that read this fleet, by kind, for pages of `pageSize`. */
export function armFloor(
  fleet: SimulatorFleet,
  pageSize: number,
): { total: number; parts: Record<string, number> } {
  const perSubscription = new Map<string, number>();
  for (const cluster of fleet.clusters ?? []) {
    perSubscription.set(
      cluster.subscription,
      (perSubscription.get(cluster.subscription) ?? 0) + 1,
    );
  }
  const listPages = fleet.subscriptions.reduce(
    (sum, s) =>
      sum +
      Math.max(1, Math.ceil((perSubscription.get(s.name!) ?? 0) / pageSize)),
    0,
  );
  const vnets = fleet.virtualNetworks ?? [];
  const vnetSubscriptions = new Set(vnets.map(v => v.subscription));
  const vnetRegions = new Set(vnets.map(v => `${v.subscription}/${v.region}`));
  const parts = {
    'managedClusters.list pages (one a subscription)': listPages,
    'virtualNetworks.get (one a VNet)': vnets.length,
    // Usages list one entry a subnet, paged like every ARM list.
    'virtualNetworks.listUsage pages (one a VNet per page of subnets)':
      vnets.reduce(
        (sum, v) =>
          sum + Math.max(1, Math.ceil((v.subnets ?? []).length / pageSize)),
        0,
      ),
    'networkWatchers.listAll (one a subscription holding VNets)':
      vnetSubscriptions.size,
    'flowLogs.list (one a region of those)': vnetRegions.size,
  };
  return {
    total: Object.values(parts).reduce((a, b) => a + b, 0),
    parts,
  };
}

/** Resource Graph: the query pages for the rows, plus one usages call a VNet. */
export function resourceGraphFloor(
  fleet: SimulatorFleet,
  rowsPerPage = 1000,
  usagePageSize = 100,
): { total: number; parts: Record<string, number> } {
  const vnets = (fleet.virtualNetworks ?? []).length;
  const clusters = (fleet.clusters ?? []).length;
  const nsgs = (fleet.networkSecurityGroups ?? []).length;
  const parts = {
    'resources query pages, subscriptions': Math.max(
      1,
      Math.ceil(fleet.subscriptions.length / rowsPerPage),
    ),
    'resources query pages, clusters': Math.max(
      1,
      Math.ceil(clusters / rowsPerPage),
    ),
    'resources query pages, VNets and NSGs': Math.max(
      1,
      Math.ceil((vnets + nsgs) / rowsPerPage),
    ),
    'resources query pages, flow logs': 1,
    'virtualNetworks.listUsage pages (one a VNet per page of subnets)': (
      fleet.virtualNetworks ?? []
    ).reduce(
      (sum, v) =>
        sum + Math.max(1, Math.ceil((v.subnets ?? []).length / usagePageSize)),
      0,
    ),
  };
  return {
    total: Object.values(parts).reduce((a, b) => a + b, 0),
    parts,
  };
}
