import type { CredentialResults } from '@azure/arm-containerservice';
import { parse } from 'yaml';

/**
 * Why a cluster-user credential gave no API server CA. The message never quotes the
 * kubeconfig: a local-account kubeconfig holds a client key and a token.
 */
export class KubeconfigCertificateAuthorityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigCertificateAuthorityError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The API server CA in a `managedClusters.listClusterUserCredentials` answer: the
 * `certificate-authority-data` (base64 of a PEM) of the first cluster of the
 * `clusterUser` kubeconfig, as the Kubernetes plugin's
 * `kubernetes.io/api-server-certificate-authority` annotation takes it. Nothing else
 * of the kubeconfig is kept. Throws {@link KubeconfigCertificateAuthorityError} when
 * the answer holds no usable CA.
 */
export function kubeconfigCertificateAuthority(
  credentials: CredentialResults,
): string {
  const kubeconfigs = credentials.kubeconfigs ?? [];
  const entry =
    kubeconfigs.find(kubeconfig => kubeconfig.name === 'clusterUser') ??
    kubeconfigs[0];
  if (!entry?.value || entry.value.length === 0) {
    throw new KubeconfigCertificateAuthorityError(
      'the cluster user credential holds no kubeconfig',
    );
  }
  let document: unknown;
  try {
    document = parse(Buffer.from(entry.value).toString('utf8'));
  } catch {
    // The parser's message quotes the offending lines, which may hold a secret.
    throw new KubeconfigCertificateAuthorityError(
      'the cluster user kubeconfig is not valid YAML',
    );
  }
  const clusters =
    isObject(document) && Array.isArray(document.clusters)
      ? document.clusters
      : [];
  const data = clusters
    .map(item => (isObject(item) && isObject(item.cluster) ? item.cluster : {}))
    .map(cluster => cluster['certificate-authority-data'])
    .find((value): value is string => typeof value === 'string');
  const ca = data?.replace(/\s+/g, '');
  if (!ca) {
    throw new KubeconfigCertificateAuthorityError(
      'the cluster user kubeconfig names no certificate-authority-data',
    );
  }
  if (
    !BASE64.test(ca) ||
    !Buffer.from(ca, 'base64')
      .toString('utf8')
      .includes('-----BEGIN CERTIFICATE-----')
  ) {
    throw new KubeconfigCertificateAuthorityError(
      'the certificate-authority-data of the cluster user kubeconfig is not a base64 PEM certificate',
    );
  }
  return ca;
}
