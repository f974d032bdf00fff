/**
 * A subscription the sync reads and how its last read went.
 *
 * @public
 */
export interface SubscriptionState {
  subscriptionId: string;
  displayName?: string;
  status?: 'succeeded' | 'incomplete' | 'failed';
  error?: string;
  clusterCount: number;
  lastReadAt?: Date;
  lastSucceededAt?: Date;
}
