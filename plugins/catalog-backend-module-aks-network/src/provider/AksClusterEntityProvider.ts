import {
  ClusterRecord,
  errorMessage,
  isAksNetworkInventoryEvent,
  normaliseArmId,
} from '@aks-network/plugin-aks-network-common';
import {
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { clusterEntityName } from '@aks-network/plugin-aks-network-node';
import { clusterToEntity } from '../entity/clusterToEntity';
import {
  AksClusterProviderConfig,
  readAksClusterProviderConfig,
} from './AksClusterProviderConfig';
import { ClusterInventory } from './ClusterInventory';

const PROVIDER_NAME = 'aks-network';
/**
 * The location of every cluster entity, `aks-network:clusters`: used both as the
 * `managed-by-location` annotation and as the mutation location key, the same for
 * full and delta mutations so neither conflicts with the other.
 */
const LOCATION_KEY = 'clusters';

/**
 * Clusters to add to (or update in) the catalog, and clusters to take out of it,
 * without waiting for the next full refresh.
 *
 * @public
 */
export interface AksClusterDelta {
  added: ClusterRecord[];
  removed?: Array<Pick<ClusterRecord, 'id' | 'name'>>;
}

/**
 * What a refresh did, for callers and tests; the reason is also logged.
 *
 * @public
 */
export type AksClusterRefreshOutcome =
  | { applied: true; entityCount: number }
  | { applied: false; reason: string };

/**
 * Emits one `Resource` of type `kubernetes-cluster` per cluster in the AKS network
 * inventory.
 *
 * @public
 */
export class AksClusterEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  /**
   * @param config - the root config; settings are read from `catalog.providers.aksNetwork`
   * @param options - logger, scheduler, and the inventory to read clusters from
   */
  static fromConfig(
    config: RootConfigService,
    options: {
      logger: LoggerService;
      scheduler: SchedulerService;
      inventory: ClusterInventory;
    },
  ): AksClusterEntityProvider {
    const settings = readAksClusterProviderConfig(config, {
      logger: options.logger,
    });
    return new AksClusterEntityProvider(
      settings,
      options.inventory,
      options.logger.child({ target: PROVIDER_NAME }),
      options.scheduler.createScheduledTaskRunner(settings.schedule),
    );
  }

  private constructor(
    private readonly settings: AksClusterProviderConfig,
    private readonly inventory: ClusterInventory,
    private readonly logger: LoggerService,
    private readonly taskRunner: SchedulerServiceTaskRunner,
  ) {}

  /** {@inheritDoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return PROVIDER_NAME;
  }

  /** {@inheritDoc @backstage/plugin-catalog-node#EntityProvider.connect} */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.taskRunner.run({
      id: `${PROVIDER_NAME}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /**
   * Replaces the catalog's clusters with the inventory's, but only when the inventory's
   * last sync was complete. An unreachable inventory (the backend plugin not installed
   * yet, a 404, a 5xx) or a failed sync leaves the catalog as it is: removing clusters
   * because Azure or the backend had a bad minute would break every link to them.
   * Never throws, so a failing inventory cannot fail the catalog's task.
   */
  async refresh(): Promise<AksClusterRefreshOutcome> {
    const connection = this.requireConnection();
    let snapshot;
    try {
      snapshot = await this.inventory.listClusters();
    } catch (error) {
      return this.skip(
        `the AKS network inventory could not be read: ${errorMessage(error)}`,
      );
    }
    if (!snapshot.syncComplete) {
      return this.skip(
        `the inventory's last sync was not complete (${snapshot.items.length} clusters listed)`,
      );
    }
    const entities = this.toDeferredEntities(snapshot.items);
    await connection.applyMutation({ type: 'full', entities });
    this.logger.info(`Applied ${entities.length} AKS cluster entities`);
    return { applied: true, entityCount: entities.length };
  }

  /**
   * Adds or updates one cluster now, e.g. right after it was created or refreshed, so
   * it shows up within seconds rather than at the next scheduled refresh.
   */
  async refreshCluster(record: ClusterRecord): Promise<void> {
    await this.applyClusters({ added: [record] });
  }

  /**
   * Reacts to an event of the backend plugin on `aks-network.inventory`: refreshed
   * clusters (one refreshed on demand, or those a sync found new or changed) are
   * upserted at once and removed ones deleted, as delta mutations, so a cluster the
   * scaffolder just created shows up within seconds and a sync that changed nothing
   * costs the catalog nothing. A complete sync from a publisher that sends no such
   * deltas (no `changedClusterCount`) triggers a full refresh instead. Anything else,
   * or an event before the catalog connected the provider, is ignored: the scheduled
   * refresh catches up. Never throws.
   */
  async handleInventoryEvent(payload: unknown): Promise<void> {
    if (!this.connection) {
      this.logger.debug(
        'Inventory event before the catalog connected; ignored',
      );
      return;
    }
    if (!isAksNetworkInventoryEvent(payload)) {
      this.logger.warn(
        'Ignored an aks-network.inventory event of unknown shape',
      );
      return;
    }
    try {
      if (payload.type === 'clusters.refreshed') {
        await this.applyClusters({ added: payload.clusters });
        this.logger.info(
          `Applied ${payload.clusters.length} refreshed AKS cluster entit${
            payload.clusters.length === 1 ? 'y' : 'ies'
          }`,
        );
      } else if (payload.type === 'clusters.removed') {
        await this.applyClusters({ added: [], removed: payload.clusters });
        this.logger.info(
          `Removed ${payload.clusters.length} AKS cluster entit${
            payload.clusters.length === 1 ? 'y' : 'ies'
          } gone from Azure`,
        );
      } else if (
        payload.complete &&
        payload.changedClusterCount === undefined
      ) {
        // A publisher that sends no per-cluster deltas: replace the whole view. One
        // that does has sent every change already (none when nothing changed).
        await this.refresh();
      }
    } catch (error) {
      this.logger.warn(
        `AKS inventory event ${payload.type} not applied: ${errorMessage(
          error,
        )}; the scheduled refresh will catch up`,
      );
    }
  }

  /** Applies a delta mutation: the added clusters are upserted, the removed ones deleted. */
  async applyClusters(delta: AksClusterDelta): Promise<void> {
    const connection = this.requireConnection();
    const removed = (delta.removed ?? []).map(cluster => ({
      entityRef: stringifyEntityRef({
        kind: 'Resource',
        namespace: 'default',
        name: clusterEntityName(cluster),
      }),
      locationKey: this.locationKey(),
    }));
    await connection.applyMutation({
      type: 'delta',
      added: this.toDeferredEntities(delta.added),
      removed,
    });
  }

  private toDeferredEntities(records: ClusterRecord[]): DeferredEntity[] {
    // ARM ids are case-insensitive; a cluster listed twice must not become two
    // entities with the same name in one mutation. Keyed as the entity name's digest
    // normalises the id, so two ids of one name are always one entity.
    const byId = new Map<string, ClusterRecord>();
    for (const record of records) {
      byId.set(normaliseArmId(record.id), record);
    }
    return [...byId.values()].map(record => ({
      entity: this.toEntity(record),
      locationKey: this.locationKey(),
    }));
  }

  private toEntity(record: ClusterRecord) {
    return clusterToEntity(record, {
      ownerTag: this.settings.ownerTag,
      defaultOwner: this.settings.defaultOwner,
      systemTag: this.settings.systemTag,
      componentTag: this.settings.componentTag,
      portalBaseUrl: this.settings.portalBaseUrl,
      kubernetesAuthProvider: this.settings.kubernetesAuthProvider,
      locationKey: LOCATION_KEY,
    });
  }

  private locationKey(): string {
    return `aks-network:${LOCATION_KEY}`;
  }

  private skip(reason: string): AksClusterRefreshOutcome {
    this.logger.warn(
      `AKS cluster entities not refreshed: ${reason}; catalog left unchanged`,
    );
    return { applied: false, reason };
  }

  private requireConnection(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(
        `${PROVIDER_NAME} entity provider is not connected to the catalog`,
      );
    }
    return this.connection;
  }
}
