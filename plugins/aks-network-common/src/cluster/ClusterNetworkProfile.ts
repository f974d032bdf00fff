/**
 * The network profile of an AKS cluster as the inventory keeps it: ARM's
 * `properties.networkProfile`, flattened to plain JSON. String values are ARM's
 * (lower-cased by the mapper where ARM is case-insensitive); a field ARM did not return
 * is left out rather than guessed.
 *
 * @public
 */
export interface ClusterNetworkProfile {
  /** `azure`, `kubenet` or `none` (bring your own CNI). */
  networkPlugin?: string;
  /** `overlay` for Azure CNI Overlay; absent for flat Azure CNI and kubenet. */
  networkPluginMode?: string;
  /** `azure`, `calico`, `cilium`, or absent / `none` when no network policy engine runs. */
  networkPolicy?: string;
  /** `azure` or `cilium` (Azure CNI powered by Cilium). */
  networkDataplane?: string;
  /** The IPv4 pod CIDR (overlay and kubenet). */
  podCidr?: string;
  /** Every pod CIDR, one per IP family (dual-stack). */
  podCidrs?: string[];
  /** The IPv4 service CIDR. */
  serviceCidr?: string;
  /** Every service CIDR, one per IP family (dual-stack). */
  serviceCidrs?: string[];
  /** The cluster DNS service IP. */
  dnsServiceIp?: string;
  /** `IPv4`, `IPv6`. */
  ipFamilies?: string[];
  /** `loadBalancer`, `userDefinedRouting`, `managedNATGateway`, `userAssignedNATGateway`, … */
  outboundType?: string;
}
