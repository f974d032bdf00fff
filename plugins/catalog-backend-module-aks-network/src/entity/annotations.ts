// The entity contract's own keys live in common, where the backend and the frontend
// read them too.
export { AKS_ANNOTATIONS } from '@aks-network/plugin-aks-network-common';

/**
 * The annotations the Kubernetes plugin's catalog cluster locator reads
 * (`ANNOTATION_KUBERNETES_*` of `@backstage/plugin-kubernetes-common`). Copied rather
 * than imported because this module does not depend on the Kubernetes plugin; the
 * values are part of that plugin's public contract. The locator only picks up entities
 * that have all of api-server, api-server-certificate-authority and auth-provider.
 *
 * @public
 */
export const KUBERNETES_ANNOTATIONS = {
  apiServer: 'kubernetes.io/api-server',
  apiServerCertificateAuthority:
    'kubernetes.io/api-server-certificate-authority',
  authProvider: 'kubernetes.io/auth-provider',
  skipMetricsLookup: 'kubernetes.io/skip-metrics-lookup',
  dashboardApp: 'kubernetes.io/dashboard-app',
  dashboardParameters: 'kubernetes.io/dashboard-parameters',
} as const;
