import { TestDatabases } from '@backstage/backend-test-utils';
import { databaseServiceFor } from './__testUtils__/testStore';
import { DatabaseAksNetworkStore } from './DatabaseAksNetworkStore';
import type { AddressPoolInput } from '../model';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const t0 = new Date('2026-11-26T09:00:00Z');
const t1 = new Date('2026-11-26T09:05:00Z');

const weu: AddressPoolInput = {
  id: 'weu-nodes',
  subscriptionId: 'a1a1a1a1-0000-4000-8000-000000000001',
  resourceGroup: 'rg-net',
  vnetName: 'vnet-weu',
  region: 'WestEurope',
  range: '10.240.0.0/20',
  description: 'West Europe node subnets',
};

describe.each(databases.eachSupportedId())(
  'address pools on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
    }

    it('creates, lists, gets, updates and deletes a pool', async () => {
      const store = await createStore();
      const created = await store.createAddressPool(weu, t0);
      expect(created).toEqual({
        ...weu,
        region: 'westeurope',
        // docs/domain.md#overlay-node-subnet-sizes: "The node subnet shrinks to a /27 by default".
        subnetPrefix: 27,
        createdAt: t0,
        updatedAt: t0,
      });
      await store.createAddressPool(
        {
          ...weu,
          id: 'neu-nodes',
          region: 'northeurope',
          range: '10.250.0.0/20',
        },
        t0,
      );
      expect((await store.listAddressPools()).map(p => p.id)).toEqual([
        'neu-nodes',
        'weu-nodes',
      ]);
      expect(await store.getAddressPool('weu-nodes')).toEqual(created);
      expect(await store.getAddressPool('nope')).toBeUndefined();

      const updated = await store.updateAddressPool(
        'weu-nodes',
        { subnetPrefix: 26, description: null },
        t1,
      );
      expect(updated).toEqual({
        ...created,
        subnetPrefix: 26,
        description: undefined,
        updatedAt: t1,
      });
      expect(updated).not.toHaveProperty('description');

      await store.deleteAddressPool('weu-nodes');
      expect((await store.listAddressPools()).map(p => p.id)).toEqual([
        'neu-nodes',
      ]);
    });

    it.each([
      [{ range: '10.240.0.1/20' }, /^range: host bits are set/],
      [{ range: 'nonsense' }, /^range: /],
      [
        { subnetPrefix: 30 },
        /^subnetPrefix: \/30 is smaller than the smallest Azure subnet, \/29/,
      ],
      [
        { subnetPrefix: 16 },
        /^subnetPrefix: a \/16 does not fit in the pool range 10.240.0.0\/20/,
      ],
      [{ id: 'Bad Id' }, /^id: /],
      [{ vnetName: '' }, /^vnetName: required/],
      [
        { resourceGroup: 'r'.repeat(64) },
        /^resourceGroup: at most 63 characters/,
      ],
      // A subscription is a GUID: nothing else may reach an ARM URL.
      [{ subscriptionId: '../../../x' }, /^subscriptionId: .*GUID/],
      [{ subscriptionId: 'a1a1a1a1' }, /^subscriptionId: .*GUID/],
      // Azure's name rules (common's AzureNameRules).
      [{ resourceGroup: 'rg/../x' }, /^resourceGroup: .*not valid/],
      [{ resourceGroup: 'rg.' }, /^resourceGroup: .*not valid/],
      [{ vnetName: 'v' }, /^vnetName: .*not valid/],
      [{ vnetName: 'vnet weu' }, /^vnetName: .*not valid/],
      [{ region: 'West Europe' }, /^region: .*programmatic name/],
      [{ region: 'west-europe' }, /^region: /],
      // Control and bidirectional-formatting characters, named, never echoed.
      [{ vnetName: 'vnet-\u202ehcae' }, /^vnetName: .*U\+202E/],
      [{ resourceGroup: 'rg-\u2066net' }, /^resourceGroup: .*U\+2066/],
      [{ description: 'line one\nline two' }, /^description: .*U\+000A/],
      [{ description: 'left \u200f right' }, /^description: .*U\+200F/],
      [{ description: '\u001b[31mred' }, /^description: .*U\+001B/],
      [{ id: 'pool\u0000' }, /^id: .*U\+0000/],
      [
        { description: 'd'.repeat(1001) },
        /^description: 1001 characters; at most 1000/,
      ],
    ])(
      'refuses %p with an InputError naming the field',
      async (change, message) => {
        const store = await createStore();
        await expect(
          store.createAddressPool({ ...weu, ...change }),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringMatching(message),
        });
        expect(await store.listAddressPools()).toEqual([]);
      },
    );

    it('takes a description of 1,000 characters, accents and emoji included', async () => {
      const store = await createStore();
      const description = `${'é'.repeat(998)}🌍!`;
      await expect(
        store.createAddressPool({ ...weu, description }),
      ).resolves.toMatchObject({ description });
    });

    it('refuses a taken id, and unknown pools, with ConflictError and NotFoundError', async () => {
      const store = await createStore();
      await store.createAddressPool(weu);
      await expect(store.createAddressPool(weu)).rejects.toMatchObject({
        name: 'ConflictError',
        message: "id: address pool 'weu-nodes' already exists",
      });
      await expect(
        store.updateAddressPool('nope', { subnetPrefix: 28 }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(store.deleteAddressPool('nope')).rejects.toMatchObject({
        name: 'NotFoundError',
      });
    });

    it('refuses to delete a pool, or move its range, while live reservations exist', async () => {
      const store = await createStore();
      await store.createAddressPool(weu, t0);
      const reservation = await store.reserveSubnet({
        poolId: 'weu-nodes',
        owner: 'team-payments',
        requestKey: 'task-1',
        ttlSeconds: 600,
        existingSubnets: [],
        now: t0,
      });
      await expect(
        store.deleteAddressPool('weu-nodes', t1),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('10.240.0.0/27'),
      });
      await expect(
        store.updateAddressPool('weu-nodes', { range: '10.241.0.0/20' }, t1),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(/^range: /),
      });
      // Growing the range around the reservation is fine.
      await expect(
        store.updateAddressPool('weu-nodes', { range: '10.240.0.0/16' }, t1),
      ).resolves.toMatchObject({ range: '10.240.0.0/16' });

      await store.releaseReservation({ id: reservation.id }, t1);
      await store.deleteAddressPool('weu-nodes', t1);
      expect(await store.getAddressPool('weu-nodes')).toBeUndefined();
      expect(
        await store.getReservation({ id: reservation.id }),
      ).toBeUndefined();
    });
  },
);
