import type { Knex } from 'knex';
import type { ReservationState } from '../model';

// The one rule of which reservations hold their range, in code and in SQL: both are
// here so that the capacity a pool reports and the ranges the store refuses agree.

/**
 * Whether a reservation holds its range: committed ones always (the subnet exists),
 * reserved ones until they expire, even before `expireReservations` has marked them.
 */
export function isLiveReservation(
  state: ReservationState,
  expiresAt: Date,
  now: Date,
): boolean {
  return (
    state === 'committed' ||
    (state === 'reserved' && expiresAt.getTime() > now.getTime())
  );
}

/**
 * Narrows a `reservations` query to live rows: {@link isLiveReservation} in SQL.
 */
export function whereLive(
  query: Knex.QueryBuilder,
  now: Date,
): Knex.QueryBuilder {
  return query.where(live =>
    live
      .where('state', 'committed')
      .orWhere(reserved =>
        reserved.where('state', 'reserved').andWhere('expires_at', '>', now),
      ),
  );
}
