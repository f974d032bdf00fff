import {
  startArmSimulator,
  type ArmSimulator,
  type SimulatorFleet,
} from '@aks-network/azure-arm-simulator';
import { isRestError } from '@azure/core-rest-pipeline';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AzureAccess } from './AzureAccess';

// The real SDK clients, built by this package from config exactly as the backend does,
// against the ARM simulator over HTTPS: only the endpoint, the CA and the credential
// differ from real Azure.

const SUB = '33333333-3333-4333-8333-333333333333';
const OTHER_SUB = '44444444-4444-4444-8444-444444444444';
const TOKEN = 'simulator-dev-token';
const CLUSTER_COUNT = 12;

function fleet(): SimulatorFleet {
  return {
    subscriptions: [
      { id: SUB, name: 'main', displayName: 'Main' },
      { id: OTHER_SUB, name: 'other', displayName: 'Other' },
    ],
    virtualNetworks: [
      {
        subscription: 'main',
        resourceGroup: 'rg-net',
        name: 'vnet-weu',
        region: 'westeurope',
        addressSpace: ['10.240.0.0/16'],
        subnets: [{ name: 'snet-nodes', prefix: '10.240.0.0/24' }],
      },
    ],
    clusters: Array.from({ length: CLUSTER_COUNT }, (_, i) => ({
      subscription: 'main',
      resourceGroup: 'rg-aks',
      name: `aks-${String(i + 1).padStart(2, '0')}`,
      region: 'westeurope',
      network: { plugin: 'azure' as const, mode: 'overlay' as const },
      pools: [{ name: 'system', count: 1, subnet: 'vnet-weu/snet-nodes' }],
    })),
  };
}

