import type {
  ClusterRecord,
  FleetClusterQuery,
  FleetSummary,
  NetworkModel,
} from '@aks-network/plugin-aks-network-common';
import type {
  AddressPool,
  AddressPoolInput,
  AddressPoolUpdate,
  FleetInventoryCluster,
  InventoryCluster,
  NotificationState,
  Reservation,
  ReservationState,
  SubscriptionState,
  SubscriptionSyncOutcome,
  SyncRun,
  SyncRunStatus,
} from '../model';

// The input of `createAddressPool`, also named here for the config seeding that
// imports it from the store.
export type { AddressPoolInput } from '../model';

/**
 * Filters and paging of {@link AksNetworkStore.listClusters}.
 *
 * @public
 */
export interface ListClustersQuery {
  subscriptionId?: string;
  /** Azure region (`location`), e.g. `westeurope`. */
  region?: string;
  networkModel?: NetworkModel;
  owner?: string;
  /** Page size; default 100, at most 1000. */
  limit?: number;
  /** Clusters to skip, in name order. */
  offset?: number;
}

/**
 * A page of clusters and the count of every cluster the filters match.
 *
 * @public
 */
export interface ClusterPage {
  items: InventoryCluster[];
  totalCount: number;
}

/**
 * A page of the fleet view.
 *
 * @public
 */
export interface FleetClusterPageResult {
  items: FleetInventoryCluster[];
  totalCount: number;
}

/**
 * Totals of the fleet view over every cluster.
 *
 * @public
 */
export type FleetTotals = Omit<FleetSummary, 'lastSync'>;

/**
 * One subscription's read, as the sync records it.
 *
 * @public
 */
export interface SubscriptionReadInput {
  subscriptionId: string;
  displayName?: string;
  status: 'succeeded' | 'incomplete' | 'failed';
  error?: string;
  at: Date;
}

/**
 * Options of {@link AksNetworkStore.upsertClustersForSubscription}.
 *
 * @public
 */
export interface UpsertClustersOptions {
  /**
   * The subscription's cluster list was read to its last page. Only then are the
   * subscription's clusters missing from the list deleted.
   */
  complete: boolean;
  /**
   * With `complete: false`, the clusters not in the list are kept and marked stale
   * with this error (default: "the cluster list was read in part").
   */
  incompleteError?: string;
  /** The time of the read; default now. */
  at?: Date;
  /**
   * Record the listing's time on the subscription (`clusters_listed_at`). Default
   * true. A sync run passes false for a subscription whose state it leaves as it was:
   * the run itself then says when the subscription was listed (see
   * `COVERING_RUN_STATUSES`), so an unchanged sync writes no subscription row.
   */
  recordListing?: boolean;
}

/**
 * What {@link AksNetworkStore.upsertClustersForSubscription} changed.
 *
 * @public
 */
export interface UpsertClustersResult {
  /** Rows written: new clusters, changed ones, and unchanged ones that were stale. */
  upserted: number;
  /** Listed clusters whose stored row already held the same content: not written. */
  unchanged: number;
  deleted: number;
  markedStale: number;
  /** The records of new and changed clusters, as stored: the catalog's delta. */
  changed: ClusterRecord[];
  /** The clusters deleted (the list was complete and did not name them). */
  removed: Array<Pick<ClusterRecord, 'id' | 'name'>>;
}

/**
 * How a sync run ended.
 *
 * @public
 */
export interface FinishSyncRunInput {
  status: Exclude<SyncRunStatus, 'running'>;
  outcomes: Record<string, SubscriptionSyncOutcome>;
  error?: string;
  at?: Date;
}

/**
 * A page of address pools and how many there are.
 *
 * @public
 */
export interface AddressPoolPage {
  items: AddressPool[];
  totalCount: number;
}

/**
 * A request for the next free subnet of a pool.
 *
 * @public
 */
export interface ReserveSubnetRequest {
  poolId: string;
  /** Prefix length wanted; the pool's `subnetPrefix` by default. */
  prefix?: number;
  owner: string;
  /** Idempotency key: the same key in the same pool returns the same reservation. */
  requestKey: string;
  /** How long the range is held before it expires unless committed. */
  ttlSeconds: number;
  /**
   * CIDRs of the subnets that already exist in the pool's VNet, as the caller read
   * them from Azure: the store never calls Azure.
   */
  existingSubnets: string[];
  /** Default now. */
  now?: Date;
}

/**
 * A look at the next free subnet of a pool, holding nothing.
 *
 * @public
 */
export type PreviewSubnetRequest = Pick<
  ReserveSubnetRequest,
  'poolId' | 'prefix' | 'existingSubnets' | 'now'
>;

/**
 * Filters of {@link AksNetworkStore.listReservations}.
 *
 * @public
 */
export interface ListReservationsQuery {
  poolId?: string;
  state?: ReservationState;
}

/**
 * Names a reservation by id, or by its pool and request key.
 *
 * @public
 */
export type ReservationRef =
  | { id: string }
  | { poolId: string; requestKey: string };

/**
 * The plugin's persistent state: the cluster inventory, sync runs, address pools and
 * reservations.
 *
 * @public
 */
