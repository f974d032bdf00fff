import { objectAt, stringAt } from '../json/JsonValue';
import { idKey } from '../state/armIds';
import { SimulatorState } from '../state/SimulatorState';
import {
  clusterNetworking,
  MANAGED_CLUSTER_TYPE,
  poolIpsIn,
} from './ClusterNetworking';

/**
 * IPs in use in each of several subnets: what the seed fleet says other NICs take, plus
 * the nodes (and, for flat Azure CNI and pod subnets, the pod slots) of every cluster
 * that uses them. A cluster whose create failed holds none. This is what the VNet
 * usages API reports as `currentValue`
 * (https://learn.microsoft.com/rest/api/virtualnetwork/virtual-networks/list-usage).
 *
 * One pass over the clusters for all the subnets: the usages of a VNet are read per
 * page, and a pass per subnet made a 300-cluster fleet's sync spend most of its time
 * here (bench:backend).
 */
export function usedIpsBySubnet(
  state: SimulatorState,
  subnetIds: readonly string[],
  excludeClusterId?: string,
): Map<string, number> {
  const used = new Map<string, number>(
    subnetIds.map(id => [idKey(id), state.otherUsedIpsOf(id)]),
  );
  const excluded = excludeClusterId ? idKey(excludeClusterId) : undefined;
  for (const cluster of state.list(MANAGED_CLUSTER_TYPE, '')) {
    if (idKey(cluster.id) === excluded) {
      continue;
    }
    const provisioningState = stringAt(
      objectAt(cluster, 'properties'),
      'provisioningState',
    );
    if (provisioningState === 'Failed') {
      continue;
    }
    const networking = clusterNetworking(cluster);
    for (const pool of networking.pools) {
      // poolIpsIn counts both roles when the node and pod subnet are one subnet.
      const touched = new Set(
        [pool.vnetSubnetID, pool.podSubnetID]
          .filter((id): id is string => Boolean(id))
          .map(idKey),
      );
      for (const key of touched) {
        const current = used.get(key);
        if (current !== undefined) {
          used.set(key, current + poolIpsIn(key, networking, pool, pool.count));
        }
      }
    }
  }
  return used;
}

/** IPs in use in one subnet (see {@link usedIpsBySubnet}). */
export function usedIps(
  state: SimulatorState,
  subnetId: string,
  excludeClusterId?: string,
): number {
  return (
    usedIpsBySubnet(state, [subnetId], excludeClusterId).get(idKey(subnetId)) ??
    0
  );
}
