import { ConflictError, NotFoundError } from '@backstage/errors';
import type { Knex } from 'knex';
import {
  checkAddressPoolFields,
  checkAddressPoolInput,
} from '../reservations/addressPoolRules';
import { readCidrField } from '../reservations/subnetPrefixRules';
import { containsCidr } from '@aks-network/plugin-aks-network-common';
import type {
  AddressPool,
  AddressPoolInput,
  AddressPoolUpdate,
} from './AksNetworkStore';
import {
  AddressPoolRow,
  ReservationRow,
  addressPoolFromRow,
} from './addressPoolRows';
import { whereLive } from './liveReservations';

const POOLS = 'address_pools';
const RESERVATIONS = 'reservations';

/** The `address_pools` table. */
export class AddressPoolTable {
  constructor(private readonly db: Knex) {}

  async list(): Promise<AddressPool[]> {
    const rows: AddressPoolRow[] = await this.db(POOLS)
      .select('*')
      .orderBy('id');
    return rows.map(addressPoolFromRow);
  }

  async get(id: string): Promise<AddressPool | undefined> {
    const row: AddressPoolRow | undefined = await this.db(POOLS)
      .where({ id })
      .first();
    return row ? addressPoolFromRow(row) : undefined;
  }

  async create(input: AddressPoolInput, at: Date): Promise<AddressPool> {
    const pool = checkAddressPoolInput(input);
    // onConflict().ignore() rather than catching the driver's unique violation: the
    // error codes differ per engine, an affected-row count does not.
    const inserted = await this.db(POOLS)
      .insert({
        id: pool.id,
        subscription_id: pool.subscriptionId,
        resource_group: pool.resourceGroup,
        vnet_name: pool.vnetName,
        region: pool.region,
        range: pool.range,
        subnet_prefix: pool.subnetPrefix,
        description: pool.description ?? null,
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
    return this.getOrThrow(this.db, pool.id);
  }

  async update(
    id: string,
    update: AddressPoolUpdate,
    at: Date,
  ): Promise<AddressPool> {
    return this.db.transaction(async tx => {
      // Lock the pool row first, like a reservation does, so that no reservation
      // lands outside a new range between the check below and the update.
      const locked = await tx(POOLS)
        .where({ id })
        .increment('allocation_version', 1);
      if (!locked) {
        throw new NotFoundError(`Address pool '${id}' does not exist`);
      }
      const current = await this.getOrThrow(tx, id);
      const pool = checkAddressPoolFields(
        { ...current, ...update },
        current.subnetPrefix,
      );
      if (pool.range !== current.range) {
        // A live reservation outside the new range would be lost track of.
        const range = readCidrField('range', pool.range);
        const live: Array<Pick<ReservationRow, 'cidr'>> = await whereLive(
          tx(RESERVATIONS).where({ pool_id: id }).select('cidr'),
          at,
        );
        const outside = live.filter(
          row => !containsCidr(range, readCidrField('cidr', row.cidr)),
        );
        if (outside.length > 0) {
          throw new ConflictError(
            `range: address pool '${id}' has live reservations outside ${
              pool.range
            } (${outside.map(row => row.cidr).join(', ')})`,
          );
        }
      }
      await tx(POOLS)
        .where({ id })
        .update({
          subscription_id: pool.subscriptionId,
          resource_group: pool.resourceGroup,
          vnet_name: pool.vnetName,
          region: pool.region,
          range: pool.range,
          subnet_prefix: pool.subnetPrefix,
          description: pool.description ?? null,
          updated_at: at,
        });
      return this.getOrThrow(tx, id);
    });
  }

  async delete(id: string, at: Date): Promise<void> {
    await this.db.transaction(async tx => {
      // Lock the pool row first, like a reservation does, so no reservation slips in
      // between the check and the delete.
      const locked = await tx(POOLS)
        .where({ id })
        .increment('allocation_version', 1);
      if (!locked) {
        throw new NotFoundError(`Address pool '${id}' does not exist`);
      }
      const live: Array<Pick<ReservationRow, 'cidr'>> = await whereLive(
        tx(RESERVATIONS).where({ pool_id: id }).select('cidr'),
        at,
      );
      if (live.length > 0) {
        throw new ConflictError(
          `Address pool '${id}' has ${live.length} live reservation(s) (${live
            .map(row => row.cidr)
            .join(', ')}); release them first`,
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
