import { Cidr, cidrSize } from './cidr';
import { blockSize, IpFamily } from './ipFamily';

/**
 * Azure reserves 5 IPs in every subnet (the first four and the last), so a /27
 * has 27 usable addresses and a /24 has 251.
 *
 * @public
 */
export const AZURE_RESERVED_ADDRESSES_PER_SUBNET = 5;

/**
 * The smallest IPv4 subnet Azure accepts is a /29 (3 usable addresses).
 *
 * @public
 */
export const AZURE_SMALLEST_IPV4_SUBNET_PREFIX = 29;

/**
 * The largest IPv4 subnet Azure accepts is a /2.
 *
 * @public
 */
export const AZURE_LARGEST_IPV4_SUBNET_PREFIX = 2;

/**
 * Azure IPv6 subnets are exactly /64.
 *
 * @public
 */
export const AZURE_IPV6_SUBNET_PREFIX = 64;

const RESERVED = BigInt(AZURE_RESERVED_ADDRESSES_PER_SUBNET);

/**
 * Addresses left for NICs (nodes, and pods in flat Azure CNI) in a subnet of this
 * range, after Azure's 5 reserved addresses: /27 → 27, /24 → 251, /29 → 3.
 * Never negative (ranges smaller than a /29 give 0; Azure refuses them anyway).
 *
 * @public
 */
export function azureUsableAddresses(cidr: Cidr): bigint {
  const size = cidrSize(cidr);
  return size > RESERVED ? size - RESERVED : 0n;
}

/**
 * The longest prefix (smallest subnet) Azure accepts that still leaves
 * `usableAddressesNeeded` addresses after the 5 reserved ones: 1,581 → /21
 * (2,043 usable), 27 → /27. IPv4 answers lie between /29 and /2; IPv6 subnets
 * are always /64. `undefined` when no Azure subnet is large enough, or the need
 * is negative or not a finite number. A fractional need is rounded up.
 *
 * @public
 */
export function smallestAzureSubnetPrefix(
  family: IpFamily,
  usableAddressesNeeded: bigint | number,
): number | undefined {
  const needed = toAddressCount(usableAddressesNeeded);
  if (needed === undefined) {
    return undefined;
  }
  if (family === 'ipv6') {
    const usable = blockSize('ipv6', AZURE_IPV6_SUBNET_PREFIX) - RESERVED;
    return needed <= usable ? AZURE_IPV6_SUBNET_PREFIX : undefined;
  }
  for (
    let prefix = AZURE_SMALLEST_IPV4_SUBNET_PREFIX;
    prefix >= AZURE_LARGEST_IPV4_SUBNET_PREFIX;
    prefix--
  ) {
    if (blockSize('ipv4', prefix) - RESERVED >= needed) {
      return prefix;
    }
  }
  return undefined;
}

function toAddressCount(count: bigint | number): bigint | undefined {
  if (typeof count === 'bigint') {
    return count >= 0n ? count : undefined;
  }
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
    return undefined;
  }
  return BigInt(Math.ceil(count));
}
