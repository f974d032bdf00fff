import type { Knex } from 'knex';
import type { SubscriptionReadInput } from './AksNetworkStore';
import type { SubscriptionState } from '../model';
import { readOptionalText } from './columnValues';
import {
  COVERING_RUN_STARTED_AT,
  subscriptionReadTimes,
} from './subscriptionListing';

const TABLE = 'subscriptions';

interface SubscriptionRow {
  id: string;
  display_name: string | null;
  status: string | null;
  error: string | null;
  last_read_at: unknown;
  last_succeeded_at: unknown;
  cluster_count?: unknown;
  covering_run_started_at?: unknown;
}

/**
 * The `subscriptions` table: what the sync last learned of each subscription; when it
 * last read one that it read as before is the covering run's (`subscriptionListing`).
 */
export class SubscriptionTable {
  constructor(private readonly db: Knex) {}

  async recordRead(read: SubscriptionReadInput): Promise<void> {
    const id = read.subscriptionId.toLowerCase();
    const row = {
      id,
      // A name Azure did not give this time (a configured bare id) keeps the known one.
      ...(read.displayName ? { display_name: read.displayName } : {}),
      status: read.status,
      error: read.error ?? null,
      last_read_at: read.at,
      ...(read.status === 'succeeded' ? { last_succeeded_at: read.at } : {}),
      updated_at: read.at,
    };
    await this.db(TABLE)
      .insert(row)
      .onConflict('id')
      .merge(Object.keys(row).filter(key => key !== 'id'));
  }

  /** Status, error and name of each subscription (`listSubscriptionReadStates`). */
  async readStates(): Promise<
    Array<
      Pick<
        SubscriptionState,
        'subscriptionId' | 'status' | 'error' | 'displayName'
      >
    >
  > {
    const rows: Array<
      Pick<SubscriptionRow, 'id' | 'status' | 'error' | 'display_name'>
    > = await this.db(TABLE).select('id', 'status', 'error', 'display_name');
    return rows.map(row => {
      const displayName = readOptionalText(row.display_name);
      const error = readOptionalText(row.error);
      return {
        subscriptionId: row.id,
        ...(row.status
          ? { status: row.status as SubscriptionState['status'] }
          : {}),
        ...(error ? { error } : {}),
        ...(displayName ? { displayName } : {}),
      };
    });
  }

  async list(): Promise<SubscriptionState[]> {
    const rows: SubscriptionRow[] = await this.db(`${TABLE} as s`)
      .leftJoin(
        this.db('clusters')
          .select('subscription_id')
          .count({ cluster_count: '*' })
          .groupBy('subscription_id')
          .as('c'),
        'c.subscription_id',
        's.id',
      )
      .select(
        's.*',
        'c.cluster_count',
        this.db.raw(`(${COVERING_RUN_STARTED_AT}) as covering_run_started_at`),
      )
      .orderBy('s.id');
    return rows.map(row => {
      const { lastReadAt, lastSucceededAt } = subscriptionReadTimes(row);
      const displayName = readOptionalText(row.display_name);
      const error = readOptionalText(row.error);
      return {
        subscriptionId: row.id,
        ...(displayName ? { displayName } : {}),
        ...(row.status
          ? { status: row.status as SubscriptionState['status'] }
          : {}),
        ...(error ? { error } : {}),
        clusterCount: Number(row.cluster_count ?? 0),
        ...(lastReadAt ? { lastReadAt } : {}),
        ...(lastSucceededAt ? { lastSucceededAt } : {}),
      };
    });
  }
}
