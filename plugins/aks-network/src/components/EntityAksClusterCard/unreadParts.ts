import type { ApiCluster } from '@aks-network/plugin-aks-network-common';
import { formatTime } from '../network/labels';

/**
 * What the inventory could not read of a cluster, in words: the verdicts that rest on
 * these parts are not to be trusted as pass or fail.
 */
export function unreadParts(cluster: ApiCluster): string[] {
  const parts: string[] = [];
  if (cluster.inventory.stale) {
    parts.push(
      `The subscription, since ${formatTime(cluster.inventory.stale.since)}: ${
        cluster.inventory.stale.error
      }`,
    );
  }
  const model = cluster.inventory.networkModel;
  if (!cluster.vnet && model !== 'kubenet' && model !== null) {
    parts.push('The VNet of the node subnets');
  }
  for (const subnet of cluster.nodeSubnets) {
    if (subnet.ipUsed === undefined) {
      parts.push(`IP use of ${subnet.name} (VNet usages API)`);
    }
  }
  if (cluster.nodePools.length === 0) {
    parts.push('The node pools');
  }
  if (model === null) {
    parts.push('The network model (the ARM network profile did not say)');
  }
  return parts;
}
