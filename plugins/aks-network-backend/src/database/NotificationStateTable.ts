import type { Knex } from 'knex';
import type { NotificationState } from '../model';
import { inBatches, readTimestamp } from './columnValues';

const TABLE = 'notification_states';

interface NotificationStateRow {
  subject: string;
  state: string;
  changed_at: unknown;
}

/** Rows a statement writes at most: SQLite binds at most 999 values a statement. */
const BATCH = 300;

/** The `notification_states` table: what each posture notification last spoke of. */
export class NotificationStateTable {
  constructor(private readonly db: Knex) {}

  async list(): Promise<NotificationState[]> {
    const rows: NotificationStateRow[] = await this.db(TABLE).select(
      'subject',
      'state',
      'changed_at',
    );
    return rows.map(row => ({
      subject: row.subject,
      state: row.state === 'bad' ? 'bad' : 'ok',
      changedAt: readTimestamp(row.changed_at),
    }));
  }

  /** Writes the given states and deletes the given subjects, in one transaction. */
  async save(
    states: readonly NotificationState[],
    removed: readonly string[],
  ): Promise<void> {
    if (states.length === 0 && removed.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const batch of inBatches(states, BATCH)) {
        await tx(TABLE)
          .insert(
            batch.map(entry => ({
              subject: entry.subject,
              state: entry.state,
              changed_at: entry.changedAt,
            })),
          )
          .onConflict('subject')
          .merge(['state', 'changed_at']);
      }
      for (const batch of inBatches(removed, BATCH)) {
        await tx(TABLE).whereIn('subject', batch).delete();
      }
    });
  }
}
