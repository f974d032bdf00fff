import {
  AddressPoolCapacity,
  ADDRESS_POOL_PAGE_LIMITS,
  AKS_NETWORK_INVENTORY_TOPIC,
  AddressPoolList,
  ApiCluster,
  ClusterList,
  FleetClusterPage,
  FleetClusterQuery,
  FleetSummary,
  LastSync,
  logSafe,
  parseSubnetId,
  NextSubnet,
  PoolPlan,
  PoolPlanRequest,
  SubscriptionList,
} from '@aks-network/plugin-aks-network-common';
import {
  AzureAccess,
  azureCloudPortalUrl,
  createInventoryReader,
  readInventorySource,
} from '@aks-network/plugin-aks-network-node';
import type {
  BackstageCredentials,
  DatabaseService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, NotFoundError, stringifyError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EventsService } from '@backstage/plugin-events-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  AksNetworkStore,
  ListClustersQuery,
} from '../database/AksNetworkStore';
import type {
  AddressPool,
  AddressPoolInput,
  AddressPoolUpdate,
  EntityPostureResult,
  InventoryCluster,
  Reservation,
  SyncRun,
} from '../model';
import { DatabaseAksNetworkStore } from '../database/DatabaseAksNetworkStore';
import {
  AksNetworkBackendSettings,
  readAksNetworkBackendConfig,
} from '../config/aksNetworkBackendConfig';
import { PostureNotifier } from '../notifications/PostureNotifier';
import type { ClusterPolicy } from '../plan/ClusterPolicy';
import { planInPool, PoolVnetRead } from '../plan/planInPool';
import { entityPosture } from '../posture/entityPosture';
import {
  checkAddressPoolFields,
  checkAddressPoolInput,
  describePoolVnet,
  poolVnetKey,
} from '../reservations/addressPoolRules';
import { poolCapacity } from '../reservations/poolCapacity';
import { assertPoolInVnet, readPoolVnet } from '../reservations/poolVnetRules';
import { boundReservationRequest } from '../reservations/reservationBounds';
import { seedAddressPools } from '../reservations/reservationSettings';
import {
  ArmVnetSubnetSource,
  VnetSubnetSource,
} from '../reservations/VnetSubnetSource';
import { ClusterInventorySync } from '../sync/ClusterInventorySync';
import { declaredControlSettings } from '../sync/declaredControls';
import type {
  InventoryReader,
  InventorySubscriptions,
} from '../sync/InventorySource';
import { FullRefreshResult, InventoryRefresh } from '../sync/InventoryRefresh';
import { inventoryRefreshSettings } from '../sync/refreshSettings';
import { scheduleInventorySync } from '../sync/scheduleInventorySync';
import { toApiAddressPool } from '../wire/addressPoolResponses';
import {
  toApiCluster,
  toApiFleetCluster,
  toApiLastSync,
} from '../wire/clusterResponses';

/**
 * Options of {@link AksNetworkService.create}.
 *
 * @public
 */
export interface AksNetworkServiceOptions {
  config: Config;
  /**
   * The settings of `aksNetwork` (readAksNetworkBackendConfig). Default: read from
   * `config` here, so a bad value stops the start naming its key.
   */
  settings?: AksNetworkBackendSettings;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  /**
   * Where inventory changes are published (topic `aks-network.inventory`), for the
   * catalog module to update its entities at once. Optional: without it the catalog
   * catches up at its own schedule.
   */
  events?: EventsService;
  /**
   * Where owners are told when a check turns (`aksNetwork.notifications`). Optional:
   * without it nothing is sent.
   */
  notifications?: NotificationService;
  /**
   * The Azure access to read with (the backend's shared `azureAccessServiceRef`).
   * Default: `AzureAccess.fromConfig(config)`.
   */
  access?: AzureAccess;
  /**
   * Where clusters are read from. Default: the access's clients listing the
   * subscriptions and the reader `aksNetwork.inventory.source` names over them
   * (`AzureInventoryReader` by default, `ResourceGraphInventoryReader` on
   * `resourceGraph`).
   */
  azure?: {
    reader: InventoryReader;
    subscriptions: InventorySubscriptions;
    vnetSubnets: VnetSubnetSource;
  };
}

/**
 * The plugin's business logic in one place: each route calls one method. Holds the
 * store, the inventory sync, the cluster policy and the Azure reads the routes need.
 *
 * @public
 */
