import {
  overlaps,
  parseCidrOrThrow,
  containsCidr,
} from '@aks-network/plugin-aks-network-common';
import { TestDatabases } from '@backstage/backend-test-utils';
import { databaseServiceFor } from './__testUtils__/testStore';
import { DatabaseAksNetworkStore } from './DatabaseAksNetworkStore';
import type { ReserveSubnetRequest } from './AksNetworkStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const t0 = new Date('2026-11-26T09:00:00Z');
const t1 = new Date('2026-11-26T09:05:00Z');
const t2 = new Date('2026-11-26T09:20:00Z');

describe.each(databases.eachSupportedId())('reservations on %p', databaseId => {
  async function createStore(range = '10.240.0.0/20') {
    const knex = await databases.init(databaseId);
    const store = await DatabaseAksNetworkStore.create({
      database: databaseServiceFor(knex),
    });
    await store.createAddressPool(
      {
        id: 'weu-nodes',
        subscriptionId: 'a1a1a1a1-0000-4000-8000-000000000001',
        resourceGroup: 'rg-net',
        vnetName: 'vnet-weu',
        region: 'westeurope',
        range,
      },
      t0,
    );
    return store;
  }

  const request = (
    requestKey: string,
    more: Partial<ReserveSubnetRequest> = {},
  ): ReserveSubnetRequest => ({
    poolId: 'weu-nodes',
    owner: 'team-payments',
    requestKey,
    ttlSeconds: 600,
    existingSubnets: [],
    now: t0,
    ...more,
  });

  it('reserves the lowest free /27 clear of the VNet’s subnets and live reservations', async () => {
    const store = await createStore();
    const first = await store.reserveSubnet(
      request('task-1', {
        existingSubnets: ['10.240.0.0/26', '10.240.0.96/27', '192.168.0.0/24'],
      }),
    );
    expect(first).toEqual({
      id: expect.any(String),
      poolId: 'weu-nodes',
      cidr: '10.240.0.64/27',
      owner: 'team-payments',
      requestKey: 'task-1',
      state: 'reserved',
      expiresAt: new Date(t0.getTime() + 600_000),
      createdAt: t0,
      updatedAt: t0,
    });
    const second = await store.reserveSubnet(
      request('task-2', {
        existingSubnets: ['10.240.0.0/26', '10.240.0.96/27'],
        prefix: 28,
      }),
    );
    expect(second.cidr).toBe('10.240.0.128/28');
  });

  it('returns the same reservation for the same key', async () => {
    const store = await createStore();
    const first = await store.reserveSubnet(request('task-1'));
    const again = await store.reserveSubnet(
      request('task-1', { now: t1, existingSubnets: ['10.240.0.0/27'] }),
    );
    expect(again).toEqual(first);
    expect(await store.listReservations({ poolId: 'weu-nodes' })).toEqual([
      first,
    ]);
    await expect(
      store.reserveSubnet(request('task-1', { prefix: 26 })),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        /^requestKey: 'task-1' already holds 10.240.0.0\/27/,
      ),
    });
  });

  it('gives fifty concurrent reservations fifty distinct, non-overlapping subnets in the pool', async () => {
    const store = await createStore();
    const existingSubnets = ['10.240.0.0/24'];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.reserveSubnet(
          request(`task-${i}`, { owner: `team-${i % 3}`, existingSubnets }),
        ),
      ),
    );
    const cidrs = results.map(r => r.cidr);
    expect(new Set(cidrs).size).toBe(50);
    const pool = parseCidrOrThrow('10.240.0.0/20');
    const parsed = cidrs.map(parseCidrOrThrow);
    for (const [i, cidr] of parsed.entries()) {
      expect(cidr.prefix).toBe(27);
      expect(containsCidr(pool, cidr)).toBe(true);
      expect(overlaps(cidr, parseCidrOrThrow('10.240.0.0/24'))).toBe(false);
      for (const other of parsed.slice(i + 1)) {
        expect(overlaps(cidr, other)).toBe(false);
      }
    }
    // The allocator packs them: 50 /27s right after the existing /24.
    expect([...cidrs].sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => {
        const offset = 256 + i * 32;
        return `10.240.${Math.floor(offset / 256)}.${offset % 256}/27`;
      }).sort(),
    );
    expect(await store.listReservations({ state: 'reserved' })).toHaveLength(
      50,
    );
  });

  it('answers concurrent retries of one key with one reservation', async () => {
    const store = await createStore();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.reserveSubnet(request('task-1'))),
    );
    expect(new Set(results.map(r => r.id)).size).toBe(1);
    expect(new Set(results.map(r => r.cidr)).size).toBe(1);
  });

  it('refuses a reservation in an exhausted pool with an error naming the pool and prefix', async () => {
    const store = await createStore('10.240.0.0/26');
    await store.reserveSubnet(request('task-1'));
    await expect(
      store.reserveSubnet(
        request('task-2', { existingSubnets: ['10.240.0.32/28'] }),
      ),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: "Address pool 'weu-nodes' (10.240.0.0/26) has no free /27 left",
    });
    expect((await store.listReservations()).map(r => r.requestKey)).toEqual([
      'task-1',
    ]);
    // A /28 still fits beside the existing subnet.
    await expect(
      store.reserveSubnet(
        request('task-3', { prefix: 28, existingSubnets: ['10.240.0.32/28'] }),
      ),
    ).resolves.toMatchObject({ cidr: '10.240.0.48/28' });
  });

  it.each([
    [{ prefix: 30 }, /^prefix: /],
    [{ prefix: 19 }, /^prefix: a \/19 does not fit/],
    [
      { existingSubnets: ['10.240.0.1/24'] },
      /^existingSubnets\[0\]: host bits are set/,
    ],
    [{ owner: '' }, /^owner: required/],
    [{ requestKey: ' ' }, /^requestKey: required/],
    [{ ttlSeconds: 0 }, /^ttlSeconds: /],
  ])(
    'refuses %p with an InputError naming the field',
    async (change, message) => {
      const store = await createStore();
      await expect(
        store.reserveSubnet(request('task-1', change)),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(message),
      });
      expect(await store.listReservations()).toEqual([]);
    },
  );

  it('refuses an unknown pool with a NotFoundError', async () => {
    const store = await createStore();
    await expect(
      store.reserveSubnet(request('task-1', { poolId: 'nope' })),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: "poolId: address pool 'nope' does not exist",
    });
  });

  it('frees the range on release, by id or by key, for the next reservation', async () => {
    const store = await createStore();
    const first = await store.reserveSubnet(request('task-1'));
    const second = await store.reserveSubnet(request('task-2'));
    expect([first.cidr, second.cidr]).toEqual([
      '10.240.0.0/27',
      '10.240.0.32/27',
    ]);

    const released = await store.releaseReservation({ id: first.id }, t1);
    expect(released).toMatchObject({ state: 'released', updatedAt: t1 });
    // Releasing twice is harmless.
    await expect(
      store.releaseReservation(
        { poolId: 'weu-nodes', requestKey: 'task-1' },
        t1,
      ),
    ).resolves.toMatchObject({ state: 'released' });

    const third = await store.reserveSubnet(request('task-3', { now: t1 }));
    expect(third.cidr).toBe('10.240.0.0/27');

    await expect(
      store.releaseReservation({ id: 'nope' }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('expires reservations past their TTL, and a retried key then gets a fresh range', async () => {
    const store = await createStore();
    const first = await store.reserveSubnet(
      request('task-1', { ttlSeconds: 60 }),
    );
    // Past its expiry the range is free even before expireReservations runs.
    const other = await store.reserveSubnet(request('task-2', { now: t1 }));
    expect(other.cidr).toBe(first.cidr);

    expect(await store.expireReservations(t1)).toBe(1);
    expect(await store.getReservation({ id: first.id })).toMatchObject({
      state: 'expired',
    });
    expect(await store.expireReservations(t1)).toBe(0);

    const retried = await store.reserveSubnet(request('task-1', { now: t1 }));
    expect(retried).toMatchObject({
      id: first.id,
      state: 'reserved',
      cidr: '10.240.0.32/27',
      expiresAt: new Date(t1.getTime() + 600_000),
    });
  });

  it('commits a live reservation once, and refuses to commit a dead one', async () => {
    const store = await createStore();
    const subnetId =
      '/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-weu/subnets/aks-payments';
    const reservation = await store.reserveSubnet(request('task-1'));
    const committed = await store.commitReservation(
      reservation.id,
      subnetId,
      t1,
    );
    expect(committed).toMatchObject({ state: 'committed', subnetId });
    // Committed ranges never expire: the subnet exists.
    expect(await store.expireReservations(t2)).toBe(0);
    await expect(
      store.commitReservation(reservation.id, subnetId.toLowerCase(), t2),
    ).resolves.toMatchObject({ state: 'committed', subnetId });
    await expect(
      store.commitReservation(reservation.id, `${subnetId}-other`, t2),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    const next = await store.reserveSubnet(request('task-2', { now: t2 }));
    expect(next.cidr).toBe('10.240.0.32/27');

    const late = await store.reserveSubnet(
      request('task-3', { now: t0, ttlSeconds: 60 }),
    );
    expect(late.cidr).toBe('10.240.0.64/27');
    // Expired, and its range went to another request meanwhile: refused, naming it.
    await store.expireReservations(t1);
    const taker = await store.reserveSubnet(request('task-4', { now: t1 }));
    expect(taker.cidr).toBe('10.240.0.64/27');
    await expect(
      store.commitReservation(late.id, `${subnetId}-late`, t1),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        /is expired and its range is now held by reservation '.+' \(10\.240\.0\.64\/27\)/,
      ),
    });
  });

  it('commits a released reservation whose range no one took (a retried task whose subnet outlived a failed step)', async () => {
    const store = await createStore();
    const subnetId =
      '/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-weu/subnets/aks-retried';
    const reservation = await store.reserveSubnet(request('task-1'));
    await store.releaseReservation({ id: reservation.id }, t1);
    await expect(
      store.commitReservation(reservation.id, subnetId, t1),
    ).resolves.toMatchObject({
      state: 'committed',
      cidr: reservation.cidr,
      subnetId,
    });
    // Live again: the next request gets the range after it.
    const next = await store.reserveSubnet(request('task-2', { now: t1 }));
    expect(next.cidr).not.toBe(reservation.cidr);
  });

  it('previews the next free subnet without holding it', async () => {
    const store = await createStore();
    const preview = await store.previewSubnet({
      poolId: 'weu-nodes',
      existingSubnets: ['10.240.0.0/27'],
      now: t0,
    });
    expect(preview).toEqual({ cidr: '10.240.0.32/27', prefix: 27 });
    await expect(
      store.previewSubnet({
        poolId: 'weu-nodes',
        prefix: 26,
        existingSubnets: ['10.240.0.0/27'],
        now: t0,
      }),
    ).resolves.toEqual({ cidr: '10.240.0.64/26', prefix: 26 });
    expect(await store.listReservations({ poolId: 'weu-nodes' })).toEqual([]);
    await expect(
      store.previewSubnet({ poolId: 'nope', existingSubnets: [] }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
