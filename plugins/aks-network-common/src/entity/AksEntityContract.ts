/**
 * `spec.type` of the `Resource` entities the catalog module makes of clusters (docs/domain.md#entity-contract,
 * Contracts: "kind: Resource, spec.type: kubernetes-cluster").
 *
 * @public
 */
export const AKS_CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';

/**
 * Annotation keys of the entity contract (docs/domain.md#entity-contract), shared by the
 * catalog module that writes them, the backend that follows them and the frontend that
 * reads them.
 *
 * @public
 */
export const AKS_ANNOTATIONS = {
  /** The ARM id, the convention of the community Azure resources provider. */
  resourceId: 'management.azure.com/resourceId',
  /** One of `NETWORK_MODELS`. */
  networkModel: 'aks.azure.com/network-model',
  /** `azure` or `cilium`; absent for kubenet and a BYO CNI, which have none. */
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
  /**
   * What the last inventory read could not read of the cluster's network (VNet, subnet,
   * IP use, NSG, flow logs), one part a line with why and when it was last read: the
   * checks resting on those parts are unknown. Absent when everything was read.
   */
  networkUnread: 'aks.azure.com/network-unread',
  /**
   * On a component not linked through `spec.dependsOn` (docs/domain.md#entity-contract: "or by an
   * annotation"): a comma-separated list of cluster ARM ids or cluster entity refs.
   */
  clusters: 'aks.azure.com/clusters',
} as const;
