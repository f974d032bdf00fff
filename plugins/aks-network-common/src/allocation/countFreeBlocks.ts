import { Cidr, lastAddress } from '../cidr';
import { blockSize, ipFamilyBits } from '../cidr/ipFamily';

/**
 * Counting memory is bounded (4 bytes per candidate block): past this many
 * candidates the sorting search is used.
 */
const MAX_COUNTED_BLOCKS = 1 << 22;

/**
 * Counting pays per candidate block (a few ns each) where sorting pays per taken
 * range (log n comparisons of BigInts, ~1 µs each at 100k): count when the pool
 * has at most this many candidates per taken range.
 */
const BLOCKS_PER_TAKEN_RANGE = 64;

/** How many aligned blocks of `prefix` the pool holds, if counting them is sensible. */
export function countableBlocks(
  pool: Cidr,
  prefix: number,
  takenCount: number,
): number | undefined {
  const doublings = prefix - pool.prefix;
  if (doublings > 22) {
    return undefined;
  }
  const blocks = 2 ** doublings;
  return blocks <= MAX_COUNTED_BLOCKS &&
    blocks <= BLOCKS_PER_TAKEN_RANGE * takenCount + 4096
    ? blocks
    : undefined;
}

/**
 * The lowest free block of `prefix` in the pool, found without sorting: every
 * taken range marks the run of candidate blocks it touches in a difference
 * array, and a prefix sum finds the first block no range covers. O(n + blocks)
 * where a sort is O(n log n) on BigInt comparisons — the stateless
 * `nextFreeSubnet` call stays fast on large taken lists. Family-agnostic BigInt
 * search, used for IPv6; IPv4 takes the faster `lowestFreeIpv4BlockByBitmap`
 * (the tests check both families against the brute-force oracle).
 *
 * `blocks` must come from {@link countableBlocks}.
 */
export function lowestFreeBlockByCounting(
  pool: Cidr,
  prefix: number,
  blocks: number,
  taken: readonly Cidr[],
): bigint | undefined {
  // coverageDelta[b] = ranges starting at block b minus ranges ending before it.
  const coverageDelta = new Int32Array(blocks + 1);

  const poolLast = lastAddress(pool);
  const shift = BigInt(ipFamilyBits(pool.family) - prefix);
  for (const range of taken) {
    if (range.family !== pool.family) continue;
    const end = lastAddress(range);
    if (end < pool.network || range.network > poolLast) continue;
    const start = range.network > pool.network ? range.network : pool.network;
    const clampedEnd = end < poolLast ? end : poolLast;
    coverageDelta[Number((start - pool.network) >> shift)] += 1;
    coverageDelta[Number((clampedEnd - pool.network) >> shift) + 1] -= 1;
  }

  let coverage = 0;
  for (let block = 0; block < blocks; block++) {
    coverage += coverageDelta[block];
    if (coverage === 0) {
      return pool.network + BigInt(block) * blockSize(pool.family, prefix);
    }
  }
  return undefined;
}
