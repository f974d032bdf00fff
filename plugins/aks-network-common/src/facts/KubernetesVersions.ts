/**
 * A Kubernetes version as AKS spells it: `1.26.3`, or `1.26` for the newest patch of
 * that minor version.
 *
 * @public
 */
export interface KubernetesVersionFloor {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/**
 * Dual-stack (`ipFamilies: ['IPv4', 'IPv6']`) needs Kubernetes 1.26.3 or later
 * (https://learn.microsoft.com/azure/aks/configure-dual-stack, and the dual-stack
 * section of https://learn.microsoft.com/azure/aks/azure-cni-overlay).
 *
 * @public
 */
export const DUAL_STACK_MIN_KUBERNETES_VERSION: KubernetesVersionFloor = {
  major: 1,
  minor: 26,
  patch: 3,
};
