import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import request from 'supertest';
import type { VnetRead } from '../reservations/VnetSubnetSource';
import {
  PLAN_CONFIG,
  PLAN_POOL,
  startBackend,
  stopRouterTestBackends,
} from '../__testUtils__/routerTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

afterEach(stopRouterTestBackends);

describe.each(databases.eachSupportedId())(
  'POST /address-pools/:poolId/plan on %p',
  databaseId => {
    let knex: Knex;
    let vnetReads: number;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      vnetReads = 0;
    });

    async function start(
      options: { config?: object; vnet?: () => Promise<VnetRead> } = {},
    ) {
      const { server } = await startBackend(knex, undefined, {
        config: { ...PLAN_CONFIG, ...options.config },
        vnet:
          options.vnet ??
          (async () => {
            vnetReads += 1;
            return {
              addressSpace: ['10.250.0.0/16'],
              subnetPrefixes: ['10.250.16.0/27'],
            };
          }),
      });
      return (body: object, poolId = PLAN_POOL.id) =>
        request(server)
          .post(`/api/aks-network/address-pools/${poolId}/plan`)
          .set('Authorization', mockCredentials.user.header())
          .send(body);
    }

    it('answers the whole plan in one call, reading the VNet once and reserving nothing', async () => {
      const plan = await start();
      const res = await plan({
        name: 'aks-orders-dev-weu',
        resourceGroup: 'rg-orders',
        nodeCount: 3,
        acnsObservability: true,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        poolId: 'nonprod-weu',
        valid: true,
        cluster: {
          name: 'aks-orders-dev-weu',
          region: 'westeurope',
          networkModel: 'azure-cni-overlay',
          networkDataplane: 'azure',
          // The organisation's default (aksNetwork.clusterNetwork.defaultMaxPods).
          maxPods: 30,
          podCidr: '10.244.0.0/16',
          serviceCidr: '10.0.0.0/16',
          dnsServiceIp: '10.0.0.10',
          nodePoolName: 'system',
        },
        vnet: { name: 'vnet-nonprod-weu', addressSpace: ['10.250.0.0/16'] },
        // The first /27 is the VNet's: the next one. A /27 keeps 27 of 32 IPs (Azure
        // reserves 5); overlay takes one per node, one kept for the surge node: 26.
        nodeSubnet: {
          name: 'snet-aks-aks-orders-dev-weu',
          cidr: '10.250.16.32/27',
          prefix: 27,
          usableIps: 27,
          maxNodes: 26,
        },
        surgeNodes: 1,
        // A /16 pod CIDR holds 2^(24-16) = 256 nodes at a /24 each.
        podCidr: { cidr: '10.244.0.0/16', maxNodes: 256 },
        podCapacity: 90,
        // Flat: (3 + 1) + (3 + 1) × 30 = 124 IPs; overlay: 4.
        vnetIpsSavedVsFlat: 120,
        // 3 nodes × $0.025 × 730 h.
        acnsMonthlyCostUsd: 54.75,
      });
      expect(
        res.body.findings.filter(
          (f: { severity: string }) => f.severity === 'error',
        ),
      ).toEqual([]);
      expect(vnetReads).toBe(1);
      expect(await knex('reservations').select()).toEqual([]);
    });

    it('takes maxPods from aksNetwork.clusterNetwork.defaultMaxPods', async () => {
      const plan = await start({
        config: { clusterNetwork: { defaultMaxPods: 50 } },
      });
      const res = await plan({ nodeCount: 3 });
      expect(res.body.cluster.maxPods).toBe(50);
      expect(res.body.podCapacity).toBe(150);
    });

    it('plans before the cluster is named, without findings about the name', async () => {
      const plan = await start();
      const res = await plan({ nodeCount: 3 });
      expect(res.body.valid).toBe(true);
      expect(res.body.cluster).not.toHaveProperty('name');
      expect(
        res.body.findings.map((f: { field: string }) => f.field),
      ).not.toContain('name');
    });

    it.each([
      [{ nodeCount: 60 }, 'nodeCount', /60 is outside the allowed range 1–50/],
      [{ nodeCount: 0 }, 'nodeCount', /outside the allowed range/],
      [{ nodeCount: 3, maxPods: 5 }, 'maxPods', /5/],
      [{ nodeCount: 3, region: 'northeurope' }, 'addressPoolId', /westeurope/],
      [{ nodeCount: 3, region: 'eastus' }, 'region', /allowed regions/],
      [{ nodeCount: 3, name: 'aks orders!' }, 'name', /./],
      [{ nodeCount: 3, networkModel: 'kubenet' }, 'networkModel', /2028-03-31/],
      [{ nodeCount: 3, podCidr: '10.250.0.0/16' }, 'podCidr', /VNet|overlap/i],
    ])(
      'answers %p with valid false and an error naming %s',
      async (body, field, message) => {
        const plan = await start();
        const res = await plan(body);
        expect(res.status).toBe(200);
        expect(res.body.valid).toBe(false);
        expect(res.body.findings).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              field,
              severity: 'error',
              message: expect.stringMatching(message),
            }),
          ]),
        );
        expect(await knex('reservations').select()).toEqual([]);
      },
    );

    it('still gives the figures of a plan that is refused', async () => {
      const plan = await start();
      const res = await plan({ nodeCount: 60 });
      expect(res.body).toMatchObject({
        valid: false,
        // 60 + 1 surge nodes need 61 IPs: a /26 (59 usable) is too small, a /25 fits.
        nodeSubnet: { prefix: 25 },
        podCapacity: 1800,
      });
    });

    it('says the VNet could not be read instead of guessing the subnet', async () => {
      const plan = await start({
        vnet: async () => {
          throw new Error('AuthorizationFailed: no read on vnet-nonprod-weu');
        },
      });
      const res = await plan({ nodeCount: 3 });
      expect(res.body).toMatchObject({
        valid: false,
        nodeSubnet: null,
        vnet: { addressSpace: null },
      });
      expect(res.body.findings).toContainEqual(
        expect.objectContaining({
          field: 'addressPoolId',
          rule: 'pool-vnet-unread',
          message: expect.stringMatching(/AuthorizationFailed/),
        }),
      );
    });

    it('names the pool when it is full', async () => {
      const plan = await start({
        vnet: async () => ({
          addressSpace: ['10.250.0.0/16'],
          subnetPrefixes: ['10.250.16.0/20'],
        }),
      });
      const res = await plan({ nodeCount: 3 });
      expect(res.body.valid).toBe(false);
      expect(res.body.findings).toContainEqual(
        expect.objectContaining({
          field: 'addressPoolId',
          rule: 'pool-exhausted',
        }),
      );
    });

    it.each([
      [{ nodeCount: 'three' }, /nodeCount/],
      [{}, /nodeCount/],
      [{ nodeCount: 3, owner: 'group:default/x' }, /owner/],
      [{ nodeCount: 3, acnsObservability: 'yes' }, /acnsObservability/],
    ])('answers 400 naming the field for %p', async (body, field) => {
      const plan = await start();
      const res = await plan(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(field);
    });

    it('answers 404 for an unknown pool', async () => {
      const plan = await start();
      const res = await plan({ nodeCount: 3 }, 'nope');
      expect(res.status).toBe(404);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'GET /address-pools?capacity=true on %p',
  databaseId => {
    it('counts the free node subnets of each pool, and says when the VNet could not be read', async () => {
      const knex = await databases.init(databaseId);
      let failing = false;
      const { server } = await startBackend(knex, undefined, {
        config: PLAN_CONFIG,
        vnet: async () => {
          if (failing) throw new Error('ResourceNotFound: vnet-nonprod-weu');
          return {
            addressSpace: ['10.250.0.0/16'],
            subnetPrefixes: ['10.250.16.0/27'],
          };
        },
      });
      const list = () =>
        request(server)
          .get('/api/aks-network/address-pools?capacity=true')
          .set('Authorization', mockCredentials.user.header());
      let res = await list();
      expect(res.status).toBe(200);
      expect(res.body.items[0].capacity).toMatchObject({
        totalSubnets: 128,
        freeSubnets: 127,
        liveReservations: 0,
      });
      await request(server)
        .post('/api/aks-network/address-pools/nonprod-weu/reservations')
        .set('Authorization', mockCredentials.user.header())
        .send({ requestKey: 'k1' })
        .expect(201);
      res = await list();
      expect(res.body.items[0].capacity).toMatchObject({
        freeSubnets: 126,
        liveReservations: 1,
      });
      failing = true;
      res = await list();
      expect(res.body.items[0].capacity).toEqual({
        error: expect.stringMatching(/ResourceNotFound/),
        readAt: expect.any(String),
      });
      // Without the parameter: no VNet read, no capacity.
      const plain = await request(server)
        .get('/api/aks-network/address-pools')
        .set('Authorization', mockCredentials.user.header());
      expect(plain.body.items[0]).not.toHaveProperty('capacity');
    });
  },
);
