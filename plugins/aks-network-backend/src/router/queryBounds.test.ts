import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import request from 'supertest';
import { SUB_A } from '../database/__testUtils__/clusterRecords';
import {
  fleet,
  startBackend,
  stopRouterTestBackends,
} from '../__testUtils__/routerTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

afterEach(stopRouterTestBackends);

/** What a response must never carry: SQL, a stack, a driver's words. */
const LEAK = /select |insert |from "|at .*\.(ts|js):\d|knex|sqlite|postgres/i;

describe.each(databases.eachSupportedId())(
  'query and path bounds on %p',
  databaseId => {
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
    });

    async function get(path: string, query: object = {}) {
      const { server, service } = await startBackend(knex);
      await service().sync.run();
      return request(server)
        .get(`/api/aks-network${path}`)
        .query(query)
        .set('Authorization', mockCredentials.user.header());
    }

    it.each([
      ['/clusters', { offset: '1e20' }, 'offset'],
      ['/clusters', { offset: '1000001' }, 'offset'],
      ['/clusters', { offset: '-1' }, 'offset'],
      ['/clusters', { limit: '1e3' }, 'limit'],
      ['/clusters', { limit: '0x10' }, 'limit'],
      ['/clusters', { limit: '1001' }, 'limit'],
      ['/clusters', { subscriptionId: 'a\u0000b' }, 'subscriptionId'],
      ['/clusters', { owner: 'team\nforged' }, 'owner'],
      ['/clusters', { region: 'x'.repeat(65) }, 'region'],
      ['/fleet/clusters', { offset: '1e20' }, 'offset'],
      ['/fleet/clusters', { limit: '501' }, 'limit'],
      ['/fleet/clusters', { search: 'aks\u0000' }, 'search'],
      ['/posture', { entityRef: 'component:default/a\u0000' }, 'entityRef'],
    ])(
      'GET %s?%p answers 400 naming %s, never a 500',
      async (path, query, field) => {
        const res = await get(path, query);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(
          new RegExp(`^Invalid query: ${field}: `),
        );
        expect(JSON.stringify(res.body)).not.toMatch(LEAK);
      },
    );

    it('still pages at the bounds', async () => {
      const res = await get('/clusters', { limit: '1000', offset: '1000000' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: [], totalCount: 3 });
    });

    const CLUSTER = fleet[SUB_A][0].id;

    it.each([
      ['not an id', 'aks-a1'],
      ['a subscription that is no GUID', CLUSTER.replace(SUB_A, '..')],
      [
        'a VNet id',
        CLUSTER.replace(
          /providers\/.*$/,
          'providers/Microsoft.Network/virtualNetworks/vnet',
        ),
      ],
      ['a newline and ANSI colours', `${CLUSTER}\n\u001b[31mforged`],
      ['a name Azure refuses', CLUSTER.replace('aks-a1', 'aks a1')],
      ['an extra segment', `${CLUSTER}/agentPools/system`],
    ])('GET /clusters/:clusterId answers 400 for %s', async (_label, id) => {
      const res = await get(`/clusters/${encodeURIComponent(id)}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^Invalid path parameter clusterId: not a managed cluster ARM id/,
      );
      // The message names characters, never writes them.
      expect(res.body.error.message).not.toContain('\n');
      expect(res.body.error.message).not.toContain('\u001b');
    });

    it('GET /clusters/:clusterId finds a well-formed id in any case, and 404s an unknown one', async () => {
      const found = await get(
        `/clusters/${encodeURIComponent(CLUSTER.toUpperCase())}`,
      );
      expect(found.status).toBe(200);
      expect(found.body.name).toBe('aks-a1');
      const unknown = await get(
        `/clusters/${encodeURIComponent(
          CLUSTER.replace('aks-a1', 'aks-gone'),
        )}`,
      );
      expect(unknown.status).toBe(404);
    });

    it.each([
      ['/address-pools/%00', 'poolId'],
      ['/address-pools/pool%0Aforged', 'poolId'],
      [`/address-pools/${'p'.repeat(129)}`, 'poolId'],
      ['/address-pools/%E2%80%AEloop/next-subnet', 'poolId'],
      ['/reservations/%00', 'reservationId'],
      [`/reservations/${'r'.repeat(65)}`, 'reservationId'],
    ])('GET %s answers 400 naming %s', async (path, param) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        new RegExp(`^Invalid path parameter ${param}: `),
      );
      expect(JSON.stringify(res.body)).not.toMatch(LEAK);
    });
  },
);
