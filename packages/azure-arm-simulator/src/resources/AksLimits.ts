/**
 * The limits AKS puts on a managed cluster PUT, as the simulator states them, each
 * with the public page it comes from. They are written here, not imported from the
 * plugin, so that the simulator is an independent check of the plugin's rules.
 */

/** `maxPods` of a pool: 10 to 250 (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning). */
export const AKS_MIN_MAX_PODS = 10;
export const AKS_MAX_MAX_PODS = 250;

/**
 * Nodes: at most 1,000 in one Virtual Machine Scale Sets pool and 5,000 in a cluster
 * across its pools (https://learn.microsoft.com/azure/aks/quotas-skus-regions#service-quotas-and-limits),
 * and at most 400 in a kubenet cluster, whose route table holds one route per node and
 * at most 400 routes (https://learn.microsoft.com/azure/aks/configure-kubenet).
 */
export const AKS_MAX_NODES_PER_POOL = 1000;
export const AKS_MAX_NODES_PER_CLUSTER = 5000;
export const AKS_MAX_NODES_PER_KUBENET_CLUSTER = 400;

/**
 * Agent pool names: lowercase letters and digits, starting with a letter, 1–12
 * characters for Linux pools and 1–6 for Windows pools
 * (https://learn.microsoft.com/azure/aks/create-node-pools#limitations).
 */
export const AKS_AGENT_POOL_NAME = /^[a-z][a-z0-9]*$/;
export const AKS_MAX_AGENT_POOL_NAME_LENGTH = { Linux: 12, Windows: 6 };

/**
 * The IPv4 service CIDR must be smaller than a /12
 * (https://learn.microsoft.com/azure/aks/configure-kubenet);
 * an IPv6 service CIDR may be at most a /108, the largest range Kubernetes' service IP
 * allocator takes (https://kubernetes.io/docs/concepts/services-networking/cluster-ip-allocation/).
 */
export const AKS_SERVICE_CIDR_PREFIX_LIMIT = 12;
export const AKS_MIN_IPV6_SERVICE_CIDR_PREFIX = 108;

/**
 * Ranges AKS keeps for itself, which pod, service and VNet ranges must not touch
 * (https://learn.microsoft.com/azure/aks/configure-azure-cni#deployment-parameters
 * and https://learn.microsoft.com/azure/aks/azure-cni-overlay: 169.254.0.0/16,
 * 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24).
 */
export const AKS_RESERVED_RANGES = [
  '169.254.0.0/16',
  '172.30.0.0/16',
  '172.31.0.0/16',
  '192.0.2.0/24',
];

/**
 * Private space a pod CIDR comes from: RFC 1918 (10/8, 172.16/12, 192.168/16) or the
 * RFC 6598 shared space 100.64/10 (https://learn.microsoft.com/azure/aks/azure-cni-overlay).
 */
export const AKS_POD_CIDR_PRIVATE_RANGES = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
];

/**
 * Dual-stack (`ipFamilies` `['IPv4', 'IPv6']`) needs Kubernetes 1.26.3 or later
 * (https://learn.microsoft.com/azure/aks/configure-dual-stack).
 */
export const AKS_DUAL_STACK_MIN_VERSION = { major: 1, minor: 26, patch: 3 };

/**
 * The in-place flat → overlay update needs Kubernetes 1.27 or later
 * (https://learn.microsoft.com/azure/aks/azure-cni-overlay).
 */
export const AKS_OVERLAY_MIGRATION_MIN_VERSION = {
  major: 1,
  minor: 27,
  patch: 0,
};

/**
 * Longest name the simulator accepts for a cluster, resource group, VNet or subnet: 63,
 * Azure's limit for managed clusters
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftcontainerservice).
 * ARM alone allows VNets 64, subnets 80 and resource groups 90 characters, but AKS
 * needs the subnet, VNet and resource group of a cluster's own subnet to be 63 or
 * fewer, as it writes them into node labels
 * (https://learn.microsoft.com/azure/aks/azure-cni-overlay); the simulator applies
 * that to every VNet, subnet and resource group.
 */
export const MAX_NAME_LENGTH = 63;
