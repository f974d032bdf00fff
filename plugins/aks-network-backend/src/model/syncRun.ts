/**
 * How one subscription fared in a sync run.
 *
 * @public
 */
export interface SubscriptionSyncOutcome {
  /**
   * `succeeded`: listed in full; `incomplete`: the cluster list was read in part
   * (nothing deleted); `failed`: nothing read, the clusters kept and marked stale.
   */
  status: 'succeeded' | 'incomplete' | 'failed';
  /** Clusters read. */
  clusterCount: number;
  /** Clusters whose records miss data because an enrichment read failed. */
  partialClusterCount: number;
  /** Clusters deleted because a complete read no longer listed them. */
  deletedCount: number;
  error?: string;
}

/**
 * Status of a sync run: `partial` when some subscriptions failed or were read in part.
 *
 * @public
 */
export type SyncRunStatus = 'running' | 'succeeded' | 'partial' | 'failed';

/**
 * One pass of the inventory sync.
 *
 * @public
 */
export interface SyncRun {
  id: number;
  startedAt: Date;
  finishedAt?: Date;
  status: SyncRunStatus;
  outcomes: Record<string, SubscriptionSyncOutcome>;
  error?: string;
}
