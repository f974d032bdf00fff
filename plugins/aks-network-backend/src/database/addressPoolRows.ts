import type { AddressPool, Reservation, ReservationState } from '../model';
import { readOptionalText, readTimestamp } from './columnValues';

/** A row of `address_pools`. */
export interface AddressPoolRow {
  id: string;
  subscription_id: string;
  resource_group: string;
  vnet_name: string;
  region: string;
  range: string;
  subnet_prefix: number;
  description: string | null;
  created_at: unknown;
  updated_at: unknown;
}

/** A row of `reservations`. */
export interface ReservationRow {
  id: string;
  pool_id: string;
  cidr: string;
  prefix: number;
  owner: string;
  request_key: string;
  state: string;
  expires_at: unknown;
  subnet_id: string | null;
  created_at: unknown;
  updated_at: unknown;
}

export function addressPoolFromRow(row: AddressPoolRow): AddressPool {
  const description = readOptionalText(row.description);
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    resourceGroup: row.resource_group,
    vnetName: row.vnet_name,
    region: row.region,
    range: row.range,
    subnetPrefix: Number(row.subnet_prefix),
    ...(description !== undefined ? { description } : {}),
    createdAt: readTimestamp(row.created_at),
    updatedAt: readTimestamp(row.updated_at),
  };
}

/** The columns a pool's fields are stored in, for an insert or an update. */
export function addressPoolColumns(
  pool: Omit<AddressPool, 'id' | 'createdAt' | 'updatedAt' | 'description'> & {
    description?: string | null;
  },
): Omit<AddressPoolRow, 'id' | 'created_at' | 'updated_at'> {
  return {
    subscription_id: pool.subscriptionId,
    resource_group: pool.resourceGroup,
    vnet_name: pool.vnetName,
    region: pool.region,
    range: pool.range,
    subnet_prefix: pool.subnetPrefix,
    description: pool.description ?? null,
  };
}

export function reservationFromRow(row: ReservationRow): Reservation {
  const subnetId = readOptionalText(row.subnet_id);
  return {
    id: row.id,
    poolId: row.pool_id,
    cidr: row.cidr,
    owner: row.owner,
    requestKey: row.request_key,
    state: row.state as ReservationState,
    expiresAt: readTimestamp(row.expires_at),
    ...(subnetId !== undefined ? { subnetId } : {}),
    createdAt: readTimestamp(row.created_at),
    updatedAt: readTimestamp(row.updated_at),
  };
}
