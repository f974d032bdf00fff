import type { Knex } from 'knex';

/**
 * Locks an address pool's row until the transaction ends. Every change that reads a
 * pool's live reservations and then writes (a reservation, a commit that revives a
 * range, a pool's new range, a pool's delete) takes it first, so no two of them in one
 * pool interleave.
 *
 * The lock is an UPDATE of the row (`allocation_version + 1`), which works the same on
 * both engines without a dialect branch:
 * - PostgreSQL: the UPDATE takes the row lock (as `SELECT … FOR UPDATE` would) until
 *   commit; a second writer waits on it and, under READ COMMITTED, its later SELECTs
 *   see the first one's rows. Writers in other pools do not wait.
 * - SQLite: a write transaction is exclusive for the whole database; starting with a
 *   write (not a read that later upgrades) also avoids SQLITE_BUSY_SNAPSHOT when
 *   several connections share a file. knex's `forUpdate()` is ignored there with a
 *   warning, which is why it is not used.
 *
 * @returns false when there is no such pool (nothing is locked).
 */
export async function lockPoolRow(
  tx: Knex.Transaction,
  poolId: string,
): Promise<boolean> {
  const updated = await tx('address_pools')
    .where({ id: poolId })
    .increment('allocation_version', 1);
  return Number(updated) > 0;
}
