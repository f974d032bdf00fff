import type { AksNetworkInventoryEvent } from '@aks-network/plugin-aks-network-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  AksNetworkStore,
  InventoryCluster,
  SubscriptionSyncOutcome,
  SyncRun,
  SyncRunStatus,
} from '../database/AksNetworkStore';
import { describeReadError, describeThrown } from './describeSyncFailure';
import type {
  InventoryReader,
  InventorySubscriptions,
  SubscriptionInventoryRead,
} from './InventorySource';

/**
 * Options of {@link ClusterInventorySync}.
 *
 * @public
 */
export interface ClusterInventorySyncOptions {
  store: AksNetworkStore;
  reader: InventoryReader;
  subscriptions: InventorySubscriptions;
  logger: LoggerService;
  /**
   * Subscriptions read at once. Default 2; the ARM pipeline bounds the requests per
   * subscription on top of this (`aksNetwork.azure.requests`).
   */
  concurrency?: number;
  /** The clock (tests). */
  now?: () => Date;
  /**
   * Told of every stored refresh and finished run (the plugin publishes them on the
   * events service for the catalog module). A failure to publish is logged, never
   * fails the sync: the catalog catches up at its own schedule.
   */
  publish?: (event: AksNetworkInventoryEvent) => Promise<void>;
}

const ARM_SUBSCRIPTION = /^\/subscriptions\/([^/]+)\//i;

/**
 * Reads every subscription's AKS clusters into the store. A subscription that reads
 * keeps exactly what Azure listed (deletions only when listed in full); one that fails
 * keeps its last inventory, marked stale with the error and time (DESIGN: "a failed
 * sync never deletes good inventory"). Each run is recorded with a per-subscription
 * outcome.
 *
 * @public
 */
export class ClusterInventorySync {
  private readonly store: AksNetworkStore;
  private readonly reader: InventoryReader;
  private readonly subscriptions: InventorySubscriptions;
  private readonly logger: LoggerService;
  private readonly concurrency: number;
  private readonly now: () => Date;
  private readonly publishEvent?: (
    event: AksNetworkInventoryEvent,
  ) => Promise<void>;
  private inFlight?: Promise<SyncRun>;

  constructor(options: ClusterInventorySyncOptions) {
    this.store = options.store;
    this.reader = options.reader;
    this.subscriptions = options.subscriptions;
    this.logger = options.logger;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.now = options.now ?? (() => new Date());
    this.publishEvent = options.publish;
  }

  /**
   * One pass over every subscription. A call while a pass is running in this process
   * joins it rather than reading Azure twice (the scheduled task and a "refresh all"
   * request may meet).
   */
  run(options: { signal?: AbortSignal } = {}): Promise<SyncRun> {
    if (!this.inFlight) {
      this.inFlight = this.runOnce(options.signal)
        .then(async run => {
          await this.publish({
            type: 'sync.finished',
            runId: run.id,
            complete: run.status === 'succeeded',
          });
          return run;
        })
        .finally(() => {
          this.inFlight = undefined;
        });
    }
    return this.inFlight;
  }

  /**
   * Refreshes one cluster on demand (e.g. right after it was created). The inventory
   * library reads a subscription at a time and has no single-cluster read, so this
   * reads the cluster's subscription and stores all of it, as a sync would: the calls
   * are bounded by the subscription's shared resources (see `AzureInventoryReader`),
   * and the other clusters come fresh for free.
   *
   * @returns the cluster, or undefined when Azure does not list it.
   * @throws InputError when `id` is not an ARM resource id.
   */
  async refreshCluster(
    id: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<InventoryCluster | undefined> {
    const match = ARM_SUBSCRIPTION.exec(id);
    if (!match) {
      throw new InputError(`id: '${id}' is not an ARM resource id`);
    }
    // Subscription ids are GUIDs, case-insensitive in ARM; the store keys them lower-case.
    await this.syncSubscription(match[1].toLowerCase(), options.signal);
    const cluster = await this.store.getCluster(id);
    if (cluster) {
      await this.publish({
        type: 'clusters.refreshed',
        clusters: [cluster.record],
      });
    }
    return cluster;
  }

  private async publish(event: AksNetworkInventoryEvent): Promise<void> {
    if (!this.publishEvent) {
      return;
    }
    try {
      await this.publishEvent(event);
    } catch (error) {
      this.logger.warn(
        `Publishing the AKS inventory event ${
          event.type
        } failed: ${describeThrown(error)}`,
      );
    }
  }

  private async runOnce(signal: AbortSignal | undefined): Promise<SyncRun> {
    const run = await this.store.startSyncRun(this.now());
    let subscriptionIds: string[];
    const displayNames = new Map<string, string>();
    try {
      if (this.subscriptions.listSubscriptions) {
        const listed = await this.subscriptions.listSubscriptions();
        subscriptionIds = listed.map(entry => entry.subscriptionId);
        for (const entry of listed) {
          if (entry.displayName) {
            displayNames.set(entry.subscriptionId, entry.displayName);
          }
        }
      } else {
        subscriptionIds = await this.subscriptions.listSubscriptionIds();
      }
    } catch (error) {
      const message = `Listing the subscriptions failed: ${describeThrown(
        error,
      )}`;
      this.logger.error(message);
      return this.store.finishSyncRun(run.id, {
        status: 'failed',
        outcomes: {},
        error: message,
        at: this.now(),
      });
    }

    const outcomes: Record<string, SubscriptionSyncOutcome> = {};
    const queue = [...subscriptionIds];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        outcomes[next] = await this.syncSubscription(
          next,
          signal,
          displayNames.get(next),
        );
      }
    };
    try {
      await Promise.all(
        Array.from(
          { length: Math.min(this.concurrency, queue.length) },
          worker,
        ),
      );
    } catch (error) {
      // Aborted (the task's timeout) or the database failed: the run must not stay
      // `running` for ever. What was stored so far stays; the rest is untouched.
      const message = signal?.aborted
        ? `Aborted after ${Object.keys(outcomes).length} of ${
            subscriptionIds.length
          } subscription(s): ${describeThrown(signal.reason ?? error)}`
        : describeThrown(error);
      this.logger.error(`AKS inventory sync ${run.id} failed: ${message}`);
      await this.store.finishSyncRun(run.id, {
        status: 'failed',
        outcomes,
        error: message,
        at: this.now(),
      });
      throw error;
    }

