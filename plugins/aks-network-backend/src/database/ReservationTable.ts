import { randomUUID } from 'node:crypto';
import {
  overlaps,
  parseCidrOrThrow,
} from '@aks-network/plugin-aks-network-common';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { Knex } from 'knex';
import { allocateSubnet } from '../reservations/allocateSubnet';
import {
  isLiveReservation,
  whereLive,
} from '../reservations/reservationLiveness';
import type {
  ListReservationsQuery,
  ReservationRef,
  ReserveSubnetRequest,
} from './AksNetworkStore';
import type { Reservation } from '../model';
import {
  AddressPoolRow,
  ReservationRow,
  reservationFromRow,
} from './addressPoolRows';
import { lockPoolRow } from './poolRowLock';

const POOLS = 'address_pools';
const RESERVATIONS = 'reservations';

function requiredText(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${field}: required`);
  }
  if (value.length > 256) {
    throw new InputError(`${field}: at most 256 characters`);
  }
  return value;
}

function describeRef(ref: ReservationRef): string {
  return 'id' in ref
    ? `Reservation '${ref.id}'`
    : `Reservation with request key '${ref.requestKey}' in address pool '${ref.poolId}'`;
}

/** The `reservations` table and the allocation of subnets in a pool. */
export class ReservationTable {
  constructor(private readonly db: Knex) {}

  /**
   * Concurrency: the allocation reads the pool's live reservations and writes a new
   * one, so two allocations in one pool must not interleave: the transaction opens
   * with {@link lockPoolRow}. The unique (pool_id, request_key) index backs
   * idempotency should the lock ever be bypassed.
   */
  async reserve(request: ReserveSubnetRequest): Promise<Reservation> {
    const poolId = requiredText('poolId', request.poolId);
    const owner = requiredText('owner', request.owner);
    const requestKey = requiredText('requestKey', request.requestKey);
    const now = request.now ?? new Date();
    // A hold past what a Date (and the timestamp columns) can hold would fail in SQL;
    // the service bounds it by config far below.
    const expiresAt = new Date(
      now.getTime() + Number(request.ttlSeconds) * 1000,
    );
    if (
      typeof request.ttlSeconds !== 'number' ||
      !Number.isSafeInteger(request.ttlSeconds) ||
      request.ttlSeconds <= 0 ||
      Number.isNaN(expiresAt.getTime()) ||
      expiresAt.getUTCFullYear() > 9999
    ) {
      throw new InputError(
        `ttlSeconds: expected a whole number of seconds that ends before the year 10000, got ${request.ttlSeconds}`,
      );
    }
    if (!Array.isArray(request.existingSubnets)) {
      throw new InputError('existingSubnets: expected a list of CIDRs');
    }

    return this.db.transaction(async tx => {
      if (!(await lockPoolRow(tx, poolId))) {
        throw new NotFoundError(
          `poolId: address pool '${poolId}' does not exist`,
        );
      }
      const pool: AddressPoolRow = await tx(POOLS)
        .where({ id: poolId })
        .first();
      const prefix = request.prefix ?? Number(pool.subnet_prefix);

      const previous: ReservationRow | undefined = await tx(RESERVATIONS)
        .where({ pool_id: poolId, request_key: requestKey })
        .first();
      if (previous) {
        const reservation = reservationFromRow(previous);
        if (isLiveReservation(reservation.state, reservation.expiresAt, now)) {
          if (Number(previous.prefix) !== prefix) {
            throw new ConflictError(
              `requestKey: '${requestKey}' already holds ${reservation.cidr} in address pool '${poolId}', not a /${prefix}`,
            );
          }
          // The same request again (a retried task step): the same subnet.
          return reservation;
        }
      }

      const cidr = await this.nextFreeSubnet(tx, pool, {
        prefix,
        existingSubnets: request.existingSubnets,
        now,
      });

      if (previous) {
        // The key's earlier reservation was released or expired: the retried request
        // gets a fresh range under the same reservation id.
        await tx(RESERVATIONS).where({ id: previous.id }).update({
          cidr,
          prefix,
          owner,
          state: 'reserved',
          expires_at: expiresAt,
          subnet_id: null,
          updated_at: now,
        });
        return this.getOrThrow(tx, { id: previous.id });
      }
      const id = randomUUID();
      await tx(RESERVATIONS).insert({
        id,
        pool_id: poolId,
        cidr,
        prefix,
        owner,
        request_key: requestKey,
        state: 'reserved',
        expires_at: expiresAt,
        subnet_id: null,
        created_at: now,
        updated_at: now,
      });
      return this.getOrThrow(tx, { id });
    });
  }

  async get(ref: ReservationRef): Promise<Reservation | undefined> {
    const row = await this.find(this.db, ref);
    return row ? reservationFromRow(row) : undefined;
  }

  async list(query: ListReservationsQuery): Promise<Reservation[]> {
    const builder = this.db(RESERVATIONS).select('*');
    if (query.poolId) {
      builder.where('pool_id', query.poolId);
    }
    if (query.state) {
      builder.where('state', query.state);
    }
    const rows: ReservationRow[] = await builder.orderBy([
      { column: 'pool_id', order: 'asc' },
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(reservationFromRow);
  }

  async release(ref: ReservationRef, at: Date): Promise<Reservation> {
    return this.db.transaction(async tx => {
      const row = await this.find(tx, ref);
      if (!row) {
        throw new NotFoundError(`${describeRef(ref)} does not exist`);
      }
      // Released or expired already: nothing to give back, and no error, so a
      // compensating step that runs twice is harmless.
      await tx(RESERVATIONS)
        .where({ id: row.id })
        .whereIn('state', ['reserved', 'committed'])
        .update({ state: 'released', updated_at: at });
      return this.getOrThrow(tx, { id: row.id });
    });
  }

  /**
   * The next free subnet of the pool as `reserve` would give it now, without holding
   * it (a plan, a dry run). A later reservation may get another one.
   */
  async preview(request: {
    poolId: string;
    prefix?: number;
    existingSubnets: string[];
    now?: Date;
  }): Promise<{ cidr: string; prefix: number }> {
    const now = request.now ?? new Date();
    const pool: AddressPoolRow | undefined = await this.db(POOLS)
      .where({ id: request.poolId })
      .first();
    if (!pool) {
      throw new NotFoundError(
        `poolId: address pool '${request.poolId}' does not exist`,
      );
    }
    const prefix = request.prefix ?? Number(pool.subnet_prefix);
    const cidr = await this.nextFreeSubnet(this.db, pool, {
      prefix,
      existingSubnets: request.existingSubnets,
      now,
    });
    return { cidr, prefix };
  }

  /** The lowest subnet of the pool clear of the VNet's subnets and the live reservations. */
  private async nextFreeSubnet(
    db: Knex | Knex.Transaction,
    pool: AddressPoolRow,
    request: { prefix: number; existingSubnets: string[]; now: Date },
  ): Promise<string> {
    const live: Array<Pick<ReservationRow, 'cidr'>> = await whereLive(
      db(RESERVATIONS).where({ pool_id: pool.id }).select('cidr'),
      request.now,
    );
    return allocateSubnet({
      poolId: pool.id,
      range: pool.range,
      prefix: request.prefix,
      existingSubnets: request.existingSubnets,
      liveReservations: live.map(row => row.cidr),
    });
  }

  async commit(id: string, subnetId: string, at: Date): Promise<Reservation> {
    requiredText('subnetId', subnetId);
    return this.db.transaction(async tx => {
      const row = await this.find(tx, { id });
      if (!row) {
        throw new NotFoundError(`Reservation '${id}' does not exist`);
      }
      // The pool lock of `reserve`: a commit that revives a released range (below)
      // must not interleave with an allocation that could take it.
      await lockPoolRow(tx, row.pool_id);
      const reservation = reservationFromRow(row);
      if (reservation.state === 'committed') {
        if (reservation.subnetId?.toLowerCase() === subnetId.toLowerCase()) {
          return reservation;
        }
        throw new ConflictError(
          `Reservation '${id}' is already committed to ${reservation.subnetId}`,
        );
      }
      if (!isLiveReservation(reservation.state, reservation.expiresAt, at)) {
        // Released or expired, yet the subnet was made: a retried task whose subnet
        // outlived a failed cluster step (its reservation was released then). The
        // subnet holds the range in Azure, so recording it is the truth, unless the
        // range went to another live reservation meanwhile.
        const holders: ReservationRow[] = await whereLive(
          tx(RESERVATIONS).where({ pool_id: row.pool_id }).whereNot({ id }),
          at,
        );
        const range = parseCidrOrThrow(reservation.cidr);
        const holder = holders.find(other =>
          overlaps(range, parseCidrOrThrow(other.cidr)),
        );
        if (holder) {
          throw new ConflictError(
            `Reservation '${id}' (${reservation.cidr}) is ${
              reservation.state === 'reserved' ? 'expired' : reservation.state
            } and its range is now held by reservation '${holder.id}' (${
              holder.cidr
            })`,
          );
        }
      }
      await tx(RESERVATIONS)
        .where({ id })
        .update({ state: 'committed', subnet_id: subnetId, updated_at: at });
      return this.getOrThrow(tx, { id });
    });
  }

  async expire(now: Date): Promise<number> {
    return this.db(RESERVATIONS)
      .where('state', 'reserved')
      .andWhere('expires_at', '<=', now)
      .update({ state: 'expired', updated_at: now });
  }

  private async find(
    db: Knex | Knex.Transaction,
    ref: ReservationRef,
  ): Promise<ReservationRow | undefined> {
    return 'id' in ref
      ? db(RESERVATIONS).where({ id: ref.id }).first()
      : db(RESERVATIONS)
          .where({ pool_id: ref.poolId, request_key: ref.requestKey })
          .first();
  }

  private async getOrThrow(
    db: Knex | Knex.Transaction,
    ref: ReservationRef,
  ): Promise<Reservation> {
    const row = await this.find(db, ref);
    if (!row) {
      throw new NotFoundError(`${describeRef(ref)} does not exist`);
    }
    return reservationFromRow(row);
  }
}
