import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  clusterRecord,
  SUB_A,
  SUB_B,
} from './database/__testUtils__/clusterRecords';
import { aksNetworkPlugin } from './plugin';
import { AksNetworkService } from './service/AksNetworkService';
import { aksNetworkServiceRef } from './service/aksNetworkServiceRef';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const config = {
  aksNetwork: {
    azure: {
      resourceManagerEndpoint: 'https://127.0.0.1:7443',
      credential: { type: 'development', token: 'test-token' },
    },
  },
};

const fleet: Record<string, ClusterRecord[]> = {
  [SUB_A]: [
    clusterRecord(SUB_A, 'aks-a1', { tags: { owner: 'team-a' } }),
    clusterRecord(SUB_A, 'aks-a2', {
      location: 'northeurope',
      networkProfile: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
    }),
  ],
  // The same cluster name in another subscription: a distinct cluster.
  [SUB_B]: [clusterRecord(SUB_B, 'aks-a1', { tags: { owner: 'team-b' } })],
};

/** The plugin over a test database, reading clusters from `fleet` instead of Azure. */
async function startBackend(
  knex: Knex,
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const services: AksNetworkService[] = [];
  const { server } = await startTestBackend({
    features: [
      aksNetworkPlugin,
      mockServices.rootConfig.factory({ data: config }),
      mockServices.database.factory({ knex }),
      mockServices.permissions.factory({ result: permission }),
      // A request without an Authorization header is anonymous, as in production
      // (the test default would sign it in as a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      createServiceFactory({
        service: aksNetworkServiceRef,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          database: coreServices.database,
          scheduler: coreServices.scheduler,
        },
        async factory(deps) {
          const service = await AksNetworkService.create({
            ...deps,
            azure: {
              subscriptions: {
                listSubscriptionIds: async () => Object.keys(fleet),
              },
              reader: {
                readSubscription: async id => ({
                  clusters: fleet[id] ?? [],
                  complete: true,
                  errors: [],
                  partialClusterIds: [],
                }),
              },
            },
          });
          services.push(service);
          return service;
        },
      }),
    ],
  });
  return { server, service: () => services[0] };
}

describe.each(databases.eachSupportedId())('router on %p', databaseId => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
  });

  describe('GET /clusters', () => {
    it('lists the synced inventory with filters and the last sync', async () => {
      const { server, service } = await startBackend(knex);
      await service().sync.run();

      const all = await request(server)
        .get('/api/aks-network/clusters')
        .set('Authorization', mockCredentials.user.header());
      expect(all.status).toBe(200);
      expect(all.body.totalCount).toBe(3);
      expect(all.body.items).toHaveLength(3);
      expect(all.body.lastSync).toMatchObject({
        status: 'succeeded',
        complete: true,
      });

      const filtered = await request(server)
        .get('/api/aks-network/clusters')
        .query({ subscriptionId: SUB_A, networkModel: 'kubenet' })
        .set('Authorization', mockCredentials.user.header());
      expect(filtered.status).toBe(200);
      expect(filtered.body.items.map((c: ClusterRecord) => c.name)).toEqual([
        'aks-a2',
      ]);
      expect(filtered.body.items[0].inventory).toMatchObject({
        networkModel: 'kubenet',
        stale: null,
      });
    });

    it('pages with limit and offset', async () => {
      const { server, service } = await startBackend(knex);
      await service().sync.run();
      const page = await request(server)
        .get('/api/aks-network/clusters')
        .query({ limit: 2, offset: 2 })
        .set('Authorization', mockCredentials.service.header());
      expect(page.status).toBe(200);
      expect(page.body.totalCount).toBe(3);
      expect(page.body.items).toHaveLength(1);
    });

    it('answers 400 naming a bad filter', async () => {
      const { server } = await startBackend(knex);
      const res = await request(server)
        .get('/api/aks-network/clusters')
        .query({ networkModel: 'flat-ish' })
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('networkModel');
    });

    it('answers 401 without credentials and 403 without the read permission', async () => {
      const allowed = await startBackend(knex);
      const anonymous = await request(allowed.server).get(
        '/api/aks-network/clusters',
      );
      expect(anonymous.status).toBe(401);

      const denied = await startBackend(knex, AuthorizeResult.DENY);
      const res = await request(denied.server)
        .get('/api/aks-network/clusters')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(403);
    });
  });

  describe('GET /clusters/:clusterId', () => {
    it('returns one cluster by its URL-encoded ARM id, 404 when unknown', async () => {
      const { server, service } = await startBackend(knex);
      await service().sync.run();
      const id = fleet[SUB_B][0].id;

      const found = await request(server)
        .get(`/api/aks-network/clusters/${encodeURIComponent(id)}`)
        .set('Authorization', mockCredentials.user.header());
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ id, subscriptionId: SUB_B });
      expect(found.body.inventory.owner).toBe('team-b');

      const missing = await request(server)
        .get(`/api/aks-network/clusters/${encodeURIComponent(`${id}-gone`)}`)
        .set('Authorization', mockCredentials.user.header());
      expect(missing.status).toBe(404);

      const malformed = await request(server)
        .get('/api/aks-network/clusters/aks-a1')
        .set('Authorization', mockCredentials.user.header());
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toContain('clusterId');
    });
  });

  describe('POST /plan', () => {
    const request50Nodes = {
      cluster: { name: 'aks-payments', resourceGroup: 'rg-payments' },
      network: {
        vnet: { addressSpace: ['10.240.0.0/16'] },
        nodeSubnet: { cidr: '10.240.0.0/27' },
      },
      nodePools: [{ name: 'system', count: 3 }],
    };

    it('plans without side effects', async () => {
      const { server, service } = await startBackend(knex);
      const before = await service().store.listClusters();
      const res = await request(server)
        .post('/api/aks-network/plan')
        .set('Authorization', mockCredentials.user.header())
        .send(request50Nodes);
      expect(res.status).toBe(200);
      expect(res.body.plan).toMatchObject({
        model: 'azure-cni-overlay',
        nodeCount: 3,
        podCidr: { cidr: '10.244.0.0/16', nodes: 256 },
      });
      const after = await service().store.listClusters();
      expect(after.totalCount).toBe(before.totalCount);
    });

    it('answers 400 naming the field of a bad plan', async () => {
      const { server } = await startBackend(knex);
      const res = await request(server)
        .post('/api/aks-network/plan')
        .set('Authorization', mockCredentials.user.header())
        .send({
          ...request50Nodes,
          network: { ...request50Nodes.network, podCidr: '172.16.0.0/12' },
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('network.podCidr');
    });

    it('answers 403 without the read permission', async () => {
      const { server } = await startBackend(knex, AuthorizeResult.DENY);
      const res = await request(server)
        .post('/api/aks-network/plan')
        .set('Authorization', mockCredentials.user.header())
        .send(request50Nodes);
      expect(res.status).toBe(403);
    });
  });
});