export class AksNetworkService {
  /**
   * Builds the service: reads Azure access and the cluster policy (so a bad
   * `aksNetwork` config stops the start), migrates the database, and seeds the
   * configured address pools.
   */
  static async create(
    options: AksNetworkServiceOptions,
  ): Promise<AksNetworkService> {
    const { config, logger, database, scheduler, events } = options;
    const access = options.azure
      ? options.access
      : options.access ?? AzureAccess.fromConfig(config, { logger });
    const azure = options.azure ?? azureReaders(access!, config);
    const settings =
      options.settings ?? readAksNetworkBackendConfig(config, { logger });
    const reservationTtlSeconds = settings.reservations.ttlSeconds;
    const reservationMaxTtlSeconds = settings.reservations.maxTtlSeconds;
    const policy = settings.policy;
    const store = await DatabaseAksNetworkStore.create({
      database,
      ownerTag: settings.tags.owner,
    });
    const seeded = await seedAddressPools(store, settings.addressPools);
    if (seeded.length > 0) {
      logger.info(
        `Created address pool(s) from config: ${logSafe(seeded.join(', '))}`,
      );
    }
    // The notifier reads pools' capacity through the service, made below.
    const after: { run?: (run: SyncRun) => Promise<void> } = {};
    const sync = new ClusterInventorySync({
      store,
      reader: azure.reader,
      subscriptions: azure.subscriptions,
      logger,
      concurrency: settings.sync.subscriptionConcurrency,
      // The flow export a cluster's tag and its subscription's config declare.
      declaredControls: declaredControlSettings(settings),
      afterRun: run => after.run?.(run) ?? Promise.resolve(),
      publish: events
        ? event =>
            events.publish({
              topic: AKS_NETWORK_INVENTORY_TOPIC,
              eventPayload: event,
            })
        : undefined,
    });
    const service = new AksNetworkService({
      store,
      sync,
      refresh: new InventoryRefresh({
        store,
        sync,
        scheduler,
        logger,
        ...inventoryRefreshSettings(settings.sync),
      }),
      vnetSubnets: azure.vnetSubnets,
      reservationTtlSeconds,
      reservationMaxTtlSeconds,
      policy,
      syncSchedule: settings.sync.schedule,
      portalBaseUrl: azureCloudPortalUrl(access?.settings.cloud),
      config,
      logger,
      scheduler,
    });
    if (options.notifications && settings.notifications.enabled) {
      const notifier = new PostureNotifier({
        store,
        notifications: options.notifications,
        settings: settings.notifications,
        logger,
        poolCapacity: pool => service.addressPoolCapacity(pool),
      });
      after.run = run => notifier.afterSync(run);
    }
    return service;
  }

  /** The inventory, sync runs, address pools and reservations. */
  readonly store: AksNetworkStore;
  /** Runs the sync now (`run()`) or refreshes one cluster. */
  readonly sync: ClusterInventorySync;
  /**
   * What `POST /refresh` calls: every subscription through the scheduled task, with a
   * cool-down, or one cluster; concurrent callers share one read.
   */
  readonly refresh: InventoryRefresh;
  /** A pool's VNet as Azure has it. */
  readonly vnetSubnets: VnetSubnetSource;
  /** `aksNetwork.reservations.ttlSeconds`, for reservations that name none. */
  readonly reservationTtlSeconds: number;
  /** `aksNetwork.reservations.maxTtlSeconds`: the longest hold a caller may ask. */
  readonly reservationMaxTtlSeconds: number;
  /** What a new cluster may be (`aksNetwork.clusterPolicy`, `clusterNetwork`). */
  readonly policy: ClusterPolicy;
  /** The portal of the configured cloud, for the links the API returns. */
  readonly portalBaseUrl: string;
  private readonly config: Config;
  /** `aksNetwork.sync.schedule`, as read at start-up. */
  private readonly syncSchedule: SchedulerServiceTaskScheduleDefinition;
  private readonly logger: LoggerService;
  private readonly scheduler: SchedulerService;

  private constructor(parts: {
    store: AksNetworkStore;
    sync: ClusterInventorySync;
    refresh: InventoryRefresh;
    vnetSubnets: VnetSubnetSource;
    reservationTtlSeconds: number;
    reservationMaxTtlSeconds: number;
    policy: ClusterPolicy;
    portalBaseUrl: string;
    syncSchedule: SchedulerServiceTaskScheduleDefinition;
    config: Config;
    logger: LoggerService;
    scheduler: SchedulerService;
  }) {
    this.store = parts.store;
    this.sync = parts.sync;
    this.refresh = parts.refresh;
    this.vnetSubnets = parts.vnetSubnets;
    this.reservationTtlSeconds = parts.reservationTtlSeconds;
    this.reservationMaxTtlSeconds = parts.reservationMaxTtlSeconds;
    this.policy = parts.policy;
    this.portalBaseUrl = parts.portalBaseUrl;
    this.config = parts.config;
    this.syncSchedule = parts.syncSchedule;
    this.logger = parts.logger;
    this.scheduler = parts.scheduler;
  }