export interface AksNetworkStore {
  /**
   * Replaces what is known of one subscription's clusters in one transaction: upserts
   * every record and clears its stale mark; deletes the subscription's other clusters
   * only when `complete`, and marks them stale otherwise.
   */
  upsertClustersForSubscription(
    subscriptionId: string,
    records: ClusterRecord[],
    options: UpsertClustersOptions,
  ): Promise<UpsertClustersResult>;
  /** Marks every cluster of a subscription stale after a failed read; keeps the rows. */
  markSubscriptionStale(
    subscriptionId: string,
    error: string,
    at?: Date,
  ): Promise<number>;
  /** Upserts one cluster (an on-demand refresh) and clears its stale mark. */
  upsertCluster(record: ClusterRecord, at?: Date): Promise<void>;
  listClusters(query?: ListClustersQuery): Promise<ClusterPage>;
  /** A cluster by ARM id (any case). */
  getCluster(id: string): Promise<InventoryCluster | undefined>;
  /** Clusters by ARM id (any case), in one query; ids not in the inventory are left out. */
  getClusters(ids: readonly string[]): Promise<InventoryCluster[]>;
  /** The fleet view: filters, sort and paging in the database. */
  listFleetClusters(query?: FleetClusterQuery): Promise<FleetClusterPageResult>;
  /** Totals over every cluster. */
  fleetTotals(): Promise<FleetTotals>;

  /** Records one subscription's read (its name, outcome and time). */
  recordSubscriptionRead(read: SubscriptionReadInput): Promise<void>;
  /** Every subscription the sync read, with its cluster count, in id order. */
  listSubscriptions(): Promise<SubscriptionState[]>;
  /**
   * What a sync run compares its reads with: each stored subscription's status, error
   * and name, without the cluster counts and read times of `listSubscriptions`.
   */
  listSubscriptionReadStates(): Promise<
    Array<
      Pick<
        SubscriptionState,
        'subscriptionId' | 'status' | 'error' | 'displayName'
      >
    >
  >;

  startSyncRun(at?: Date): Promise<SyncRun>;
  finishSyncRun(id: number, input: FinishSyncRunInput): Promise<SyncRun>;
  /** The most recent runs first. */
  listSyncRuns(options?: { limit?: number }): Promise<SyncRun[]>;
  /** The newest run that finished, without its per-subscription outcomes (`{}`). */
  lastFinishedSyncRun(): Promise<SyncRun | undefined>;

  /** Every pool, in id order (for the service's own use: the API pages). */
  listAddressPools(): Promise<AddressPool[]>;
  /** A page of pools in id order, with the count of all. */
  pageAddressPools(query: {
    limit: number;
    offset: number;
  }): Promise<AddressPoolPage>;
  getAddressPool(id: string): Promise<AddressPool | undefined>;
  /**
   * @throws InputError naming the field; ConflictError when the id is taken or the
   *   range overlaps another pool of the same VNet (checked under a lock of the VNet).
   */
  createAddressPool(input: AddressPoolInput, at?: Date): Promise<AddressPool>;
  /**
   * @throws NotFoundError; InputError; ConflictError when live reservations fall
   *   outside a new range or the pool would move to another VNet while it holds any,
   *   or the range overlaps another pool of its VNet.
   */
  updateAddressPool(
    id: string,
    update: AddressPoolUpdate,
    at?: Date,
  ): Promise<AddressPool>;
  /** @throws NotFoundError; ConflictError while the pool has live reservations. */
  deleteAddressPool(id: string, at?: Date): Promise<void>;

  /**
   * The lowest free subnet of the prefix in the pool, clear of the existing subnets
   * and the live reservations; the same request key returns the same reservation.
   *
   * @throws NotFoundError for an unknown pool; InputError for a bad prefix or subnet;
   *   ConflictError when the pool has no room left.
   */
  reserveSubnet(request: ReserveSubnetRequest): Promise<Reservation>;
  /**
   * The subnet `reserveSubnet` would give now, without holding it (plans, dry runs).
   *
   * @throws NotFoundError for an unknown pool; InputError; ConflictError when full.
   */
  previewSubnet(request: PreviewSubnetRequest): Promise<{
    cidr: string;
    prefix: number;
  }>;
  getReservation(ref: ReservationRef): Promise<Reservation | undefined>;
  listReservations(query?: ListReservationsQuery): Promise<Reservation[]>;
  /** Gives the range back. Idempotent. @throws NotFoundError */
  releaseReservation(ref: ReservationRef, at?: Date): Promise<Reservation>;
  /**
   * Records the subnet created from a reservation. A released or expired one is
   * committed too when no live reservation holds its range (its subnet outlived a failed
   * step). @throws NotFoundError, ConflictError
   */
  commitReservation(
    id: string,
    subnetId: string,
    at?: Date,
  ): Promise<Reservation>;
  /** Marks reserved reservations past their expiry as expired; returns how many. */
  expireReservations(now?: Date): Promise<number>;

  /** What each posture notification last spoke of (`PostureNotifier`). */
  listNotificationStates(): Promise<NotificationState[]>;
  /** Writes the given states and forgets the given subjects, in one transaction. */
  saveNotificationStates(
    states: readonly NotificationState[],
    removed: readonly string[],
  ): Promise<void>;
}
