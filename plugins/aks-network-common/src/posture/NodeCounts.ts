import { ClusterRecord } from '../cluster';

/** Nodes the cluster runs now, across pools. */
export function currentNodeCount(cluster: ClusterRecord): number {
  return cluster.nodePools.reduce(
    (sum, pool) => sum + Math.max(0, pool.count),
    0,
  );
}

/** Nodes the cluster may scale to: each pool's autoscaler ceiling, or its count. */
export function ceilingNodeCount(cluster: ClusterRecord): number {
  return cluster.nodePools.reduce(
    (sum, pool) => sum + Math.max(0, pool.maxCount ?? pool.count, pool.count),
    0,
  );
}
