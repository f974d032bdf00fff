import {
  type ClusterNetworkPart,
  errorMessage,
} from '@aks-network/plugin-aks-network-common';
import { isRestError } from '@azure/core-rest-pipeline';
import { InventoryCallKind } from './InventoryCallCounts';

/**
 * A read that failed during an inventory pass. It names what was being read and which
 * clusters' records lack the data because of it.
 *
 * @public
 */
export interface InventoryReadError {
  /** The operation that failed. */
  kind: InventoryCallKind;
  /**
   * ARM id of what was being read: the subscription for the cluster list, a cluster for
   * its agent pools or API server CA, a VNet, an NSG or a network watcher.
   */
  resourceId: string;
  /**
   * Clusters whose records are partial because of this failure: none for the cluster
   * list, nor for an API server CA read, whose cluster is `resourceId` and whose record
   * lacks only the CA.
   */
  clusterIds: string[];
  /**
   * The part of the clusters' network left unread, where `kind` alone does not say it
   * (a Resource Graph query answers several parts); otherwise the part of `kind`.
   */
  part?: ClusterNetworkPart;
  /** ARM's error code (`ResourceNotFound`, `AuthorizationFailed`, …), when ARM sent one. */
  code?: string;
  /** The HTTP status, when there was a response. */
  statusCode?: number;
  /**
   * ARM's message, or the transport error's, or why a kubeconfig held no CA. Never
   * includes request headers or kubeconfig content.
   */
  message: string;
}

/**
 * ARM's code, status and message from whatever an SDK call threw. Only these fields
 * are copied: a `RestError` also holds the request, whose headers must not reach logs.
 */
export function describeArmFailure(
  error: unknown,
): Pick<InventoryReadError, 'code' | 'statusCode' | 'message'> {
  if (isRestError(error)) {
    return {
      ...(error.code ? { code: error.code } : {}),
      ...(error.statusCode !== undefined
        ? { statusCode: error.statusCode }
        : {}),
      message: error.message,
    };
  }
  return { message: errorMessage(error) };
}
