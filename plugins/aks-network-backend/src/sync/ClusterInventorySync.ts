import { getMaxListeners, setMaxListeners } from 'node:events';
import {
  AksNetworkInventoryEvent,
  ClusterRecord,
  logSafe,
  parseManagedClusterId,
} from '@aks-network/plugin-aks-network-common';
import {
  forEachConcurrently,
  SharedReads,
} from '@aks-network/plugin-aks-network-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  AksNetworkStore,
  FinishSyncRunInput,
} from '../database/AksNetworkStore';
import type {
  InventoryCluster,
  SubscriptionSyncOutcome,
  SyncRun,
  SyncRunStatus,
} from '../model';
import {
  SubscriptionReadState,
  subscriptionReadChanged,
} from '../database/subscriptionListing';
import {
  declareControls,
  DEFAULT_DECLARED_CONTROL_SETTINGS,
  DeclaredControlSettings,
} from './declaredControls';
import { describeReadError, describeThrown } from './describeSyncFailure';
import { DEFAULT_SUBSCRIPTION_CONCURRENCY } from './subscriptionConcurrency';
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
   * Subscriptions read at once. Default `DEFAULT_SUBSCRIPTION_CONCURRENCY` (8);
   * `aksNetwork.sync.subscriptionConcurrency` sets it in a backend. The ARM pipeline
   * bounds the requests per subscription on top of this (`aksNetwork.azure.requests`).
   */
  concurrency?: number;
  /** The clock (tests). */
  now?: () => Date;
  /**
   * How a run that failed records its failure when the database is what failed (a
   * restart, a fail-over): attempts and the wait between them. Default 8 attempts, 1 s
   * apart. A run whose failure could not be recorded is closed by the next run.
   */
  recordFailure?: { attempts?: number; delayMs?: number };
  /**
   * Told of every stored refresh, of each subscription's new, changed and removed
   * clusters (nothing for one that changed nothing), and of every finished run (the
   * plugin publishes them on the events service for the catalog module). A failure to publish is logged, never
   * fails the sync: the catalog catches up at its own schedule.
   */
  publish?: (event: AksNetworkInventoryEvent) => Promise<void>;
  /**
   * Where a cluster's declared flow export is read (`aksNetwork.tags.flowExport`,
   * `aksNetwork.compensatingControls.flowExport`; see `declaredControlSettings`).
   * Default: the default tag, nothing declared by config.
   */
  declaredControls?: DeclaredControlSettings;
  /**
   * Called once a run has finished and its events are published (the notifier compares
   * the checks with what owners were last told). A failure is logged and does not
   * fail the run.
   */
  afterRun?: (run: SyncRun) => Promise<void>;
}

/** What a sync of one subscription did. */
interface SubscriptionSync {
  outcome: SubscriptionSyncOutcome;
  /** Stored as new or changed, and sent to the catalog. */
  changed: ClusterRecord[];
  /** Removed, and sent to the catalog. */
  removedCount: number;
}

/** The error of a stored subscription that a run was not given. */
export const NO_LONGER_READ_ERROR =
  'not read any more: not among the subscriptions the sync reads';

/** The error of a run found still `running` by the next one. */
export const INTERRUPTED_SYNC_RUN_ERROR =
  'Interrupted: the run never recorded its end (its backend stopped or lost the database); the next run read every subscription again';

