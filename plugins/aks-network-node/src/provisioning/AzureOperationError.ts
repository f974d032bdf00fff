import { CustomErrorBase } from '@backstage/errors';

/**
 * The operations of `AzureProvisioner`, named in its errors and progress.
 *
 * @public
 */
export type AzureProvisioningStep =
  | 'createSubnet'
  | 'createCluster'
  | 'getSubnet'
  | 'getCluster'
  | 'deleteSubnet'
  | 'deleteCluster'
  | 'waitForCluster';

/**
 * An Azure write that ARM refused or that failed while running, with ARM's error code
 * and message (`NetworkProfileCIDROverlapVNET`, "NetworkProfile CIDR 10.240.100.0/24
 * overlaps with reserved VNET CIDR 10.240.0.0/16"). `message` is ARM's message as is,
 * so a scaffolder log or an API error shows what Azure said.
 *
 * It deliberately carries no SDK `RestError` as `cause`: that object holds the HTTP
 * request, whose headers include the bearer token.
 *
 * @public
 */
export class AzureOperationError extends CustomErrorBase {
  name = 'AzureOperationError' as const;

  /** ARM's error code, e.g. `NetworkProfileCIDROverlapVNET`, `InvalidParameter`. */
  readonly code: string;
  /** The field ARM blamed, e.g. `networkProfile.podCIDR`, when it named one. */
  readonly target?: string;
  /** ARM id of the resource being written. */
  readonly resourceId: string;
  readonly step: AzureProvisioningStep;
  /** HTTP status of the refused request; absent when the operation failed later. */
  readonly statusCode?: number;

  constructor(details: {
    code: string;
    message: string;
    target?: string;
    resourceId: string;
    step: AzureProvisioningStep;
    statusCode?: number;
  }) {
    super(details.message);
    this.code = details.code;
    this.target = details.target;
    this.resourceId = details.resourceId;
    this.step = details.step;
    this.statusCode = details.statusCode;
  }
}

/**
 * An Azure write that did not finish within the caller's time limit. Azure may still
 * be working on it: whoever retries must first look the resource up (see
 * `AzureProvisioner.getCluster` / `getSubnet`) instead of writing it again blindly.
 *
 * @public
 */
export class AzureOperationTimeoutError extends CustomErrorBase {
  name = 'AzureOperationTimeoutError' as const;

  readonly resourceId: string;
  readonly step: AzureProvisioningStep;
  readonly timeoutMs: number;
  /** The operation's last known state (`running`, …). */
  readonly lastState: string;

  constructor(details: {
    resourceId: string;
    step: AzureProvisioningStep;
    timeoutMs: number;
    lastState: string;
  }) {
    super(
      `${details.step} did not finish within ${Math.round(
        details.timeoutMs / 1000,
      )} s (last state: ${
        details.lastState
      }). The operation may still be running in Azure; check ${
        details.resourceId
      } before retrying.`,
    );
    this.resourceId = details.resourceId;
    this.step = details.step;
    this.timeoutMs = details.timeoutMs;
    this.lastState = details.lastState;
  }
}