  /** Schedules the inventory sync (and reservation expiry) from config. */
  async scheduleSync(): Promise<void> {
    await scheduleInventorySync({
      scheduler: this.scheduler,
      config: this.config,
      schedule: this.syncSchedule,
      logger: this.logger,
      sync: this.sync,
      store: this.store,
    });
  }

  /** The last finished sync run, or null before the first. */
  async lastSync(): Promise<LastSync | null> {
    return toApiLastSync(await this.store.lastFinishedSyncRun());
  }

  async listClusters(query: ListClustersQuery): Promise<ClusterList> {
    const [page, lastSync] = await Promise.all([
      this.store.listClusters(query),
      this.lastSync(),
    ]);
    return {
      items: page.items.map(toApiCluster),
      totalCount: page.totalCount,
      lastSync,
    };
  }

  /** @throws NotFoundError when the inventory has no such cluster. */
  async getCluster(id: string): Promise<ApiCluster> {
    const cluster = await this.store.getCluster(id);
    if (!cluster) {
      throw new NotFoundError(`No cluster ${id} in the inventory`);
    }
    return toApiCluster(cluster);
  }

  /**
   * The stored cluster, or undefined: the resource a cluster permission's conditions
   * are applied to (the route's `load`).
   */
  findCluster(id: string): Promise<InventoryCluster | undefined> {
    return this.store.getCluster(id);
  }

  /**
   * Reads one cluster's subscription from Azure now and stores it; concurrent
   * refreshes of the same cluster share one read.
   *
   * @throws NotFoundError when Azure does not list the cluster.
   */
  async refreshCluster(clusterId: string): Promise<InventoryCluster> {
    const cluster = await this.refresh.refreshCluster(clusterId);
    if (!cluster) {
      throw new NotFoundError(`Azure does not list cluster ${clusterId}`);
    }
    return cluster;
  }

  /**
   * Syncs every subscription through the scheduled task (its global lock: one run
   * across replicas), shared by concurrent callers, or answers with the last run while
   * it is younger than the cool-down.
   */
  refreshAll(): Promise<FullRefreshResult> {
    return this.refresh.refreshAll();
  }

  /** Ends the waits of full refreshes so that the backend can stop. */
  stop(): void {
    this.refresh.stop();
  }

  /** The clusters a catalog entity is linked to, read with the caller's credentials. */
  async entityPosture(options: {
    entityRef: string;
    credentials: BackstageCredentials;
    catalog: CatalogService;
  }): Promise<EntityPostureResult> {
    const lastSync = this.store.lastFinishedSyncRun();
    // Read beside the catalog; awaited by entityPosture, so a failure still fails the
    // request, but never goes unhandled when the catalog read fails first.
    lastSync.catch(() => undefined);
    return entityPosture({
      ...options,
      store: this.store,
      portalBaseUrl: this.portalBaseUrl,
      lastSync,
    });
  }

  async fleetClusters(query: FleetClusterQuery): Promise<FleetClusterPage> {
    const [page, lastSync] = await Promise.all([
      this.store.listFleetClusters(query),
      this.lastSync(),
    ]);
    return {
      items: page.items.map(toApiFleetCluster),
      totalCount: page.totalCount,
      lastSync,
    };
  }

  async fleetSummary(): Promise<FleetSummary> {
    const [totals, lastSync] = await Promise.all([
      this.store.fleetTotals(),
      this.lastSync(),
    ]);
    return { ...totals, lastSync };
  }

  async listSubscriptions(): Promise<SubscriptionList> {
    const subscriptions = await this.store.listSubscriptions();
    return {
      items: subscriptions.map(subscription => ({
        subscriptionId: subscription.subscriptionId,
        displayName: subscription.displayName ?? null,
        status: subscription.status ?? null,
        error: subscription.error ?? null,
        clusterCount: subscription.clusterCount,
        lastReadAt: subscription.lastReadAt?.toISOString() ?? null,
        lastSucceededAt: subscription.lastSucceededAt?.toISOString() ?? null,
      })),
    };
  }

