import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  clusterRecord,
  SUB_A,
  SUB_B,
} from '../database/__testUtils__/clusterRecords';
import {
  startBackend,
  stopRouterTestBackends,
} from '../__testUtils__/routerTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

afterEach(stopRouterTestBackends);

const VNET = (sub: string) =>
  `/subscriptions/${sub}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet`;

function withSubnet(
  sub: string,
  name: string,
  subnet: { prefix: string; used: number; limit: number },
  pools: Array<{ count: number; maxPods: number }>,
  overrides: Partial<ClusterRecord> = {},
): ClusterRecord {
  const subnetId = `${VNET(sub)}/subnets/snet-${name}`;
  return clusterRecord(sub, name, {
    nodePools: pools.map((pool, index) => ({
      name: `pool${index}`,
      count: pool.count,
      vmSize: 'Standard_D4s_v5',
      maxPods: pool.maxPods,
      maxSurge: '1',
      vnetSubnetId: subnetId,
      mode: index === 0 ? 'System' : 'User',
    })),
    nodeSubnets: [
      {
        id: subnetId,
        name: `snet-${name}`,
        addressPrefix: subnet.prefix,
        ipUsed: subnet.used,
        ipLimit: subnet.limit,
      },
    ],
    vnet: { id: VNET(sub), addressSpace: ['10.240.0.0/16'] },
    ...overrides,
  });
}

/**
 * Four clusters whose figures are worked out by hand here, from the domain facts:
 * - aks-overlay: 3 nodes, maxPods 30, /27 with 3 of 27 IPs used: (3 + 1 surge) / 27;
 *   flat would need (3 + 1) + (3 + 1) × 30 = 124 IPs, overlay 4: 120 saved.
 * - aks-flat: flat Azure CNI, 10 nodes, /24 with 200 of 251 used; surge 1 node of
 *   1 + 30 IPs: (200 + 31) / 251.
 * - aks-kubenet: no node subnet known: its IP use is unknown.
 * - aks-acns: overlay, 2 nodes, ACNS observability on, an NSG flow log; /27 with 12 of
 *   27 used: (12 + 1) / 27; flat would need 3 + 3 × 30 = 93, overlay 3: 90 saved.
 */
const fleet: Record<string, ClusterRecord[]> = {
  [SUB_A]: [
    withSubnet(
      SUB_A,
      'aks-overlay',
      { prefix: '10.240.0.0/27', used: 3, limit: 27 },
      [{ count: 3, maxPods: 30 }],
      { tags: { owner: 'team-a' } },
    ),
    withSubnet(
      SUB_A,
      'aks-flat',
      { prefix: '10.240.1.0/24', used: 200, limit: 251 },
      [{ count: 10, maxPods: 30 }],
      { networkProfile: { networkPlugin: 'azure' }, tags: { owner: 'team-b' } },
    ),
  ],
  [SUB_B]: [
    clusterRecord(SUB_B, 'aks-kubenet', {
      networkProfile: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
      nodePools: [
        {
          name: 'system',
          count: 2,
          vmSize: 'Standard_D4s_v5',
          maxPods: 110,
          mode: 'System',
        },
      ],
    }),
    withSubnet(
      SUB_B,
      'aks-acns',
      { prefix: '10.240.2.0/27', used: 12, limit: 27 },
      [{ count: 2, maxPods: 30 }],
      {
        addons: {
          acns: { enabled: true, observability: true, security: false },
          omsagent: { enabled: false, containerNetworkLogs: false },
        },
        flowLogs: [
          {
            id: `/subscriptions/${SUB_B}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/nw/flowLogs/fl-nsg`,
            kind: 'nsg',
            targetResourceId: `/subscriptions/${SUB_B}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-acns`,
            enabled: true,
            retentionDays: 30,
          },
        ],
      },
    ),
  ],
};

const get = (server: unknown, path: string) =>
  request(server as never)
    .get(`/api/aks-network${path}`)
    .set('Authorization', mockCredentials.user.header());