/**
 * Reads every subscription's AKS clusters into the store. A subscription that reads
 * keeps exactly what Azure listed (deletions only when listed in full); one that fails
 * keeps its last inventory, marked stale with the error and time (docs/domain.md#failed-sync-keeps-inventory: "a failed
 * sync never deletes good inventory"). Only changed clusters are written and sent to
 * the catalog. Each run is recorded with a per-subscription outcome.
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
  private readonly afterRun?: (run: SyncRun) => Promise<void>;
  private readonly recordFailureRetry: { attempts: number; delayMs: number };
  private readonly declaredControls: DeclaredControlSettings;
  private inFlight?: Promise<SyncRun>;

  constructor(options: ClusterInventorySyncOptions) {
    this.store = options.store;
    this.reader = options.reader;
    this.subscriptions = options.subscriptions;
    this.logger = options.logger;
    this.concurrency = Math.max(
      1,
      options.concurrency ?? DEFAULT_SUBSCRIPTION_CONCURRENCY,
    );
    this.now = options.now ?? (() => new Date());
    this.publishEvent = options.publish;
    this.declaredControls =
      options.declaredControls ?? DEFAULT_DECLARED_CONTROL_SETTINGS;
    this.afterRun = options.afterRun;
    this.recordFailureRetry = {
      attempts: Math.max(1, options.recordFailure?.attempts ?? 8),
      delayMs: Math.max(0, options.recordFailure?.delayMs ?? 1000),
    };
  }

  /**
   * One pass over every subscription. A call while a pass is running in this process
   * joins it rather than reading Azure twice (the scheduled task and a "refresh all"
   * request may meet).
   */
  run(options: { signal?: AbortSignal } = {}): Promise<SyncRun> {
    if (!this.inFlight) {
      this.inFlight = this.runOnce(options.signal)
        .then(async ({ run, changedClusterCount }) => {
          await this.publish({
            type: 'sync.finished',
            runId: run.id,
            complete: run.status === 'succeeded',
            changedClusterCount,
          });
          await this.runAfterRun(run);
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
   * @throws InputError when `id` is not a managed cluster's ARM id.
   */
  async refreshCluster(
    id: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<InventoryCluster | undefined> {
    // The subscription reaches an ARM URL: a GUID, from a managed cluster's id only.
    const parsed = parseManagedClusterId(id);
    if (!parsed.ok) {
      throw new InputError(`clusterId: ${parsed.reason}`);
    }
    // Subscription ids are GUIDs, case-insensitive in ARM; the store keys them lower-case.
    const { changed } = await this.syncSubscription(
      parsed.value.subscriptionId.toLowerCase(),
      { signal: options.signal },
    );
    const cluster = await this.store.getCluster(id);
    // Announced even when unchanged: the caller asked for it, and waits for its entity.
    const key = id.toLowerCase();
    if (cluster && !changed.some(record => record.id.toLowerCase() === key)) {
      await this.publish({
        type: 'clusters.refreshed',
        clusters: [cluster.record],
      });
    }
    return cluster;
  }

  private async runAfterRun(run: SyncRun): Promise<void> {
    try {
      await this.afterRun?.(run);
    } catch (error) {
      this.logger.warn(
        `After AKS inventory sync ${run.id}: ${describeThrown(error)}`,
      );
    }
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

  private async runOnce(
    signal: AbortSignal | undefined,
  ): Promise<{ run: SyncRun; changedClusterCount: number }> {
    if (signal) {
      // Every SDK call of the run listens to its signal, several subscriptions at once
      // with several calls each: past Node's default of 10 listeners, which would log a
      // "possible memory leak" warning each run
      // (https://nodejs.org/api/events.html#eventssetmaxlistenersn-eventtargets).
      setMaxListeners(
        Math.max(getMaxListeners(signal), this.concurrency * 16),
        signal,
      );
    }
    const run = await this.store.startSyncRun(this.now());
    await this.closeInterruptedRuns(run.id);
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
      const failed = await this.store.finishSyncRun(run.id, {
        status: 'failed',
        outcomes: {},
        error: message,
        at: this.now(),
      });
      return { run: failed, changedClusterCount: 0 };
    }

    const outcomes: Record<string, SubscriptionSyncOutcome> = {};
    // Dropped with the run: the next run reads the shared network afresh.
    const shared = new SharedReads();
    const stored = await this.storedSubscriptionStates();
    let failure: { error: unknown } | undefined;
    let changedClusterCount = 0;
    await forEachConcurrently(subscriptionIds, this.concurrency, async next => {
      if (failure) {
        return;
      }
      try {
        const synced = await this.syncSubscription(next, {
          signal,
          shared,
          displayName: displayNames.get(next),
          stored,
        });
        outcomes[next] = synced.outcome;
        changedClusterCount += synced.changed.length + synced.removedCount;
      } catch (error) {
        // Aborted (the task's timeout) or the database failed: the run stops. The
        // other reads end the subscription they are on (each is written in one
        // transaction, so it is stored whole or not at all) and take no more. A
        // subscription whose read failed does not come here: it is marked stale and
        // the others go on.
        failure ??= { error };
      }
    });
    if (failure) {
      // The run must not stay `running` for ever. What was stored so far stays; the
      // rest is untouched.
      const { error } = failure;
      const message = signal?.aborted
        ? `Aborted after ${Object.keys(outcomes).length} of ${
            subscriptionIds.length
          } subscription(s): ${describeThrown(signal.reason ?? error)}`
        : describeThrown(error);
      this.logger.error(`AKS inventory sync ${run.id} failed: ${message}`);
      await this.recordFailure(run.id, {
        status: 'failed',
        outcomes,
        error: message,
        at: this.now(),
      });
      throw error;
    }

    await this.markNoLongerRead(stored, subscriptionIds);
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
      )} cluster(s), ${changedClusterCount} new, changed or removed`,
    );
    return { run: finished, changedClusterCount };
  }

  /**
   * The subscriptions' states before the run, to write only the reads that change
   * them. Undefined when they cannot be read: every read is then written.
   */
  private async storedSubscriptionStates(): Promise<
    Map<string, SubscriptionReadState> | undefined
  > {
    try {
      return new Map(
        (await this.store.listSubscriptionReadStates()).map(state => [
          state.subscriptionId.toLowerCase(),
          state,
        ]),
      );
    } catch (error) {
      this.logger.warn(
        `Reading the subscriptions' states failed; this run writes every read: ${describeThrown(
          error,
        )}`,
      );
      return undefined;
    }
  }

  /**
   * A stored subscription this run was not given (no longer configured, or no longer
   * visible to the credential) is marked failed, once: a run covers only the
   * subscriptions it read (see `subscriptionListing`).
   */
  private async markNoLongerRead(
    stored: Map<string, SubscriptionReadState> | undefined,
    subscriptionIds: string[],
  ): Promise<void> {
    if (!stored) {
      return;
    }
    const read = new Set(subscriptionIds.map(id => id.toLowerCase()));
    const at = this.now();
    for (const [id, state] of stored) {
      if (!read.has(id) && state.status !== 'failed') {
        await this.store.recordSubscriptionRead({
          subscriptionId: id,
          status: 'failed',
          error: NO_LONGER_READ_ERROR,
          at,
        });
      }
    }
  }

  /**
   * Records a failed run, waiting out a database that is coming back (a restart, a
   * fail-over) for a few attempts; a run still not recorded is closed by the next.
   */
  private async recordFailure(
    id: number,
    input: FinishSyncRunInput,
  ): Promise<void> {
    const { attempts, delayMs } = this.recordFailureRetry;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.store.finishSyncRun(id, input);
        return;
      } catch (error) {
        if (attempt >= attempts) {
          this.logger.error(
            `AKS inventory sync ${id} could not be recorded as failed (${describeThrown(
              error,
            )}); the next run records it`,
          );
          return;
        }
        this.logger.warn(
          `Recording AKS inventory sync ${id} as failed did not reach the database (attempt ${attempt} of ${attempts}): ${describeThrown(
            error,
          )}`,
        );
        await new Promise(resolve => setTimeout(resolve, delayMs));
      }
    }
  }

  /**
   * Closes runs older than `currentId` still marked `running`: they were interrupted
   * (their backend stopped, or lost the database before it could record their end).
   * Only one run can be going: the scheduled task holds the scheduler's global lock
   * (`scheduleInventorySync`) and `run()` joins a run of its own process.
   */
  private async closeInterruptedRuns(currentId: number): Promise<void> {
    const runs = await this.store.listSyncRuns({ limit: 20 });
    for (const interrupted of runs) {
      if (interrupted.status === 'running' && interrupted.id < currentId) {
        this.logger.warn(
          `AKS inventory sync ${interrupted.id} never finished; recorded as failed`,
        );
        await this.store.finishSyncRun(interrupted.id, {
          status: 'failed',
          outcomes: interrupted.outcomes,
          error: INTERRUPTED_SYNC_RUN_ERROR,
          at: this.now(),
        });
      }
    }
  }

  /**
   * Reads and stores one subscription, then sends the catalog its delta: the clusters
   * stored as new or changed, and those removed. A subscription that changed nothing
   * sends nothing.
   */
  private async syncSubscription(
    subscriptionId: string,
    options: {
      signal?: AbortSignal;
      /** The run's, for a sync; none for a refresh, which reads all afresh. */
      shared?: SharedReads;
      displayName?: string;
      /** The subscriptions' states as the run found them; none for a refresh. */
      stored?: Map<string, SubscriptionReadState>;
    },
  ): Promise<SubscriptionSync> {
    const { signal, shared, displayName, stored } = options;
    const at = this.now();
    const synced = await this.readSubscription(subscriptionId, at, {
      signal,
      shared,
      // A run writes the subscription's row only when the read changed it; a refresh
      // (no stored states) always does.
      mustRecord: read =>
        !stored ||
        subscriptionReadChanged(stored.get(subscriptionId.toLowerCase()), {
          ...read,
          displayName,
        }),
    });
    if (synced.recorded) {
      await this.store.recordSubscriptionRead({
        subscriptionId,
        displayName,
        status: synced.outcome.status,
        error: synced.outcome.error,
        at,
      });
    }
    if (synced.changed.length > 0) {
      await this.publish({
        type: 'clusters.refreshed',
        clusters: synced.changed,
      });
    }
    if (synced.removed.length > 0) {
      await this.publish({
        type: 'clusters.removed',
        clusters: synced.removed,
      });
    }
    return {
      outcome: synced.outcome,
      changed: synced.changed,
      removedCount: synced.removed.length,
    };
  }

  private async readSubscription(
    subscriptionId: string,
    at: Date,
    options: {
      signal?: AbortSignal;
      shared?: SharedReads;
      /** Whether a read with this outcome is written to the subscription's row. */
      mustRecord: (read: SubscriptionReadState) => boolean;
    },
  ): Promise<{
    /** The read goes into the subscription's row (else a covering run tells it). */
    recorded: boolean;
    outcome: SubscriptionSyncOutcome;
    changed: ClusterRecord[];
    removed: Array<Pick<ClusterRecord, 'id' | 'name'>>;
  }> {
    const { signal, shared } = options;
    let read: SubscriptionInventoryRead;
    try {
      signal?.throwIfAborted();
      read = await this.reader.readSubscription(subscriptionId, {
        signal,
        shared,
      });
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
        recorded: true,
        outcome: {
          status: 'failed',
          clusterCount: 0,
          partialClusterCount: 0,
          deletedCount: 0,
          error: message,
        },
        changed: [],
        removed: [],
      };
    }

    const listError = read.errors.find(
      error => error.kind === 'managedClusters.list',
    );
    const incompleteError = listError
      ? describeReadError(listError)
      : 'the cluster list was read in part';
    let status: SubscriptionSyncOutcome['status'] = 'succeeded';
    if (!read.complete) {
      status = read.clusters.length === 0 ? 'failed' : 'incomplete';
    }
    const recorded = options.mustRecord({
      status,
      ...(read.complete ? {} : { error: incompleteError }),
    });
    const result = await this.store.upsertClustersForSubscription(
      subscriptionId,
      read.clusters.map(cluster => this.withDeclarations(cluster)),
      {
        complete: read.complete,
        incompleteError,
        at,
        recordListing: recorded,
      },
    );
    if (!read.complete) {
      this.logger.warn(
        `Subscription ${subscriptionId} was read in part; clusters not listed are kept and marked stale: ${incompleteError}`,
      );
    }
    return {
      recorded,
      outcome: {
        status,
        clusterCount: read.clusters.length,
        partialClusterCount: read.partialClusterIds.length,
        deletedCount: result.deleted,
        ...(read.complete ? {} : { error: incompleteError }),
      },
      changed: result.changed,
      removed: result.removed,
    };
  }

  /**
   * The record with the flow export declared for it (docs/domain.md#declared-controls);
   * tag values that name no known tool are logged by count, once per cluster and read,
   * never by their text.
   */
  private withDeclarations(cluster: ClusterRecord): ClusterRecord {
    const record = declareControls(cluster, this.declaredControls);
    if (record.ignoredFlowExportValues) {
      this.logger.info(
        `Cluster ${logSafe(record.id)}: ${
          record.ignoredFlowExportValues
        } value(s) of its flow-export tag name no known tool; ignored`,
      );
    }
    return record;
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