  /**
   * A page of pools, and with `capacity` how many node subnets each still has: one
   * VNet read per pool of the page, read at once.
   */
  async listAddressPools(options: {
    capacity?: boolean;
    limit?: number;
    offset?: number;
  }): Promise<AddressPoolList> {
    const page = await this.store.pageAddressPools({
      limit: options.limit ?? ADDRESS_POOL_PAGE_LIMITS.default,
      offset: options.offset ?? 0,
    });
    if (!options.capacity) {
      return {
        items: page.items.map(toApiAddressPool),
        totalCount: page.totalCount,
      };
    }
    const now = new Date();
    const items = await Promise.all(
      page.items.map(async pool => ({
        ...toApiAddressPool(pool),
        capacity: await this.addressPoolCapacity(pool, now),
      })),
    );
    return { items, totalCount: page.totalCount };
  }

  /**
   * How many node subnets a pool still has: its VNet read now, and its live
   * reservations. The error instead when the VNet could not be read.
   */
  async addressPoolCapacity(
    pool: AddressPool,
    now: Date = new Date(),
  ): Promise<AddressPoolCapacity> {
    const [vnet, reservations] = await Promise.all([
      this.readPoolVnet(pool),
      this.store.listReservations({ poolId: pool.id }),
    ]);
    return poolCapacity(
      pool,
      vnet.ok ? { ok: true, read: vnet } : vnet,
      reservations,
      now,
    );
  }

  /**
   * Creates a pool on what Azure says: its fields are checked first (so no unchecked
   * text reaches an ARM URL), then its VNet is read and the range must lie in the
   * VNet's address space; the store refuses a range that overlaps another pool of the
   * VNet. Pools seeded from config skip the Azure read (the operator's word, and the
   * backend starts while Azure is unreachable).
   *
   * @throws InputError naming the field; ConflictError; ServiceUnavailableError when
   *   the VNet cannot be read.
   */
  async createAddressPool(input: AddressPoolInput): Promise<AddressPool> {
    const checked = checkAddressPoolInput(input);
    assertPoolInVnet(
      checked,
      await readPoolVnet(this.vnetSubnets, checked, { for: 'pool' }),
    );
    return this.store.createAddressPool(input);
  }

  /**
   * Changes a pool; a change of its VNet, range or region is checked against the VNet
   * as Azure has it, as on create.
   *
   * @throws NotFoundError; InputError; ConflictError; ServiceUnavailableError.
   */
  async updateAddressPool(
    poolId: string,
    update: AddressPoolUpdate,
  ): Promise<AddressPool> {
    const current = await this.getAddressPool(poolId);
    const next = checkAddressPoolFields(
      { ...current, ...update },
      current.subnetPrefix,
    );
    if (
      poolVnetKey(next) !== poolVnetKey(current) ||
      next.range !== current.range ||
      next.region !== current.region
    ) {
      assertPoolInVnet(
        next,
        await readPoolVnet(this.vnetSubnets, next, { for: 'pool' }),
      );
    }
    return this.store.updateAddressPool(poolId, update);
  }

  /** @throws NotFoundError for an unknown pool. */
  async getAddressPool(poolId: string): Promise<AddressPool> {
    const pool = await this.store.getAddressPool(poolId);
    if (!pool) {
      throw new NotFoundError(`No address pool '${poolId}'`);
    }
    return pool;
  }

  /** @throws NotFoundError for an unknown pool. */
  async deleteAddressPool(poolId: string): Promise<void> {
    await this.store.deleteAddressPool(poolId);
  }

  /**
   * The whole plan of a cluster in a pool, reading the pool and its VNet once; nothing
   * is reserved. @throws NotFoundError for an unknown pool.
   */
  async planInPool(
    poolId: string,
    request: PoolPlanRequest,
  ): Promise<PoolPlan> {
    const pool = await this.getAddressPool(poolId);
    const vnet = await this.readPoolVnet(pool);
    return planInPool({
      pool,
      request,
      policy: this.policy,
      vnet,
      previewSubnet: (prefix, existingSubnets) =>
        this.store.previewSubnet({ poolId: pool.id, prefix, existingSubnets }),
    });
  }

  /** What a reservation would get now, holding nothing (plans, dry runs). */
  async nextSubnet(poolId: string, prefix?: number): Promise<NextSubnet> {
    const pool = await this.getAddressPool(poolId);
    // The prefixes a reservation may ask for (a preview of one it would refuse is no plan).
    const bounded = this.boundRequest({ prefix }, pool);
    const vnet = await readPoolVnet(this.vnetSubnets, pool, { for: 'subnet' });
    const next = await this.store.previewSubnet({
      poolId: pool.id,
      prefix: bounded.prefix,
      existingSubnets: vnet.subnetPrefixes,
    });
    return {
      poolId: pool.id,
      ...next,
      existingSubnets: vnet.subnetPrefixes,
      vnetAddressSpace: vnet.addressSpace,
    };
  }

