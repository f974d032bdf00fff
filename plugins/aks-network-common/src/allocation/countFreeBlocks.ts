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

/** 2^(32 - prefix) as doubles; `2 ** n` in the hot loop costs ~100 ns a call. */
const IPV4_BLOCK_SIZES: readonly number[] = Array.from(
  { length: 33 },
  (_, prefix) => 2 ** (32 - prefix),
);

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
 * `nextFreeSubnet` call stays fast on large taken lists.
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

  if (pool.family === 'ipv4') {
    // IPv4 addresses are exact as doubles: no BigInt arithmetic per range, which
    // is most of the cost on large lists.
    const poolStart = Number(pool.network);
    const poolEnd = poolStart + IPV4_BLOCK_SIZES[pool.prefix] - 1;
    const size = IPV4_BLOCK_SIZES[prefix];
    for (let i = 0; i < taken.length; i++) {
      const range = taken[i];
      if (range.family !== 'ipv4') continue;
      const start = Number(range.network);
      const end = start + IPV4_BLOCK_SIZES[range.prefix] - 1;
      if (end < poolStart || start > poolEnd) continue;
      const first = Math.floor((start - poolStart) / size);
      const afterLast = Math.floor((end - poolStart) / size) + 1;
      coverageDelta[first < 0 ? 0 : first] += 1;
      coverageDelta[afterLast > blocks ? blocks : afterLast] -= 1;
    }
  } else {
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
