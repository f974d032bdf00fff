/**
 * What the planner needs to know about a node pool.
 *
 * @public
 */
export interface NodePoolSizing {
  /** Nodes the pool runs (or may scale to). */
  nodeCount: number;
  /** Extra nodes an upgrade adds at once (docs/domain.md#flat-node-subnet: "Upgrades need n + maxSurge nodes"). */
  maxSurge: number;
  /** Pods per node. */
  maxPods: number;
}

/**
 * Nodes across pools.
 *
 * @public
 */
export function totalNodes(pools: readonly NodePoolSizing[]): number {
  return pools.reduce((sum, pool) => sum + pool.nodeCount, 0);
}

/**
 * Surge nodes across pools. Pools may be upgraded together (a control-plane upgrade
 * upgrades every pool), so the planner reserves every pool's surge at once.
 *
 * @public
 */
export function totalSurge(pools: readonly NodePoolSizing[]): number {
  return pools.reduce((sum, pool) => sum + pool.maxSurge, 0);
}
