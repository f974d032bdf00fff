import type {
  Pipeline,
  PipelinePolicy,
  PipelineResponse,
} from '@azure/core-rest-pipeline';

/**
 * ARM's error object (`{ "error": { "code", "message", "target" } }`), as found in a
 * refused request's body or a failed async operation's status body.
 */
export interface ArmErrorBody {
  code: string;
  message: string;
  target?: string;
}

/** Name of the pipeline policy {@link armErrorCaptureFor} installs. */
export const armErrorCapturePolicyName = 'aksNetworkArmErrorCapture';

// Enough for every operation in flight on one client; older entries are dropped so a
// long-lived client does not grow without bound.
const MAX_REMEMBERED = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a response came from, without the query (`api-version` differs between polls). */
export function armUrlKey(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`.toLowerCase().replace(/\/+$/, '');
  } catch {
    return url.toLowerCase();
  }
}

function armErrorOf(response: PipelineResponse): ArmErrorBody | undefined {
  if (!response.bodyAsText) {
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(response.bodyAsText);
  } catch {
    return undefined;
  }
  if (!isRecord(body)) {
    return undefined;
  }
  const failedOperation =
    typeof body.status === 'string' &&
    ['failed', 'canceled'].includes(body.status.toLowerCase());
  if (response.status < 400 && !failedOperation) {
    return undefined;
  }
  const error = isRecord(body.error) ? body.error : undefined;
  if (!error || typeof error.code !== 'string') {
    return undefined;
  }
  return {
    code: error.code,
    message: typeof error.message === 'string' ? error.message : error.code,
    ...(typeof error.target === 'string' ? { target: error.target } : {}),
  };
}

/**
 * Remembers ARM error bodies seen on one SDK client's pipeline.
 *
 * Why: the SDK loses part of ARM's error on the way to the caller. A refused PUT becomes
 * a `RestError` with `code` and `message` but without `target`; a failed long-running
 * operation becomes a plain `Error` whose message is "The long-running operation has
 * failed. <code>. <message>" (core-lro 3), with no fields at all. The provisioner
 * promises ARM's code, message and target in a typed error, so it reads them from the
 * raw response that this policy saw.
 */
export class ArmErrorCapture {
  private readonly errors = new Map<string, ArmErrorBody>();

  readonly policy: PipelinePolicy = {
    name: armErrorCapturePolicyName,
    sendRequest: async (request, next) => {
      const response = await next(request);
      const error = armErrorOf(response);
      if (error) {
        const key = armUrlKey(request.url);
        this.errors.delete(key);
        this.errors.set(key, error);
        if (this.errors.size > MAX_REMEMBERED) {
          const oldest = this.errors.keys().next().value;
          if (oldest !== undefined) {
            this.errors.delete(oldest);
          }
        }
      }
      return response;
    },
  };

  /** The last ARM error seen for `url`, forgotten once taken. */
  take(url: string | undefined): ArmErrorBody | undefined {
    if (!url) {
      return undefined;
    }
    const key = armUrlKey(url);
    const error = this.errors.get(key);
    this.errors.delete(key);
    return error;
  }
}

const captures = new WeakMap<Pipeline, ArmErrorCapture>();

/**
 * The capture installed on `pipeline`, installing it on first use. It is added outside
 * the retry policies (no phase), so it sees the final response of a retried request.
 */
export function armErrorCaptureFor(pipeline: Pipeline): ArmErrorCapture {
  let capture = captures.get(pipeline);
  if (!capture) {
    capture = new ArmErrorCapture();
    pipeline.addPolicy(capture.policy);
    captures.set(pipeline, capture);
  }
  return capture;
}
