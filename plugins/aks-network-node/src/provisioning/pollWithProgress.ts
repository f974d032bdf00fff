import type { OperationState, PollerLike } from '@azure/core-lro';
import { ArmErrorCapture } from './armErrorCapture';
import {
  AzureOperationTimeoutError,
  AzureProvisioningStep,
} from './AzureOperationError';
import { toAzureOperationError } from './toAzureOperationError';

/**
 * A progress report of a long-running Azure write.
 *
 * @public
 */
export interface OperationProgress {
  step: AzureProvisioningStep;
  /** ARM id of the resource being written. */
  resourceId: string;
  /**
   * `submitting` until ARM accepted the request, then the poller's status:
   * `running`, `succeeded`, `failed` or `canceled`.
   */
  state: string;
  /** Time since the write started. */
  elapsedMs: number;
}

/**
 * The longest gap between two progress reports. The scaffolder shows an empty alert
 * and stops updating a task that is silent for 60 s (docs/domain.md#task-progress,
 * backstage/backstage#16702), so a log line at least every 30 s keeps it alive with room
 * to spare.
 *
 * @public
 */
export const MAX_PROGRESS_INTERVAL_MS = 30_000;

/** Options of {@link pollWithProgress}. */
export interface PollWithProgressOptions {
  step: AzureProvisioningStep;
  resourceId: string;
  /** Give up (and abort polling) after this long; the operation may still run in Azure. */
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (progress: OperationProgress) => void;
  /** Heartbeat period; capped at {@link MAX_PROGRESS_INTERVAL_MS}. Default 15 s. */
  progressIntervalMs?: number;
  /** Where ARM's raw error bodies for this client are kept. */
  errorCapture?: ArmErrorCapture;
  now?: () => number;
}

/**
 * Starts a long-running ARM write and polls it to the end.
 *
 * - `start` receives the signal to hand to the SDK call, so the time limit and the
 *   caller's signal also cut the initial request.
 * - `onProgress` is called when the write starts, whenever its state changes, every
 *   `progressIntervalMs` while nothing changes, and at the end.
 * - On timeout, polling stops and an `AzureOperationTimeoutError` names the resource.
 *   On the caller's abort, the abort reason is thrown. Any other failure becomes an
 *   `AzureOperationError` with ARM's code and message.
 */
export async function pollWithProgress<TResult>(
  start: (
    abortSignal: AbortSignal,
  ) => PollerLike<OperationState<TResult>, TResult>,
  options: PollWithProgressOptions,
): Promise<TResult> {
  const { step, resourceId, timeoutMs, signal, onProgress } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const intervalMs = Math.min(
    options.progressIntervalMs ?? 15_000,
    MAX_PROGRESS_INTERVAL_MS,
  );
  signal?.throwIfAborted();

  let state = 'submitting';
  const report = () => {
    try {
      onProgress?.({ step, resourceId, state, elapsedMs: now() - startedAt });
    } catch {
      // A failing progress sink (a closed log stream) must not fail the Azure write.
    }
  };

  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timeout = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const heartbeat = setInterval(report, intervalMs);

  let poller: PollerLike<OperationState<TResult>, TResult> | undefined;
  report();
  try {
    poller = start(controller.signal);
    poller.onProgress(current => {
      if (current.status !== state) {
        state = current.status;
        report();
      }
    });
    const result = await poller.pollUntilDone({
      abortSignal: controller.signal,
    });
    state = poller.operationState?.status ?? 'succeeded';
    report();
    return result;
  } catch (error) {
    if (timedOut) {
      throw new AzureOperationTimeoutError({
        resourceId,
        step,
        timeoutMs,
        lastState: state,
      });
    }
    if (signal?.aborted) {
      throw signal.reason ?? error;
    }
    state = 'failed';
    report();
    throw await toAzureOperationError(error, {
      step,
      resourceId,
      capture: options.errorCapture,
      poller,
    });
  } finally {
    clearTimeout(timeout);
    clearInterval(heartbeat);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}
