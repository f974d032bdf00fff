/**
 * The life of a reservation: `reserved` until the subnet is created (`committed`),
 * given back (`released`) or left past its expiry (`expired`). Reserved (not past its
 * expiry) and committed reservations are live: their ranges are taken.
 *
 * @public
 */
export type ReservationState =
  | 'reserved'
  | 'committed'
  | 'released'
  | 'expired';

/**
 * A subnet range held in an address pool for a caller.
 *
 * @public
 */
export interface Reservation {
  id: string;
  poolId: string;
  /** Canonical CIDR text. */
  cidr: string;
  owner: string;
  /** The caller's idempotency key, unique in the pool. */
  requestKey: string;
  state: ReservationState;
  expiresAt: Date;
  /** ARM id of the subnet created from the reservation, once committed. */
  subnetId?: string;
  createdAt: Date;
  updatedAt: Date;
}
