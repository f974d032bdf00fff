import type {
  ClusterRecord,
  FleetClusterQuery,
} from '@aks-network/plugin-aks-network-common';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  AddressPoolPage,
  AksNetworkStore,
  ClusterPage,
  FinishSyncRunInput,
  FleetClusterPageResult,
  FleetTotals,
  ListClustersQuery,
  ListReservationsQuery,
  PreviewSubnetRequest,
  ReservationRef,
  ReserveSubnetRequest,
  SubscriptionReadInput,
  UpsertClustersOptions,
  UpsertClustersResult,
} from './AksNetworkStore';
import type {
  AddressPool,
  AddressPoolInput,
  AddressPoolUpdate,
  InventoryCluster,
  NotificationState,
  Reservation,
  SubscriptionState,
  SyncRun,
} from '../model';
import { AddressPoolTable } from './AddressPoolTable';
import { ClusterInventoryTable } from './ClusterInventoryTable';
import { applyDatabaseMigrations } from './migrations';
import { NotificationStateTable } from './NotificationStateTable';
import { ReservationTable } from './ReservationTable';
import { SubscriptionTable } from './SubscriptionTable';
import { SyncRunTable } from './SyncRunTable';

/**
 * Options of {@link DatabaseAksNetworkStore.create}.
 *
 * @public
 */
export interface DatabaseAksNetworkStoreOptions {
  database: DatabaseService;
  /** Skip the migrations even when `database.migrations.skip` is not set. */
  skipMigrations?: boolean;
  /**
   * The tag that names a cluster's owner, matched case-insensitively as Azure tag
   * names are. Default `owner`.
   */
  ownerTag?: string;
}

/**
 * {@link AksNetworkStore} on the plugin's database (SQLite or PostgreSQL through knex).
 *
 * @public
 */
export class DatabaseAksNetworkStore implements AksNetworkStore {
  // Why one-line methods over the tables: the sync, the service, the permission rules
  // and the tests use one store object, while the SQL is split by table so that each
  // `*Table` file can be read on its own (the transactions that span tables, under a
  // pool's row lock, say so where they are). This class is where the split is put
  // together: it runs the migrations and the fleet-column backfill before any table is
  // used, and it supplies the clock (`at` defaults to now) so that the tables take their
  // times explicitly.
  static async create(
    options: DatabaseAksNetworkStoreOptions,
  ): Promise<DatabaseAksNetworkStore> {
    const { database } = options;
    const client = await database.getClient();
    if (!options.skipMigrations && !database.migrations?.skip) {
      await applyDatabaseMigrations(client);
    }
    const clusters = new ClusterInventoryTable(
      client,
      options.ownerTag ?? 'owner',
    );
    // Rows from before the fleet columns existed get them now, once.
    await clusters.backfillFleetColumns();
    return new DatabaseAksNetworkStore(
      clusters,
      new SyncRunTable(client),
      new AddressPoolTable(client),
      new ReservationTable(client),
      new SubscriptionTable(client),
      new NotificationStateTable(client),
    );
  }

  private constructor(
    private readonly clusters: ClusterInventoryTable,
    private readonly syncRuns: SyncRunTable,
    private readonly pools: AddressPoolTable,
    private readonly reservations: ReservationTable,
    private readonly subscriptions: SubscriptionTable,
    private readonly notificationStates: NotificationStateTable,
  ) {}

  upsertClustersForSubscription(
    subscriptionId: string,
    records: ClusterRecord[],
    options: UpsertClustersOptions,
  ): Promise<UpsertClustersResult> {
    return this.clusters.upsertForSubscription(
      subscriptionId,
      records,
      options,
    );
  }

  markSubscriptionStale(
    subscriptionId: string,
    error: string,
    at: Date = new Date(),
  ): Promise<number> {
    return this.clusters.markSubscriptionStale(subscriptionId, error, at);
  }

  upsertCluster(record: ClusterRecord, at: Date = new Date()): Promise<void> {
    return this.clusters.upsert(record, at);
  }

  listClusters(query: ListClustersQuery = {}): Promise<ClusterPage> {
    return this.clusters.list(query);
  }

  getCluster(id: string): Promise<InventoryCluster | undefined> {
    return this.clusters.get(id);
  }

  getClusters(ids: readonly string[]): Promise<InventoryCluster[]> {
    return this.clusters.getMany(ids);
  }

  listFleetClusters(
    query: FleetClusterQuery = {},
  ): Promise<FleetClusterPageResult> {
    return this.clusters.listFleet(query);
  }

  fleetTotals(): Promise<FleetTotals> {
    return this.clusters.totals();
  }

  recordSubscriptionRead(read: SubscriptionReadInput): Promise<void> {
    return this.subscriptions.recordRead(read);
  }

  listSubscriptionReadStates(): ReturnType<
    AksNetworkStore['listSubscriptionReadStates']
  > {
    return this.subscriptions.readStates();
  }

  listSubscriptions(): Promise<SubscriptionState[]> {
    return this.subscriptions.list();
  }

  startSyncRun(at: Date = new Date()): Promise<SyncRun> {
    return this.syncRuns.start(at);
  }

  finishSyncRun(id: number, input: FinishSyncRunInput): Promise<SyncRun> {
    return this.syncRuns.finish(id, input);
  }

  listSyncRuns(options: { limit?: number } = {}): Promise<SyncRun[]> {
    return this.syncRuns.list(options.limit ?? 20);
  }

  lastFinishedSyncRun(): Promise<SyncRun | undefined> {
    return this.syncRuns.lastFinished();
  }

  listAddressPools(): Promise<AddressPool[]> {
    return this.pools.list();
  }

  pageAddressPools(query: {
    limit: number;
    offset: number;
  }): Promise<AddressPoolPage> {
    return this.pools.page(query);
  }

  getAddressPool(id: string): Promise<AddressPool | undefined> {
    return this.pools.get(id);
  }

  createAddressPool(
    input: AddressPoolInput,
    at: Date = new Date(),
  ): Promise<AddressPool> {
    return this.pools.create(input, at);
  }

  updateAddressPool(
    id: string,
    update: AddressPoolUpdate,
    at: Date = new Date(),
  ): Promise<AddressPool> {
    return this.pools.update(id, update, at);
  }

  deleteAddressPool(id: string, at: Date = new Date()): Promise<void> {
    return this.pools.delete(id, at);
  }

  reserveSubnet(request: ReserveSubnetRequest): Promise<Reservation> {
    return this.reservations.reserve(request);
  }

  previewSubnet(
    request: PreviewSubnetRequest,
  ): Promise<{ cidr: string; prefix: number }> {
    return this.reservations.preview(request);
  }

  getReservation(ref: ReservationRef): Promise<Reservation | undefined> {
    return this.reservations.get(ref);
  }

  listReservations(query: ListReservationsQuery = {}): Promise<Reservation[]> {
    return this.reservations.list(query);
  }

  releaseReservation(
    ref: ReservationRef,
    at: Date = new Date(),
  ): Promise<Reservation> {
    return this.reservations.release(ref, at);
  }

  commitReservation(
    id: string,
    subnetId: string,
    at: Date = new Date(),
  ): Promise<Reservation> {
    return this.reservations.commit(id, subnetId, at);
  }

  expireReservations(now: Date = new Date()): Promise<number> {
    return this.reservations.expire(now);
  }

  listNotificationStates(): Promise<NotificationState[]> {
    return this.notificationStates.list();
  }

  saveNotificationStates(
    states: readonly NotificationState[],
    removed: readonly string[],
  ): Promise<void> {
    return this.notificationStates.save(states, removed);
  }
}
