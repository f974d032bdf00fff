import type { Knex } from 'knex';

/**
 * Narrows a `reservations` query to live rows: committed, or reserved and not yet
 * expired at `now` (the same rule as `isLiveReservation`, in SQL).
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
