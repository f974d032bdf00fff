import {
  AzureOperationError,
  AzureOperationTimeoutError,
} from '@aks-network/plugin-aks-network-node';
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
 * A step of the cluster creation failed. The message names the step, carries ARM's code
 * and message when Azure refused, and lists what already exists in Azure (nothing is
 * deleted behind the user's back).
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

  constructor(step: ClusterCreationStep, cause: unknown, existing: string[]) {
    const { code, message } = describeCause(cause);
    super(
      `Step ${step} failed: ${code ? `${code}: ` : ''}${message}. ${
        existing.length > 0
          ? `Left in Azure, not deleted: ${existing.join('; ')}.`
          : 'Nothing was created in Azure.'
      }`,
    );
    this.step = step;
    this.code = code;
    this.existing = existing;
  }
}

function describeCause(cause: unknown): { code?: string; message: string } {
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
  return { message: cause instanceof Error ? cause.message : String(cause) };
}
