import type { ContainerServiceClient } from '@azure/arm-containerservice';
import {
  kubeconfigCertificateAuthority,
  KubeconfigCertificateAuthorityError,
} from '../mapping/kubeconfigCertificateAuthority';
import { InventoryCallCounts } from './InventoryCallCounts';
import { describeArmFailure, InventoryReadError } from './InventoryReadError';

/** What one cluster's CA read shares with the rest of the subscription read. */
export interface CertificateAuthorityReadContext {
  containerService: ContainerServiceClient;
  signal?: AbortSignal;
  calls: InventoryCallCounts;
  errors: InventoryReadError[];
}

/**
 * The API server CA of one cluster, from its cluster-user kubeconfig, or undefined
 * when the call or the kubeconfig failed. A failure is recorded in `errors` without
 * cluster ids: the record is whole without the CA (an opt-in extra, refused outright
 * when the identity lacks the Azure Kubernetes Service Cluster User Role), so it must
 * not count as partial inventory. The kubeconfig may hold a token or client key; only
 * the CA leaves this function, and no error quotes the kubeconfig.
 */
export async function readApiServerCertificateAuthority(
  context: CertificateAuthorityReadContext,
  cluster: { id: string; resourceGroup: string; name: string },
): Promise<string | undefined> {
  const { containerService, signal, calls, errors } = context;
  const kind = 'managedClusters.listClusterUserCredentials';
  calls[kind] += 1;
  try {
    const credentials =
      await containerService.managedClusters.listClusterUserCredentials(
        cluster.resourceGroup,
        cluster.name,
        { abortSignal: signal },
      );
    return kubeconfigCertificateAuthority(credentials);
  } catch (error) {
    signal?.throwIfAborted();
    errors.push({
      kind,
      resourceId: cluster.id,
      clusterIds: [],
      ...(error instanceof KubeconfigCertificateAuthorityError
        ? { message: error.message }
        : describeArmFailure(error)),
    });
    return undefined;
  }
}
