/**
 * The wording of each domain fact, quoted so that a finding can say which fact it rests
 * on. docs/domain.md lists the same facts with their public sources: change a fact
 * here and there together.
 *
 * @public
 */
export const DOMAIN_FACTS = {
  azureReservedPerSubnet:
    'Azure reserves 5 IPs in every subnet (first four, last): a /27 has 27 usable, a /24 251.',
  overlayNodeIps:
    'Overlay: each node takes one node-subnet IP and a fixed /24 of the pod CIDR, so a pod CIDR of prefix p holds 2^(24-p) nodes (/16 → 256).',
  maxNodes: 'Max 5,000 nodes per cluster.',
  maxPods:
    'maxPods range 10–250 (10 only if every pool still holds 30 pods), 250 pods per node at most.',
  defaults:
    'Default pod CIDR 10.244.0.0/16, service CIDR 10.0.0.0/16, DNS IP 10.0.0.10.',
  flatNodeSubnet:
    'Flat Azure CNI (node subnet): the subnet needs (n + surge) + (n + surge) × maxPods IPs (50 nodes, surge 1, maxPods 30 → 1,581 → /21). Upgrades need n + maxSurge nodes.',
  podCidrPrivate: 'Pod CIDR: RFC 1918 or RFC 6598 space.',
  podCidrNoOverlap:
    'Pod CIDR must not overlap the node subnet, the VNet, peered/on-prem ranges, or the service CIDR.',
  reservedRanges:
    'Pod, service and VNet ranges must not touch 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24.',
  serviceCidrSize: 'Service CIDR smaller than /12.',
  dnsServiceIp: 'DNS IP inside the service CIDR and not its first address.',
  dualStack: 'Dual-stack: IPv4 + IPv6, IPv6 service CIDR /108 or smaller.',
  names: 'Names (cluster, subnet, VNet, resource group) ≤ 63 characters.',
  armNetworkModel:
    'ARM: networkPlugin azure + networkPluginMode overlay = overlay; azure without mode = flat (with agentPoolProfiles[].podSubnetID = pod subnet, dynamic); kubenet; none = bring your own CNI; networkDataplane cilium = Azure CNI powered by Cilium.',
  kubenetRetirement: 'kubenet retires 2028-03-31.',
  acns: 'Pod-to-pod traffic on the same node is invisible unless ACNS observability is on (networkProfile.advancedNetworking.{enabled, observability.enabled}); the platform team costs ACNS at $0.025 per node per hour.',
  containerNetworkLogs:
    'Stored flow logs: addonProfiles.omsagent.config.enableContainerNetworkLogs.',
  overlayVisibility:
    'With overlay, VNet/NSG flow logs see node IPs only, and there is no flow history without extra work.',
  inPlaceMigration:
    'Flat → overlay in place is GA (az aks update --network-plugin-mode overlay --pod-cidr …): one-way, reimages every pool, needs k8s ≥ 1.27 and no network policy.',
  nsgFlowLogs:
    'NSG flow logs: no new ones since 2025-06-30, retired 2027-09-30; VNet flow logs replace them.',
  subnetUsage: 'IP use per subnet comes from the VNet usages API.',
  overlayNsg:
    'With overlay, pod-to-pod traffic is not encapsulated and subnet NSG rules apply: a deny rule needs allow rules node↔node, node→pod CIDR, pod↔pod.',
  overlayNodeSubnetSizes:
    'The overlay node subnet shrinks to a /27 by default (another /27 for blue/green, a /28 for a firewall).',
  verdictNeedsData:
    'A verdict needs data: a check whose inputs could not be read (403 on Network Watcher, a VNet that failed) is unknown, with what was not read, never pass or fail.',
  noAzureDataplane:
    'kubenet and bring-your-own CNI (networkPlugin none) have no Azure dataplane; networkDataplane cilium is Azure CNI powered by Cilium.',
  usagesLimit:
    'A VNet usages limit of 0 or -1 is no capacity: the usable count comes from the prefix (Azure reserves 5).',
  badInput:
    'Bad input (malformed CIDR, overlapping ranges, names too long, …) gets a clear error naming the field, and nothing is created.',
} as const;

/**
 * Key of a quoted domain fact.
 *
 * @public
 */
export type DomainFactKey = keyof typeof DOMAIN_FACTS;
