import type {
  SharedReads,
  SubscriptionInventory,
} from '@aks-network/plugin-aks-network-node';

/**
 * The subscriptions a sync reads. `AzureAccess.clients` (`ArmClients`) of
 * `@aks-network/plugin-aks-network-node` fits: the configured list, or every
 * subscription the credential sees.
 *
 * @public
 */
export interface InventorySubscriptions {
  listSubscriptionIds(): Promise<string[]>;
  /**
   * The subscriptions with the names Azure gives them, for people choosing one; when
   * absent the sync lists ids only.
   */
  listSubscriptions?(): Promise<
    Array<{ subscriptionId: string; displayName?: string }>
  >;
}

/**
 * What a sync needs of one subscription's read.
 *
 * @public
 */
export type SubscriptionInventoryRead = Pick<
  SubscriptionInventory,
  'clusters' | 'complete' | 'errors' | 'partialClusterIds'
>;

/**
 * Reads one subscription's clusters. `AzureInventoryReader` of
 * `@aks-network/plugin-aks-network-node` fits.
 *
 * @public
 */
export interface InventoryReader {
  /**
   * `shared`: one per sync run, given to each subscription's read of the run, so what
   * several subscriptions' clusters share (a hub VNet) is read once a run. A refresh
   * passes none and reads everything fresh.
   */
  readSubscription(
    subscriptionId: string,
    options?: { signal?: AbortSignal; shared?: SharedReads },
  ): Promise<SubscriptionInventoryRead>;
}
