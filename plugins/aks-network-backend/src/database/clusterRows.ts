import {
  assessClusterPosture,
  ClusterFleetFigures,
  clusterFleetFigures,
  ClusterRecord,
  classifyClusterRecord,
  normaliseArmId,
} from '@aks-network/plugin-aks-network-common';
import { createHash } from 'node:crypto';
import type { FleetInventoryCluster, InventoryCluster } from '../model';
import {
  readBoolean,
  readOptionalText,
  readOptionalTimestamp,
  readTimestamp,
} from './columnValues';
import {
  SubscriptionListingColumns,
  subscriptionListedAt,
} from './subscriptionListing';

/** A row of the `clusters` table as knex returns it. */
export interface ClusterRow {
  id: string;
  resource_id: string;
  subscription_id: string;
  resource_group: string;
  location: string;
  name: string;
  network_model: string | null;
  dataplane: string | null;
  owner: string | null;
  record: string;
  stale: unknown;
  stale_error: string | null;
  stale_since: unknown;
  last_seen_at: unknown;
  updated_at: unknown;
  fleet: string | null;
  node_count: number | null;
  node_subnet_use: number | null;
  pod_capacity: number | null;
  check_egress: string | null;
  check_same_node: string | null;
  check_history: string | null;
  acns_monthly_cost_usd: number | null;
  acns_available: unknown;
  vnet_ips_saved: number | null;
  uses_nsg_flow_logs: unknown;
  /** SHA-256 of the row's content (`contentHashOf`); null on rows from before it. */
  content_hash: string | null;
  /**
   * The subscription's `clusters_listed_at`, state and the newest covering run's start,
   * selected beside the row by the reads (`SUBSCRIPTION_READ_COLUMNS`); see
   * `lastSeenOf`.
   */
  subscription_listed_at?: unknown;
  subscription_status?: unknown;
  covering_run_started_at?: unknown;
}

/** The fleet columns of a row: figures derived from the record when it is written. */
export type ClusterFleetColumns = Pick<
  ClusterRow,
  | 'fleet'
  | 'node_count'
  | 'node_subnet_use'
  | 'pod_capacity'
  | 'check_egress'
  | 'check_same_node'
  | 'check_history'
  | 'acns_monthly_cost_usd'
  | 'vnet_ips_saved'
> & { acns_available: boolean; uses_nsg_flow_logs: boolean };

/**
 * The fleet figures of a record, assessed at `at` (the retirement dates the checks
 * read are judged then), and the columns the fleet view sorts and sums by.
 */
export function fleetColumnsFor(
  record: ClusterRecord,
  at: Date,
): ClusterFleetColumns {
  const figures = clusterFleetFigures(
    record,
    assessClusterPosture(record, { now: at }),
  );
  return {
    fleet: JSON.stringify(figures),
    node_count: figures.nodeCount,
    node_subnet_use: figures.nodeSubnetUseRatio ?? null,
    pod_capacity: figures.podCidr?.capacityNodes ?? null,
    check_egress: figures.checks.egressIngressMonitored,
    check_same_node: figures.checks.samePodToPodVisible,
    check_history: figures.checks.historyKept,
    acns_monthly_cost_usd: figures.acnsMonthlyCostUsd,
    acns_available: figures.acnsAvailable,
    vnet_ips_saved: figures.vnetIpsSavedVsFlat,
    uses_nsg_flow_logs: figures.retiring.nsgFlowLogs,
  };
}

/**
 * The record with, on each unread part, when the inventory last read it: carried over
 * from the stored record when that part was unread there too, else the stored row's
 * last read (the part was read then). Without a stored row the part was never read.
 */
export function withLastReadTimes(
  record: ClusterRecord,
  previous: { record: ClusterRecord; lastSeenAt: Date } | undefined,
): ClusterRecord {
  if (!record.unread?.length || !previous) {
    return record;
  }
  return {
    ...record,
    unread: record.unread.map(entry => {
      const before = previous.record.unread?.find(
        old =>
          old.part === entry.part &&
          clusterKey(old.resourceId) === clusterKey(entry.resourceId),
      );
      const lastReadAt = before
        ? before.lastReadAt
        : previous.lastSeenAt.toISOString();
      return lastReadAt ? { ...entry, lastReadAt } : entry;
    }),
  };
}

/** ARM ids are case-insensitive: the table's key is the lower-cased id. */
export function clusterKey(id: string): string {
  return normaliseArmId(id);
}

/**
 * The value of the owner tag. Azure tag names are case-insensitive, so `Owner` and
 * `owner` are the same tag.
 */
export function ownerOf(
  record: ClusterRecord,
  ownerTag: string,
): string | null {
  const wanted = ownerTag.toLowerCase();
  for (const [name, value] of Object.entries(record.tags ?? {})) {
    if (name.toLowerCase() === wanted && value.trim() !== '') {
      return value.trim();
    }
  }
  return null;
}

/** The columns of a row that say when, not what: left out of its content hash. */
type ClusterRowTimes =
  | 'stale'
  | 'stale_error'
  | 'stale_since'
  | 'last_seen_at'
  | 'updated_at';

