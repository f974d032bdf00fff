/**
 * A subscription the inventory reads, with how its last read went.
 *
 * @public
 */
export interface ApiSubscription {
  subscriptionId: string;
  /** The name Azure gives it, when known. */
  displayName: string | null;
  /** Outcome of the last sync run that read it. */
  status: 'succeeded' | 'incomplete' | 'failed' | null;
  /** Why the last read failed or was incomplete. */
  error: string | null;
  /** Clusters in the inventory for it. */
  clusterCount: number;
  /** When a sync last read it (whatever the outcome). */
  lastReadAt: string | null;
  /** When a sync last read it in full. */
  lastSucceededAt: string | null;
}

/**
 * `GET /subscriptions`.
 *
 * @public
 */
export interface SubscriptionList {
  items: ApiSubscription[];
}
