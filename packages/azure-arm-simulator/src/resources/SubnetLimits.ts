/**
 * Azure reserves 5 addresses in every subnet (the first four and the last), and its
 * smallest IPv4 subnet is a /29
 * (https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq).
 */
import { Cidr, cidrSize } from '../ip/IpRange';

export const AZURE_RESERVED_ADDRESSES_PER_SUBNET = 5;
export const AZURE_SMALLEST_IPV4_SUBNET_PREFIX = 29;

/** Addresses left for NICs after Azure's 5: /27 → 27, /24 → 251. */
export function azureUsableAddresses(cidr: Cidr): bigint {
  const size = cidrSize(cidr);
  const reserved = BigInt(AZURE_RESERVED_ADDRESSES_PER_SUBNET);
  return size > reserved ? size - reserved : 0n;
}
