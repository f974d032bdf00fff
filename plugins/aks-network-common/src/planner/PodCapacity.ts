import { NodePoolSizing } from './NodePoolSizing';

/**
 * Pods a cluster can run: nodes × maxPods, summed over pools (surge nodes excluded,
 * they only exist during an upgrade).
 *
 * @public
 */
export function podCapacity(pools: readonly NodePoolSizing[]): number {
  return pools.reduce((sum, pool) => sum + pool.nodeCount * pool.maxPods, 0);
}
