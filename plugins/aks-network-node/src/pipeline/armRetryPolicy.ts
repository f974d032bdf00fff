import {
  isRestError,
  type PipelinePolicy,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { abortableSleep, type ArmSleep } from './abortableSleep';
import type { ArmCallMetrics } from './ArmCallMetrics';
import { retryAfterMs } from './retryAfter';

/**
 * Name of the policy returned by {@link armRetryPolicy}.
 *
 * @public
 */
export const armRetryPolicyName = 'aksNetworkArmRetryPolicy';

/**
 * Options of {@link armRetryPolicy}.
 *
 * @public
 */
export interface ArmRetryPolicyOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Cap on the time one call may spend from its first attempt to its last retry. */
  maxRetryTimeMs: number;
  /** First backoff delay; doubled per retry and jittered. */
  baseDelayMs: number;
  /** Largest single backoff delay (not applied to Retry-After). Default 30 s. */
  maxDelayMs?: number;
  /** Timeout of each attempt, unless the caller set one on the request. */
  timeoutMs?: number;
  metrics?: ArmCallMetrics;
  logger?: LoggerService;
  /** Injectable wait, so tests see each delay without waiting. */
  sleep?: ArmSleep;
  /** Injectable clock (ms), for the retry-time cap and HTTP-date `Retry-After`. */
  now?: () => number;
  /** Injectable random in [0, 1), for jitter. */
  random?: () => number;
}

// Connection-level failures that say nothing about the request itself: the same request
// may well succeed on a new connection. Name resolution failures (ENOTFOUND) are
// included because DNS hiccups are transient in clusters; TLS and certificate errors are
// not, as retrying cannot fix them.
const RETRYABLE_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'REQUEST_SEND_ERROR',
]);

type Outcome =
  | { retry: false }
  | { retry: true; reason: string; retryAfterMs?: number };

/**
 * Decides whether an attempt may be repeated.
 *
 * - 429: yes, after `Retry-After` (ARM's throttling answer).
 * - 408: yes; the server gave up waiting for the request, so it was not processed.
 * - 5xx: yes, except 501 Not Implemented and 505 HTTP Version Not Supported, which
 *   will never change; a `Retry-After` on a 503 is honoured too.
 * - Any other 4xx: never. It is a verdict on the request (400 InvalidParameter, 404
 *   ResourceNotFound, 409 Conflict …) and repeating it only burns the throttling budget.
 * - Connection resets, refusals and timeouts: yes. An abort by the caller: never.
 */
function classify(
  request: PipelineRequest,
  response: PipelineResponse | undefined,
  error: unknown,
  now: number,
): Outcome {
  if (response) {
    const { status } = response;
    const after = retryAfterMs(response.headers, now);
    if (status === 429) {
      return { retry: true, reason: 'throttled (429)', retryAfterMs: after };
    }
    if (status === 408) {
      return { retry: true, reason: 'request timeout (408)' };
    }
    if (status >= 500 && status !== 501 && status !== 505) {
      return {
        retry: true,
        reason: `server error (${status})`,
        retryAfterMs: after,
      };
    }
    return { retry: false };
  }
  if (request.abortSignal?.aborted) {
    return { retry: false };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    // Not the caller's signal, so it was the per-attempt timeout firing.
    return { retry: true, reason: 'attempt timed out' };
  }
  if (
    isRestError(error) &&
    error.code &&
    RETRYABLE_ERROR_CODES.has(error.code)
  ) {
    return { retry: true, reason: `connection error (${error.code})` };
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && RETRYABLE_ERROR_CODES.has(code)) {
    return { retry: true, reason: `connection error (${code})` };
  }
  return { retry: false };
}

function describeRequest(request: PipelineRequest): string {
  // The path only: a query string may hold a skip token that means nothing in a log.
  try {
    return `${request.method} ${new URL(request.url).pathname}`;
  } catch {
    return request.method;
  }
}

/**
 * The retry policy of every ARM client, in place of the SDK's default one: honours
 * `Retry-After` on 429, backs off exponentially with jitter on 5xx, 408 and connection
 * failures, never repeats any other 4xx, and stops after `maxRetries` retries or when
 * the next wait would pass `maxRetryTimeMs`, surfacing the last response or error.
 * Waiting is cut short by the request's abort signal.
 *
 * @public
 */
export function armRetryPolicy(options: ArmRetryPolicyOptions): PipelinePolicy {
  const {
    maxRetries,
    maxRetryTimeMs,
    baseDelayMs,
    maxDelayMs = 30_000,
    timeoutMs,
    metrics,
    logger,
    sleep = abortableSleep,
    now = Date.now,
    random = Math.random,
  } = options;

  function backoffMs(retry: number): number {
    // "Equal jitter": half the exponential delay is fixed, half random, so callers
    // that failed together do not come back together.
    const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
    return Math.round(exponential / 2 + random() * (exponential / 2));
  }

  return {
    name: armRetryPolicyName,
    async sendRequest(request, next) {
      metrics?.recordCall();
      if (timeoutMs !== undefined && !request.timeout) {
        request.timeout = timeoutMs;
      }
      const started = now();
      for (let retry = 0; ; retry++) {
        let response: PipelineResponse | undefined;
        let error: unknown;
        metrics?.recordRequest();
        try {
          response = await next(request);
          metrics?.recordResponse(response.status);
        } catch (caught) {
          error = caught;
          metrics?.recordNetworkError();
        }

        const outcome = classify(request, response, error, now());
        const surface = (): PipelineResponse => {
          if (response === undefined || response.status >= 400) {
            metrics?.recordFailedCall();
          }
          if (response === undefined) {
            throw error;
          }
          return response;
        };
        if (!outcome.retry) {
          return surface();
        }
        if (retry >= maxRetries) {
          logger?.warn(
            `Azure Resource Manager ${describeRequest(request)}: ${
              outcome.reason
            }; ` + `giving up after ${retry} retries`,
          );
          return surface();
        }
        const fromRetryAfter = outcome.retryAfterMs !== undefined;
        const delayMs = outcome.retryAfterMs ?? backoffMs(retry);
        const elapsed = now() - started;
        if (elapsed + delayMs > maxRetryTimeMs) {
          logger?.warn(
            `Azure Resource Manager ${describeRequest(request)}: ${
              outcome.reason
            }; ` +
              `waiting ${delayMs} ms more would pass the retry time cap of ` +
              `${maxRetryTimeMs} ms (${elapsed} ms spent), giving up`,
          );
          return surface();
        }
        metrics?.recordRetry({ delayMs, fromRetryAfter });
        const source = fromRetryAfter ? ' (Retry-After)' : '';
        logger?.debug(
          `Azure Resource Manager ${describeRequest(request)}: ${
            outcome.reason
          }; ` +
            `retry ${retry + 1} of ${maxRetries} in ${delayMs} ms${source}`,
        );
        await sleep(delayMs, request.abortSignal);
      }
    },
  };
}
