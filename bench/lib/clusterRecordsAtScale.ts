/**
 * The clusters of bench/lib/fleetAtScale.ts as the inventory stores them (one full
 * overlay record each: a pool, its node subnet with an NSG, the hub VNet), by
 * subscription: for benches of what reads the store, without a sync first.
 */
import type { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import { overlayCluster } from '../../plugins/aks-network-common/src/posture/__fixtures__/clusters';
import { fleetAtScale } from './fleetAtScale';

export function clusterRecordsAtScale(): Map<string, ClusterRecord[]> {
  const fleet = fleetAtScale();
  const guid = new Map(fleet.subscriptions.map(s => [s.name!, s.id]));
  const hubs = new Map(
    fleet.virtualNetworks!.map(v => [
      v.name,
      { ...v, subscriptionId: guid.get(v.subscription)! },
    ]),
  );
  const bySubscription = new Map<string, ClusterRecord[]>();
  for (const cluster of fleet.clusters!) {
    const subscriptionId = guid.get(cluster.subscription)!;
    const subnetId = cluster.pools[0].subnet!;
    const vnetId = subnetId.replace(/\/subnets\/[^/]+$/, '');
    const hub = hubs.get(vnetId.split('/').pop()!)!;
    const subnetName = subnetId.split('/').pop()!;
    const base = overlayCluster();
    const nsgId = `/subscriptions/${hub.subscriptionId}/resourceGroups/rg-hub/providers/Microsoft.Network/networkSecurityGroups/nsg-${hub.name}`;
    const record: ClusterRecord = {
      ...base,
      id: `/subscriptions/${subscriptionId}/resourceGroups/${cluster.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster.name}`,
      name: cluster.name,
      subscriptionId,
      resourceGroup: cluster.resourceGroup,
      location: cluster.region,
      tags: cluster.tags ?? {},
      nodePools: base.nodePools.map(pool => ({
        ...pool,
        vnetSubnetId: subnetId,
      })),
      nodeSubnets: [
        {
          ...base.nodeSubnets[0],
          id: subnetId,
          name: subnetName,
          addressPrefix: hub.subnets!.find(s => s.name === subnetName)!.prefix,
          nsg: { id: nsgId, rules: [] },
        },
      ],
      vnet: { id: vnetId, addressSpace: hub.addressSpace },
    };
    const list = bySubscription.get(subscriptionId) ?? [];
    list.push(record);
    bySubscription.set(subscriptionId, list);
  }
  return bySubscription;
}
