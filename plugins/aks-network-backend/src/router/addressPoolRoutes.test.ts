import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import request from 'supertest';
import { SUB_A, SUB_B } from '../database/__testUtils__/clusterRecords';
import type { VnetRead } from '../reservations/VnetSubnetSource';
import {
  startBackend,
  stopRouterTestBackends,
} from '../__testUtils__/routerTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

afterEach(stopRouterTestBackends);

const POOL = {
  id: 'weu-nodes',
  subscriptionId: SUB_A,
  resourceGroup: 'rg-network',
  vnetName: 'vnet-weu',
  region: 'westeurope',
  range: '10.250.16.0/20',
};

/** A /16 VNet in westeurope, as ARM gives it. */
const VNET: VnetRead = {
  addressSpace: ['10.250.0.0/16'],
  subnetPrefixes: [],
  location: 'westeurope',
};

class ArmError extends Error {
  constructor(message: string, readonly statusCode: number) {
    super(message);
  }
}

describe.each(databases.eachSupportedId())(
  'address pool routes on %p',
  databaseId => {
    let knex: Knex;
    let reads: Array<{ subscriptionId: string; vnetName: string }>;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      reads = [];
    });

    async function start(
      vnet: (v: { vnetName: string }) => Promise<VnetRead> = async () => VNET,
    ) {
      const { server } = await startBackend(knex, undefined, {
        vnet: async read => {
          reads.push(read);
          return vnet(read);
        },
      });
      const as = (call: request.Test) =>
        call.set('Authorization', mockCredentials.user.header());
      return {
        create: (body: object) =>
          as(request(server).post('/api/aks-network/address-pools')).send(body),
        update: (id: string, body: object) =>
          as(request(server).put(`/api/aks-network/address-pools/${id}`)).send(
            body,
          ),
        list: (query: object = {}) =>
          as(request(server).get('/api/aks-network/address-pools')).query(
            query,
          ),
        reserve: (id: string, body: object) =>
          as(
            request(server).post(
              `/api/aks-network/address-pools/${id}/reservations`,
            ),
          ).send(body),
      };
    }

    const rows = () => knex('address_pools').select().orderBy('id');

    it('creates a pool inside its VNet’s address space, read from Azure', async () => {
      const api = await start();
      const res = await api.create(POOL);
      expect(res.status).toBe(201);
      expect(reads).toEqual([
        {
          subscriptionId: SUB_A,
          resourceGroup: 'rg-network',
          vnetName: 'vnet-weu',
        },
      ]);
    });

    it.each([
      ['0.0.0.0/0'],
      ['10.0.0.0/8'],
      // Overlaps the VNet but does not lie in it.
      ['10.250.0.0/15'],
      ['10.251.0.0/24'],
    ])(
      'refuses the range %s outside a /16 VNet with a 400 naming range, writing nothing',
      async range => {
        const api = await start();
        const res = await api.create({ ...POOL, range });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(
          /^range: .* is not inside the address space of the VNet 'vnet-weu' .*\(10\.250\.0\.0\/16\)/,
        );
        expect(await rows()).toEqual([]);
      },
    );

    it('refuses a pool in another region than its VNet', async () => {
      const api = await start();
      const res = await api.create({ ...POOL, region: 'northeurope' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^region: the VNet 'vnet-weu' .* is in westeurope, not northeurope/,
      );
      expect(await rows()).toEqual([]);
    });

    it('says when the VNet cannot be read, naming it, and creates nothing on a guess', async () => {
      const missing = await start(async () => {
        throw new ArmError(
          "ResourceNotFound: The Resource 'Microsoft.Network/virtualNetworks/vnet-weu' was not found.",
          404,
        );
      });
      const gone = await missing.create(POOL);
      expect(gone.status).toBe(400);
      expect(gone.body.error.message).toMatch(
        /^vnetName: Azure has no VNet 'vnet-weu' of resource group 'rg-network' .*ResourceNotFound.*nothing was written/,
      );
      await stopRouterTestBackends();

      const denied = await start(async () => {
        throw new ArmError('AuthorizationFailed: no read on the VNet', 403);
      });
      const unread = await denied.create(POOL);
      expect(unread.status).toBe(503);
      expect(unread.body.error.message).toMatch(
        /VNet 'vnet-weu' .* could not be read from Azure.*AuthorizationFailed/,
      );
      expect(await rows()).toEqual([]);
    });

    it('answers 409 naming both pools for an overlapping range on the same VNet', async () => {
      const api = await start();
      await api.create(POOL).expect(201);
      const res = await api.create({
        ...POOL,
        id: 'weu-nodes-2',
        vnetName: 'VNET-WEU',
        range: '10.250.20.0/24',
      });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(
        /address pool 'weu-nodes-2' overlaps address pool 'weu-nodes' \(10\.250\.16\.0\/20\)/,
      );
      expect((await rows()).map(row => row.id)).toEqual(['weu-nodes']);
    });

    it('checks every field before Azure is called: no unchecked text reaches an ARM URL', async () => {
      const api = await start();
      for (const change of [
        { subscriptionId: '../../../x' },
        { resourceGroup: 'rg/../../x' },
        { vnetName: 'vnet?api-version=1' },
        { region: 'West Europe' },
        { description: 'x'.repeat(95_000) },
      ]) {
        const res = await api.create({ ...POOL, ...change });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(
          new RegExp(`^${Object.keys(change)[0]}: `),
        );
      }
      expect(reads).toEqual([]);
      expect(await rows()).toEqual([]);
    });

    it('checks a move against the new VNet, and refuses one while the pool holds live reservations', async () => {
      const api = await start(async ({ vnetName }) =>
        vnetName === 'vnet-small'
          ? { ...VNET, addressSpace: ['10.99.0.0/24'] }
          : VNET,
      );
      await api.create(POOL).expect(201);
      const outside = await api.update(POOL.id, { vnetName: 'vnet-small' });
      expect(outside.status).toBe(400);
      expect(outside.body.error.message).toMatch(/^range: .*vnet-small/);
      // A description alone reads nothing from Azure.
      const before = reads.length;
      await api.update(POOL.id, { description: 'nodes' }).expect(200);
      expect(reads).toHaveLength(before);

      for (const key of ['k1', 'k2']) {
        await api.reserve(POOL.id, { requestKey: key }).expect(201);
      }
      const moved = await api.update(POOL.id, {
        subscriptionId: SUB_B,
        vnetName: 'vnet-neu',
      });
      expect(moved.status).toBe(409);
      expect(moved.body.error.message).toMatch(
        /^subscriptionId, vnetName: address pool 'weu-nodes' holds 2 live reservation\(s\)/,
      );
      expect((await rows())[0]).toMatchObject({
        subscription_id: SUB_A,
        vnet_name: 'vnet-weu',
      });
    });

    it('pages the pool list, with the count of all, and keeps capacity=true', async () => {
      const api = await start();
      for (const index of [0, 1, 2]) {
        await api
          .create({
            ...POOL,
            id: `pool-${index}`,
            range: `10.250.${16 * (index + 1)}.0/20`,
          })
          .expect(201);
      }
      const page = await api.list({ limit: 2, offset: 1, capacity: 'true' });
      expect(page.status).toBe(200);
      expect(page.body.totalCount).toBe(3);
      expect(page.body.items.map((p: { id: string }) => p.id)).toEqual([
        'pool-1',
        'pool-2',
      ]);
      expect(page.body.items[0].capacity).toMatchObject({ totalSubnets: 128 });
      const first = await api.list();
      expect(first.body.items).toHaveLength(3);
      expect(first.body.items[0]).not.toHaveProperty('capacity');
    });

    it.each([
      [{ limit: '0' }, 'limit'],
      [{ limit: '501' }, 'limit'],
      [{ limit: '1e3' }, 'limit'],
      [{ offset: '1e20' }, 'offset'],
      [{ offset: '-1' }, 'offset'],
      [{ offset: '100001' }, 'offset'],
      [{ capacity: 'yes' }, 'capacity'],
    ])('answers 400 naming the field for %p', async (query, field) => {
      const api = await start();
      const res = await api.list(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        new RegExp(`^Invalid query: ${field}: `),
      );
    });
  },
);
