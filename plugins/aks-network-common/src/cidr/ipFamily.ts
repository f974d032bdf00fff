/**
 * The two IP families an AKS network plan deals with (dual-stack clusters use both).
 *
 * @public
 */
export type IpFamily = 'ipv4' | 'ipv6';

/** Address width in bits, per family. */
const FAMILY_BITS: Readonly<Record<IpFamily, number>> = { ipv4: 32, ipv6: 128 };

/**
 * Number of bits in an address of the family (32 or 128); also the longest prefix.
 *
 * @public
 */
export function ipFamilyBits(family: IpFamily): number {
  return FAMILY_BITS[family];
}

const MAX_ADDRESS: Readonly<Record<IpFamily, bigint>> = {
  ipv4: (1n << 32n) - 1n,
  ipv6: (1n << 128n) - 1n,
};

/**
 * The highest address of the family (255.255.255.255 or ffff:…:ffff) as a number.
 *
 * @public
 */
export function maxIpValue(family: IpFamily): bigint {
  return MAX_ADDRESS[family];
}

/** Human name of the family, for error messages. */
export function ipFamilyLabel(family: IpFamily): string {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}

/**
 * Block sizes 2^(bits - prefix) for every prefix, computed once: allocation loops
 * call this per range and BigInt shifts allocate.
 */
const BLOCK_SIZES: Readonly<Record<IpFamily, readonly bigint[]>> = {
  ipv4: Array.from({ length: 33 }, (_, prefix) => 1n << BigInt(32 - prefix)),
  ipv6: Array.from({ length: 129 }, (_, prefix) => 1n << BigInt(128 - prefix)),
};

/** Number of addresses in a block of `prefix` (prefix must be valid for the family). */
export function blockSize(family: IpFamily, prefix: number): bigint {
  return BLOCK_SIZES[family][prefix];
}

/** True when `prefix` is an integer in 0..bits for the family. */
export function isValidPrefix(family: IpFamily, prefix: number): boolean {
  return (
    Number.isInteger(prefix) && prefix >= 0 && prefix <= FAMILY_BITS[family]
  );
}