describe('ARM clients against the simulator', () => {
  let simulator: ArmSimulator;

  beforeAll(async () => {
    simulator = await startArmSimulator({
      fleet: fleet(),
      pageSize: 5, // 12 clusters → 3 pages, so nextLink is followed
      expectedToken: TOKEN, // any other token gets 401: proves the configured one is sent
    });
  });

  afterAll(async () => {
    await simulator?.close();
  });

  beforeEach(() => {
    simulator.reset();
  });

  function access(requests: Record<string, number> = {}) {
    const sleeps: number[] = [];
    const logger = mockServices.logger.mock();
    const azure = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: {
          azure: {
            resourceManagerEndpoint: simulator.url,
            caCertificate: simulator.caCertificate,
            credential: { type: 'development', token: TOKEN },
            requests: { maxRetries: 6, retryBaseDelayMs: 100, ...requests },
          },
        },
      }),
      {
        logger,
        // Record each wait instead of waiting, so the test checks the values quickly.
        sleep: async ms => {
          sleeps.push(ms);
        },
      },
    );
    return { azure, sleeps, logger };
  }

  async function listClusterNames(azure: AzureAccess): Promise<string[]> {
    const names: string[] = [];
    for await (const cluster of azure.clients
      .containerService(SUB)
      .managedClusters.list()) {
      names.push(cluster.name ?? '');
    }
    return names.sort();
  }

  it('lists every cluster with paging, and discovers the subscriptions', async () => {
    const { azure } = access();
    expect(await listClusterNames(azure)).toHaveLength(CLUSTER_COUNT);
    expect((await azure.clients.listSubscriptionIds()).sort()).toEqual([
      SUB,
      OTHER_SUB,
    ]);
    expect(simulator.calls().byStatus).toEqual({ '200': 4 }); // 3 pages + 1 subscriptions list
    expect(azure.metrics.snapshot()).toEqual(
      expect.objectContaining({ requests: 4, retries: 0, throttled: 0 }),
    );
  });

  it('completes a listing through a 429 storm and honours every Retry-After', async () => {
    simulator.setFaults({
      throttleRate: 0.3,
      throttleRetryAfterSeconds: 3,
      seed: 7,
    });
    const { azure, sleeps } = access();

    // Several listings, so the storm hits enough calls to mean something.
    for (let round = 0; round < 10; round++) {
      expect(await listClusterNames(azure)).toHaveLength(CLUSTER_COUNT);
    }
    for await (const _ of azure.clients
      .network(SUB)
      .virtualNetworks.listAll()) {
      // drained
    }

    const calls = simulator.calls();
    const throttledCalls = calls.log.filter(call => call.status === 429);
    expect(throttledCalls.length).toBeGreaterThan(0);
    expect(throttledCalls.length / calls.total).toBeGreaterThan(0.1);
    // Every 429 was followed by exactly the wait it asked for, and by nothing shorter.
    expect(sleeps).toEqual(
      throttledCalls.map(call => (call.retryAfterSeconds ?? NaN) * 1000),
    );
    // Each throttled request was sent again with the same client request id.
    for (const call of throttledCalls) {
      const sameRequest = calls.log.filter(
        other => other.clientRequestId === call.clientRequestId,
      );
      expect(sameRequest.some(other => other.status === 200)).toBe(true);
    }
    const metrics = azure.metrics.snapshot();
    expect(metrics.throttled).toBe(throttledCalls.length);
    expect(metrics.retryAfterWaitedMs).toBe(throttledCalls.length * 3000);
    expect(metrics.requests).toBe(calls.total);
    expect(metrics.failedCalls).toBe(0);
  });

  it('keeps at most maxConcurrencyPerSubscription calls of a subscription in flight', async () => {
    const latencyMs = 40;
    simulator.setFaults({ latencyMs });
    const { azure } = access({ maxConcurrencyPerSubscription: 2 });
    const client = azure.clients.containerService(SUB);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.managedClusters.get(
          'rg-aks',
          `aks-${String(i + 1).padStart(2, '0')}`,
        ),
      ),
    );
    const arrivals = simulator
      .calls()
      .log.map(call => call.at)
      .sort((a, b) => a - b);
    expect(arrivals).toHaveLength(8);
    // With two slots, call k+2 can only start once call k has been answered.
    for (let k = 0; k + 2 < arrivals.length; k++) {
      expect(arrivals[k + 2] - arrivals[k]).toBeGreaterThanOrEqual(
        latencyMs - 5,
      );
    }
  });

  it('does not retry a 404 for a missing cluster', async () => {
    const { azure, sleeps } = access();
    const error = await azure.clients
      .containerService(SUB)
      .managedClusters.get('rg-aks', 'aks-missing')
      .catch(e => e);
    expect(isRestError(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    expect(simulator.calls().total).toBe(1);
    expect(sleeps).toEqual([]);
    expect(azure.metrics.retries).toBe(0);
  });

  it('retries a 500 up to maxRetries, then surfaces it', async () => {
    simulator.setFaults({
      serverErrorRate: 1,
      pathPattern: 'managedClusters/aks-01$',
    });
    const { azure, sleeps } = access({ maxRetries: 3 });
    const error = await azure.clients
      .containerService(SUB)
      .managedClusters.get('rg-aks', 'aks-01')
      .catch(e => e);
    expect(error).toMatchObject({ statusCode: 500 });
    expect(simulator.calls().total).toBe(4);
    expect(sleeps).toHaveLength(3);
    expect(azure.metrics.snapshot()).toEqual(
      expect.objectContaining({
        retries: 3,
        backoffWaitedMs: sleeps.reduce((a, b) => a + b, 0),
      }),
    );
  });

  it('gets through intermittent 500s and connection resets', async () => {
    simulator.setFaults({
      serverErrorRate: 0.2,
      connectionResetRate: 0.2,
      seed: 3,
    });
    const { azure } = access();
    for (let round = 0; round < 3; round++) {
      expect(await listClusterNames(azure)).toHaveLength(CLUSTER_COUNT);
    }
    const calls = simulator.calls();
    expect(calls.byStatus['500'] ?? 0).toBeGreaterThan(0);
    expect(calls.byStatus['0'] ?? 0).toBeGreaterThan(0);
    const metrics = azure.metrics.snapshot();
    expect(metrics.networkErrors).toBe(calls.byStatus['0']);
    expect(metrics.responses['5xx']).toBe(calls.byStatus['500']);
    expect(metrics.failedCalls).toBe(0);
  });
});