describe.each(databases.eachSupportedId())('fleet routes on %p', databaseId => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
  });

  async function synced(options: Parameters<typeof startBackend>[2] = {}) {
    const started = await startBackend(knex, undefined, { fleet, ...options });
    await started.service().sync.run();
    return started;
  }

  it('sorts the fleet by node subnet use on the server, unknown use last either way', async () => {
    const { server } = await synced();
    const desc = await get(
      server,
      '/fleet/clusters?sort=nodeSubnetUse&order=desc',
    );
    expect(desc.status).toBe(200);
    expect(desc.body.items.map((c: { name: string }) => c.name)).toEqual([
      'aks-flat',
      'aks-acns',
      'aks-overlay',
      'aks-kubenet',
    ]);
    const asc = await get(
      server,
      '/fleet/clusters?sort=nodeSubnetUse&order=asc',
    );
    expect(asc.body.items.map((c: { name: string }) => c.name)).toEqual([
      'aks-overlay',
      'aks-acns',
      'aks-flat',
      'aks-kubenet',
    ]);
    const flat = desc.body.items[0];
    expect(flat.figures.nodeSubnetUseRatio).toBeCloseTo(231 / 251, 6);
    expect(flat.figures.nodeSubnets[0]).toMatchObject({
      used: 200,
      usable: 251,
      reserved: 5,
      surgeIps: 31,
    });
    expect(flat.networkModel).toBe('azure-cni-node-subnet');
    expect(flat.entityRef).toMatch(/^resource:default\/aks-flat-[0-9a-f]{8}$/);
    expect(desc.body.totalCount).toBe(4);
    expect(desc.body.lastSync).toMatchObject({ complete: true });
  });

  it('filters by failing check, model, search and pages', async () => {
    const { server } = await synced();
    const invisible = await get(
      server,
      '/fleet/clusters?failingCheck=samePodToPodVisible',
    );
    expect(
      invisible.body.items.map((c: { name: string }) => c.name).sort(),
    ).toEqual(['aks-flat', 'aks-kubenet', 'aks-overlay']);
    const overlay = await get(
      server,
      '/fleet/clusters?networkModel=azure-cni-overlay&search=ACN',
    );
    expect(overlay.body.items.map((c: { name: string }) => c.name)).toEqual([
      'aks-acns',
    ]);
    // A LIKE wildcard in the search matches itself, not any character.
    const wildcard = await get(server, '/fleet/clusters?search=%25');
    expect(wildcard.body.totalCount).toBe(0);
    const page = await get(server, '/fleet/clusters?limit=2&offset=2');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.totalCount).toBe(4);
  });

  it('sums the fleet: models, VNet IPs saved, the visibility gap and its cost, retiring technology', async () => {
    const { server } = await synced();
    const res = await get(server, '/fleet/summary');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      clusterCount: 4,
      byModel: {
        'azure-cni-overlay': 2,
        'azure-cni-node-subnet': 1,
        kubenet: 1,
        'azure-cni-pod-subnet': 0,
        'byo-cni': 0,
        unknown: 0,
      },
      vnetIpsSavedByOverlay: 120 + 90,
      // aks-overlay (3 nodes) and aks-flat (10 nodes) can run ACNS:
      // 13 × $0.025 × 730 h = $237.25 a month; kubenet cannot.
      closeSameNodeGap: { clusters: 2, acnsMonthlyCostUsd: 237.25 },
      sameNodeGapWithoutAcns: 1,
      retiring: { kubenet: 1, nsgFlowLogs: 1 },
      stale: 0,
    });
    expect(res.body.failing.samePodToPodVisible).toBe(3);
  });

  it('counts unknown checks apart from failing ones, and the failing filter leaves them out', async () => {
    const unread = withSubnet(
      SUB_A,
      'aks-unread',
      { prefix: '10.240.3.0/27', used: 4, limit: 27 },
      [{ count: 3, maxPods: 30 }],
      {
        unread: [
          {
            part: 'flowLogs',
            resourceId: `/subscriptions/${SUB_A}`,
            error: 'AuthorizationFailed, HTTP 403: no networkWatchers/read',
          },
        ],
      },
    );
    // A database of its own: only these two clusters.
    knex = await databases.init(databaseId);
    const { server } = await synced({
      fleet: { [SUB_A]: [fleet[SUB_A][0], unread] },
    });
    const summary = await get(server, '/fleet/summary');
    expect(summary.body.failing).toEqual({
      egressIngressMonitored: 1,
      samePodToPodVisible: 2,
      historyKept: 1,
    });
    expect(summary.body.unknown).toEqual({
      egressIngressMonitored: 1,
      samePodToPodVisible: 0,
      historyKept: 1,
    });
    const failing = await get(
      server,
      '/fleet/clusters?failingCheck=egressIngressMonitored',
    );
    expect(failing.body.items.map((c: { name: string }) => c.name)).toEqual([
      'aks-overlay',
    ]);
    const all = await get(server, '/fleet/clusters?search=unread');
    expect(all.body.items[0].figures.checks).toEqual({
      egressIngressMonitored: 'unknown',
      samePodToPodVisible: 'fail',
      historyKept: 'unknown',
    });
    // The record carries what was not read, for the cards to say.
    const clusters = await get(server, `/clusters?subscriptionId=${SUB_A}`);
    expect(
      clusters.body.items.find((c: { name: string }) => c.name === 'aks-unread')
        .unread,
    ).toEqual([expect.objectContaining({ part: 'flowLogs' })]);
  });

  it('lists the subscriptions with their names, outcome and cluster count', async () => {
    // A database of its own: no earlier read of these subscriptions.
    knex = await databases.init(databaseId);
    const { server } = await synced({
      displayNames: { [SUB_A]: 'Platform Production' },
      failing: { [SUB_B]: 'AuthorizationFailed: no read on the subscription' },
    });
    const res = await get(server, '/subscriptions');
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(
      res.body.items.map((s: { subscriptionId: string }) => [
        s.subscriptionId,
        s,
      ]),
    );
    expect(byId[SUB_A]).toMatchObject({
      displayName: 'Platform Production',
      status: 'succeeded',
      error: null,
      clusterCount: 2,
      lastReadAt: expect.any(String),
      lastSucceededAt: expect.any(String),
    });
    expect(byId[SUB_B]).toMatchObject({
      displayName: null,
      status: 'failed',
      error: expect.stringMatching(/AuthorizationFailed/),
      clusterCount: 0,
      lastSucceededAt: null,
    });
  });

  it.each([
    ['/fleet/clusters?sort=ipUse', /sort/],
    ['/fleet/clusters?limit=1e20', /limit/],
    ['/fleet/clusters?failingCheck=all', /failingCheck/],
    ['/fleet/clusters?bogus=1', /bogus/],
    ['/fleet/summary?x=1', /x/],
  ])('answers 400 naming the field for %s', async (path, field) => {
    const { server } = await startBackend(knex, undefined, { fleet });
    const res = await get(server, path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(field);
  });
});
