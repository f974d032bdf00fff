import { ConflictError, NotFoundError } from '@backstage/errors';
import type { Knex } from 'knex';
import {
  CheckedAddressPool,
  checkAddressPoolFields,
  checkAddressPoolInput,
  describePoolVnet,
  poolVnetKey,
} from '../reservations/addressPoolRules';
import { readCidrField } from '../reservations/subnetPrefixRules';
import { containsCidr, overlaps } from '@aks-network/plugin-aks-network-common';
import type { AddressPoolPage } from './AksNetworkStore';
import type {
  AddressPool,
  AddressPoolInput,
  AddressPoolUpdate,
} from '../model';
import {
  AddressPoolRow,
  ReservationRow,
  addressPoolColumns,
  addressPoolFromRow,
} from './addressPoolRows';
import { whereLive } from '../reservations/reservationLiveness';
import { lockPoolRow } from './poolRowLock';

const POOLS = 'address_pools';
const RESERVATIONS = 'reservations';
const VNET_LOCKS = 'address_pool_vnet_locks';

/** Live reservations named in a message, at most; the count says how many in all. */
const NAMED_RESERVATIONS = 5;

function listCidrs(rows: Array<{ cidr: string }>): string {
  const named = rows.slice(0, NAMED_RESERVATIONS).map(row => row.cidr);
  return rows.length > NAMED_RESERVATIONS
    ? `${named.join(', ')}, …`
    : named.join(', ');
}

/**
 * Takes the lock of a pool's VNet until the transaction ends: an upsert of its row in
 * `address_pool_vnet_locks`, which works alike on both engines without a dialect
 * branch. On PostgreSQL, INSERT … ON CONFLICT DO UPDATE locks the row (and a second
 * insert of a new key waits on the first's uncommitted one), so a second create on the
 * VNet waits here and its overlap check then sees the first's pool (READ COMMITTED
 * reads what committed before each statement). On SQLite the write makes the
 * transaction the database's only writer.
 * https://www.postgresql.org/docs/current/sql-insert.html#SQL-ON-CONFLICT
 */
async function lockPoolVnet(
  tx: Knex.Transaction,
  pool: { subscriptionId: string; resourceGroup: string; vnetName: string },
): Promise<void> {
  await tx(VNET_LOCKS)
    .insert({ vnet_key: poolVnetKey(pool), version: 1 })
    .onConflict('vnet_key')
    .merge({ version: tx.raw('??.?? + 1', [VNET_LOCKS, 'version']) });
}

/**
 * Refuses a range that overlaps another pool of the same VNet (two pools would hand
 * out the same subnet). Run under {@link lockPoolVnet}.
 */
async function assertNoOverlappingPool(
  tx: Knex.Transaction,
  pool: CheckedAddressPool,
): Promise<void> {
  const key = poolVnetKey(pool).split('/');
  const sameVnet: AddressPoolRow[] = await tx(POOLS)
    .whereRaw('lower(subscription_id) = ?', [key[0]])
    .andWhereRaw('lower(resource_group) = ?', [key[1]])
    .andWhereRaw('lower(vnet_name) = ?', [key[2]])
    .andWhereNot('id', pool.id)
    .orderBy('id');
  const range = readCidrField('range', pool.range);
  const other = sameVnet.find(row =>
    overlaps(range, readCidrField('range', row.range)),
  );
  if (other) {
    throw new ConflictError(
      `range: ${pool.range} of address pool '${
        pool.id
      }' overlaps address pool '${other.id}' (${
        other.range
      }) on the same ${describePoolVnet(
        pool,
      )}; pools of one VNet must not share addresses`,
    );
  }
}

/** The `address_pools` table. */
export class AddressPoolTable {
  constructor(private readonly db: Knex) {}

  async list(): Promise<AddressPool[]> {
    const rows: AddressPoolRow[] = await this.db(POOLS)
      .select('*')
      .orderBy('id');
    return rows.map(addressPoolFromRow);
  }

  /** A page of pools in id order, with how many there are. */
  async page(query: {
    limit: number;
    offset: number;
  }): Promise<AddressPoolPage> {
    const [rows, [count]] = await Promise.all([
      this.db(POOLS)
        .select('*')
        .orderBy('id')
        .limit(query.limit)
        .offset(query.offset) as Promise<AddressPoolRow[]>,
      this.db(POOLS).count({ n: '*' }),
    ]);
    return {
      items: rows.map(addressPoolFromRow),
      totalCount: Number(count.n),
    };
  }

