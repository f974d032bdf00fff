import {
  createHttpPoller,
  OperationResponse,
  OperationState,
} from '@azure/core-lro';
import {
  AzureOperationError,
  AzureOperationTimeoutError,
} from './AzureOperationError';
import { OperationProgress, pollWithProgress } from './pollWithProgress';

const RESOURCE_URL =
  'https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c?api-version=2026-06-01';
const OPERATION_URL =
  'https://management.azure.com/subscriptions/s/providers/Microsoft.ContainerService/locations/westeurope/operations/op-1?api-version=2026-06-01';

function response(
  statusCode: number,
  body: unknown,
  url: string,
): OperationResponse<unknown> {
  return {
    flatResponse: body,
    rawResponse: {
      statusCode,
      headers: {},
      body,
      request: { method: 'GET', url },
    },
  };
}

/**
 * A real core-lro poller over a scripted ARM operation: PUT answered 201 with
 * `Azure-AsyncOperation`, then `InProgress` for `polls` polls, then `outcome`
 * (`Infinity` polls: never finishes).
 */
function armOperation(polls: number, outcome: 'Succeeded' | 'Failed') {
  let polled = 0;
  return (abortSignal: AbortSignal) =>
    createHttpPoller<{ name: string }, OperationState<{ name: string }>>(
      {
        sendInitialRequest: async () => {
          abortSignal.throwIfAborted();
          const body = { properties: { provisioningState: 'Creating' } };
          return {
            flatResponse: body,
            rawResponse: {
              statusCode: 201,
              headers: { 'azure-asyncoperation': OPERATION_URL },
              body,
              request: { method: 'PUT', url: RESOURCE_URL },
            },
          };
        },
        sendPollRequest: async path => {
          if (path.startsWith(OPERATION_URL.split('?')[0])) {
            polled += 1;
            if (polled <= polls) {
              return response(200, { status: 'InProgress' }, path);
            }
            return response(
              200,
              outcome === 'Succeeded'
                ? { status: 'Succeeded' }
                : {
                    status: 'Failed',
                    error: {
                      code: 'NetworkProfileCIDROverlapVNET',
                      message:
                        'NetworkProfile CIDR 10.240.100.0/24 overlaps with reserved VNET CIDR 10.240.0.0/16',
                    },
                  },
              path,
            );
          }
          return response(200, { name: 'c' }, path);
        },
      },
      {
        intervalInMs: 10_000,
        resourceLocationConfig: 'azure-async-operation',
        processResult: async result => result as { name: string },
      },
    );
}

/** The error a promise rejects with (undefined if it resolves), without an unhandled rejection. */
function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('pollWithProgress', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls to the end and reports progress at least every 30 s', async () => {
    const progress: OperationProgress[] = [];
    const done = pollWithProgress(armOperation(12, 'Succeeded'), {
      step: 'createCluster',
      resourceId:
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c',
      timeoutMs: 600_000,
      progressIntervalMs: 60_000, // capped at 30 s
      onProgress: p => progress.push(p),
    });
    await jest.advanceTimersByTimeAsync(200_000);
    await expect(done).resolves.toEqual({ name: 'c' });

    expect(progress[0]).toMatchObject({ state: 'submitting', elapsedMs: 0 });
    expect(progress[progress.length - 1].state).toBe('succeeded');
    expect(progress.map(p => p.state)).toContain('running');
    const times = progress.map(p => p.elapsedMs);
    for (let i = 1; i < times.length; i++) {
      expect(times[i] - times[i - 1]).toBeLessThanOrEqual(30_000);
    }
  });

  it('gives up after the time limit with an error that names the resource', async () => {
    const progress: OperationProgress[] = [];
    const done = pollWithProgress(armOperation(Infinity, 'Succeeded'), {
      step: 'createSubnet',
      resourceId:
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/aks',
      timeoutMs: 95_000,
      onProgress: p => progress.push(p),
    });
    const error = rejectionOf(done);
    await jest.advanceTimersByTimeAsync(100_000);
    await expect(error).resolves.toBeInstanceOf(AzureOperationTimeoutError);
    await expect(error).resolves.toMatchObject({
      step: 'createSubnet',
      lastState: 'running',
      message: expect.stringMatching(
        /may still be running in Azure; check .*\/virtualNetworks\/v\/subnets\/aks/,
      ),
    });
    // 95 s of polling, a heartbeat every 15 s by default.
    expect(
      progress.filter(p => p.state === 'running').length,
    ).toBeGreaterThanOrEqual(6);
  });

  it("returns a failed operation as an AzureOperationError with ARM's code and message", async () => {
    const done = pollWithProgress(armOperation(1, 'Failed'), {
      step: 'createCluster',
      resourceId: 'cluster-id',
      timeoutMs: 600_000,
    });
    const error = rejectionOf(done);
    await jest.advanceTimersByTimeAsync(60_000);
    await expect(error).resolves.toBeInstanceOf(AzureOperationError);
    await expect(error).resolves.toEqual(
      expect.objectContaining({
        name: 'AzureOperationError',
        code: 'NetworkProfileCIDROverlapVNET',
        message:
          'NetworkProfile CIDR 10.240.100.0/24 overlaps with reserved VNET CIDR 10.240.0.0/16',
        resourceId: 'cluster-id',
        step: 'createCluster',
      }),
    );
  });

  it("rethrows the caller's abort instead of wrapping it", async () => {
    const controller = new AbortController();
    const done = pollWithProgress(armOperation(Infinity, 'Succeeded'), {
      step: 'createCluster',
      resourceId: 'cluster-id',
      timeoutMs: 600_000,
      signal: controller.signal,
    });
    const error = rejectionOf(done);
    await jest.advanceTimersByTimeAsync(20_000);
    controller.abort(new Error('stop'));
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(error).resolves.toEqual(new Error('stop'));
  });
});
