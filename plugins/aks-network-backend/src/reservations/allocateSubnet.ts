import {
  formatCidr,
  nextFreeSubnet,
} from '@aks-network/plugin-aks-network-common';
import { ConflictError } from '@backstage/errors';
import { assertSubnetPrefix, readCidrField } from './subnetPrefixRules';

/**
 * What to carve: a subnet of `prefix` in the pool's range, clear of the subnets the
 * VNet already has and of the pool's live reservations.
 */
export interface SubnetAllocation {
  poolId: string;
  range: string;
  prefix: number;
  /** CIDRs of the VNet's subnets, as the caller read them from Azure. */
  existingSubnets: readonly string[];
  /** CIDRs of the pool's live reservations. */
  liveReservations: readonly string[];
}

/**
 * The lowest free subnet (canonical CIDR text) by `nextFreeSubnet` of common.
 *
 * @throws InputError naming `prefix` or `existingSubnets[i]`; ConflictError naming the
 *   pool and the prefix when the pool has no room left.
 */
export function allocateSubnet(allocation: SubnetAllocation): string {
  const pool = readCidrField('range', allocation.range);
  const prefix = assertSubnetPrefix('prefix', pool, allocation.prefix);
  const taken = [
    ...allocation.existingSubnets.map((text, index) =>
      readCidrField(`existingSubnets[${index}]`, text),
    ),
    // Written by this store from formatCidr, so a parse failure would be a bug.
    ...allocation.liveReservations.map(text => readCidrField('cidr', text)),
  ];
  const subnet = nextFreeSubnet({ pool, prefix, taken });
  if (!subnet) {
    throw new ConflictError(
      `Address pool '${allocation.poolId}' (${formatCidr(
        pool,
      )}) has no free /${prefix} left`,
    );
  }
  return formatCidr(subnet);
}
