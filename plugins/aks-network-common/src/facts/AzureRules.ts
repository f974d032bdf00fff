/**
 * Azure rules this plugin enforces beyond the domain facts, each with its public source
 * (docs/domain.md#azure-rules). Kept apart from `DOMAIN_FACTS` so a finding never claims a domain fact says something it does not.
 *
 * @public
 */
export const AZURE_RULES = {
  serviceCidrNoOverlap:
    'Azure rule (https://learn.microsoft.com/azure/aks/configure-azure-cni#deployment-parameters): the service CIDR must not overlap the VNet, the node subnet or peered ranges; AKS refuses it (ServiceCidrOverlapExistingSubnetsCidr).',
  nodeSubnetInVnet:
    "Azure rule (https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet): a subnet lies inside its VNet's address space.",
  nameCharacters:
    'Azure naming rules (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules): cluster — letters, digits, - and _, starting and ending with a letter or digit; VNet (2+ characters) and subnet — letters, digits, _, - and ., starting with a letter or digit and ending with a letter, digit or _; resource group — letters, digits, _, -, . and parentheses, not ending with a period.',
  systemPool:
    'Azure rule (https://learn.microsoft.com/azure/aks/use-system-pools): a cluster needs at least one System node pool with a node.',
  ciliumDataplane:
    'Azure rule (https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium): the cilium dataplane runs with network plugin azure (overlay or pod subnet), not with kubenet or a BYO CNI.',
  dnsServiceIpKubernetesService:
    "Azure rule (https://learn.microsoft.com/azure/aks/configure-azure-cni#deployment-parameters): the DNS service IP is not the service CIDR's first usable address (10.0.0.1 in 10.0.0.0/16), which Kubernetes gives to the kubernetes service.",
  ipFamilies:
    'Azure rule (https://learn.microsoft.com/azure/aks/configure-dual-stack): networkProfile.ipFamilies is [IPv4] or, for dual-stack, [IPv4, IPv6], IPv4 first; IPv6 alone is not supported.',
  dualStackKubernetesVersion:
    'Azure rule (https://learn.microsoft.com/azure/aks/configure-dual-stack): a dual-stack cluster needs Kubernetes 1.26.3 or later.',
  nodePoolName:
    'Azure rule (https://learn.microsoft.com/azure/aks/create-node-pools#limitations): a node pool name has lowercase letters and digits only, starts with a letter, and is 1–12 characters long for Linux pools, 1–6 for Windows pools.',
  nodesPerPool:
    'Azure limit (https://learn.microsoft.com/azure/aks/quotas-skus-regions#service-quotas-and-limits): at most 1,000 nodes in one node pool.',
  kubenetNodes:
    'Azure limit (https://learn.microsoft.com/azure/aks/configure-kubenet): a kubenet cluster has at most 400 nodes, one route per node in a route table of at most 400 routes.',
} as const;
