import type {
  PipelineRequest,
  PipelineResponse,
} from '@azure/core-rest-pipeline';
import { mockServices } from '@backstage/backend-test-utils';
import { ArmCallMetrics } from './ArmCallMetrics';
import { armRetryPolicy, type ArmRetryPolicyOptions } from './armRetryPolicy';
import {
  armRequest,
  armResponse,
  connectionError,
  fakeClock,
  SUBSCRIPTION_A,
} from './__testUtils__/armFakes';

type Step =
  | number
  | { status: number; headers?: Record<string, string> }
  | Error;

/** A `next` that answers with the given statuses (or throws the given errors) in turn. */
function scripted(steps: Step[]) {
  const calls: PipelineRequest[] = [];
  const next = jest.fn(
    async (request: PipelineRequest): Promise<PipelineResponse> => {
      calls.push(request);
      const step = steps[Math.min(calls.length - 1, steps.length - 1)];
      if (step instanceof Error) {
        throw step;
      }
      return typeof step === 'number'
        ? armResponse(request, step)
        : armResponse(request, step.status, step.headers);
    },
  );
  return { next, calls };
}

function setup(overrides: Partial<ArmRetryPolicyOptions> = {}) {
  const clock = fakeClock();
  const metrics = new ArmCallMetrics();
  const policy = armRetryPolicy({
    maxRetries: 6,
    maxRetryTimeMs: 120_000,
    baseDelayMs: 500,
    metrics,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    ...overrides,
  });
  return { clock, metrics, policy };
}

