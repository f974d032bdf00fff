/**
 * Annotation keys of the entity contract (DESIGN "Contracts: entities").
 *
 * @public
 */
export const AKS_ANNOTATIONS = {
  /** The ARM id, the convention of the community Azure resources provider. */
  resourceId: 'management.azure.com/resourceId',
  /** One of `NETWORK_MODELS` from aks-network-common. */
  networkModel: 'aks.azure.com/network-model',
  /** `azure` or `cilium`. */
  networkDataplane: 'aks.azure.com/network-dataplane',
  /** Why the network model could not be told, when it could not. */
  networkModelUnknown: 'aks.azure.com/network-model-unknown',
  subscriptionId: 'aks.azure.com/subscription-id',
  resourceGroup: 'aks.azure.com/resource-group',
  region: 'aks.azure.com/region',
  /**
   * Why a tag could not be used (an owner, system or component value that is not an
   * entity reference), so the fallback is visible on the entity page, not only in logs.
   */
  tagProblems: 'aks.azure.com/tag-problems',
} as const;

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
