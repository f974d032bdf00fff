import type { PipelineRequest } from '@azure/core-rest-pipeline';

/**
 * The abort signal shape the Azure pipeline carries on each request.
 *
 * @public
 */
export type ArmAbortSignal = NonNullable<PipelineRequest['abortSignal']>;

/**
 * Waits `ms` milliseconds, or rejects with an `AbortError` as soon as `signal` aborts.
 * Injected into the policies so tests can observe every wait without really waiting.
 *
 * @public
 */
export type ArmSleep = (ms: number, signal?: ArmAbortSignal) => Promise<void>;

/**
 * The error a cancelled wait rejects with. Named `AbortError` because that is the name
 * the Azure SDK and its pollers test for.
 *
 * @public
 */
export class ArmWaitAbortedError extends Error {
  constructor(
    message = 'The operation was aborted while waiting to call Azure Resource Manager.',
  ) {
    super(message);
    this.name = 'AbortError';
  }
}

/**
 * {@link ArmSleep} on a real timer.
 *
 * @public
 */
export const abortableSleep: ArmSleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ArmWaitAbortedError());
      return;
    }
    const pending: { timer?: ReturnType<typeof setTimeout> } = {};
    const onAbort = () => {
      clearTimeout(pending.timer);
      reject(new ArmWaitAbortedError());
    };
    pending.timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort);
  });