/** The row written for a record just read from Azure: fresh, not stale. */
export type FreshClusterRow = Omit<
  ClusterRow,
  | 'stale'
  | 'stale_since'
  | 'last_seen_at'
  | 'updated_at'
  | 'subscription_listed_at'
  | 'subscription_status'
  | 'covering_run_started_at'
  | keyof ClusterFleetColumns
> &
  ClusterFleetColumns & {
    stale: boolean;
    stale_since: null;
    last_seen_at: Date;
    updated_at: Date;
    content_hash: string;
  };

/**
 * SHA-256 (hex) of what a row holds apart from its times and stale mark: the record as
 * stored, the columns derived from it (model, owner, fleet figures as assessed at the
 * read) and the keys. Two reads that would store the same content have the same hash,
 * so the sync skips the write; a retirement date passing changes the figures, hence
 * the hash, so such a row is written again.
 */
export function contentHashOf(
  row: Omit<FreshClusterRow, 'content_hash'>,
): string {
  const content: Record<string, unknown> = { ...row };
  for (const key of [
    'stale',
    'stale_error',
    'stale_since',
    'last_seen_at',
    'updated_at',
  ] satisfies ClusterRowTimes[]) {
    delete content[key];
  }
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The row written for a record just read from Azure: fresh, not stale. */
export function clusterRowFor(
  record: ClusterRecord,
  ownerTag: string,
  at: Date,
): FreshClusterRow {
  const model = classifyClusterRecord(record);
  const row: Omit<FreshClusterRow, 'content_hash'> = {
    id: clusterKey(record.id),
    resource_id: record.id,
    // Subscription ids are GUIDs and regions lower-case names; both compare
    // case-insensitively in ARM, so they are stored lower-cased for the filters.
    subscription_id: record.subscriptionId.toLowerCase(),
    resource_group: record.resourceGroup,
    location: record.location.toLowerCase(),
    name: record.name,
    network_model: model.known ? model.model : null,
    dataplane: model.known ? model.dataplane : null,
    owner: ownerOf(record, ownerTag),
    record: JSON.stringify(record),
    stale: false,
    stale_error: null,
    stale_since: null,
    last_seen_at: at,
    updated_at: at,
    ...fleetColumnsFor(record, at),
  };
  return { ...row, content_hash: contentHashOf(row) };
}

/**
 * When a sync last saw the cluster. A row is written only when its content changed,
 * so its own `last_seen_at` is the last read that changed it; a cluster that is not
 * stale was in its subscription's last listing (a read that misses it marks it stale,
 * and the row then takes that listing's time into `last_seen_at`), so it was seen at
 * the later of the two.
 */
export function lastSeenOf(
  row: Pick<ClusterRow, 'stale' | 'last_seen_at'> & SubscriptionListingColumns,
): Date {
  const own = readTimestamp(row.last_seen_at);
  if (readBoolean(row.stale)) {
    return own;
  }
  const listed = subscriptionListedAt(row);
  return listed && listed > own ? listed : own;
}

/** The stale mark of a row, when its subscription's last read failed. */
function staleOf(
  row: Pick<ClusterRow, 'stale' | 'stale_error' | 'stale_since' | 'updated_at'>,
): { stale?: { error: string; since: Date } } {
  if (!readBoolean(row.stale)) {
    return {};
  }
  return {
    stale: {
      error: readOptionalText(row.stale_error) ?? 'unknown error',
      since:
        readOptionalTimestamp(row.stale_since) ?? readTimestamp(row.updated_at),
    },
  };
}

/** The inventory entry of a row. */
export function inventoryClusterFromRow(row: ClusterRow): InventoryCluster {
  return {
    record: JSON.parse(row.record) as ClusterRecord,
    networkModel: row.network_model as InventoryCluster['networkModel'],
    dataplane: row.dataplane as InventoryCluster['dataplane'],
    owner: row.owner,
    ...staleOf(row),
    lastSeenAt: lastSeenOf(row),
    updatedAt: readTimestamp(row.updated_at),
  };
}

/**
 * The fleet view of a row. A row written before the fleet columns existed has no
 * figures yet: they are worked out from its record (the next sync stores them).
 */
/** A row as the fleet list selects it: the record only where the figures are missing. */
export type FleetClusterRow = Omit<ClusterRow, 'record'> & {
  record: string | null;
};

export function fleetClusterFromRow(
  row: FleetClusterRow,
): FleetInventoryCluster {
  // The list selects the record only where the figures are missing.
  const record =
    row.fleet === null
      ? (JSON.parse(row.record as string) as ClusterRecord)
      : undefined;
  const figures: ClusterFleetFigures = record
    ? clusterFleetFigures(record, assessClusterPosture(record))
    : (JSON.parse(row.fleet as string) as ClusterFleetFigures);
  return {
    id: row.resource_id,
    name: row.name,
    subscriptionId: row.subscription_id,
    resourceGroup: row.resource_group,
    location: row.location,
    owner: row.owner,
    networkModel: row.network_model as FleetInventoryCluster['networkModel'],
    dataplane: row.dataplane as FleetInventoryCluster['dataplane'],
    figures,
    ...staleOf(row),
    lastSeenAt: lastSeenOf(row),
  };
}
