/**
 * CIDR math for IPv4 and IPv6 on unsigned BigInt values, and Azure's subnet rules.
 */

export type { IpFamily } from './ipFamily';
export { ipFamilyBits, maxIpValue } from './ipFamily';
export type { IpParseResult } from './ipAddress';
export { parseIp, formatIp } from './ipAddress';
export type { Cidr } from './cidr';
export {
  createCidr,
  cidrContaining,
  cidrSize,
  firstAddress,
  lastAddress,
  compareCidrs,
  cidrEquals,
} from './cidr';
export type { CidrParseResult } from './parseCidr';
export { parseCidr, parseCidrOrThrow, formatCidr } from './parseCidr';
export { containsIp, containsCidr, overlaps } from './cidrRelations';
export { subtract } from './subtract';
export { rangeToCidrs } from './rangeToCidrs';
export {
  AZURE_RESERVED_ADDRESSES_PER_SUBNET,
  AZURE_SMALLEST_IPV4_SUBNET_PREFIX,
  AZURE_LARGEST_IPV4_SUBNET_PREFIX,
  AZURE_IPV6_SUBNET_PREFIX,
  azureUsableAddresses,
  smallestAzureSubnetPrefix,
} from './azureSubnet';
