import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { collect, sdkClients } from '../__testUtils__/sdkClients';
import { SUB_A, testFleet } from '../__testUtils__/testFleet';

describe('fault injection', () => {
  let sim: ArmSimulator;

  beforeAll(async () => {
    sim = await startArmSimulator({ fleet: testFleet(), pageSize: 2 });
  });
  afterEach(() => sim.reset());
  afterAll(() => sim.close());

  it('throttles with 429, Retry-After and ARM code; the SDK waits as told', async () => {
    sim.setFaults({
      throttleRate: 1,
      throttleRetryAfterSeconds: 1,
      pathPattern: '/managedClusters/aks-flat$',
    });
    const { containerService } = sdkClients(sim, SUB_A, {
      retry: { maxRetries: 1 },
    });
    const error = await containerService.managedClusters
      .get('rg-aks', 'aks-flat')
      .catch(e => e);
    expect(error).toMatchObject({
      statusCode: 429,
      code: 'SubscriptionRequestsThrottled',
    });
    expect(error.response.headers.get('retry-after')).toBe('1');
    expect(
      error.response.headers.get('x-ms-ratelimit-remaining-subscription-reads'),
    ).toBe('0');
    const [first, retry] = sim.calls().log;
    expect(retry.clientRequestId).toBe(first.clientRequestId);
    expect(retry.at - first.at).toBeGreaterThanOrEqual(950);
    expect(sim.calls().byFault).toEqual({ throttle: 2 });
  });

  it('throttles a reproducible 30% of calls for a seed', async () => {
    const run = async () => {
      sim.reset();
      sim.setFaults({
        throttleRate: 0.3,
        throttleRetryAfterSeconds: 0,
        seed: 42,
      });
      const { containerService } = sdkClients(sim, SUB_A, {
        retry: { maxRetries: 10, retryDelayInMs: 1 },
      });
      const clusters = await collect(containerService.managedClusters.list());
      for (const cluster of clusters) {
        await containerService.managedClusters.get('rg-aks', cluster.name!);
      }
      return {
        clusters: clusters.length,
        log: sim.calls().log.map(c => c.status),
      };
    };
    const first = await run();
    const second = await run();
    expect(first.clusters).toBe(7);
    expect(first.log).toEqual(second.log);
    expect(first.log).toContain(429);
  });

  it('answers 500 InternalServerError at the configured rate', async () => {
    sim.setFaults({ serverErrorRate: 1 });
    const { containerService } = sdkClients(sim, SUB_A);
    await expect(
      containerService.managedClusters.get('rg-aks', 'aks-flat'),
    ).rejects.toMatchObject({
      statusCode: 500,
      code: 'InternalServerError',
    });
  });

  it('resets connections, and the SDK retries them', async () => {
    sim.setFaults({ connectionResetRate: 0.5, seed: 7 });
    const { containerService } = sdkClients(sim, SUB_A, {
      retry: { maxRetries: 10, retryDelayInMs: 1 },
    });
    const clusters = await collect(containerService.managedClusters.list());
    expect(clusters).toHaveLength(7);
    expect(sim.calls().byFault.connectionReset).toBeGreaterThan(0);
    expect(sim.calls().byStatus['0']).toBe(sim.calls().byFault.connectionReset);
  });

  it('adds latency per call', async () => {
    sim.setFaults({ latencyMs: 120 });
    const { containerService } = sdkClients(sim, SUB_A);
    const started = Date.now();
    await containerService.managedClusters.get('rg-aks', 'aks-flat');
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });
});
