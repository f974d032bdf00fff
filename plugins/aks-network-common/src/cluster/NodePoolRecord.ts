/**
 * One agent pool of a cluster (ARM `agentPoolProfiles[]`).
 *
 * @public
 */
export interface NodePoolRecord {
  name: string;
  /** Nodes now. */
  count: number;
  /** Autoscaler ceiling, when the autoscaler is on. */
  maxCount?: number;
  vmSize: string;
  /** Pods per node (docs/domain.md#max-pods: 10–250). */
  maxPods: number;
  /**
   * `upgradeSettings.maxSurge` as ARM gives it: a node count (`'1'`) or a percentage of
   * the pool (`'33%'`). Absent when ARM does not say.
   */
  maxSurge?: string;
  /** ARM id of the node subnet (`vnetSubnetID`). */
  vnetSubnetId?: string;
  /** ARM id of the pod subnet (`podSubnetID`), only with Azure CNI pod subnet. */
  podSubnetId?: string;
  /** `System` or `User`. */
  mode: string;
}
