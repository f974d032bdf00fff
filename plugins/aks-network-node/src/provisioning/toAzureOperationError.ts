import { errorMessage } from '@aks-network/plugin-aks-network-common';
import type { OperationState, PollerLike } from '@azure/core-lro';
import { isRestError } from '@azure/core-rest-pipeline';
import { ArmErrorCapture } from './armErrorCapture';
import {
  AzureOperationError,
  AzureProvisioningStep,
} from './AzureOperationError';

// core-lro 3 reports a failed operation only as this text (operation.js,
// processOperationStatus): "The long-running operation has failed. <code>. <message>".
const LRO_FAILURE =
  /^The long-running operation has failed\. ([^.\s]+)\. ([\s\S]*)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The operation status URL (`Azure-AsyncOperation`) from the poller's public state. */
async function operationLocationOf<T>(
  poller: PollerLike<OperationState<T>, T> | undefined,
): Promise<string | undefined> {
  if (!poller) {
    return undefined;
  }
  try {
    const serialized: unknown = JSON.parse(await poller.serialize());
    const state = isRecord(serialized) ? serialized.state : undefined;
    const config = isRecord(state) ? state.config : undefined;
    const location = isRecord(config) ? config.operationLocation : undefined;
    return typeof location === 'string' ? location : undefined;
  } catch {
    // The initial request failed, so there is no operation to point at.
    return undefined;
  }
}

/**
 * Turns what an SDK write threw into an {@link AzureOperationError} with ARM's code,
 * message and target: from the raw error body the capture saw when there is one, else
 * from the `RestError` (refused request) or core-lro's failure text (failed
 * operation).
 */
export async function toAzureOperationError<T>(
  error: unknown,
  context: {
    step: AzureProvisioningStep;
    resourceId: string;
    capture?: ArmErrorCapture;
    poller?: PollerLike<OperationState<T>, T>;
  },
): Promise<AzureOperationError> {
  const { step, resourceId, capture } = context;
  if (isRestError(error)) {
    const captured = capture?.take(error.request?.url);
    return new AzureOperationError({
      code:
        captured?.code ??
        error.code ??
        `HttpStatus${error.statusCode ?? 'Unknown'}`,
      message: captured?.message ?? error.message,
      target: captured?.target,
      resourceId,
      step,
      statusCode: error.statusCode,
    });
  }
  const captured = capture?.take(await operationLocationOf(context.poller));
  if (captured) {
    return new AzureOperationError({ ...captured, resourceId, step });
  }
  const text = errorMessage(error);
  const parsed = LRO_FAILURE.exec(text);
  return new AzureOperationError({
    code: parsed?.[1] ?? 'OperationFailed',
    message: parsed?.[2] ?? text,
    resourceId,
    step,
  });
}
