import type { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import type { Knex } from 'knex';
import type {
  ClusterPage,
  InventoryCluster,
  ListClustersQuery,
  UpsertClustersOptions,
  UpsertClustersResult,
} from './AksNetworkStore';
import {
  ClusterRow,
  clusterKey,
  clusterRowFor,
  inventoryClusterFromRow,
} from './clusterRows';
import { inBatches } from './columnValues';

const TABLE = 'clusters';
// 15 columns a row: 50 rows stay far under SQLite's 999 bound variables.
const UPSERT_BATCH = 50;
const DELETE_BATCH = 500;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

// Columns a fresh read replaces; `id` is the conflict key.
const MERGED_COLUMNS = [
  'resource_id',
  'subscription_id',
  'resource_group',
  'location',
  'name',
  'network_model',
  'dataplane',
  'owner',
  'record',
  'stale',
  'stale_error',
  'stale_since',
  'last_seen_at',
  'updated_at',
];

/** The `clusters` table. */
export class ClusterInventoryTable {
  constructor(private readonly db: Knex, private readonly ownerTag: string) {}

  async upsertForSubscription(
    subscriptionId: string,
    records: ClusterRecord[],
    options: UpsertClustersOptions,
  ): Promise<UpsertClustersResult> {
    const at = options.at ?? new Date();
    const subscription = subscriptionId.toLowerCase();
    return this.db.transaction(async tx => {
      await this.upsertRows(tx, records, at);
      const listed = new Set(records.map(record => clusterKey(record.id)));
      const known: Array<{ id: string }> = await tx(TABLE)
        .where({ subscription_id: subscription })
        .select('id');
      const missing = known.map(row => row.id).filter(id => !listed.has(id));
      if (missing.length === 0) {
        return { upserted: records.length, deleted: 0, markedStale: 0 };
      }
      if (options.complete) {
        // The list was read to its last page: a cluster missing from it is gone.
        for (const batch of inBatches(missing, DELETE_BATCH)) {
          await tx(TABLE).whereIn('id', batch).delete();
        }
        return {
          upserted: records.length,
          deleted: missing.length,
          markedStale: 0,
        };
      }
      // DESIGN: "a failed sync never deletes good inventory" — a cluster the partial
      // list did not reach keeps its last record, marked stale.
      let markedStale = 0;
      for (const batch of inBatches(missing, DELETE_BATCH)) {
        markedStale += await this.markStale(
          tx(TABLE).whereIn('id', batch),
          options.incompleteError ?? 'the cluster list was read in part',
          at,
        );
      }
      return { upserted: records.length, deleted: 0, markedStale };
    });
  }

  async markSubscriptionStale(
    subscriptionId: string,
    error: string,
    at: Date,
  ): Promise<number> {
    return this.markStale(
      this.db(TABLE).where({ subscription_id: subscriptionId.toLowerCase() }),
      error,
      at,
    );
  }

  async upsert(record: ClusterRecord, at: Date): Promise<void> {
    await this.upsertRows(this.db, [record], at);
  }

  async list(query: ListClustersQuery): Promise<ClusterPage> {
    const limit = Math.min(
      Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)),
      MAX_PAGE_SIZE,
    );
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const filtered = () => {
      const builder = this.db<ClusterRow>(TABLE);
      if (query.subscriptionId) {
        builder.where('subscription_id', query.subscriptionId.toLowerCase());
      }
      if (query.region) {
        builder.where('location', query.region.toLowerCase());
      }
      if (query.networkModel) {
        builder.where('network_model', query.networkModel);
      }
      if (query.owner) {
        builder.where('owner', query.owner);
      }
      return builder;
    };
    const [rows, countRows] = await Promise.all([
      filtered()
        .select('*')
        .orderBy([
          { column: 'name', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(limit)
        .offset(offset),
      filtered().count({ count: '*' }),
    ]);
    return {
      items: (rows as ClusterRow[]).map(inventoryClusterFromRow),
      // pg returns count(*) as a string (bigint), SQLite as a number.
      totalCount: Number(countRows[0]?.count ?? 0),
    };
  }

  async get(id: string): Promise<InventoryCluster | undefined> {
    const row = await this.db<ClusterRow>(TABLE)
      .where({ id: clusterKey(id) })
      .first();
    return row ? inventoryClusterFromRow(row) : undefined;
  }

  private async upsertRows(
    db: Knex | Knex.Transaction,
    records: ClusterRecord[],
    at: Date,
  ): Promise<void> {
    // Two records of one cluster in a batch would make the upsert fail on PostgreSQL
    // ("ON CONFLICT DO UPDATE command cannot affect row a second time"): keep the last.
    const byKey = new Map(
      records.map(record => [
        clusterKey(record.id),
        clusterRowFor(record, this.ownerTag, at),
      ]),
    );
    for (const batch of inBatches([...byKey.values()], UPSERT_BATCH)) {
      await db(TABLE).insert(batch).onConflict('id').merge(MERGED_COLUMNS);
    }
  }

  private async markStale(
    rows: Knex.QueryBuilder,
    error: string,
    at: Date,
  ): Promise<number> {
    return rows.update({
      stale: true,
      stale_error: error,
      // Keep the time it first went stale, so "stale since" tells how old the data is.
      stale_since: this.db.raw('coalesce(stale_since, ?)', [at]),
    });
  }
}
