import {
  ClusterRecord,
  classifyClusterRecord,
} from '@aks-network/plugin-aks-network-common';
import type { InventoryCluster } from './AksNetworkStore';
import {
  readBoolean,
  readOptionalText,
  readOptionalTimestamp,
  readTimestamp,
} from './columnValues';

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
}

/** ARM ids are case-insensitive: the table's key is the lower-cased id. */
export function clusterKey(id: string): string {
  return id.replace(/\/+$/, '').toLowerCase();
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

/** The row written for a record just read from Azure: fresh, not stale. */
export function clusterRowFor(
  record: ClusterRecord,
  ownerTag: string,
  at: Date,
): Omit<ClusterRow, 'stale' | 'stale_since' | 'last_seen_at' | 'updated_at'> & {
  stale: boolean;
  stale_since: null;
  last_seen_at: Date;
  updated_at: Date;
} {
  const model = classifyClusterRecord(record);
  return {
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
  };
}

/** The inventory entry of a row. */
export function inventoryClusterFromRow(row: ClusterRow): InventoryCluster {
  const since = readOptionalTimestamp(row.stale_since);
  return {
    record: JSON.parse(row.record) as ClusterRecord,
    networkModel: row.network_model as InventoryCluster['networkModel'],
    dataplane: row.dataplane as InventoryCluster['dataplane'],
    owner: row.owner,
    ...(readBoolean(row.stale)
      ? {
          stale: {
            error: readOptionalText(row.stale_error) ?? 'unknown error',
            since: since ?? readTimestamp(row.updated_at),
          },
        }
      : {}),
    lastSeenAt: readTimestamp(row.last_seen_at),
    updatedAt: readTimestamp(row.updated_at),
  };
}
