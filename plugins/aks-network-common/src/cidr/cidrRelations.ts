import { Cidr, lastAddress } from './cidr';
import { IpFamily } from './ipFamily';

/**
 * True when the address lies in the range. An address of the other family is
 * never inside (an IPv4-mapped IPv6 address is not treated as IPv4).
 *
 * @public
 */
export function containsIp(
  cidr: Cidr,
  family: IpFamily,
  value: bigint,
): boolean {
  return (
    cidr.family === family &&
    value >= cidr.network &&
    value <= lastAddress(cidr)
  );
}

/**
 * True when every address of `inner` is in `outer` (a range contains itself).
 *
 * @public
 */
export function containsCidr(outer: Cidr, inner: Cidr): boolean {
  return (
    outer.family === inner.family &&
    outer.prefix <= inner.prefix &&
    inner.network >= outer.network &&
    inner.network <= lastAddress(outer)
  );
}

/**
 * True when the ranges share at least one address. CIDR blocks are aligned, so
 * two of them either nest or are disjoint: this equals containment either way.
 * Ranges of different families never overlap.
 *
 * @public
 */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return (
    a.family === b.family &&
    a.network <= lastAddress(b) &&
    b.network <= lastAddress(a)
  );
}
