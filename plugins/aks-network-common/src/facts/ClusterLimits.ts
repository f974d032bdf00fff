/**
 * Largest AKS cluster, in nodes (docs/domain.md#max-nodes: "Max 5,000 nodes"): 5,000 across all node
 * pools with Virtual Machine Scale Sets and the Standard load balancer
 * (https://learn.microsoft.com/azure/aks/quotas-skus-regions#service-quotas-and-limits).
 *
 * @public
 */
export const MAX_NODES_PER_CLUSTER = 5000;

/**
 * Largest node pool, in nodes: 1,000 per Virtual Machine Scale Sets node pool
 * (https://learn.microsoft.com/azure/aks/quotas-skus-regions#service-quotas-and-limits).
 *
 * @public
 */
export const MAX_NODES_PER_NODE_POOL = 1000;

/**
 * Largest kubenet cluster, in nodes: kubenet routes pod traffic through a route table
 * with one route per node, and an Azure route table holds at most 400 routes
 * (https://learn.microsoft.com/azure/aks/configure-kubenet).
 *
 * @public
 */
export const MAX_NODES_PER_KUBENET_CLUSTER = 400;

/**
 * Longest Linux node pool name: 12 characters, lowercase letters and digits, starting
 * with a letter (https://learn.microsoft.com/azure/aks/create-node-pools#limitations).
 *
 * @public
 */
export const MAX_LINUX_NODE_POOL_NAME_LENGTH = 12;

/**
 * Longest Windows node pool name: 6 characters, with the same characters as a Linux
 * pool's (https://learn.microsoft.com/azure/aks/create-node-pools#limitations).
 *
 * @public
 */
export const MAX_WINDOWS_NODE_POOL_NAME_LENGTH = 6;

/** Lowest `maxPods` a pool may set (docs/domain.md#max-pods: "maxPods range 10–250"). @public */
export const MIN_MAX_PODS = 10;

/** Highest `maxPods` a pool may set (docs/domain.md#max-pods: "250 pods per node"). @public */
export const MAX_MAX_PODS = 250;

/**
 * Pods every pool must still hold when it sets `maxPods` below 30 (docs/domain.md#max-pods: "10 only if
 * every pool still holds 30 pods"). This plugin reads it as: a pool with
 * `maxPods < 30` needs `count × maxPods ≥ 30`.
 *
 * @public
 */
export const MIN_PODS_PER_POOL = 30;

/**
 * Each overlay (and kubenet) node takes a fixed /24 of the pod CIDR (docs/domain.md#pod-cidr-capacity: "a pod
 * CIDR of prefix p holds 2^(24-p) nodes").
 *
 * @public
 */
export const POD_CIDR_PREFIX_PER_NODE = 24;

/**
 * Longest Azure name this plugin accepts for a cluster, subnet, VNet or resource group
 * (docs/domain.md#names: "Names (cluster, subnet, VNet, resource group) ≤ 63 characters").
 *
 * @public
 */
export const MAX_NAME_LENGTH = 63;

/**
 * Azure's own longest names, for reading the ids of resources that exist (a cluster in
 * a resource group of 80 characters is still a cluster): managed clusters 63, resource
 * groups 90, VNets 64, subnets 80
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
 * What this plugin creates keeps to {@link MAX_NAME_LENGTH}.
 *
 * @public
 */
export const AZURE_NAME_MAX_LENGTHS = {
  cluster: 63,
  resourceGroup: 90,
  vnet: 64,
  subnet: 80,
} as const;

/**
 * The service CIDR must be smaller than a /12, i.e. its prefix must be greater than 12
 * (docs/domain.md#service-cidr-size: "Service CIDR smaller than /12").
 *
 * @public
 */
export const SERVICE_CIDR_PREFIX_LIMIT = 12;

/**
 * The longest (i.e. largest) IPv6 service CIDR: /108 or smaller (docs/domain.md#dual-stack: "IPv6 service
 * CIDR /108 or smaller").
 *
 * @public
 */
export const MIN_IPV6_SERVICE_CIDR_PREFIX = 108;
