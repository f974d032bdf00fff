import {
  ClusterRecord,
  FleetClusterQuery,
  FleetSortField,
  NETWORK_MODELS,
  NetworkModel,
  PostureStatus,
} from '@aks-network/plugin-aks-network-common';
import type { Knex } from 'knex';
import type {
  ClusterPage,
  FleetClusterPageResult,
  FleetTotals,
  ListClustersQuery,
  UpsertClustersOptions,
  UpsertClustersResult,
} from './AksNetworkStore';
import type { InventoryCluster } from '../model';
import {
  ClusterRow,
  clusterKey,
  clusterRowFor,
  FleetClusterRow,
  fleetClusterFromRow,
  fleetColumnsFor,
  FreshClusterRow,
  inventoryClusterFromRow,
  lastSeenOf,
  withLastReadTimes,
} from './clusterRows';
import { inBatches, readBoolean } from './columnValues';
import {
  COVERING_RUN_STARTED_AT,
  subscriptionListedAt,
} from './subscriptionListing';

const TABLE = 'clusters';
// 26 columns a row: 50 rows bind 1,300 variables, far under SQLite's 32,766.
const UPSERT_BATCH = 50;
const DEFAULT_FLEET_PAGE_SIZE = 25;
const MAX_FLEET_PAGE_SIZE = 500;
const BACKFILL_BATCH = 200;

const FLEET_SORT_COLUMNS: Record<FleetSortField, string> = {
  name: 'name',
  networkModel: 'network_model',
  region: 'location',
  subscriptionId: 'subscription_id',
  owner: 'owner',
  nodeCount: 'node_count',
  nodeSubnetUse: 'node_subnet_use',
  podCapacity: 'pod_capacity',
  acnsMonthlyCostUsd: 'acns_monthly_cost_usd',
};

/** Sort columns the schema declares `notNullable`. */
const NOT_NULL_COLUMNS = new Set(['name', 'location', 'subscription_id']);

const CHECK_COLUMNS = {
  egressIngressMonitored: 'check_egress',
  samePodToPodVisible: 'check_same_node',
  historyKept: 'check_history',
} as const;

/**
 * The statuses that count as failing. `unknown` is not one: what the check needs was
 * not read (DOMAIN_FACTS.verdictNeedsData), and the totals count it apart.
 */
const FAILING: PostureStatus[] = ['fail', 'warn'];

/** The filters `GET /clusters` and the fleet view share. */
function whereClusters(
  builder: Knex.QueryBuilder,
  query: Pick<
    ListClustersQuery,
    'subscriptionId' | 'region' | 'networkModel' | 'owner'
  >,
): Knex.QueryBuilder {
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
}

/** `%` and `_` in user text match themselves in a LIKE, not any characters. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
}
/** Ids bound in one `where id in (…)`: well under SQLite's 32,766 bound parameters. */
const ID_BATCH = 500;
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
  'fleet',
  'node_count',
  'node_subnet_use',
  'pod_capacity',
  'check_egress',
  'check_same_node',
  'check_history',
  'acns_monthly_cost_usd',
  'acns_available',
  'vnet_ips_saved',
  'uses_nsg_flow_logs',
  'content_hash',
];

/** What a fleet row needs (`fleetClusterFromRow`): every column but the record. */
const FLEET_ROW_COLUMNS = ['id', ...MERGED_COLUMNS]
  .filter(column => column !== 'record')
  .map(column => `clusters.${column}`);

/**
 * The subscription's last listing beside each row, for `lastSeenOf`: a scalar subquery
 * on the subscriptions' primary key, so the reads need no join (and no qualified
 * column names in their filters).
 */
/**
 * Beside each row, what says when its subscription was last listed: the listing the
 * subscription row records, its state, and when the last covering run started (see
 * `subscriptionListedAt`). The run subquery is not correlated: the database runs it
 * once a query.
 */
