import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import request from 'supertest';
import { SUB_A, SUB_B } from '../database/__testUtils__/clusterRecords';
import {
  startBackend,
  stopRouterTestBackends,
} from '../__testUtils__/routerTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

afterEach(stopRouterTestBackends);

/** A pool of /27s in a /20; the test backend's VNet is 10.250.0.0/16. */
const POOL = {
  id: 'weu-nodes',
  subscriptionId: SUB_A,
  resourceGroup: 'rg-network',
  vnetName: 'vnet-weu',
  region: 'westeurope',
  range: '10.250.16.0/20',
};

const SUBNET = (vnet = 'vnet-weu', sub = SUB_A, group = 'rg-network') =>
  `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/snet-aks-orders`;

/** What a response must never carry: SQL, a stack, a driver's words. */
const LEAK =
  /select |insert |update |from "|at .*\.(ts|js):\d|knex|sqlite|postgres/i;

describe.each(databases.eachSupportedId())(
  'reservation routes on %p',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    async function start(config: object = {}) {
      const { server } = await startBackend(knex, undefined, {
        config: { addressPools: [POOL], ...config },
      });
      const call = (
        method: 'get' | 'post',
        path: string,
        header = mockCredentials.user.header(),
      ) =>
        request(server)
          [method](`/api/aks-network${path}`)
          .set('Authorization', header);
      return {
        reserve: (body: object, header?: string) =>
          call('post', `/address-pools/${POOL.id}/reservations`, header).send(
            body,
          ),
        commit: (id: string, body: object) =>
          call('post', `/reservations/${id}/commit`).send(body),
        nextSubnet: (query: object) =>
          call('get', `/address-pools/${POOL.id}/next-subnet`).query(query),
      };
    }

    const reservations = () => knex('reservations').select().orderBy('id');

    describe('owner', () => {
      it('is the caller when the request names none', async () => {
        const api = await start();
        const res = await api.reserve({ requestKey: 'k1' });
        expect(res.status).toBe(201);
        expect(res.body.owner).toBe('user:default/mock');
      });

      it.each([
        ['group:default/team-a', 'group:default/team-a'],
        // The catalog's shorthand for a group, in any case.
        ['Team-A', 'group:default/team-a'],
        ['user:default/mock', 'user:default/mock'],
      ])(
        'may be %p, a group the caller is in or the caller',
        async (owner, stored) => {
          const api = await start();
          const res = await api.reserve({ requestKey: 'k1', owner });
          expect(res.status).toBe(201);
          expect(res.body.owner).toBe(stored);
        },
      );

      it('is refused with a 403 naming owner for a team the caller is not in, and nothing is held', async () => {
        const api = await start();
        const res = await api.reserve({
          requestKey: 'k1',
          owner: 'group:default/team-payments',
        });
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(
          /^owner: user:default\/mock may reserve for themselves or a group they are in \(user:default\/mock, group:default\/team-a\), not 'group:default\/team-payments'/,
        );
        expect(await reservations()).toEqual([]);
      });

      it('is refused for a service calling for itself, which holds in its own name', async () => {
        const api = await start();
        const named = await api.reserve(
          { requestKey: 'k1', owner: 'group:default/team-a' },
          mockCredentials.service.header(),
        );
        expect(named.status).toBe(403);
        expect(named.body.error.message).toMatch(/^owner: a service/);
        const own = await api.reserve(
          { requestKey: 'k2' },
          mockCredentials.service.header(),
        );
        expect(own.status).toBe(201);
        expect(own.body.owner).toBe(
          mockCredentials.service().principal.subject,
        );
      });

      it.each([['not a ref/'], ['component:default/x'], ['team\u202ea']])(
        'answers 400 naming owner for %p',
        async owner => {
          const api = await start();
          const res = await api.reserve({ requestKey: 'k1', owner });
          expect(res.status).toBe(400);
          expect(res.body.error.message).toMatch(/owner: /);
          expect(await reservations()).toEqual([]);
        },
      );
    });

    describe('ttlSeconds and prefix', () => {
      it.each([
        [{ ttlSeconds: 1e13 }, 'ttlSeconds'],
        [{ ttlSeconds: 1e300 }, 'ttlSeconds'],
        [{ ttlSeconds: 999_999_999 }, 'ttlSeconds'],
        [{ ttlSeconds: 86_401 }, 'ttlSeconds'],
        [{ ttlSeconds: 0 }, 'ttlSeconds'],
        [{ ttlSeconds: 1.5 }, 'ttlSeconds'],
        [{ ttlSeconds: '60' }, 'ttlSeconds'],
        // The pool hands out /27s; the largest cluster the default policy allows (100
        // nodes and a surge node: 101 IPs) needs a /25 (123 usable). Nothing larger.
        [{ prefix: 20 }, 'prefix'],
        [{ prefix: 24 }, 'prefix'],
        [{ prefix: 30 }, 'prefix'],
        [{ prefix: 1e300 }, 'prefix'],
        [{ requestKey: 'k\u0000' }, 'requestKey'],
        [{ requestKey: 'k'.repeat(201) }, 'requestKey'],
      ])(
        'answers %p with a 400 naming %s, never a 500, holding nothing',
        async (change, field) => {
          const api = await start();
          const res = await api.reserve({ requestKey: 'k1', ...change });
          expect(res.status).toBe(400);
          expect(res.body.error.message).toMatch(new RegExp(`${field}: `));
          expect(JSON.stringify(res.body)).not.toMatch(LEAK);
          expect(await reservations()).toEqual([]);
        },
      );

      it('takes a day and a /25, and the bounds follow the config', async () => {
        const api = await start();
        const res = await api.reserve({
          requestKey: 'k1',
          ttlSeconds: 86_400,
          prefix: 25,
        });
        expect(res.status).toBe(201);
        expect(res.body.cidr).toBe('10.250.16.0/25');
        await stopRouterTestBackends();

        const strict = await start({
          reservations: { ttlSeconds: 600, maxTtlSeconds: 3600 },
          // 50 nodes and a surge node need 51 IPs: a /26 (59 usable).
          clusterPolicy: { nodeCount: { min: 1, max: 50 } },
        });
        const long = await strict.reserve({
          requestKey: 'k2',
          ttlSeconds: 3601,
        });
        expect(long.status).toBe(400);
        expect(long.body.error.message).toMatch(
          /^ttlSeconds: 3601 is outside 1–3600/,
        );
        const big = await strict.reserve({ requestKey: 'k2', prefix: 25 });
        expect(big.status).toBe(400);
        expect(big.body.error.message).toMatch(
          /^prefix: \/25 is outside \/26–\/29/,
        );
        const fits = await strict.reserve({ requestKey: 'k2', prefix: 26 });
        expect(fits.status).toBe(201);
        // The default hold is the configured TTL.
        expect(
          new Date(fits.body.expiresAt).getTime() -
            new Date(fits.body.createdAt).getTime(),
        ).toBe(600_000);
      });

      it.each([[{ prefix: '1e20' }], [{ prefix: '20' }], [{ prefix: 'x' }]])(
        'answers the next-subnet query %p with a 400 naming prefix',
        async query => {
          const api = await start();
          const res = await api.nextSubnet(query);
          expect(res.status).toBe(400);
          expect(res.body.error.message).toMatch(/prefix: /);
        },
      );
    });

    describe('commit', () => {
      async function reserved() {
        const api = await start();
        const res = await api.reserve({ requestKey: 'k1' }).expect(201);
        return { api, id: res.body.id as string };
      }

      it.each([
        ["not-an-arm-id ' OR 1=1", /segments/],
        [SUBNET().replace(SUB_A, '..'), /GUID/],
        [`${SUBNET()}\n`, /U\+000A/],
        [`${SUBNET()}/extra`, /segments/],
        [
          SUBNET().replace('virtualNetworks', 'networkSecurityGroups'),
          /virtualNetworks/,
        ],
      ])(
        'refuses subnetId %p with a 400 naming it, leaving the reservation as it was',
        async (subnetId, why) => {
          const { api, id } = await reserved();
          const before = await reservations();
          const res = await api.commit(id, { subnetId });
          expect(res.status).toBe(400);
          expect(res.body.error.message).toMatch(/^subnetId: /);
          expect(res.body.error.message).toMatch(why);
          expect(await reservations()).toEqual(before);
        },
      );

      it.each([
        ['another VNet', SUBNET('vnet-neu')],
        ['another resource group', SUBNET('vnet-weu', SUB_A, 'rg-other')],
        ['another subscription', SUBNET('vnet-weu', SUB_B)],
      ])(
        'refuses a subnet of %s than the pool’s with a 400 naming subnetId',
        async (_label, subnetId) => {
          const { api, id } = await reserved();
          const res = await api.commit(id, { subnetId });
          expect(res.status).toBe(400);
          expect(res.body.error.message).toMatch(
            /^subnetId: .* is a subnet of VNet .*; reservation .* was carved from address pool 'weu-nodes' on the VNet 'vnet-weu'/,
          );
          expect((await reservations())[0].state).toBe('reserved');
        },
      );

      it('commits a subnet of the pool’s VNet, its words in any case', async () => {
        const { api, id } = await reserved();
        const subnetId = SUBNET().replace('virtualNetworks', 'VIRTUALNETWORKS');
        const res = await api.commit(id, { subnetId });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ state: 'committed', subnetId });
      });
    });
  },
);
