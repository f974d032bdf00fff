import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { isError, ServiceUnavailableError } from '@backstage/errors';
import type { AksNetworkStore } from '../database/AksNetworkStore';
import type { InventoryCluster, SyncRun } from '../model';
import type { ClusterInventorySync } from './ClusterInventorySync';
import { INTERRUPTED_SYNC_RUN_ERROR } from './ClusterInventorySync';
import { INVENTORY_SYNC_TASK_ID } from './scheduleInventorySync';

/**
 * Options of {@link InventoryRefresh}.
 *
 * @public
 */
export interface InventoryRefreshOptions {
  store: AksNetworkStore;
  sync: ClusterInventorySync;
  /** Runs the scheduled sync task now, on whichever instance holds its lock. */
  scheduler: Pick<SchedulerService, 'triggerTask'>;
  logger: LoggerService;
  /** After a run finished, how long a full refresh answers with it instead of a new one. */
  coolDownMs: number;
  /**
   * How long a caller waits for the run it asked for: the task's initial delay (a
   * trigger during it starts the run when it ends), its timeout (the scheduler aborts
   * a longer run) and the scheduler's polling.
   */
  waitTimeoutMs: number;
  /** How often the store is read for the run's end. Default 250 ms. */
  pollIntervalMs?: number;
  /** The clock (tests). */
  now?: () => Date;
}

/**
 * What a full refresh answered with.
 *
 * @public
 */
export interface FullRefreshResult {
  /** The finished run. */
  run: SyncRun;
  /** True when no run was asked for: the last one finished within the cool-down. */
  reused: boolean;
  /** When a full refresh may start the next run. */
  nextRefreshAt: Date;
}

/** Runs kept in view while waiting: a handful can start during one wait at most. */
const RUNS_LOOKBACK = 20;

/**
 * On-demand refreshes of the inventory, safe under load and across replicas.
 *
 * A full refresh does not read Azure itself: it triggers the scheduled sync task
 * (`scheduler.triggerTask`), so the run takes the scheduler's global lock and never
 * overlaps one on another replica, then waits for that run to end in the store (which
 * every replica shares). Concurrent callers of a backend share one wait; a run that
 * finished less than the cool-down ago is the answer without a new one (the store's
 * runs decide, so replicas agree). A one-cluster refresh reads the cluster's
 * subscription at once; concurrent refreshes of the same cluster share that read.
 *
 * @public
 */
export class InventoryRefresh {
  private readonly store: AksNetworkStore;
  private readonly sync: ClusterInventorySync;
  private readonly scheduler: Pick<SchedulerService, 'triggerTask'>;
  private readonly logger: LoggerService;
  private readonly coolDownMs: number;
  private readonly waitTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly now: () => Date;
  private fullInFlight?: Promise<FullRefreshResult>;
  private closed = false;
  private readonly closing: Promise<void>;
  private resolveClosing?: () => void;
  private readonly clustersInFlight = new Map<
    string,
    Promise<InventoryCluster | undefined>
  >();

  constructor(options: InventoryRefreshOptions) {
    this.store = options.store;
    this.sync = options.sync;
    this.scheduler = options.scheduler;
    this.logger = options.logger;
    this.coolDownMs = Math.max(0, options.coolDownMs);
    this.waitTimeoutMs = options.waitTimeoutMs;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.now = options.now ?? (() => new Date());
    this.closing = new Promise(resolve => {
      this.resolveClosing = resolve;
    });
  }

  /**
   * Ends the waits of full refreshes (503) so that the backend can stop; the run they
   * waited for goes on under the scheduler. Called at the plugin's shutdown.
   */
  stop(): void {
    this.closed = true;
    this.resolveClosing?.();
  }

  /**
   * A sync of every subscription through the scheduler, or the last run when it
   * finished within the cool-down.
   *
   * @throws ServiceUnavailableError when the run did not end within the wait.
   */
  refreshAll(): Promise<FullRefreshResult> {
    if (!this.fullInFlight) {
      this.fullInFlight = this.refreshAllOnce().finally(() => {
        this.fullInFlight = undefined;
      });
    }
    return this.fullInFlight;
  }

  /**
   * Reads one cluster's subscription now and stores it (see
   * `ClusterInventorySync.refreshCluster`); a refresh of the same cluster already
   * reading is joined. The id is checked by the caller (the route's schema).
   *
   * @returns the cluster, or undefined when Azure does not list it.
   */
  refreshCluster(clusterId: string): Promise<InventoryCluster | undefined> {
    // ARM ids compare case-insensitively.
    const key = clusterId.toLowerCase();
    let read = this.clustersInFlight.get(key);
    if (!read) {
      read = this.sync.refreshCluster(clusterId).finally(() => {
        this.clustersInFlight.delete(key);
      });
      this.clustersInFlight.set(key, read);
    }
    return read;
  }

  private async refreshAllOnce(): Promise<FullRefreshResult> {
    const runs = await this.store.listSyncRuns({ limit: RUNS_LOOKBACK });
    const last = runs.find(run => run.finishedAt);
    if (last?.finishedAt) {
      const nextRefreshAt = new Date(
        last.finishedAt.getTime() + this.coolDownMs,
      );
      if (this.now() < nextRefreshAt) {
        return { run: last, reused: true, nextRefreshAt };
      }
    }

    // The run this refresh gets: one going now is shared (the task is running, or its
    // run joined one of this process), else the next one, which the trigger starts.
    const newest = runs[0];
    const firstId =
      newest?.status === 'running' ? newest.id : (newest?.id ?? 0) + 1;
    try {
      await this.scheduler.triggerTask(INVENTORY_SYNC_TASK_ID);
    } catch (error) {
      // The task is running already (its run's row may not be written yet): shared.
      if (!isError(error) || error.name !== 'ConflictError') {
        throw error;
      }
    }
    const run = await this.waitForRun(firstId);
    return {
      run,
      reused: false,
      nextRefreshAt: new Date(run.finishedAt!.getTime() + this.coolDownMs),
    };
  }

  /**
   * The first run of id `firstId` or later, once it has finished. A run the next one
   * found interrupted (a backend died during it) is not an answer: the next one is.
   */
  private async waitForRun(firstId: number): Promise<SyncRun> {
    const deadline = Date.now() + this.waitTimeoutMs;
    for (;;) {
      const runs = await this.store.listSyncRuns({ limit: RUNS_LOOKBACK });
      const candidates = runs.filter(
        run => run.id >= firstId && run.error !== INTERRUPTED_SYNC_RUN_ERROR,
      );
      const run = candidates[candidates.length - 1];
      if (run?.finishedAt && run.status !== 'running') {
        return run;
      }
      if (this.closed) {
        throw new ServiceUnavailableError(
          "The backend is stopping; the sync run will be in GET /clusters' lastSync",
        );
      }
      if (Date.now() >= deadline) {
        const what = run
          ? `sync run ${run.id} is still running`
          : 'no sync run started';
        this.logger.warn(
          `A full inventory refresh gave up waiting after ${this.waitTimeoutMs} ms: ${what}`,
        );
        throw new ServiceUnavailableError(
          `The inventory sync did not finish within ${
            this.waitTimeoutMs / 1000
          } s (${what}); its result will be in GET /clusters' lastSync`,
        );
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        new Promise(resolve => {
          timer = setTimeout(resolve, this.pollIntervalMs);
        }),
        this.closing,
      ]);
      clearTimeout(timer);
    }
  }
}
