import { AKS_NETWORK_INVENTORY_TOPIC } from '@aks-network/plugin-aks-network-common';
import {
  AzureAccess,
  AzureInventoryReader,
} from '@aks-network/plugin-aks-network-node';
import type {
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { EventsService } from '@backstage/plugin-events-node';
import type { AksNetworkStore } from '../database/AksNetworkStore';
import { DatabaseAksNetworkStore } from '../database/DatabaseAksNetworkStore';
import {
  readConfiguredAddressPools,
  readReservationTtlSeconds,
  seedAddressPools,
} from '../reservations/reservationSettings';
import { ClusterInventorySync } from '../sync/ClusterInventorySync';
import type {
  InventoryReader,
  InventorySubscriptions,
} from '../sync/InventorySource';
import { scheduleInventorySync } from '../sync/scheduleInventorySync';
import {
  ArmVnetSubnetSource,
  VnetSubnetSource,
} from '../reservations/VnetSubnetSource';

/**
 * Options of {@link AksNetworkService.create}.
 *
 * @public
 */
export interface AksNetworkServiceOptions {
  config: Config;
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
   * The Azure access to read with (the backend's shared `azureAccessServiceRef`).
   * Default: `AzureAccess.fromConfig(config)`.
   */
  access?: AzureAccess;
  /**
   * Where clusters are read from. Default: the access's clients listing the
   * subscriptions and an `AzureInventoryReader` over them.
   */
  azure?: {
    reader: InventoryReader;
    subscriptions: InventorySubscriptions;
    vnetSubnets: VnetSubnetSource;
  };
}

/**
 * The plugin's business logic in one place, for the router and the plugin's init:
 * the store, the inventory sync and the reservation settings.
 *
 * @public
 */
export class AksNetworkService {
  /**
   * Builds the service: reads Azure access (so a bad `aksNetwork.azure` stops the
   * start), migrates the database, and seeds the configured address pools.
   */
  static async create(
    options: AksNetworkServiceOptions,
  ): Promise<AksNetworkService> {
    const { config, logger, database, scheduler, events } = options;
    const azure =
      options.azure ??
      azureReaders(
        options.access ?? AzureAccess.fromConfig(config, { logger }),
      );
    const reservationTtlSeconds = readReservationTtlSeconds(config);
    const store = await DatabaseAksNetworkStore.create({
      database,
      ownerTag: config.getOptionalString('aksNetwork.sync.ownerTag'),
    });
    const seeded = await seedAddressPools(
      store,
      readConfiguredAddressPools(config),
    );
    if (seeded.length > 0) {
      logger.info(`Created address pool(s) from config: ${seeded.join(', ')}`);
    }
    const sync = new ClusterInventorySync({
      store,
      reader: azure.reader,
      subscriptions: azure.subscriptions,
      logger,
      publish: events
        ? event =>
            events.publish({
              topic: AKS_NETWORK_INVENTORY_TOPIC,
              eventPayload: event,
            })
        : undefined,
    });
    return new AksNetworkService(
      store,
      sync,
      azure.vnetSubnets,
      reservationTtlSeconds,
      config,
      logger,
      scheduler,
    );
  }

  private constructor(
    /** The inventory, sync runs, address pools and reservations. */
    readonly store: AksNetworkStore,
    /** Runs the sync now (`run()`) or refreshes one cluster. */
    readonly sync: ClusterInventorySync,
    /** The subnets that already exist in a pool's VNet, read from Azure. */
    readonly vnetSubnets: VnetSubnetSource,
    /** `aksNetwork.reservations.ttlSeconds`, for reservations that name none. */
    readonly reservationTtlSeconds: number,
    private readonly config: Config,
    private readonly logger: LoggerService,
    private readonly scheduler: SchedulerService,
  ) {}

  /** Schedules the inventory sync (and reservation expiry) from config. */
  async scheduleSync(): Promise<void> {
    await scheduleInventorySync({
      scheduler: this.scheduler,
      config: this.config,
      logger: this.logger,
      sync: this.sync,
      store: this.store,
    });
  }
}

function azureReaders(access: AzureAccess): {
  reader: InventoryReader;
  subscriptions: InventorySubscriptions;
  vnetSubnets: VnetSubnetSource;
} {
  return {
    reader: new AzureInventoryReader(access.clients, {
      // Opt-in: needs the cluster-user role on every cluster (node README).
      readApiServerCertificateAuthority:
        access.settings.readApiServerCertificateAuthority,
    }),
    subscriptions: access.clients,
    vnetSubnets: new ArmVnetSubnetSource(access.clients),
  };
}