const SUBSCRIPTION_READ_COLUMNS = [
  '(select s.clusters_listed_at from subscriptions s where s.id = clusters.subscription_id) as subscription_listed_at',
  '(select s.status from subscriptions s where s.id = clusters.subscription_id) as subscription_status',
  `(${COVERING_RUN_STARTED_AT}) as covering_run_started_at`,
];

/** What the upsert needs of a stored row of the subscription. */
interface StoredClusterState {
  id: string;
  resource_id: string;
  name: string;
  content_hash: string | null;
  stale: unknown;
}

/** The `clusters` table. */
export class ClusterInventoryTable {
  constructor(private readonly db: Knex, private readonly ownerTag: string) {}

  /**
   * Stores one subscription's read in one transaction. Only rows whose content changed
   * (`content_hash`), new rows and rows that were stale are written: a read that finds
   * nothing changed writes no cluster row. The subscription's `clusters_listed_at`
   * records the listing, which is when its unchanged clusters were seen.
   */
  async upsertForSubscription(
    subscriptionId: string,
    records: ClusterRecord[],
    options: UpsertClustersOptions,
  ): Promise<UpsertClustersResult> {
    const at = options.at ?? new Date();
    const subscription = subscriptionId.toLowerCase();
    return this.db.transaction(async tx => {
      const stored: StoredClusterState[] = await tx(TABLE)
        .where({ subscription_id: subscription })
        .select('id', 'resource_id', 'name', 'content_hash', 'stale');
      const storedById = new Map(stored.map(row => [row.id, row]));
      const rows = await this.rowsFor(tx, records, at);
      const toWrite: FreshClusterRow[] = [];
      const changed: ClusterRecord[] = [];
      for (const { row, record } of rows.values()) {
        const before = storedById.get(row.id);
        const contentChanged = before?.content_hash !== row.content_hash;
        if (contentChanged || readBoolean(before?.stale)) {
          toWrite.push(row);
        }
        if (contentChanged) {
          changed.push(record);
        }
      }
      await this.writeRows(tx, toWrite);

      const result: UpsertClustersResult = {
        upserted: toWrite.length,
        unchanged: rows.size - toWrite.length,
        deleted: 0,
        markedStale: 0,
        changed,
        removed: [],
      };
      const missing = stored.filter(row => !rows.has(row.id));
      if (missing.length > 0 && options.complete) {
        // The list was read to its last page: a cluster missing from it is gone.
        for (const batch of inBatches(missing, ID_BATCH)) {
          await tx(TABLE)
            .whereIn(
              'id',
              batch.map(row => row.id),
            )
            .delete();
        }
        result.deleted = missing.length;
        result.removed = missing.map(row => ({
          id: row.resource_id,
          name: row.name,
        }));
      } else if (missing.length > 0) {
        // docs/domain.md#failed-sync-keeps-inventory: "a failed sync never deletes good inventory" — a cluster the partial
        // list did not reach keeps its last record, marked stale.
        for (const batch of inBatches(missing, ID_BATCH)) {
          result.markedStale += await this.markStale(
            tx,
            subscription,
            query =>
              query.whereIn(
                'id',
                batch.map(row => row.id),
              ),
            options.incompleteError ?? 'the cluster list was read in part',
            at,
          );
        }
      }
      // After the stale marks, which keep the previous listing's time.
      if (
        options.recordListing !== false &&
        (options.complete || records.length > 0)
      ) {
        await tx('subscriptions')
          .insert({ id: subscription, clusters_listed_at: at, updated_at: at })
          .onConflict('id')
          .merge(['clusters_listed_at']);
      }
      return result;
    });
  }

  async markSubscriptionStale(
    subscriptionId: string,
    error: string,
    at: Date,
  ): Promise<number> {
    const subscription = subscriptionId.toLowerCase();
    return this.markStale(this.db, subscription, query => query, error, at);
  }

  /** Writes one cluster (an on-demand refresh) whether or not it changed. */
  async upsert(record: ClusterRecord, at: Date): Promise<void> {
    const rows = await this.rowsFor(this.db, [record], at);
    await this.writeRows(
      this.db,
      [...rows.values()].map(({ row }) => row),
    );
  }

