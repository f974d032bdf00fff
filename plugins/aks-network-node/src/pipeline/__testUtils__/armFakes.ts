import {
  createHttpHeaders,
  createPipelineRequest,
  RestError,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { ArmSleep } from '../abortableSleep';

// Helpers for this folder's tests only (not exported from the package).

export const SUBSCRIPTION_A = '11111111-1111-1111-1111-111111111111';
export const SUBSCRIPTION_B = '22222222-2222-2222-2222-222222222222';

/** A request in `subscriptionId`'s scope, or a tenant-level one for `null`. */
export function armRequest(
  subscriptionId: string | null = SUBSCRIPTION_A,
  options: { abortSignal?: PipelineRequest['abortSignal'] } = {},
): PipelineRequest {
  const path = subscriptionId
    ? `/subscriptions/${subscriptionId}/providers/Microsoft.ContainerService/managedClusters`
    : '/subscriptions';
  return createPipelineRequest({
    url: `https://management.azure.com${path}?api-version=2026-04-01`,
    abortSignal: options.abortSignal,
  });
}

export function armResponse(
  request: PipelineRequest,
  status: number,
  headers: Record<string, string> = {},
): PipelineResponse {
  return {
    request,
    status,
    headers: createHttpHeaders(headers),
    bodyAsText: '{}',
  };
}

export function connectionError(code: string): RestError {
  return new RestError(`socket failure ${code}`, { code });
}

/** A clock that only moves when something sleeps on it, recording every wait. */
export function fakeClock(start = Date.UTC(2026, 10, 26, 12, 0, 0)) {
  let time = start;
  const sleeps: number[] = [];
  const sleep: ArmSleep = async ms => {
    sleeps.push(ms);
    time += ms;
  };
  return {
    now: () => time,
    sleep,
    sleeps,
    advance: (ms: number) => (time += ms),
  };
}
