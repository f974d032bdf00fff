import type { Knex } from 'knex';
import type {
  FinishSyncRunInput,
  SubscriptionSyncOutcome,
  SyncRun,
  SyncRunStatus,
} from './AksNetworkStore';
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

/** The `sync_runs` table. */
export class SyncRunTable {
  constructor(private readonly db: Knex) {}

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
    await this.db(TABLE)
      .where({ id })
      .update({
        finished_at: input.at ?? new Date(),
        status: input.status,
        outcomes: JSON.stringify(input.outcomes),
        error: input.error ?? null,
      });
    return this.getOrThrow(id);
  }

  async list(limit: number): Promise<SyncRun[]> {
    const rows: SyncRunRow[] = await this.db(TABLE)
      .select('*')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.min(limit, 1000)));
    return rows.map(syncRunFromRow);
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