describe('armRetryPolicy', () => {
  it('waits out Retry-After 2 on a 429, then succeeds', async () => {
    const { clock, metrics, policy } = setup();
    const { next } = scripted([
      { status: 429, headers: { 'retry-after': '2' } },
      200,
    ]);
    const response = await policy.sendRequest(armRequest(), next);
    expect(response.status).toBe(200);
    expect(next).toHaveBeenCalledTimes(2);
    expect(clock.sleeps).toEqual([2000]);
    expect(metrics.snapshot()).toEqual(
      expect.objectContaining({
        calls: 1,
        requests: 2,
        retries: 1,
        throttled: 1,
        retryAfterWaitedMs: 2000,
        backoffWaitedMs: 0,
        failedCalls: 0,
        responses: { '1xx': 0, '2xx': 1, '3xx': 0, '4xx': 1, '5xx': 0 },
      }),
    );
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const { clock, policy } = setup();
    const at = new Date(clock.now() + 9000).toUTCString();
    const { next } = scripted([
      { status: 429, headers: { 'Retry-After': at } },
      200,
    ]);
    await policy.sendRequest(armRequest(), next);
    expect(clock.sleeps).toEqual([9000]);
  });

  it('prefers the millisecond headers', async () => {
    const { clock, policy } = setup();
    const { next } = scripted([
      {
        status: 429,
        headers: { 'x-ms-retry-after-ms': '1250', 'retry-after': '2' },
      },
      { status: 429, headers: { 'retry-after-ms': '40' } },
      200,
    ]);
    await policy.sendRequest(armRequest(), next);
    expect(clock.sleeps).toEqual([1250, 40]);
  });

  it('backs off exponentially with jitter on 5xx, then succeeds', async () => {
    const { clock, metrics, policy } = setup({ random: () => 0.5 });
    const { next } = scripted([500, 503, 502, 200]);
    const response = await policy.sendRequest(armRequest(), next);
    expect(response.status).toBe(200);
    // Equal jitter: half of 500·2^n fixed, half random (0.5 here).
    expect(clock.sleeps).toEqual([375, 750, 1500]);
    expect(metrics.snapshot()).toEqual(
      expect.objectContaining({
        retries: 3,
        backoffWaitedMs: 2625,
        throttled: 0,
      }),
    );
  });

  it('keeps jitter within [half, full] of the exponential delay and under the cap', async () => {
    const low = setup({ random: () => 0, maxDelayMs: 4000 });
    await low.policy.sendRequest(
      armRequest(),
      scripted([500, 500, 500, 500, 500, 200]).next,
    );
    expect(low.clock.sleeps).toEqual([250, 500, 1000, 2000, 2000]);
    const high = setup({ random: () => 0.999999, maxDelayMs: 4000 });
    await high.policy.sendRequest(
      armRequest(),
      scripted([500, 500, 500, 500, 500, 200]).next,
    );
    expect(high.clock.sleeps).toEqual([500, 1000, 2000, 4000, 4000]);
  });

  it('honours Retry-After on a 503', async () => {
    const { clock, policy } = setup();
    await policy.sendRequest(
      armRequest(),
      scripted([{ status: 503, headers: { 'retry-after': '3' } }, 200]).next,
    );
    expect(clock.sleeps).toEqual([3000]);
  });

  it('retries a 408', async () => {
    const { policy } = setup();
    const { next } = scripted([408, 200]);
    expect((await policy.sendRequest(armRequest(), next)).status).toBe(200);
    expect(next).toHaveBeenCalledTimes(2);
  });

  it.each([400, 401, 403, 404, 409, 412, 422, 501, 505])(
    'never retries a %s',
    async status => {
      const { clock, metrics, policy } = setup();
      const { next } = scripted([status, 200]);
      const response = await policy.sendRequest(armRequest(), next);
      expect(response.status).toBe(status);
      expect(next).toHaveBeenCalledTimes(1);
      expect(clock.sleeps).toEqual([]);
      expect(metrics.snapshot()).toEqual(
        expect.objectContaining({ requests: 1, retries: 0, failedCalls: 1 }),
      );
    },
  );

  it.each([
    'ECONNRESET',
    'ETIMEDOUT',
    'ECONNREFUSED',
    'REQUEST_SEND_ERROR',
    'EPIPE',
  ])('retries a %s connection error', async code => {
    const { metrics, policy } = setup();
    const { next } = scripted([connectionError(code), 200]);
    expect((await policy.sendRequest(armRequest(), next)).status).toBe(200);
    expect(next).toHaveBeenCalledTimes(2);
    expect(metrics.snapshot()).toEqual(
      expect.objectContaining({ networkErrors: 1, retries: 1 }),
    );
  });

  it('does not retry a TLS failure', async () => {
    const { policy } = setup();
    const { next } = scripted([
      connectionError('DEPTH_ZERO_SELF_SIGNED_CERT'),
      200,
    ]);
    await expect(policy.sendRequest(armRequest(), next)).rejects.toThrow(
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    );
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('retries an attempt cut by its timeout, and sets the timeout on the request', async () => {
    const { policy } = setup({ timeoutMs: 60_000 });
    const timedOut = Object.assign(new Error('The operation was aborted.'), {
      name: 'AbortError',
    });
    const { next, calls } = scripted([timedOut, 200]);
    expect((await policy.sendRequest(armRequest(), next)).status).toBe(200);
    expect(calls[0].timeout).toBe(60_000);
  });

  it('does not retry when the caller aborted', async () => {
    const { policy } = setup();
    const controller = new AbortController();
    controller.abort();
    const aborted = Object.assign(new Error('aborted'), { name: 'AbortError' });
    const { next } = scripted([aborted, 200]);
    await expect(
      policy.sendRequest(
        armRequest(SUBSCRIPTION_A, { abortSignal: controller.signal }),
        next,
      ),
    ).rejects.toThrow('aborted');
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('stops after maxRetries and surfaces the last response', async () => {
    const { metrics, policy } = setup({ maxRetries: 3 });
    const { next } = scripted([500, 502, 503, 504, 200]);
    const response = await policy.sendRequest(armRequest(), next);
    expect(response.status).toBe(504);
    expect(next).toHaveBeenCalledTimes(4);
    expect(metrics.snapshot()).toEqual(
      expect.objectContaining({ retries: 3, failedCalls: 1 }),
    );
  });

  it('stops after maxRetries and rethrows the last connection error', async () => {
    const { policy } = setup({ maxRetries: 2 });
    const { next } = scripted([
      connectionError('ECONNRESET'),
      connectionError('ECONNRESET'),
      connectionError('ETIMEDOUT'),
    ]);
    await expect(policy.sendRequest(armRequest(), next)).rejects.toMatchObject({
      code: 'ETIMEDOUT',
    });
    expect(next).toHaveBeenCalledTimes(3);
  });

  it('stops when the next wait would pass the retry time cap', async () => {
    const logger = mockServices.logger.mock();
    const { clock, policy } = setup({ maxRetryTimeMs: 120_000, logger });
    const throttled = { status: 429, headers: { 'retry-after': '50' } };
    const { next } = scripted([throttled, throttled, throttled, 200]);
    const response = await policy.sendRequest(armRequest(), next);
    // 50 s + 50 s fit in 120 s; a third 50 s would not, so the 429 is surfaced.
    expect(response.status).toBe(429);
    expect(clock.sleeps).toEqual([50_000, 50_000]);
    expect(next).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('retry time cap of 120000 ms'),
    );
  });

  it('counts time spent in attempts against the cap', async () => {
    const { clock, policy } = setup({ maxRetryTimeMs: 10_000 });
    const slow = jest.fn(async (request: PipelineRequest) => {
      clock.advance(6_000);
      return armResponse(request, 500);
    });
    await policy.sendRequest(armRequest(), slow);
    // 6 s attempt + 375 ms fits; 12.4 s + 750 ms does not.
    expect(slow).toHaveBeenCalledTimes(2);
  });

  it('does not wait at all for a Retry-After longer than the cap', async () => {
    const { clock, policy } = setup({ maxRetryTimeMs: 30_000 });
    const { next } = scripted([
      { status: 429, headers: { 'retry-after': '3600' } },
    ]);
    expect((await policy.sendRequest(armRequest(), next)).status).toBe(429);
    expect(clock.sleeps).toEqual([]);
  });

  it('with maxRetries 0 sends once', async () => {
    const { policy } = setup({ maxRetries: 0 });
    const { next } = scripted([500, 200]);
    expect((await policy.sendRequest(armRequest(), next)).status).toBe(500);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('is cut short by the abort signal while waiting (real timer)', async () => {
    const policy = armRetryPolicy({
      maxRetries: 6,
      maxRetryTimeMs: 600_000,
      baseDelayMs: 500,
    });
    const controller = new AbortController();
    const { next } = scripted([
      { status: 429, headers: { 'retry-after': '300' } },
      200,
    ]);
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    await expect(
      policy.sendRequest(
        armRequest(SUBSCRIPTION_A, { abortSignal: controller.signal }),
        next,
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(next).toHaveBeenCalledTimes(1);
  });
});
