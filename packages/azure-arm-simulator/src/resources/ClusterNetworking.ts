import {
  JsonObject,
  numberAt,
  objectAt,
  objectsAt,
  stringAt,
} from '../json/JsonValue';
import { DEFAULT_MAX_SURGE_NODES } from './AksDefaults';

/** Managed cluster resource type as ARM returns it. */
export const MANAGED_CLUSTER_TYPE =
  'Microsoft.ContainerService/ManagedClusters';

/** What the simulator needs to know about one node pool's networking. */
export interface PoolNetworking {
  name: string;
  /** `Linux` or `Windows` as sent (`Linux` when not sent). */
  osType: string;
  count: number;
  maxPods: number;
  /** Extra nodes an upgrade adds (from `upgradeSettings.maxSurge`). */
  surge: number;
  vnetSubnetID?: string;
  podSubnetID?: string;
}

/** The network model inputs of a cluster, read from its ARM properties. */
export interface ClusterNetworking {
  plugin: string;
  mode?: string;
  pools: PoolNetworking[];
}

/**
 * Surge nodes of a pool: `maxSurge` is a node count ("1") or a percentage of the pool
 * ("33%", rounded up); unset → DEFAULT_MAX_SURGE_NODES. An upgrade adds that many
 * nodes to the pool's n before it drains old ones, so it needs IPs for n + surge
 * (https://learn.microsoft.com/azure/aks/upgrade-cluster#customize-node-surge-upgrade).
 */
export function surgeNodes(
  count: number,
  maxSurge: string | undefined,
): number {
  if (maxSurge === undefined || maxSurge === '') {
    return count > 0 ? DEFAULT_MAX_SURGE_NODES : 0;
  }
  const percent = /^(\d+)%$/.exec(maxSurge);
  if (percent) {
    return Math.ceil((count * Number(percent[1])) / 100);
  }
  const nodes = /^\d+$/.test(maxSurge) ? Number(maxSurge) : NaN;
  return Number.isFinite(nodes) ? nodes : DEFAULT_MAX_SURGE_NODES;
}

export function clusterNetworking(cluster: JsonObject): ClusterNetworking {
  const properties = objectAt(cluster, 'properties');
  const networkProfile = objectAt(properties, 'networkProfile');
  return {
    plugin: stringAt(networkProfile, 'networkPlugin') ?? 'azure',
    mode: stringAt(networkProfile, 'networkPluginMode'),
    pools: objectsAt(properties, 'agentPoolProfiles').map(pool => {
      const count = numberAt(pool, 'count') ?? 0;
      return {
        name: stringAt(pool, 'name') ?? '',
        osType: stringAt(pool, 'osType') ?? 'Linux',
        count,
        maxPods: numberAt(pool, 'maxPods') ?? 0,
        surge: surgeNodes(
          count,
          stringAt(objectAt(pool, 'upgradeSettings'), 'maxSurge'),
        ),
        vnetSubnetID: stringAt(pool, 'vnetSubnetID'),
        podSubnetID: stringAt(pool, 'podSubnetID'),
      };
    }),
  };
}

/**
 * Flat Azure CNI: plugin `azure`, no `overlay` mode, no pod subnet — every pod takes
 * an IP of the node subnet (https://learn.microsoft.com/azure/aks/concepts-network-cni-overview,
 * https://learn.microsoft.com/azure/aks/configure-azure-cni).
 */
export function isFlatPool(
  networking: ClusterNetworking,
  pool: PoolNetworking,
): boolean {
  return (
    networking.plugin.toLowerCase() === 'azure' &&
    networking.mode?.toLowerCase() !== 'overlay' &&
    !pool.podSubnetID
  );
}

/**
 * IPs a pool takes in a subnet with `nodes` nodes: one per node in its node subnet, and
 * one per pod slot too when pods come from that subnet (flat: `n + n × maxPods`) or
 * when it is the pool's pod subnet (`n × maxPods`).
 */
export function poolIpsIn(
  subnetId: string,
  networking: ClusterNetworking,
  pool: PoolNetworking,
  nodes: number,
): number {
  const key = subnetId.toLowerCase();
  let ips = 0;
  if (pool.vnetSubnetID?.toLowerCase() === key) {
    ips += nodes;
    if (isFlatPool(networking, pool)) {
      ips += nodes * pool.maxPods;
    }
  }
  if (pool.podSubnetID?.toLowerCase() === key) {
    ips += nodes * pool.maxPods;
  }
  return ips;
}
