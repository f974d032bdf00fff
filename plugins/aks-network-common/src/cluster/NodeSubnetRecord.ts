/**
 * One security rule of a network security group, with ARM's singular and plural
 * prefix fields merged into lists (`sourceAddressPrefix` + `sourceAddressPrefixes`).
 *
 * @public
 */
export interface NsgRuleRecord {
  name: string;
  direction: 'Inbound' | 'Outbound';
  access: 'Allow' | 'Deny';
  /** 100–4096; lower is evaluated first. */
  priority: number;
  /** `*`, `Tcp`, `Udp`, `Icmp`, … */
  protocol: string;
  /** CIDRs, IPs or service tags (`*`, `VirtualNetwork`, `Internet`, …). */
  sourceAddressPrefixes: string[];
  /** `*` or ranges such as `443` or `1000-2000`. */
  sourcePortRanges: string[];
  destinationAddressPrefixes: string[];
  destinationPortRanges: string[];
}

/**
 * A network security group attached to a subnet; only its own (non-default) rules.
 *
 * @public
 */
export interface NsgRecord {
  id: string;
  /**
   * Absent when the NSG's own GET failed: the subnet has this NSG (its VNet or subnet
   * GET said so) but its rules are unknown, and the record's `unread` names it.
   */
  rules?: NsgRuleRecord[];
}

/**
 * A subnet the cluster's nodes take IPs from.
 *
 * @public
 */
export interface NodeSubnetRecord {
  /** ARM resource id of the subnet. */
  id: string;
  name: string;
  /** The subnet's IPv4 prefix. */
  addressPrefix: string;
  /**
   * IPs in use, from the VNet usages API (docs/domain.md#subnet-usage: "IP use per subnet comes from the VNet
   * usages API"). Absent when the usages call failed.
   */
  ipUsed?: number;
  /**
   * Usable IPs, from the same usages API (Azure's 5 reserved IPs already taken off), as
   * ARM gives it: ARM answers 0 or -1 for some subnets, which is no capacity, so
   * `nodeSubnetUse` then takes the usable count from the prefix (DOMAIN_FACTS.usagesLimit).
   */
  ipLimit?: number;
  /** The NSG on the subnet, if any. */
  nsg?: NsgRecord;
}
