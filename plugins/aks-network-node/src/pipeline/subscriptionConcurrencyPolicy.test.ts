import {
  createEmptyPipeline,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { ArmCallMetrics } from './ArmCallMetrics';
import {
  createArmPipelinePolicies,
  installArmPipelinePolicies,
} from './armPipelinePolicies';
import {
  subscriptionConcurrencyPolicy,
  subscriptionIdOfUrl,
} from './subscriptionConcurrencyPolicy';
import {
  armRequest,
  armResponse,
  fakeClock,
  SUBSCRIPTION_A,
  SUBSCRIPTION_B,
} from './__testUtils__/armFakes';

/** A `next` whose calls stay open until released, counting how many are open at once. */
function gate() {
  const open = new Map<string, number>();
  const peak = new Map<string, number>();
  const waiting: Array<() => void> = [];
  const next = async (request: PipelineRequest): Promise<PipelineResponse> => {
    const key = subscriptionIdOfUrl(request.url) ?? '';
    open.set(key, (open.get(key) ?? 0) + 1);
    peak.set(key, Math.max(peak.get(key) ?? 0, open.get(key)!));
    await new Promise<void>(resolve => waiting.push(resolve));
    open.set(key, open.get(key)! - 1);
    return armResponse(request, 200);
  };
  const releaseOne = () => waiting.shift()?.();
  return { next, peak, open, waiting, releaseOne };
}

const tick = () => new Promise(resolve => setImmediate(resolve));

describe('subscriptionIdOfUrl', () => {
  it.each([
    [
      `https://management.azure.com/subscriptions/${SUBSCRIPTION_A}/resourceGroups/rg`,
      SUBSCRIPTION_A,
    ],
    [
      `https://127.0.0.1:7443/SUBSCRIPTIONS/${SUBSCRIPTION_B.toUpperCase()}?api-version=1`,
      SUBSCRIPTION_B,
    ],
    [
      'https://management.azure.com/subscriptions?api-version=2022-12-01',
      undefined,
    ],
    ['https://management.azure.com/tenants', undefined],
    ['not a url', undefined],
  ])('reads %s', (url, expected) => {
    expect(subscriptionIdOfUrl(url)).toBe(expected);
  });
});

describe('subscriptionConcurrencyPolicy', () => {
  it('never lets more than N calls of one subscription run at once', async () => {
    const policy = subscriptionConcurrencyPolicy({ maxConcurrency: 3 });
    const { next, peak, waiting, releaseOne } = gate();
    const all = Promise.all(
      Array.from({ length: 10 }, () => policy.sendRequest(armRequest(), next)),
    );
    await tick();
    expect(waiting).toHaveLength(3);
    expect(policy.inFlight(SUBSCRIPTION_A)).toBe(3);
    while (waiting.length > 0) {
      releaseOne();
      await tick();
    }
    const responses = await all;
    expect(responses).toHaveLength(10);
    expect(peak.get(SUBSCRIPTION_A)).toBe(3);
    expect(policy.inFlight(SUBSCRIPTION_A)).toBe(0);
  });

  it('does not let a busy subscription block another', async () => {
    const policy = subscriptionConcurrencyPolicy({ maxConcurrency: 1 });
    const busy = gate();
    const blocked = Array.from({ length: 3 }, () =>
      policy.sendRequest(armRequest(SUBSCRIPTION_A), busy.next),
    );
    await tick();
    const other = await policy.sendRequest(
      armRequest(SUBSCRIPTION_B),
      async request => armResponse(request, 200),
    );
    expect(other.status).toBe(200);
    expect(policy.inFlight(SUBSCRIPTION_A)).toBe(1);
    // Tenant-level calls (no subscription in the path) have a limiter of their own.
    const tenant = await policy.sendRequest(armRequest(null), async request =>
      armResponse(request, 200),
    );
    expect(tenant.status).toBe(200);
    while (busy.waiting.length > 0 || busy.open.get(SUBSCRIPTION_A)) {
      busy.releaseOne();
      await tick();
    }
    await Promise.all(blocked);
  });

  it('lets a queued call leave when its signal aborts', async () => {
    const policy = subscriptionConcurrencyPolicy({ maxConcurrency: 1 });
    const busy = gate();
    const first = policy.sendRequest(armRequest(), busy.next);
    const controller = new AbortController();
    const queued = policy.sendRequest(
      armRequest(SUBSCRIPTION_A, { abortSignal: controller.signal }),
      busy.next,
    );
    const third = policy.sendRequest(armRequest(), busy.next);
    await tick();
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    busy.releaseOne();
    await tick();
    // The aborted call gave up its place: the third one runs next.
    expect(busy.waiting).toHaveLength(1);
    busy.releaseOne();
    await Promise.all([first, third]);
  });

  it('frees the slot when the call fails', async () => {
    const policy = subscriptionConcurrencyPolicy({ maxConcurrency: 1 });
    await expect(
      policy.sendRequest(armRequest(), async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(policy.inFlight(SUBSCRIPTION_A)).toBe(0);
    const ok = await policy.sendRequest(armRequest(), async request =>
      armResponse(request, 200),
    );
    expect(ok.status).toBe(200);
  });
});

describe('installArmPipelinePolicies', () => {
  const requests = {
    maxConcurrencyPerSubscription: 2,
    maxRetries: 3,
    maxRetryTimeSeconds: 120,
    retryBaseDelayMs: 100,
    timeoutSeconds: 30,
  };

  it('holds the subscription slot while a call waits out Retry-After', async () => {
    const clock = fakeClock();
    // A sleep that stays pending until the test lets it go, to look inside the wait.
    let wake: () => void = () => {};
    const policies = createArmPipelinePolicies(requests, {
      now: clock.now,
      sleep: ms => {
        clock.sleeps.push(ms);
        return new Promise<void>(resolve => {
          wake = resolve;
        });
      },
    });
    const pipeline = createEmptyPipeline();
    installArmPipelinePolicies(pipeline, policies);
    let sent = 0;
    const httpClient: HttpClient = {
      async sendRequest(request) {
        sent += 1;
        return sent === 1
          ? armResponse(request, 429, { 'retry-after': '7' })
          : armResponse(request, 200);
      },
    };
    const call = pipeline.sendRequest(httpClient, armRequest());
    await tick();
    expect(clock.sleeps).toEqual([7000]);
    expect(policies.concurrency.inFlight(SUBSCRIPTION_A)).toBe(1);
    wake();
    expect((await call).status).toBe(200);
    expect(policies.concurrency.inFlight(SUBSCRIPTION_A)).toBe(0);
    expect(policies.metrics.snapshot()).toEqual(
      expect.objectContaining({
        calls: 1,
        requests: 2,
        throttled: 1,
        retryAfterWaitedMs: 7000,
      }),
    );
  });

  it('removes the SDK retry policies and orders limiter before retry', () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(
      {
        name: 'defaultRetryPolicy',
        sendRequest: (request, next) => next(request),
      },
      { phase: 'Retry' },
    );
    installArmPipelinePolicies(
      pipeline,
      createArmPipelinePolicies(requests, { metrics: new ArmCallMetrics() }),
    );
    expect(pipeline.getOrderedPolicies().map(p => p.name)).toEqual([
      'aksNetworkSubscriptionConcurrencyPolicy',
      'aksNetworkArmRetryPolicy',
    ]);
  });
});