  async get(id: string): Promise<AddressPool | undefined> {
    const row: AddressPoolRow | undefined = await this.db(POOLS)
      .where({ id })
      .first();
    return row ? addressPoolFromRow(row) : undefined;
  }

  async create(input: AddressPoolInput, at: Date): Promise<AddressPool> {
    const pool = checkAddressPoolInput(input);
    return this.db.transaction(async tx => {
      await lockPoolVnet(tx, pool);
      await assertNoOverlappingPool(tx, pool);
      // onConflict().ignore() rather than catching the driver's unique violation: the
      // error codes differ per engine, an affected-row count does not.
      const inserted = await tx(POOLS)
        .insert({
          id: pool.id,
          ...addressPoolColumns(pool),
          allocation_version: 0,
          created_at: at,
          updated_at: at,
        })
        .onConflict('id')
        .ignore()
        .returning('id');
      if (inserted.length === 0) {
        throw new ConflictError(`id: address pool '${pool.id}' already exists`);
      }
      return this.getOrThrow(tx, pool.id);
    });
  }

  async update(
    id: string,
    update: AddressPoolUpdate,
    at: Date,
  ): Promise<AddressPool> {
    return this.db.transaction(async tx => {
      // Lock the pool row first, like a reservation does, so that no reservation
      // lands outside a new range between the check below and the update.
      if (!(await lockPoolRow(tx, id))) {
        throw new NotFoundError(`Address pool '${id}' does not exist`);
      }
      const current = await this.getOrThrow(tx, id);
      const pool = {
        id,
        ...checkAddressPoolFields(
          { ...current, ...update },
          current.subnetPrefix,
        ),
      };
      const moved = poolVnetKey(pool) !== poolVnetKey(current);
      const rangeChanged = pool.range !== current.range;
      if (moved || rangeChanged) {
        const live: Array<Pick<ReservationRow, 'cidr'>> = await whereLive(
          tx(RESERVATIONS).where({ pool_id: id }).select('cidr'),
          at,
        ).orderBy('cidr');
        if (moved && live.length > 0) {
          // Its reservations are subnets of the old VNet: moving would lose them.
          const fields = (
            ['subscriptionId', 'resourceGroup', 'vnetName'] as const
          )
            .filter(
              field =>
                pool[field].toLowerCase() !== current[field].toLowerCase(),
            )
            .join(', ');
          throw new ConflictError(
            `${fields}: address pool '${id}' holds ${
              live.length
            } live reservation(s) on the ${describePoolVnet(
              current,
            )} (${listCidrs(
              live,
            )}); it moves to another VNet only once they are released`,
          );
        }
        // A live reservation outside the new range would be lost track of.
        const range = readCidrField('range', pool.range);
        const outside = live.filter(
          row => !containsCidr(range, readCidrField('cidr', row.cidr)),
        );
        if (outside.length > 0) {
          throw new ConflictError(
            `range: address pool '${id}' holds ${
              outside.length
            } live reservation(s) outside ${pool.range} (${listCidrs(
              outside,
            )}); release them first`,
          );
        }
        await lockPoolVnet(tx, pool);
        await assertNoOverlappingPool(tx, pool);
      }
      await tx(POOLS)
        .where({ id })
        .update({
          ...addressPoolColumns(pool),
          updated_at: at,
        });
      return this.getOrThrow(tx, id);
    });
  }

  async delete(id: string, at: Date): Promise<void> {
    await this.db.transaction(async tx => {
      // Lock the pool row first, like a reservation does, so no reservation slips in
      // between the check and the delete.
      if (!(await lockPoolRow(tx, id))) {
        throw new NotFoundError(`Address pool '${id}' does not exist`);
      }
      const live: Array<Pick<ReservationRow, 'cidr'>> = await whereLive(
        tx(RESERVATIONS).where({ pool_id: id }).select('cidr'),
        at,
      );
      if (live.length > 0) {
        throw new ConflictError(
          `Address pool '${id}' has ${
            live.length
          } live reservation(s) (${listCidrs(live)}); release them first`,
        );
      }
      // Released and expired reservations go with their pool.
      await tx(RESERVATIONS).where({ pool_id: id }).delete();
      await tx(POOLS).where({ id }).delete();
    });
  }

  private async getOrThrow(
    db: Knex | Knex.Transaction,
    id: string,
  ): Promise<AddressPool> {
    const row: AddressPoolRow | undefined = await db(POOLS)
      .where({ id })
      .first();
    if (!row) {
      throw new NotFoundError(`Address pool '${id}' does not exist`);
    }
    return addressPoolFromRow(row);
  }
}
