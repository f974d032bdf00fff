import {
  blockSize,
  IpFamily,
  ipFamilyBits,
  ipFamilyLabel,
  isValidPrefix,
  maxIpValue,
} from './ipFamily';

/**
 * An address range in CIDR notation: the network address (host bits all zero)
 * and the prefix length. Values come from {@link parseCidr}, {@link createCidr}
 * or {@link cidrContaining}, which keep that invariant.
 *
 * @public
 */
export interface Cidr {
  readonly family: IpFamily;
  /** The first address of the range, as an unsigned number. */
  readonly network: bigint;
  /** Prefix length: 0–32 for IPv4, 0–128 for IPv6. */
  readonly prefix: number;
}

/**
 * Builds a CIDR from its parts, checking them.
 *
 * @throws RangeError when the prefix is out of range or `network` has host bits
 *   set — use {@link cidrContaining} to round down instead.
 * @public
 */
export function createCidr(
  family: IpFamily,
  network: bigint,
  prefix: number,
): Cidr {
  if (!isValidPrefix(family, prefix)) {
    throw new RangeError(
      `prefix ${prefix} is out of range 0–${ipFamilyBits(
        family,
      )} for ${ipFamilyLabel(family)}`,
    );
  }
  if (network < 0n || network > maxIpValue(family)) {
    throw new RangeError(
      `${network} is not an ${ipFamilyLabel(family)} address value`,
    );
  }
  if ((network & (blockSize(family, prefix) - 1n)) !== 0n) {
    throw new RangeError(
      `host bits are set in network ${network} for prefix /${prefix}`,
    );
  }
  return { family, network, prefix };
}

/**
 * The CIDR of the given prefix that contains `value` (host bits cleared).
 *
 * @throws RangeError when the prefix or the value is out of range for the family.
 * @public
 */
export function cidrContaining(
  family: IpFamily,
  value: bigint,
  prefix: number,
): Cidr {
  if (!isValidPrefix(family, prefix)) {
    throw new RangeError(
      `prefix ${prefix} is out of range 0–${ipFamilyBits(
        family,
      )} for ${ipFamilyLabel(family)}`,
    );
  }
  if (value < 0n || value > maxIpValue(family)) {
    throw new RangeError(
      `${value} is not an ${ipFamilyLabel(family)} address value`,
    );
  }
  const network = value & ~(blockSize(family, prefix) - 1n);
  return { family, network, prefix };
}

/**
 * Total number of addresses in the range, reserved ones included
 * (see {@link azureUsableAddresses} for what Azure leaves usable).
 *
 * @public
 */
export function cidrSize(cidr: Cidr): bigint {
  return blockSize(cidr.family, cidr.prefix);
}

/** The network address, i.e. the lowest address of the range. @public */
export function firstAddress(cidr: Cidr): bigint {
  return cidr.network;
}

/** The highest address of the range (the broadcast address in IPv4 terms). @public */
export function lastAddress(cidr: Cidr): bigint {
  return cidr.network + blockSize(cidr.family, cidr.prefix) - 1n;
}

/**
 * Total order for sorting: IPv4 before IPv6, then by network address, then the
 * larger range (shorter prefix) first, so a range sorts before its subnets.
 *
 * @public
 */
export function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) {
    return a.family === 'ipv4' ? -1 : 1;
  }
  if (a.network !== b.network) {
    return a.network < b.network ? -1 : 1;
  }
  return a.prefix - b.prefix;
}

/** True when both describe the same range. @public */
export function cidrEquals(a: Cidr, b: Cidr): boolean {
  return (
    a.family === b.family && a.network === b.network && a.prefix === b.prefix
  );
}
