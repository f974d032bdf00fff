import type { Knex } from 'knex';
import type { FinishSyncRunInput } from './AksNetworkStore';
import type { SubscriptionSyncOutcome, SyncRun, SyncRunStatus } from '../model';
import {
  readOptionalText,
  readOptionalTimestamp,
  readTimestamp,
} from './columnValues';

const TABLE = 'sync_runs';

interface SyncRunRow {
  id: number;
  started_at: unknown;
  finished_at: unknown;
  status: string;
  outcomes: string | null;
  error: string | null;
}

function syncRunFromRow(row: SyncRunRow): SyncRun {
  const finishedAt = readOptionalTimestamp(row.finished_at);
  const error = readOptionalText(row.error);
  return {
    id: Number(row.id),
    startedAt: readTimestamp(row.started_at),
    ...(finishedAt ? { finishedAt } : {}),
    status: row.status as SyncRunStatus,
    outcomes: row.outcomes
      ? (JSON.parse(row.outcomes) as Record<string, SubscriptionSyncOutcome>)
      : {},
    ...(error ? { error } : {}),
  };
}

/**
 * How long this process answers `lastFinished` from memory. Every read route answers
 * with the last sync, at hundreds of requests a second under load; a run finishing in
 * this process clears it at once, one finishing in another instance is seen within
 * this time.
 */
const LAST_FINISHED_TTL_MS = 2_000;

/** The `sync_runs` table. */
export class SyncRunTable {
  private lastFinishedRead?: {
    at: number;
    run: Promise<SyncRun | undefined>;
  };

  constructor(
    private readonly db: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  async start(at: Date): Promise<SyncRun> {
    const [inserted] = await this.db(TABLE)
      .insert({ started_at: at, status: 'running', outcomes: '{}' })
      .returning('id');
    // pg returns { id }, better-sqlite3 with `returning` too; older drivers a number.
    const id =
      typeof inserted === 'object' && inserted !== null
        ? Number((inserted as { id: number }).id)
        : Number(inserted);
    return this.getOrThrow(id);
  }

  async finish(id: number, input: FinishSyncRunInput): Promise<SyncRun> {
    this.lastFinishedRead = undefined;
    await this.db(TABLE)
      .where({ id })
      .update({
        finished_at: input.at ?? new Date(),
        status: input.status,
        outcomes: JSON.stringify(input.outcomes),
        error: input.error ?? null,
      });
    // Also after: a read while the update was on its way may have kept the old run.
    this.lastFinishedRead = undefined;
    return this.getOrThrow(id);
  }

  async list(limit: number): Promise<SyncRun[]> {
    const rows: SyncRunRow[] = await this.db(TABLE)
      .select('*')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.min(limit, 1000)));
    return rows.map(syncRunFromRow);
  }

  /**
   * The newest finished run, without its outcomes: every read route answers with it
   * (`lastSync`), and a run's outcomes hold a line per subscription (tens of kB at a
   * few hundred subscriptions).
   */
  lastFinished(): Promise<SyncRun | undefined> {
    const now = this.now();
    const known = this.lastFinishedRead;
    if (known && now - known.at < LAST_FINISHED_TTL_MS) {
      return known.run;
    }
    const run = this.readLastFinished();
    this.lastFinishedRead = { at: now, run };
    // A failed read is not kept: the next call asks the database again.
    run.catch(() => {
      if (this.lastFinishedRead?.run === run) {
        this.lastFinishedRead = undefined;
      }
    });
    return run;
  }

  private async readLastFinished(): Promise<SyncRun | undefined> {
    const row: Omit<SyncRunRow, 'outcomes' | 'error'> | undefined =
      await this.db(TABLE)
        .whereNotNull('finished_at')
        .orderBy('id', 'desc')
        .first('id', 'started_at', 'finished_at', 'status');
    return row
      ? syncRunFromRow({ ...row, outcomes: null, error: null })
      : undefined;
  }

  private async getOrThrow(id: number): Promise<SyncRun> {
    const row: SyncRunRow | undefined = await this.db(TABLE)
      .where({ id })
      .first();
    if (!row) {
      throw new Error(`Sync run ${id} does not exist`);
    }
    return syncRunFromRow(row);
  }
}
