import { TestDatabases } from '@backstage/backend-test-utils';
import { seedAddressPools } from '../reservations/reservationSettings';
import { databaseServiceFor } from './__testUtils__/testStore';
import { DatabaseAksNetworkStore } from './DatabaseAksNetworkStore';
import type { AddressPoolInput } from '../model';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const t0 = new Date('2026-12-02T09:00:00Z');
const t1 = new Date('2026-12-02T09:05:00Z');

const SUB = 'a1a1a1a1-0000-4000-8000-000000000001';
const OTHER_SUB = 'b2b2b2b2-0000-4000-8000-000000000002';

const pool = (
  id: string,
  range: string,
  vnet: Partial<AddressPoolInput> = {},
): AddressPoolInput => ({
  id,
  subscriptionId: SUB,
  resourceGroup: 'rg-net',
  vnetName: 'vnet-weu',
  region: 'westeurope',
  range,
  ...vnet,
});

describe.each(databases.eachSupportedId())(
  'address pools of one VNet on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      return { store, knex };
    }

    it('refuses a range that overlaps another pool of the same VNet, naming both pools', async () => {
      const { store } = await createStore();
      await store.createAddressPool(pool('weu-a', '10.240.0.0/20'), t0);
      for (const [id, range] of [
        ['weu-same', '10.240.0.0/20'],
        ['weu-inside', '10.240.4.0/24'],
        ['weu-around', '10.240.0.0/16'],
        ['weu-everything', '0.0.0.0/0'],
      ]) {
        await expect(
          store.createAddressPool(pool(id, range), t0),
        ).rejects.toMatchObject({
          name: 'ConflictError',
          message: expect.stringMatching(
            new RegExp(
              `^range: ${range.replace(
                /[./]/g,
                '\\$&',
              )} of address pool '${id}' overlaps address pool 'weu-a' \\(10\\.240\\.0\\.0/20\\)`,
            ),
          ),
        });
      }
      expect((await store.listAddressPools()).map(p => p.id)).toEqual([
        'weu-a',
      ]);
    });

    it('compares the VNet without regard to case, and lets other VNets reuse a range', async () => {
      const { store } = await createStore();
      await store.createAddressPool(pool('weu-a', '10.240.0.0/20'), t0);
      await expect(
        store.createAddressPool(
          pool('weu-shout', '10.240.0.0/24', {
            subscriptionId: SUB.toUpperCase(),
            resourceGroup: 'RG-NET',
            vnetName: 'VNET-WEU',
          }),
          t0,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      // The same range on another VNet, resource group or subscription is fine: a
      // range is only shared within one VNet.
      await store.createAddressPool(
        pool('weu-b', '10.240.0.0/20', { vnetName: 'vnet-weu-2' }),
        t0,
      );
      await store.createAddressPool(
        pool('weu-c', '10.240.0.0/20', { resourceGroup: 'rg-net-2' }),
        t0,
      );
      await store.createAddressPool(
        pool('weu-d', '10.240.0.0/20', { subscriptionId: OTHER_SUB }),
        t0,
      );
      // A neighbour that touches no address of the first.
      await store.createAddressPool(pool('weu-e', '10.240.16.0/20'), t0);
      expect(await store.listAddressPools()).toHaveLength(5);
    });

    it('lets only one of many concurrent creates of overlapping pools win', async () => {
      const { store } = await createStore();
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, index) =>
          store.createAddressPool(
            // Nested (/17 … /24 from one address): each overlaps every other.
            pool(`weu-race-${index}`, `10.240.0.0/${17 + index}`),
            t0,
          ),
        ),
      );
      const won = results.filter(r => r.status === 'fulfilled');
      const lost = results.flatMap(r =>
        r.status === 'rejected' ? [r.reason] : [],
      );
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(7);
      for (const reason of lost) {
        expect(reason).toMatchObject({ name: 'ConflictError' });
      }
      expect(await store.listAddressPools()).toHaveLength(1);
    });

    it('refuses an update onto another pool’s range, and takes one that is clear', async () => {
      const { store } = await createStore();
      await store.createAddressPool(pool('weu-a', '10.240.0.0/20'), t0);
      await store.createAddressPool(pool('weu-b', '10.240.16.0/20'), t0);
      await expect(
        store.updateAddressPool('weu-b', { range: '10.240.8.0/21' }, t1),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(
          /^range: 10\.240\.8\.0\/21 of address pool 'weu-b' overlaps address pool 'weu-a'/,
        ),
      });
      // Moved onto a VNet where the range is taken.
      await store.createAddressPool(
        pool('neu-a', '10.240.16.0/24', { vnetName: 'vnet-neu' }),
        t0,
      );
      await expect(
        store.updateAddressPool('weu-b', { vnetName: 'vnet-neu' }, t1),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining("overlaps address pool 'neu-a'"),
      });
      expect((await store.getAddressPool('weu-b'))?.range).toBe(
        '10.240.16.0/20',
      );
      // Its own range again, or a smaller one inside it, overlaps only itself.
      await expect(
        store.updateAddressPool('weu-b', { range: '10.240.16.0/21' }, t1),
      ).resolves.toMatchObject({ range: '10.240.16.0/21' });
    });

    it('refuses to move a pool that holds live reservations, saying how many', async () => {
      const { store, knex } = await createStore();
      await store.createAddressPool(pool('weu-a', '10.240.0.0/20'), t0);
      for (const key of ['k1', 'k2', 'k3']) {
        await store.reserveSubnet({
          poolId: 'weu-a',
          owner: 'user:default/guest',
          requestKey: key,
          ttlSeconds: 600,
          existingSubnets: [],
          now: t0,
        });
      }
      const before = await knex('address_pools').select();
      for (const [change, fields] of [
        [{ vnetName: 'vnet-neu' }, 'vnetName'],
        [{ resourceGroup: 'rg-other' }, 'resourceGroup'],
        [{ subscriptionId: OTHER_SUB }, 'subscriptionId'],
        [
          { subscriptionId: OTHER_SUB, vnetName: 'vnet-neu' },
          'subscriptionId, vnetName',
        ],
      ] as const) {
        await expect(
          store.updateAddressPool('weu-a', change, t1),
        ).rejects.toMatchObject({
          name: 'ConflictError',
          message: expect.stringMatching(
            new RegExp(
              `^${fields}: address pool 'weu-a' holds 3 live reservation\\(s\\)`,
            ),
          ),
        });
      }
      // A range that leaves two of them outside.
      await expect(
        store.updateAddressPool('weu-a', { range: '10.240.0.0/27' }, t1),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(
          /^range: address pool 'weu-a' holds 2 live reservation\(s\) outside 10\.240\.0\.0\/27 \(10\.240\.0\.32\/27, 10\.240\.0\.64\/27\)/,
        ),
      });
      expect(await knex('address_pools').select()).toEqual(before);
      // The same VNet spelt in capitals is no move; released reservations hold nothing.
      await expect(
        store.updateAddressPool('weu-a', { vnetName: 'VNET-WEU' }, t1),
      ).resolves.toMatchObject({ vnetName: 'VNET-WEU' });
      for (const key of ['k1', 'k2', 'k3']) {
        await store.releaseReservation(
          { poolId: 'weu-a', requestKey: key },
          t1,
        );
      }
      await expect(
        store.updateAddressPool('weu-a', { vnetName: 'vnet-neu' }, t1),
      ).resolves.toMatchObject({ vnetName: 'vnet-neu' });
    });

    it('stops seeding at a configured pool that overlaps another, and skips one that exists', async () => {
      const { store } = await createStore();
      await expect(
        seedAddressPools(store, [
          pool('weu-a', '10.240.0.0/20'),
          pool('weu-a', '10.240.0.0/20'),
        ]),
      ).resolves.toEqual(['weu-a']);
      await expect(
        seedAddressPools(store, [pool('weu-b', '10.240.8.0/24')]),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining(
          "address pool 'weu-b' overlaps address pool 'weu-a'",
        ),
      });
    });

    it('pages the pools in id order with the count of all', async () => {
      const { store } = await createStore();
      for (const index of [3, 1, 2, 0, 4]) {
        await store.createAddressPool(
          pool(`pool-${index}`, `10.240.${index}.0/24`),
          t0,
        );
      }
      const page = await store.pageAddressPools({ limit: 2, offset: 1 });
      expect(page.items.map(p => p.id)).toEqual(['pool-1', 'pool-2']);
      expect(page.totalCount).toBe(5);
      expect(
        (await store.pageAddressPools({ limit: 10, offset: 10 })).items,
      ).toEqual([]);
    });
  },
);
