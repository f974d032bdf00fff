import { Cidr, lastAddress } from '../cidr';
import { blockSize } from '../cidr/ipFamily';
import { AddressIntervalSet } from './AddressIntervalSet';
import { assertRequestPrefix, rangeInPool } from './poolRanges';

/**
 * What to allocate: a subnet of `prefix` inside `pool`, clear of `taken`.
 *
 * @public
 */
export interface SubnetAllocationRequest {
  /** The address pool to carve from (e.g. a VNet's node-subnet range). */
  pool: Cidr;
  /** Prefix length of the subnet wanted (e.g. 27 for a default overlay node subnet). */
  prefix: number;
  /**
   * Ranges already in use. Any size; they may overlap each other, lie partly or
   * wholly outside the pool, or be of the other family (then they are ignored).
   */
  taken: readonly Cidr[];
}

/**
 * The lowest-addressed subnet of `req.prefix`, aligned to its own size as every
 * CIDR is, that lies inside the pool and overlaps no taken range; `undefined`
 * when the pool has no such room (including a prefix shorter than the pool's).
 *
 * One call costs one sort of the taken ranges plus a walk over them; for many
 * allocations against the same pool use {@link SubnetAllocator}.
 *
 * @throws RangeError when `req.prefix` is not a valid prefix for the pool's family.
 * @public
 */
export function nextFreeSubnet(req: SubnetAllocationRequest): Cidr | undefined {
  const { pool, prefix, taken } = req;
  assertRequestPrefix(pool, prefix);
  if (prefix < pool.prefix) {
    return undefined;
  }
  const poolLast = lastAddress(pool);
  const ranges: Array<{ start: bigint; end: bigint }> = [];
  for (const cidr of taken) {
    const range = rangeInPool(pool, poolLast, cidr);
    if (range) ranges.push(range);
  }
  if (ranges.length === 0) {
    return { family: pool.family, network: pool.network, prefix };
  }
  const network = AddressIntervalSet.fromRanges(ranges).firstFreeAlignedBlock(
    pool.network,
    poolLast,
    blockSize(pool.family, prefix),
  );
  return network === undefined
    ? undefined
    : { family: pool.family, network, prefix };
}
