import { Cidr, lastAddress } from '../cidr';
import { ipFamilyBits, ipFamilyLabel, isValidPrefix } from '../cidr/ipFamily';

/**
 * The part of `cidr` that lies inside `pool`, as an inclusive address range, or
 * undefined when none does (other family, or disjoint). Taken ranges may be
 * larger than the pool, stick out of it, or be unrelated: only their
 * intersection with the pool matters for allocation.
 */
export function rangeInPool(
  pool: Cidr,
  poolLast: bigint,
  cidr: Cidr,
): { start: bigint; end: bigint } | undefined {
  if (cidr.family !== pool.family) {
    return undefined;
  }
  const start = cidr.network;
  const end = lastAddress(cidr);
  if (end < pool.network || start > poolLast) {
    return undefined;
  }
  return {
    start: start > pool.network ? start : pool.network,
    end: end < poolLast ? end : poolLast,
  };
}

/**
 * Rejects a prefix that cannot exist in the family: that is a bug in the caller,
 * unlike a prefix shorter than the pool's, which simply finds no room.
 */
export function assertRequestPrefix(pool: Cidr, prefix: number): void {
  if (!isValidPrefix(pool.family, prefix)) {
    throw new RangeError(
      `requested prefix ${prefix} is out of range 0–${ipFamilyBits(
        pool.family,
      )} for ${ipFamilyLabel(pool.family)}`,
    );
  }
}
