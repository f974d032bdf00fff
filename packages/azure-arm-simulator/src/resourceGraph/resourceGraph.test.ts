import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { rawRequest } from '../__testUtils__/rawRequest';
import { SUB_A, SUB_B, testFleet } from '../__testUtils__/testFleet';
import { formatResetsAfter, ResourceGraphQuota } from './ResourceGraphQuota';

const PATH =
  '/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01';
const CLUSTERS =
  "Resources | where type =~ 'microsoft.containerservice/managedclusters'";
const auth = { Authorization: 'Bearer t' };

describe('Resource Graph endpoint', () => {
  let simulator: ArmSimulator;

  beforeAll(async () => {
    simulator = await startArmSimulator({ fleet: testFleet() });
  });
  afterEach(() => simulator.reset());
  afterAll(() => simulator.close());

  const query = (body: unknown) =>
    rawRequest(simulator, 'POST', PATH, { headers: auth, body });

  it('answers the requested subscriptions only, as rows of the GET shape plus the graph columns', async () => {
    const reply = await query({ subscriptions: [SUB_A], query: CLUSTERS });
    expect(reply.status).toBe(200);
    const inA = simulator.state
      .clusters()
      .filter(c => c.id.toLowerCase().startsWith(`/subscriptions/${SUB_A}`));
    expect(inA.length).toBeGreaterThan(0);
    expect(reply.body).toMatchObject({
      totalRecords: inA.length,
      count: inA.length,
      resultTruncated: 'false',
      facets: [],
    });
    expect(reply.body.$skipToken).toBeUndefined();
    const row = reply.body.data[0];
    const stored = inA.find(c => c.id === row.id)!;
    expect(row).toMatchObject({
      name: stored.name,
      type: 'microsoft.containerservice/managedclusters',
      subscriptionId: SUB_A,
      resourceGroup: 'rg-aks',
      location: stored.location,
      properties: stored.properties,
    });
    expect(reply.headers['x-ms-user-quota-remaining']).toMatch(/^(1[0-4]|\d)$/);
    expect(reply.headers['x-ms-user-quota-resets-after']).toMatch(
      /^00:00:0[0-5]$/,
    );
  });

  it('gives a VNet its subnets inline, as its GET does', async () => {
    const reply = await query({
      subscriptions: [SUB_A, SUB_B],
      query:
        "Resources | where type in~ ('microsoft.network/virtualnetworks', 'Microsoft.Network/networkSecurityGroups') | order by id asc",
    });
    expect(reply.status).toBe(200);
    const types = reply.body.data.map((row: any) => row.type);
    expect(new Set(types)).toEqual(
      new Set([
        'microsoft.network/virtualnetworks',
        'microsoft.network/networksecuritygroups',
      ]),
    );
    const vnet = reply.body.data.find((row: any) => row.name === 'vnet-weu');
    expect(vnet.properties.subnets.map((s: any) => s.name)).toEqual([
      'snet-overlay',
      'snet-flat',
      'snet-tiny',
    ]);
    const ids = reply.body.data.map((row: any) => row.id.toLowerCase());
    expect(ids).toEqual([...ids].sort());
  });

  it('pages with $top and $skipToken, every row once', async () => {
    const all = await query({ subscriptions: [SUB_A, SUB_B], query: CLUSTERS });
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const reply = await query({
        subscriptions: [SUB_A, SUB_B],
        query: CLUSTERS,
        options: { $top: 2, $skipToken: token, resultFormat: 'objectArray' },
      });
      expect(reply.status).toBe(200);
      expect(reply.body.count).toBeLessThanOrEqual(2);
      expect(reply.body.totalRecords).toBe(all.body.totalRecords);
      seen.push(...reply.body.data.map((row: any) => row.id));
      token = reply.body.$skipToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(Math.ceil(all.body.totalRecords / 2));
    expect(seen).toEqual(all.body.data.map((row: any) => row.id));
  });

  it('refuses a token of another query and a query it does not know', async () => {
    const first = await query({
      subscriptions: [SUB_A],
      query: CLUSTERS,
      options: { $top: 1 },
    });
    const wrongToken = await query({
      subscriptions: [SUB_A],
      query: "Resources | where type =~ 'microsoft.network/virtualnetworks'",
      options: { $skipToken: first.body.$skipToken },
    });
    expect(wrongToken.status).toBe(400);
    const unknown = await query({
      subscriptions: [SUB_A],
      query: 'Resources | summarize count() by type',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('BadRequest');
    expect(unknown.body.error.details[0].code).toBe('InvalidQuery');
  });

  it('gives no rows for a subscription it does not hold, and lists the ones it does', async () => {
    const stranger = '33333333-3333-4333-8333-333333333333';
    const reply = await query({
      subscriptions: [SUB_A, stranger],
      query:
        "ResourceContainers | where type =~ 'microsoft.resources/subscriptions'",
    });
    expect(reply.body.data.map((row: any) => row.subscriptionId)).toEqual([
      SUB_A,
    ]);
  });

  it('leaves out, without an error, the resources whose read the caller is denied', async () => {
    const network = {
      subscriptions: [SUB_A, SUB_B],
      query:
        "Resources | where type in~ ('microsoft.network/virtualnetworks', 'Microsoft.Network/networkSecurityGroups') | order by id asc",
    };
    const typesOf = (reply: { body: any }) =>
      new Set(reply.body.data.map((row: any) => row.type));
    const all = await query(network);
    expect(typesOf(all)).toEqual(
      new Set([
        'microsoft.network/virtualnetworks',
        'microsoft.network/networksecuritygroups',
      ]),
    );

    simulator.setFaults({
      deniedActions: ['Microsoft.Network/networkSecurityGroups/read'],
    });
    const denied = await query(network);
    expect(denied.status).toBe(200);
    expect(typesOf(denied)).toEqual(
      new Set(['microsoft.network/virtualnetworks']),
    );
    expect(denied.body.totalRecords).toBe(
      all.body.data.filter(
        (row: any) => row.type === 'microsoft.network/virtualnetworks',
      ).length,
    );
  });

  it('throttles with the quota headers and no Retry-After', async () => {
    simulator.setFaults({
      throttleRate: 1,
      throttleRetryAfterSeconds: 3,
      pathPattern: 'Microsoft.ResourceGraph',
    });
    const reply = await query({ subscriptions: [SUB_A], query: CLUSTERS });
    expect(reply.status).toBe(429);
    expect(reply.body.error.code).toBe('RateLimiting');
    expect(reply.headers['x-ms-user-quota-remaining']).toBe('0');
    expect(reply.headers['x-ms-user-quota-resets-after']).toBe('00:00:03');
    expect(reply.headers['retry-after']).toBeUndefined();
    expect(simulator.calls().byKind['POST resourceGraph.resources']).toBe(1);
  });

  it('spends 15 queries per 5 s window and starts again after it', () => {
    let now = 1_000_000;
    const quota = new ResourceGraphQuota(() => now);
    expect(quota.spend()).toEqual({
      'x-ms-user-quota-remaining': '14',
      'x-ms-user-quota-resets-after': '00:00:05',
    });
    for (let i = 0; i < 20; i += 1) {
      quota.spend();
    }
    now += 2_500;
    expect(quota.spend()['x-ms-user-quota-remaining']).toBe('0');
    now += 2_500;
    expect(quota.spend()['x-ms-user-quota-remaining']).toBe('14');
  });

  it('writes the reset as hh:mm:ss', () => {
    expect(formatResetsAfter(3723_000)).toBe('01:02:03');
    expect(formatResetsAfter(1)).toBe('00:00:01');
  });
});
