import {
  AzureOperationError,
  AzureOperationTimeoutError,
} from '@aks-network/plugin-aks-network-node';
import { errorMessage } from '@aks-network/plugin-aks-network-common';
import { CustomErrorBase, ResponseError } from '@backstage/errors';

/**
 * The steps of `aks-network:cluster:create`, named in its errors and logs.
 *
 * @public
 */
export type ClusterCreationStep =
  | 'reserve-node-subnet'
  | 'create-node-subnet'
  | 'create-cluster'
  | 'commit-node-subnet';

/**
 * What a failed step leaves behind, each entry an ARM id with a word on it.
 *
 * @public
 */
export interface ClusterCreationOutcome {
  /** What this task had made and deleted again after the failure. */
  removed?: string[];
  /** What exists in Azure after the failure, and why it stays. */
  left?: string[];
  /** What became of the node subnet's reservation, as a sentence. */
  reservation?: string;
}

/**
 * A step of the cluster creation failed. The message names the step, carries ARM's code
 * and message when Azure refused, says what the task removed again, and lists what is
 * left in Azure by ARM id (a subnet or cluster that existed before the task is never
 * deleted).
 *
 * @public
 */
export class ClusterCreationError extends CustomErrorBase {
  name = 'ClusterCreationError' as const;
  readonly step: ClusterCreationStep;
  /** ARM's error code (`NetworkProfileCIDROverlapVNET`, …) when Azure answered one. */
  readonly code?: string;
  /** What exists in Azure after the failure, as ARM ids with a word on each. */
  readonly existing: string[];
  /** What the task made and deleted again after the failure. */
  readonly removed: string[];

  constructor(
    step: ClusterCreationStep,
    cause: unknown,
    outcome: string[] | ClusterCreationOutcome,
  ) {
    const { code, message } = describeCause(cause);
    const {
      removed = [],
      left = [],
      reservation,
    } = Array.isArray(outcome) ? { left: outcome } : outcome;
    const sentences = [
      `Step ${step} failed: ${code ? `${code}: ` : ''}${message.replace(
        /\.+$/,
        '',
      )}.`,
    ];
    if (removed.length > 0) {
      sentences.push(`Removed what this task had made: ${removed.join('; ')}.`);
    }
    if (left.length > 0) {
      sentences.push(`Left in Azure, not deleted: ${left.join('; ')}.`);
    } else {
      sentences.push(
        removed.length > 0
          ? 'Nothing of this task is left in Azure.'
          : 'Nothing was created in Azure.',
      );
    }
    if (reservation) {
      sentences.push(`${reservation}.`);
    }
    super(sentences.join(' '));
    this.step = step;
    this.code = code;
    this.existing = left;
    this.removed = removed;
  }
}

/** ARM's code and message of a failure, or the message of any other error. */
export function describeCause(cause: unknown): {
  code?: string;
  message: string;
} {
  if (cause instanceof AzureOperationError) {
    return {
      code: cause.code,
      message: `${cause.message}${
        cause.target ? ` (target ${cause.target})` : ''
      }`,
    };
  }
  if (cause instanceof AzureOperationTimeoutError) {
    return {
      code: 'OperationTimedOut',
      message: `${cause.message}; Azure may still finish it`,
    };
  }
  if (cause instanceof ResponseError) {
    return {
      code: cause.body.error.name,
      message: `aks-network backend answered ${cause.response.status}: ${cause.body.error.message}`,
    };
  }
  return { message: errorMessage(cause) };
}