    const status = runStatus(Object.values(outcomes));
    const failed = Object.entries(outcomes).filter(
      ([, outcome]) => outcome.status !== 'succeeded',
    );
    const finished = await this.store.finishSyncRun(run.id, {
      status,
      outcomes,
      ...(failed.length > 0
        ? {
            error: `${failed.length} of ${subscriptionIds.length} subscription(s) not read in full`,
          }
        : {}),
      at: this.now(),
    });
    this.logger.info(
      `AKS inventory sync ${run.id} ${status}: ${
        subscriptionIds.length
      } subscription(s), ${Object.values(outcomes).reduce(
        (sum, outcome) => sum + outcome.clusterCount,
        0,
      )} cluster(s)`,
    );
    return finished;
  }

  private async syncSubscription(
    subscriptionId: string,
    signal: AbortSignal | undefined,
    displayName?: string,
  ): Promise<SubscriptionSyncOutcome> {
    const at = this.now();
    const outcome = await this.readSubscription(subscriptionId, signal, at);
    await this.store.recordSubscriptionRead({
      subscriptionId,
      displayName,
      status: outcome.status,
      error: outcome.error,
      at,
    });
    return outcome;
  }

  private async readSubscription(
    subscriptionId: string,
    signal: AbortSignal | undefined,
    at: Date,
  ): Promise<SubscriptionSyncOutcome> {
    let read: SubscriptionInventoryRead;
    try {
      signal?.throwIfAborted();
      read = await this.reader.readSubscription(subscriptionId, { signal });
    } catch (error) {
      if (signal?.aborted) {
        // Not this subscription's fault: leave its clusters as they are.
        throw error;
      }
      const message = describeThrown(error);
      this.logger.warn(
        `Reading subscription ${subscriptionId} failed; its clusters are kept and marked stale: ${message}`,
      );
      await this.store.markSubscriptionStale(subscriptionId, message, at);
      return {
        status: 'failed',
        clusterCount: 0,
        partialClusterCount: 0,
        deletedCount: 0,
        error: message,
      };
    }

    const listError = read.errors.find(
      error => error.kind === 'managedClusters.list',
    );
    const incompleteError = listError
      ? describeReadError(listError)
      : 'the cluster list was read in part';
    const result = await this.store.upsertClustersForSubscription(
      subscriptionId,
      read.clusters,
      { complete: read.complete, incompleteError, at },
    );
    if (!read.complete) {
      this.logger.warn(
        `Subscription ${subscriptionId} was read in part; clusters not listed are kept and marked stale: ${incompleteError}`,
      );
    }
    let status: SubscriptionSyncOutcome['status'] = 'succeeded';
    if (!read.complete) {
      status = read.clusters.length === 0 ? 'failed' : 'incomplete';
    }
    return {
      status,
      clusterCount: read.clusters.length,
      partialClusterCount: read.partialClusterIds.length,
      deletedCount: result.deleted,
      ...(read.complete ? {} : { error: incompleteError }),
    };
  }
}

function runStatus(
  outcomes: SubscriptionSyncOutcome[],
): Exclude<SyncRunStatus, 'running'> {
  if (outcomes.every(outcome => outcome.status === 'succeeded')) {
    return 'succeeded';
  }
  if (outcomes.every(outcome => outcome.status === 'failed')) {
    return 'failed';
  }
  return 'partial';
}
