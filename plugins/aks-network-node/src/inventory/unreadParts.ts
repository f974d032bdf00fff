import type {
  ClusterNetworkPart,
  UnreadClusterPart,
} from '@aks-network/plugin-aks-network-common';
import { armIdKey } from '../mapping/armResourceId';
import { InventoryCallKind } from './InventoryCallCounts';
import { InventoryReadError } from './InventoryReadError';

/**
 * The part of a cluster's network each failed call leaves unread. The agent pool
 * listing is not one: the cluster's own `agentPoolProfiles` hold the same fields. The
 * cluster list and the API server CA are not parts of the network.
 */
const PART_OF_CALL: Partial<Record<InventoryCallKind, ClusterNetworkPart>> = {
  'virtualNetworks.get': 'vnet',
  'subnets.get': 'subnet',
  'virtualNetworks.listUsage': 'subnetUsage',
  'networkSecurityGroups.get': 'nsg',
  'networkWatchers.listAll': 'flowLogs',
  'flowLogs.list': 'flowLogs',
};

/** ARM's messages can run to kilobytes (a policy's JSON); a finding needs a sentence. */
const MAX_ERROR_LENGTH = 300;

function describeError(error: InventoryReadError): string {
  const head = [error.code, error.statusCode ? `HTTP ${error.statusCode}` : '']
    .filter(Boolean)
    .join(', ');
  const message =
    error.message.length > MAX_ERROR_LENGTH
      ? `${error.message.slice(0, MAX_ERROR_LENGTH - 1)}…`
      : error.message;
  return head ? `${head}: ${message}` : message;
}

/**
 * The unread parts of each cluster, by `armIdKey` of its id, from the failed reads of
 * one subscription. One entry per part and resource, however many calls failed on it.
 */
export function unreadPartsByCluster(
  errors: readonly InventoryReadError[],
): Map<string, UnreadClusterPart[]> {
  const byCluster = new Map<string, UnreadClusterPart[]>();
  for (const error of errors) {
    const part = error.part ?? PART_OF_CALL[error.kind];
    if (!part) {
      continue;
    }
    for (const clusterId of error.clusterIds) {
      const key = armIdKey(clusterId);
      const parts = byCluster.get(key) ?? [];
      const known = parts.some(
        entry =>
          entry.part === part &&
          armIdKey(entry.resourceId) === armIdKey(error.resourceId),
      );
      if (!known) {
        parts.push({
          part,
          resourceId: error.resourceId,
          error: describeError(error),
        });
      }
      byCluster.set(key, parts);
    }
  }
  return byCluster;
}
