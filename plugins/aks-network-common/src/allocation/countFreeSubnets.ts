import { Cidr, lastAddress } from '../cidr';
import { blockSize } from '../cidr/ipFamily';

/**
 * How many subnets of a prefix a pool holds, and how many of them are still free.
 *
 * @public
 */
export interface PoolSubnetCount {
  /** Aligned subnets of the prefix in the pool. */
  total: number;
  /** Of those, the ones no taken range touches. */
  free: number;
}

function compareAddresses(a: bigint, b: bigint): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * Counts the aligned subnets of `prefix` in `pool` that no taken range touches (taken
 * ranges are existing subnets and live reservations; ranges of another family or
 * outside the pool are ignored). Works on the merged taken intervals, so memory and
 * time grow with the taken list, not with the pool (a 10.0.0.0/8 pool holds 524,288
 * /27s).
 *
 * @public
 */
export function countFreeSubnets(
  pool: Cidr,
  prefix: number,
  taken: readonly Cidr[],
): PoolSubnetCount {
  if (prefix < pool.prefix) {
    return { total: 0, free: 0 };
  }
  const size = blockSize(pool.family, prefix);
  const poolLast = lastAddress(pool);
  const total = (poolLast - pool.network + 1n) / size;
  const clipped = taken
    .filter(range => range.family === pool.family)
    .map(range => ({
      start: range.network > pool.network ? range.network : pool.network,
      end: lastAddress(range) < poolLast ? lastAddress(range) : poolLast,
    }))
    .filter(range => range.start <= range.end)
    .sort((a, b) => compareAddresses(a.start, b.start));

  // Blocks touched by any range, counted once even when ranges share a block.
  let touched = 0n;
  let lastCounted = -1n;
  for (const range of clipped) {
    const first = (range.start - pool.network) / size;
    const last = (range.end - pool.network) / size;
    const from = first > lastCounted ? first : lastCounted + 1n;
    if (last >= from) {
      touched += last - from + 1n;
      lastCounted = last;
    }
  }
  return { total: Number(total), free: Number(total - touched) };
}
