import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import type { Knex } from 'knex';
import fs from 'node:fs';
import nodePath from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { SUB_A, SUB_B } from './database/__testUtils__/clusterRecords';
import {
  fleet,
  startBackend,
  stopRouterTestBackends,
} from './__testUtils__/routerTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

afterEach(stopRouterTestBackends);

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

  describe('GET /posture', () => {
    it('returns the clusters an entity is linked to, each with its findings', async () => {
      const { server, service } = await startBackend(knex);
      await service().sync.run();

      const res = await request(server)
        .get('/api/aks-network/posture')
        .query({ entityRef: 'component:default/orders' })
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body.entityRef).toBe('component:default/orders');
      // Through the dependsOn relation, and the ARM id named in the annotation.
      expect(
        res.body.clusters.map(
          (c: { cluster: ClusterRecord; entityRef: string | null }) => [
            c.cluster.id,
            c.entityRef,
          ],
        ),
      ).toEqual(
        expect.arrayContaining([
          [fleet[SUB_A][0].id, 'resource:default/aks-a1-a1a1a1a1'],
          [fleet[SUB_B][0].id, null],
        ]),
      );
      expect(res.body.clusters).toHaveLength(2);
      const [first] = res.body.clusters;
      expect(first.posture.clusterId).toBe(first.cluster.id);
      expect(first.posture.summary).toEqual({
        egressIngressMonitored: expect.any(Boolean),
        samePodToPodVisible: false,
        historyKept: expect.any(Boolean),
      });
      expect(first.posture.findings.length).toBeGreaterThanOrEqual(3);
      // The database it depends on is not a cluster and is not reported; the
      // annotation's entries that lead nowhere are.
      expect(res.body.unresolved).toEqual(
        expect.arrayContaining([
          {
            ref: 'resource:default/orders-db',
            reason: expect.stringMatching(/not a kubernetes-cluster resource/),
          },
          {
            ref: 'resource:default/aks-missing',
            reason: 'no such entity in the catalog',
          },
          { ref: 'resource:', reason: expect.stringMatching(/neither an ARM/) },
        ]),
      );
      expect(res.body.unresolved).toHaveLength(3);
    });

    it('gives a cluster entity its own posture and reports clusters not in the inventory', async () => {
      const { server, service } = await startBackend(knex);
      await service().sync.run();

      const own = await request(server)
        .get('/api/aks-network/posture')
        .query({ entityRef: 'resource:default/aks-a2-a1a1a1a1' })
        .set('Authorization', mockCredentials.user.header());
      expect(own.status).toBe(200);
      expect(own.body.clusters).toHaveLength(1);
      expect(own.body.clusters[0].posture.classification).toMatchObject({
        known: true,
        model: 'kubenet',
      });

      const gone = await request(server)
        .get('/api/aks-network/posture')
        .query({ entityRef: 'component:default/unrelated' })
        .set('Authorization', mockCredentials.user.header());
      expect(gone.status).toBe(200);
      expect(gone.body.clusters).toEqual([]);
      expect(gone.body.unresolved).toEqual([
        {
          ref: expect.stringMatching(/managedClusters\/gone$/),
          reason: expect.stringMatching(/is not in the inventory$/),
        },
      ]);
    });

    it('answers 400 naming entityRef and 404 for an entity the catalog does not have', async () => {
      const { server } = await startBackend(knex);
      const missing = await request(server)
        .get('/api/aks-network/posture')
        .set('Authorization', mockCredentials.user.header());
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/entityRef/);

      const malformed = await request(server)
        .get('/api/aks-network/posture')
        .query({ entityRef: 'component:' })
        .set('Authorization', mockCredentials.user.header());
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(
        /^Invalid query: entityRef:/,
      );

      const unknown = await request(server)
        .get('/api/aks-network/posture')
        .query({ entityRef: 'component:default/nope' })
        .set('Authorization', mockCredentials.user.header());
      expect(unknown.status).toBe(404);
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

  describe('address pools and reservations', () => {
    // Each test's pool on a VNet of its own: the tests share one database, and pools
    // of one VNet must not overlap.
    const pool = (id: string) => ({
      id,
      subscriptionId: SUB_A,
      resourceGroup: 'rg-network',
      vnetName: `vnet-${id}`,
      region: 'westeurope',
      range: '10.250.0.0/24',
    });

    it('creates a pool with the manage permission and lists it', async () => {
      const id = `pool-create-${databaseId.toLowerCase()}`;
      const { server } = await startBackend(knex);
      const created = await request(server)
        .post('/api/aks-network/address-pools')
        .set('Authorization', mockCredentials.user.header())
        .send(pool(id));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id, subnetPrefix: 27 });

      const listed = await request(server)
        .get('/api/aks-network/address-pools')
        .set('Authorization', mockCredentials.user.header());
      expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(id);
    });

    it('refuses a pool without the manage permission and writes nothing', async () => {
      const id = `pool-denied-${databaseId.toLowerCase()}`;
      const { server, service } = await startBackend(
        knex,
        AuthorizeResult.DENY,
      );
      const res = await request(server)
        .post('/api/aks-network/address-pools')
        .set('Authorization', mockCredentials.user.header())
        .send(pool(id));
      expect(res.status).toBe(403);
      expect(await service().store.getAddressPool(id)).toBeUndefined();
    });

    it.each([
      ['a malformed range', { range: '10.250.0.1/24' }, 'range'],
      ['a missing field', { vnetName: undefined }, 'vnetName'],
      ['an unknown field', { colour: 'blue' }, 'colour'],
    ])(
      'answers 400 for %s, naming it, and writes nothing',
      async (_label, change, field) => {
        const id = `pool-bad-${field.toLowerCase()}-${databaseId.toLowerCase()}`;
        const { server, service } = await startBackend(knex);
        const res = await request(server)
          .post('/api/aks-network/address-pools')
          .set('Authorization', mockCredentials.user.header())
          .send({ ...pool(id), ...change });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(field);
        expect(await service().store.getAddressPool(id)).toBeUndefined();
      },
    );

    it('reserves the next free subnet past the VNet subnets, once per key, and releases it', async () => {
      const id = `pool-reserve-${databaseId.toLowerCase()}`;
      const { server } = await startBackend(knex);
      await request(server)
        .post('/api/aks-network/address-pools')
        .set('Authorization', mockCredentials.user.header())
        .send(pool(id))
        .expect(201);

      const reserve = () =>
        request(server)
          .post(`/api/aks-network/address-pools/${id}/reservations`)
          .set('Authorization', mockCredentials.user.header())
          .send({ requestKey: 'task-1' });
      const first = await reserve();
      expect(first.status).toBe(201);
      // 10.250.0.0/27 exists in the VNet already, so the next /27 is taken.
      expect(first.body).toMatchObject({
        cidr: '10.250.0.32/27',
        state: 'reserved',
        owner: 'user:default/mock',
      });
      const retried = await reserve();
      expect(retried.body.id).toBe(first.body.id);
      expect(retried.body.cidr).toBe(first.body.cidr);

      const fetched = await request(server)
        .get(`/api/aks-network/reservations/${first.body.id}`)
        .set('Authorization', mockCredentials.user.header());
      expect(fetched.body.cidr).toBe('10.250.0.32/27');

      const released = await request(server)
        .post(`/api/aks-network/reservations/${first.body.id}/release`)
        .set('Authorization', mockCredentials.user.header());
      expect(released.status).toBe(200);
      expect(released.body.state).toBe('released');
    });

    it('previews the next subnet without holding it, then commits a reservation to its subnet', async () => {
      const id = `pool-commit-${databaseId.toLowerCase()}`;
      const { server, service } = await startBackend(knex);
      await request(server)
        .post('/api/aks-network/address-pools')
        .set('Authorization', mockCredentials.user.header())
        .send(pool(id))
        .expect(201);

      const preview = await request(server)
        .get(`/api/aks-network/address-pools/${id}/next-subnet`)
        .query({ prefix: 28 })
        .set('Authorization', mockCredentials.user.header());
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({
        poolId: id,
        cidr: '10.250.0.32/28',
        prefix: 28,
        existingSubnets: ['10.250.0.0/27'],
        vnetAddressSpace: ['10.250.0.0/16'],
      });
      expect(await service().store.listReservations({ poolId: id })).toEqual(
        [],
      );
      const badPrefix = await request(server)
        .get(`/api/aks-network/address-pools/${id}/next-subnet`)
        .query({ prefix: 'small' })
        .set('Authorization', mockCredentials.user.header());
      expect(badPrefix.status).toBe(400);
      expect(badPrefix.body.error.message).toMatch(/^Invalid query: prefix:/);

      const reserved = await request(server)
        .post(`/api/aks-network/address-pools/${id}/reservations`)
        .set('Authorization', mockCredentials.user.header())
        .send({ requestKey: 'task-commit', prefix: 28 })
        .expect(201);
      expect(reserved.body.cidr).toBe(preview.body.cidr);
      const subnetId = `/subscriptions/${SUB_A}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-${id}/subnets/snet-x`;
      const noSubnet = await request(server)
        .post(`/api/aks-network/reservations/${reserved.body.id}/commit`)
        .set('Authorization', mockCredentials.user.header())
        .send({});
      expect(noSubnet.status).toBe(400);
      expect(noSubnet.body.error.message).toContain('subnetId');
      const committed = await request(server)
        .post(`/api/aks-network/reservations/${reserved.body.id}/commit`)
        .set('Authorization', mockCredentials.user.header())
        .send({ subnetId });
      expect(committed.status).toBe(200);
      expect(committed.body).toMatchObject({ state: 'committed', subnetId });
    });

    it('answers 400 naming a bad reservation body and 404 for an unknown pool', async () => {
      const { server } = await startBackend(knex);
      const bad = await request(server)
        .post(`/api/aks-network/address-pools/pool-x/reservations`)
        .set('Authorization', mockCredentials.user.header())
        .send({ prefix: 27 });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('requestKey');

      const unknown = await request(server)
        .post(`/api/aks-network/address-pools/no-such-pool/reservations`)
        .set('Authorization', mockCredentials.user.header())
        .send({ requestKey: 'k' });
      expect(unknown.status).toBe(404);
    });

    it('refuses a reservation without the create permission', async () => {
      const { server } = await startBackend(knex, AuthorizeResult.DENY);
      const res = await request(server)
        .post(`/api/aks-network/address-pools/any/reservations`)
        .set('Authorization', mockCredentials.user.header())
        .send({ requestKey: 'k' });
      expect(res.status).toBe(403);
    });
  });

  describe('POST /refresh', () => {
    it('refreshes one cluster or runs a whole sync', async () => {
      const { server } = await startBackend(knex);
      const one = await request(server)
        .post('/api/aks-network/refresh')
        .set('Authorization', mockCredentials.service.header())
        .send({ clusterId: fleet[SUB_A][0].id });
      expect(one.status).toBe(200);
      expect(one.body.cluster.name).toBe('aks-a1');

      const all = await request(server)
        .post('/api/aks-network/refresh')
        .set('Authorization', mockCredentials.service.header())
        .send({});
      expect(all.status).toBe(200);
      expect(all.body.lastSync).toMatchObject({ complete: true });
    });

    it('answers 401 without credentials', async () => {
      const { server } = await startBackend(knex);
      const res = await request(server)
        .post('/api/aks-network/refresh')
        .send({});
      expect(res.status).toBe(401);
    });
  });

  // Every route: 401 without credentials, 403 without its permission.
  // Every row has three entries: a shorter row would make Jest pass `done` as `body`.
  const everyRoute: Array<[string, string, object | null]> = [
    ['get', '/clusters', null],
    ['get', `/clusters/${encodeURIComponent(fleet[SUB_A][0].id)}`, null],
    ['get', '/posture?entityRef=component:default/orders', null],
    ['get', '/fleet/clusters', null],
    ['get', '/fleet/summary', null],
    ['get', '/subscriptions', null],
    ['post', '/plan', {}],
    ['post', '/refresh', {}],
    ['get', '/address-pools', null],
    ['get', '/address-pools/any', null],
    ['post', '/address-pools', {}],
    ['put', '/address-pools/any', {}],
    ['delete', '/address-pools/any', null],
    ['post', '/address-pools/any/plan', { nodeCount: 3 }],
    ['post', '/address-pools/any/reservations', { requestKey: 'k' }],
    ['get', '/address-pools/any/next-subnet', null],
    ['get', '/reservations/any', null],
    ['post', '/reservations/any/commit', { subnetId: 'x' }],
    ['post', '/reservations/any/release', {}],
  ];
  type Agent = Record<string, (url: string) => request.Test>;

  it('covers every route of the OpenAPI document', () => {
    const spec = parse(
      fs.readFileSync(nodePath.join(__dirname, 'schema/openapi.yaml'), 'utf8'),
    ) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths).flatMap(([route, item]) =>
      Object.keys(item)
        .filter(key => ['get', 'post', 'put', 'delete'].includes(key))
        .map(method => `${method} ${route.replace(/\{\w+\}/g, ':param')}`),
    );
    const covered = everyRoute.map(
      ([method, route]) =>
        `${method} ${route
          .split('?')[0]
          .replace(/^\/clusters\/.+$/, '/clusters/:param')
          .replace(/\/(address-pools|reservations)\/any/, '/$1/:param')}`,
    );
    expect(covered.sort()).toEqual(documented.sort());
  });

  it.each(everyRoute)(
    '%s %s answers 401 without credentials',
    async (method, path, body) => {
      const { server } = await startBackend(knex);
      const call = (request(server) as unknown as Agent)[method](
        `/api/aks-network${path}`,
      );
      const res = await (body ? call.send(body) : call);
      expect(res.status).toBe(401);
    },
  );

  it.each(everyRoute)(
    '%s %s answers 403 without the permission',
    async (method, path, body) => {
      const { server } = await startBackend(knex, AuthorizeResult.DENY);
      const call = (request(server) as unknown as Agent)
        [method](`/api/aks-network${path}`)
        .set('Authorization', mockCredentials.user.header());
      const res = await (body ? call.send(body) : call);
      expect(res.status).toBe(403);
    },
  );
});
