import {
  ApiCluster,
  describeUnreadPart,
} from '@aks-network/plugin-aks-network-common';
import { formatTime } from '../network/labels';

/**
 * What the inventory could not read of a cluster, in words: the subscription when its
 * last read failed, each part of the network the last read could not read (the
 * record's `unread`, with when it was last read), and what ARM did not say.
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
  for (const entry of cluster.unread ?? []) {
    const text = describeUnreadPart(entry);
    parts.push(text.charAt(0).toUpperCase() + text.slice(1));
  }
  // A usages call that failed is listed above; this is a usages answer without the
  // subnet.
  const usagesUnread = (cluster.unread ?? []).some(
    entry => entry.part === 'subnetUsage',
  );
  for (const subnet of [
    ...cluster.nodeSubnets,
    ...(cluster.podSubnets ?? []),
  ]) {
    if (subnet.ipUsed === undefined && !usagesUnread) {
      parts.push(`IP use of ${subnet.name} (VNet usages API)`);
    }
  }
  if (cluster.nodePools.length === 0) {
    parts.push('The node pools');
  }
  if (cluster.inventory.networkModel === null) {
    parts.push('The network model (the ARM network profile did not say)');
  }
  return parts;
}