  async list(query: ListClustersQuery): Promise<ClusterPage> {
    const limit = Math.min(
      Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)),
      MAX_PAGE_SIZE,
    );
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const filtered = () => whereClusters(this.db<ClusterRow>(TABLE), query);
    const [rows, countRows] = await Promise.all([
      filtered()
        .select(
          'clusters.*',
          ...SUBSCRIPTION_READ_COLUMNS.map(column => this.db.raw(column)),
        )
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

  async listFleet(query: FleetClusterQuery): Promise<FleetClusterPageResult> {
    const limit = Math.min(
      Math.max(1, Math.floor(query.limit ?? DEFAULT_FLEET_PAGE_SIZE)),
      MAX_FLEET_PAGE_SIZE,
    );
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const filtered = () => {
      const builder = whereClusters(this.db<ClusterRow>(TABLE), query);
      if (query.search) {
        builder.whereRaw("lower(name) like ? escape '\\'", [
          likePattern(query.search),
        ]);
      }
      if (query.failingCheck) {
        builder.whereIn(CHECK_COLUMNS[query.failingCheck], FAILING);
      }
      return builder;
    };
    const sortColumn = FLEET_SORT_COLUMNS[query.sort ?? 'name'];
    const order = query.order === 'desc' ? 'desc' : 'asc';
    const page = filtered().select(
      ...FLEET_ROW_COLUMNS,
      // The record only for a row without fleet figures (written before they were
      // kept, not backfilled yet): a page of records is ~5 kB a row of JSON the fleet
      // view does not show.
      this.db.raw('case when fleet is null then record end as record'),
      ...SUBSCRIPTION_READ_COLUMNS.map(column => this.db.raw(column)),
    );
    if (!NOT_NULL_COLUMNS.has(sortColumn)) {
      // Unknown values (no IP use read, no pod CIDR) last in either direction. Written
      // out: knex's `nulls: 'last'` on SQLite orders by the null test alone. Left out
      // for columns that are never null, so the default sort by name can walk the
      // (name, id) index and stop at the page's end.
      page.orderByRaw('(?? is null) asc', [sortColumn]);
    }
    const [rows, countRows] = await Promise.all([
      page
        .orderBy(sortColumn, order)
        .orderBy([
          { column: 'name', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(limit)
        .offset(offset),
      filtered().count({ count: '*' }),
    ]);
    return {
      items: (rows as FleetClusterRow[]).map(fleetClusterFromRow),
      totalCount: Number(countRows[0]?.count ?? 0),
    };
  }

  async totals(): Promise<FleetTotals> {
    const yes = true;
    const [sums] = await this.db(TABLE).select(
      this.db.raw('count(*) as cluster_count'),
      this.db.raw(
        "coalesce(sum(case when network_model = 'azure-cni-overlay' then vnet_ips_saved else 0 end), 0) as ips_saved",
      ),
      ...Object.entries(CHECK_COLUMNS).flatMap(([check, column]) => [
        this.db.raw(
          'coalesce(sum(case when ?? in (?, ?) then 1 else 0 end), 0) as ??',
          [column, ...FAILING, `failing_${check}`],
        ),
        this.db.raw(
          "coalesce(sum(case when ?? = 'unknown' then 1 else 0 end), 0) as ??",
          [column, `unknown_${check}`],
        ),
      ]),
      this.db.raw(
        'coalesce(sum(case when check_same_node in (?, ?) and acns_available = ? then 1 else 0 end), 0) as gap_clusters',
        [...FAILING, yes],
      ),
      this.db.raw(
        'coalesce(sum(case when check_same_node in (?, ?) and acns_available = ? then acns_monthly_cost_usd else 0 end), 0) as gap_cost',
        [...FAILING, yes],
      ),
      this.db.raw(
        'coalesce(sum(case when check_same_node in (?, ?) and acns_available = ? then 1 else 0 end), 0) as gap_without_acns',
        [...FAILING, false],
      ),
      this.db.raw(
        "coalesce(sum(case when network_model = 'kubenet' then 1 else 0 end), 0) as kubenet",
      ),
      this.db.raw(
        'coalesce(sum(case when uses_nsg_flow_logs = ? then 1 else 0 end), 0) as nsg_flow_logs',
        [yes],
      ),
      this.db.raw(
        'coalesce(sum(case when stale = ? then 1 else 0 end), 0) as stale',
        [yes],
      ),
    );
    const models: Array<{ network_model: string | null; count: unknown }> =
      await this.db(TABLE)
        .select('network_model')
        .count({ count: '*' })
        .groupBy('network_model');
    const byModel = Object.fromEntries(
      [...NETWORK_MODELS, 'unknown'].map(model => [model, 0]),
    ) as FleetTotals['byModel'];
    for (const row of models) {
      const model = (row.network_model ?? 'unknown') as
        | NetworkModel
        | 'unknown';
      byModel[model] = (byModel[model] ?? 0) + Number(row.count);
    }
    // pg returns sums and counts as text (numeric, bigint), SQLite as numbers.
    const n = (key: string) =>
      Number((sums as Record<string, unknown>)[key] ?? 0);
    return {
      clusterCount: n('cluster_count'),
      byModel,
      vnetIpsSavedByOverlay: n('ips_saved'),
      failing: {
        egressIngressMonitored: n('failing_egressIngressMonitored'),
        samePodToPodVisible: n('failing_samePodToPodVisible'),
        historyKept: n('failing_historyKept'),
      },
      unknown: {
        egressIngressMonitored: n('unknown_egressIngressMonitored'),
        samePodToPodVisible: n('unknown_samePodToPodVisible'),
        historyKept: n('unknown_historyKept'),
      },
      closeSameNodeGap: {
        clusters: n('gap_clusters'),
        acnsMonthlyCostUsd: Math.round(n('gap_cost') * 100) / 100,
      },
      sameNodeGapWithoutAcns: n('gap_without_acns'),
      retiring: { kubenet: n('kubenet'), nsgFlowLogs: n('nsg_flow_logs') },
      stale: n('stale'),
    };
  }

  /**
   * Fills the fleet columns of rows written before they existed (at start-up, after
   * the migration that added them), so the fleet view's sorts and totals count them.
   */
  async backfillFleetColumns(at: Date = new Date()): Promise<number> {
    let filled = 0;
    // Walks the ids in order, so a record that cannot be assessed is passed over
    // (its row keeps null figures and is read from its record) rather than met again.
    for (let after = ''; ; ) {
      const rows: Array<Pick<ClusterRow, 'id' | 'record'>> = await this.db(
        TABLE,
      )
        .whereNull('fleet')
        .where('id', '>', after)
        .orderBy('id')
        .select('id', 'record')
        .limit(BACKFILL_BATCH);
      if (rows.length === 0) {
        return filled;
      }
      for (const row of rows) {
        let columns;
        try {
          columns = fleetColumnsFor(
            JSON.parse(row.record) as ClusterRecord,
            at,
          );
        } catch {
          continue;
        }
        await this.db(TABLE).where({ id: row.id }).update(columns);
        filled += 1;
      }
      after = rows[rows.length - 1].id;
    }
  }

  async get(id: string): Promise<InventoryCluster | undefined> {
    const row = await this.db<ClusterRow>(TABLE)
      .where({ id: clusterKey(id) })
      .select(
        'clusters.*',
        ...SUBSCRIPTION_READ_COLUMNS.map(column => this.db.raw(column)),
      )
      .first();
    return row ? inventoryClusterFromRow(row) : undefined;
  }

  /** Clusters by ARM id, in one query (the ids are bound, never spliced into SQL). */
  async getMany(ids: readonly string[]): Promise<InventoryCluster[]> {
    const keys = [...new Set(ids.map(clusterKey))];
    if (keys.length === 0) {
      return [];
    }
    const rows: ClusterRow[] = [];
    for (const batch of inBatches(keys, ID_BATCH)) {
      rows.push(
        ...(await this.db<ClusterRow>(TABLE)
          .whereIn('id', batch)
          .select(
            'clusters.*',
            ...SUBSCRIPTION_READ_COLUMNS.map(column => this.db.raw(column)),
          )),
      );
    }
    return rows.map(inventoryClusterFromRow);
  }

  /**
   * The row each record would be stored as, by key, with the record as stored (its
   * unread parts dated from the stored row). Two records of one cluster would make the
   * upsert fail on PostgreSQL ("ON CONFLICT DO UPDATE command cannot affect row a
   * second time"): the last is kept.
   */
  private async rowsFor(
    db: Knex | Knex.Transaction,
    records: ClusterRecord[],
    at: Date,
  ): Promise<Map<string, { row: FreshClusterRow; record: ClusterRecord }>> {
    const previous = await this.previousReads(db, records);
    const rows = new Map<
      string,
      { row: FreshClusterRow; record: ClusterRecord }
    >();
    for (const read of records) {
      const key = clusterKey(read.id);
      const record = withLastReadTimes(read, previous.get(key));
      rows.set(key, { row: clusterRowFor(record, this.ownerTag, at), record });
    }
    return rows;
  }

  private async writeRows(
    db: Knex | Knex.Transaction,
    rows: FreshClusterRow[],
  ): Promise<void> {
    for (const batch of inBatches(rows, UPSERT_BATCH)) {
      await db(TABLE).insert(batch).onConflict('id').merge(MERGED_COLUMNS);
    }
  }

  /**
   * The stored record and last read of each cluster with unread parts, so the new
   * record can say when those parts were last read. Only such clusters are looked up:
   * a read that got everything costs no extra query.
   */
  private async previousReads(
    db: Knex | Knex.Transaction,
    records: ClusterRecord[],
  ): Promise<Map<string, { record: ClusterRecord; lastSeenAt: Date }>> {
    const ids = records
      .filter(record => record.unread?.length)
      .map(record => clusterKey(record.id));
    const found = new Map<
      string,
      { record: ClusterRecord; lastSeenAt: Date }
    >();
    for (const batch of inBatches([...new Set(ids)], ID_BATCH)) {
      const rows: ClusterRow[] = await db(TABLE)
        .whereIn('id', batch)
        .select(
          'id',
          'record',
          'stale',
          'last_seen_at',
          ...SUBSCRIPTION_READ_COLUMNS.map(column => db.raw(column)),
        );
      for (const row of rows) {
        found.set(row.id, {
          record: JSON.parse(row.record) as ClusterRecord,
          lastSeenAt: lastSeenOf(row),
        });
      }
    }
    return found;
  }

  /**
   * Marks rows of one subscription stale. A row that was fresh takes the
   * subscription's last listing into `last_seen_at` (when later), so that once stale
   * it still tells when the cluster was last seen (see `lastSeenOf`).
   */
  private async markStale(
    db: Knex | Knex.Transaction,
    subscription: string,
    narrow: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
    error: string,
    at: Date,
  ): Promise<number> {
    const listed = await db('subscriptions')
      .where({ id: subscription })
      .first(
        'clusters_listed_at as subscription_listed_at',
        'status as subscription_status',
        db.raw(`(${COVERING_RUN_STARTED_AT}) as covering_run_started_at`),
      );
    const listedAt = listed ? subscriptionListedAt(listed) : undefined;
    return narrow(db(TABLE).where({ subscription_id: subscription })).update({
      stale: true,
      stale_error: error,
      // Keep the time it first went stale, so "stale since" tells how old the data is.
      stale_since: db.raw('coalesce(stale_since, ?)', [at]),
      ...(listedAt
        ? {
            last_seen_at: db.raw(
              'case when stale = ? and last_seen_at < ? then ? else last_seen_at end',
              [false, listedAt, listedAt],
            ),
          }
        : {}),
    });
  }
}
