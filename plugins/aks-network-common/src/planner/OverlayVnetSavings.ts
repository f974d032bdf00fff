import { NodePoolSizing } from './NodePoolSizing';
import { nodeSubnetIpsNeeded } from './NodeSubnetPlan';
import { smallestAzureSubnetPrefix } from '../cidr';

/**
 * The node subnet one network model needs.
 *
 * @public
 */
export interface SubnetDemand {
  ipsNeeded: number;
  /** Smallest Azure IPv4 subnet for it; undefined if no subnet is big enough. */
  prefix?: number;
  /** Addresses in that subnet (2^(32 − prefix)), what the VNet gives up. */
  addresses?: number;
}

/**
 * VNet addresses overlay saves against flat Azure CNI for the same cluster: the flat
 * subnet holds every pod (docs/domain.md#flat-node-subnet: "(n + surge) + (n + surge) × maxPods"), the overlay
 * subnet one IP per node.
 *
 * @public
 */
export interface OverlayVnetSavings {
  flat: SubnetDemand;
  overlay: SubnetDemand;
  /** Difference of the IPs needed. */
  ipsSaved: number;
  /** Difference of the subnet sizes; undefined when the flat cluster fits no subnet. */
  addressesSaved?: number;
}

function demand(ipsNeeded: number): SubnetDemand {
  const prefix = smallestAzureSubnetPrefix('ipv4', ipsNeeded);
  return prefix === undefined
    ? { ipsNeeded }
    : { ipsNeeded, prefix, addresses: 2 ** (32 - prefix) };
}

/**
 * Compares the node subnet of the same pools under flat Azure CNI and under overlay.
 *
 * @public
 */
export function overlayVnetSavings(
  pools: readonly NodePoolSizing[],
  extraIps: number = 0,
): OverlayVnetSavings {
  const flat = demand(
    nodeSubnetIpsNeeded('azure-cni-node-subnet', pools, extraIps),
  );
  const overlay = demand(
    nodeSubnetIpsNeeded('azure-cni-overlay', pools, extraIps),
  );
  const savings: OverlayVnetSavings = {
    flat,
    overlay,
    ipsSaved: flat.ipsNeeded - overlay.ipsNeeded,
  };
  if (flat.addresses !== undefined && overlay.addresses !== undefined) {
    savings.addressesSaved = flat.addresses - overlay.addresses;
  }
  return savings;
}
