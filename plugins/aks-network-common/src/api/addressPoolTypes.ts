import type { AddressPoolFields } from './addressPoolFields';

/**
 * An address pool on the wire. Times are ISO text.
 *
 * @public
 */
export interface ApiAddressPool extends AddressPoolFields {
  createdAt: string;
  updatedAt: string;
}

/**
 * How many node subnets a pool still has. Counted from the pool's range, the subnets
 * its VNet has in Azure and the live reservations; `error` (and no counts) when the
 * VNet could not be read, since a count on data not read would be a guess.
 *
 * @public
 */
export type AddressPoolCapacity =
  | {
      /** Aligned subnets of the pool's prefix in its range. */
      totalSubnets: number;
      /** Of those, the ones touching no existing subnet or live reservation. */
      freeSubnets: number;
      /** Live reservations in the pool (reserved or committed). */
      liveReservations: number;
      /** When the VNet was read. */
      readAt: string;
    }
  | { error: string; readAt: string };

/**
 * A pool with its capacity, as `GET /address-pools?capacity=true` lists it.
 *
 * @public
 */
export type ApiAddressPoolWithCapacity = ApiAddressPool & {
  capacity?: AddressPoolCapacity;
};

/**
 * `GET /address-pools`: one page of pools in id order, and how many there are.
 *
 * @public
 */
export interface AddressPoolList {
  items: ApiAddressPoolWithCapacity[];
  totalCount: number;
}

/**
 * The paging of `GET /address-pools`: `limit` 1–{@link ADDRESS_POOL_PAGE_LIMITS}.max
 * (default `.default`), `offset` 0–`.maxOffset`.
 *
 * @public
 */
export const ADDRESS_POOL_PAGE_LIMITS = {
  default: 100,
  max: 500,
  maxOffset: 100_000,
} as const;

/**
 * Query of `GET /address-pools`.
 *
 * @public
 */
export interface AddressPoolListQuery {
  /** With each pool's free node subnets (one VNet read per pool). */
  capacity?: boolean;
  limit?: number;
  offset?: number;
}

/**
 * Fields of a new address pool.
 *
 * @public
 */
export interface AddressPoolInput
  extends Omit<AddressPoolFields, 'subnetPrefix'> {
  subnetPrefix?: number;
}

/**
 * The life of a reservation.
 *
 * @public
 */
export type ApiReservationState =
  | 'reserved'
  | 'committed'
  | 'released'
  | 'expired';

/**
 * A subnet range held in a pool while a cluster is created.
 *
 * @public
 */
export interface ApiReservation {
  id: string;
  poolId: string;
  cidr: string;
  owner: string;
  requestKey: string;
  state: ApiReservationState;
  expiresAt: string;
  subnetId?: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A request for the next free subnet of a pool; idempotent on `requestKey`.
 *
 * @public
 */
export interface ReserveSubnetInput {
  requestKey: string;
  /**
   * Default the caller. When given: the caller or a group the caller is in (else 403);
   * a backend calling on a user's behalf is the user.
   */
  owner?: string;
  /** Default the pool's; from the largest node subnet the policy allows to /29. */
  prefix?: number;
  /** Default `aksNetwork.reservations.ttlSeconds`; at most `maxTtlSeconds` (a day). */
  ttlSeconds?: number;
}

/**
 * `GET /address-pools/{id}/next-subnet`: what a reservation would get now.
 *
 * @public
 */
export interface NextSubnet {
  poolId: string;
  cidr: string;
  prefix: number;
  existingSubnets: string[];
  vnetAddressSpace: string[] | null;
}
