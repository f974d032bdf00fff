import { objectAt, stringAt } from '../json/JsonValue';
import { idKey } from '../state/armIds';
import { SimulatorState } from '../state/SimulatorState';
import {
  clusterNetworking,
  MANAGED_CLUSTER_TYPE,
  poolIpsIn,
} from './ClusterNetworking';

/**
 * IPs in use in a subnet: what the seed fleet says other NICs take, plus the nodes
 * (and, for flat Azure CNI and pod subnets, the pod slots) of every cluster that uses
 * it. A cluster whose create failed holds none. This is what the VNet usages API
 * reports as `currentValue` (DESIGN: "IP use per subnet comes from the VNet usages
 * API").
 */
export function usedIps(
  state: SimulatorState,
  subnetId: string,
  excludeClusterId?: string,
): number {
  let used = state.otherUsedIpsOf(subnetId);
  const excluded = excludeClusterId ? idKey(excludeClusterId) : undefined;
  for (const cluster of state.list(MANAGED_CLUSTER_TYPE, '')) {
    if (idKey(cluster.id) === excluded) {
      continue;
    }
    const state_ = stringAt(
      objectAt(cluster, 'properties'),
      'provisioningState',
    );
    if (state_ === 'Failed') {
      continue;
    }
    const networking = clusterNetworking(cluster);
    for (const pool of networking.pools) {
      used += poolIpsIn(subnetId, networking, pool, pool.count);
    }
  }
  return used;
}
