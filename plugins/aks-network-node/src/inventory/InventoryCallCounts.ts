/**
 * The SDK operations the inventory reader starts. A paged listing counts once however
 * many pages it takes (pages are HTTP requests, counted by the pipeline's
 * `ArmCallMetrics`), so "one usages call per VNet" can be asserted as
 * `calls['virtualNetworks.listUsage'] === vnetCount`.
 *
 * @public
 */
export type InventoryCallKind =
  | 'managedClusters.list'
  /**
   * Only for a cluster whose listed `agentPoolProfiles` are absent or lack a pool's
   * `name`, `count`, `vmSize`, `maxPods` or `mode` (`missingNodePoolField`); ARM's
   * cluster listing holds them all, so a read of provisioned clusters makes none.
   */
  | 'agentPools.list'
  | 'managedClusters.listClusterUserCredentials'
  | 'virtualNetworks.get'
  | 'subnets.get'
  | 'virtualNetworks.listUsage'
  | 'networkSecurityGroups.get'
  | 'networkWatchers.listAll'
  | 'flowLogs.list'
  /**
   * Azure Resource Graph query pages (`ResourceGraphInventoryReader`): each page is
   * its own POST, so pages are counted here, not queries.
   */
  | 'resourceGraph.resources';

/**
 * How many of each operation one read started.
 *
 * @public
 */
export type InventoryCallCounts = Record<InventoryCallKind, number>;

/** Every kind at zero. */
export function emptyCallCounts(): InventoryCallCounts {
  return {
    'managedClusters.list': 0,
    'agentPools.list': 0,
    'managedClusters.listClusterUserCredentials': 0,
    'virtualNetworks.get': 0,
    'subnets.get': 0,
    'virtualNetworks.listUsage': 0,
    'networkSecurityGroups.get': 0,
    'networkWatchers.listAll': 0,
    'flowLogs.list': 0,
    'resourceGraph.resources': 0,
  };
}
