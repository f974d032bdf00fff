import { Cidr, lastAddress } from '../cidr';
import { blockSize } from '../cidr/ipFamily';
import { AddressIntervalSet } from './AddressIntervalSet';
import { countableBlocks, lowestFreeBlockByCounting } from './countFreeBlocks';
import { lowestFreeIpv4Block } from './ipv4FreeBlock';
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
 * One call looks at every taken range once: it marks coverage per candidate
 * block when the pool holds few enough candidates, and otherwise sorts the
 * ranges and walks the gaps. IPv4 does this in plain numbers and typed arrays,
 * IPv6 in BigInts. For many allocations against the same pool use
 * {@link SubnetAllocator}, which keeps the sorted ranges between calls.
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
  if (pool.family === 'ipv4') {
    const network = lowestFreeIpv4Block(pool, prefix, taken);
    return network === undefined
      ? undefined
      : { family: pool.family, network, prefix };
  }
  const blocks = countableBlocks(pool, prefix, taken.length);
  if (blocks !== undefined) {
    const counted = lowestFreeBlockByCounting(pool, prefix, blocks, taken);
    return counted === undefined
      ? undefined
      : { family: pool.family, network: counted, prefix };
  }
  const network = lowestFreeBlockBySorting(pool, prefix, taken);
  return network === undefined
    ? undefined
    : { family: pool.family, network, prefix };
}

/**
 * The lowest free block of `prefix` in the pool by one sort and merge of the
 * taken ranges (clipped to the pool) and a walk over the gaps: memory and time
 * do not depend on the pool's size. Family-agnostic BigInt search, used for
 * IPv6 (IPv4 takes the faster `lowestFreeIpv4Block`; the tests check both
 * families against the brute-force oracle).
 */
export function lowestFreeBlockBySorting(
  pool: Cidr,
  prefix: number,
  taken: readonly Cidr[],
): bigint | undefined {
  const poolLast = lastAddress(pool);
  const ranges: Array<{ start: bigint; end: bigint }> = [];
  for (const cidr of taken) {
    const range = rangeInPool(pool, poolLast, cidr);
    if (range) ranges.push(range);
  }
  return AddressIntervalSet.fromRanges(ranges).firstFreeAlignedBlock(
    pool.network,
    poolLast,
    blockSize(pool.family, prefix),
  );
}