  /**
   * Reserves the next free subnet of a pool: the VNet's own subnets are taken too,
   * whoever made them, so Azure is read first (before the store's transaction, not
   * inside it).
   */
  async reserveSubnet(
    poolId: string,
    request: {
      requestKey: string;
      owner: string;
      prefix?: number;
      ttlSeconds?: number;
    },
  ): Promise<Reservation> {
    const pool = await this.getAddressPool(poolId);
    // Within the pool's settings before Azure is read: a refused request costs no call.
    const { prefix, ttlSeconds } = this.boundRequest(request, pool);
    const vnet = await readPoolVnet(this.vnetSubnets, pool, { for: 'subnet' });
    return this.store.reserveSubnet({
      poolId: pool.id,
      prefix,
      owner: request.owner,
      requestKey: request.requestKey,
      ttlSeconds,
      existingSubnets: vnet.subnetPrefixes,
    });
  }

  /**
   * Records the subnet made from a reservation: it must be a subnet ARM id inside the
   * VNet of the reservation's pool (the range was carved from that VNet), so no other
   * text is stored as the subnet that holds the range.
   *
   * @throws InputError naming `subnetId`; NotFoundError; ConflictError.
   */
  async commitReservation(
    reservationId: string,
    subnetId: string,
  ): Promise<Reservation> {
    const parsed = parseSubnetId(subnetId);
    if (!parsed.ok) {
      throw new InputError(`subnetId: ${parsed.reason}`);
    }
    const reservation = await this.getReservation(reservationId);
    const pool = await this.getAddressPool(reservation.poolId);
    if (poolVnetKey(parsed.value) !== poolVnetKey(pool)) {
      throw new InputError(
        `subnetId: ${parsed.value.id} is a subnet of VNet '${
          parsed.value.vnetName
        }' of resource group '${parsed.value.resourceGroup}' in subscription ${
          parsed.value.subscriptionId
        }; reservation '${reservation.id}' was carved from address pool '${
          pool.id
        }' on the ${describePoolVnet(pool)}`,
      );
    }
    return this.store.commitReservation(reservation.id, parsed.value.id);
  }

  /**
   * The stored reservation, or undefined: the resource a reservation permission's
   * conditions are applied to (the route's `load`).
   */
  findReservation(reservationId: string): Promise<Reservation | undefined> {
    return this.store.getReservation({ id: reservationId });
  }

  /** @throws NotFoundError for an unknown reservation. */
  async getReservation(reservationId: string): Promise<Reservation> {
    const reservation = await this.findReservation(reservationId);
    if (!reservation) {
      throw new NotFoundError(`No reservation '${reservationId}'`);
    }
    return reservation;
  }

  /** Frees a reservation's range. @throws NotFoundError; ConflictError. */
  releaseReservation(reservationId: string): Promise<Reservation> {
    return this.store.releaseReservation({ id: reservationId });
  }

  /** A reservation request within the pool's settings and the configured TTLs. */
  private boundRequest(
    request: { prefix?: number; ttlSeconds?: number },
    pool: AddressPool,
  ): { prefix: number; ttlSeconds: number } {
    return boundReservationRequest(request, pool, this.policy, {
      defaultTtlSeconds: this.reservationTtlSeconds,
      maxTtlSeconds: this.reservationMaxTtlSeconds,
    });
  }

  private async readPoolVnet(pool: AddressPool): Promise<PoolVnetRead> {
    try {
      const read = await this.vnetSubnets.readVnet(pool);
      return { ok: true, ...read };
    } catch (error) {
      const message = stringifyError(error);
      this.logger.warn(
        `Reading VNet ${logSafe(pool.vnetName)} of address pool ${logSafe(
          pool.id,
        )} failed: ${logSafe(message)}`,
      );
      return { ok: false, error: message };
    }
  }
}

function azureReaders(
  access: AzureAccess,
  config: Config,
): {
  reader: InventoryReader;
  subscriptions: InventorySubscriptions;
  vnetSubnets: VnetSubnetSource;
} {
  return {
    // aksNetwork.inventory.source: ARM's listings by default, Resource Graph on `resourceGraph`.
    reader: createInventoryReader(access, {
      source: readInventorySource(config),
    }),
    subscriptions: access.clients,
    vnetSubnets: new ArmVnetSubnetSource(access.clients),
  };
}
