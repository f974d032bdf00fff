import { Cidr } from '../cidr';

/**
 * The IPv4 fast path of `nextFreeSubnet`: the same answer as the BigInt
 * searches, computed in plain numbers and typed arrays.
 *
 * Why: the benchmark target (bench/allocator.bench.ts) is a fresh
 * `nextFreeSubnet` call under 5 ms with 100,000 taken ranges, growing at most
 * linearly. The BigInt counting search took ~8–13 ms there: per taken range a
 * `Number(bigint)` conversion (~20 ns) plus random writes across a 2 MB
 * Int32Array (one counter per /27 of a /8). IPv4 addresses are below 2^32, so
 * doubles and Uint32Arrays hold them exactly, and the low 32 bits of a BigInt
 * can be read without converting it (see {@link ipv4Address}).
 *
 * Internal to the allocation layer; not exported from the package.
 */

/** Bits in an IPv4 address; request and pool prefixes are 0–32. */
const IPV4_BITS = 32;

/** 2^(32 - prefix) as doubles: `2 ** n` in the per-range loop costs more than a load. */
const IPV4_BLOCK_SIZES = Float64Array.from(
  { length: IPV4_BITS + 1 },
  (_, prefix) => 2 ** (IPV4_BITS - prefix),
);

/**
 * Reading a BigInt through a one-element BigUint64Array is ~4x cheaper than
 * `Number(bigint)` in V8 (the store is inlined; the conversion is a builtin
 * call). Single-threaded and only used synchronously, so one shared scratch
 * buffer is safe. Word order follows the platform's endianness.
 */
const scratchBigInt = new BigUint64Array(1);
const scratchWords = new Uint32Array(scratchBigInt.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LOW_WORD = LITTLE_ENDIAN ? 0 : 1;
const HIGH_WORD = LITTLE_ENDIAN ? 1 : 0;

/**
 * The address of an IPv4 network as a number, or -1 when the value is not an
 * IPv4 address (negative, or 2^32 and up: only a hand-built Cidr breaking the
 * type's invariant). The BigInt searches ignore such a range as lying outside
 * the pool; -1 lets the caller do the same. Values of 2^64 and up wrap in the
 * store and are not detected — the Cidr invariant rules them out.
 */
function ipv4Address(network: bigint): number {
  scratchBigInt[0] = network;
  return scratchWords[HIGH_WORD] === 0 ? scratchWords[LOW_WORD] : -1;
}

/**
 * The bitmap takes two words of memory per 32 candidate blocks, at most 2^22
 * blocks (1 MiB in all). It is used unless sorting is clearly cheaper: its fixed
 * cost is allocating and scanning the words (~1.5 ns each, measured: 0.2 ms for
 * 2^22 blocks), sorting's is ~25–75 ns per taken range (the native Uint32Array
 * sort, twice), so up to 16 words per taken range, and 4096 words whatever.
 */
const MAX_BITMAP_DOUBLINGS = 22;
const BITMAP_WORDS_PER_TAKEN_RANGE = 16;
const BITMAP_WORDS_ALWAYS_CHEAP = 4096;

/**
 * Whether {@link lowestFreeIpv4Block} uses the bitmap (true) or the sort (false)
 * for a request `doublings` prefix lengths below the pool's, against
 * `takenCount` ranges.
 */
export function usesIpv4Bitmap(doublings: number, takenCount: number): boolean {
  if (doublings > MAX_BITMAP_DOUBLINGS) {
    return false;
  }
  const words = Math.ceil(2 ** doublings / 32);
  return (
    words <=
    BITMAP_WORDS_PER_TAKEN_RANGE * takenCount + BITMAP_WORDS_ALWAYS_CHEAP
  );
}

/**
 * The lowest free block of `prefix` in an IPv4 pool, as `nextFreeSubnet`
 * defines it; `prefix` must be valid and at least the pool's.
 */
export function lowestFreeIpv4Block(
  pool: Cidr,
  prefix: number,
  taken: readonly Cidr[],
): bigint | undefined {
  return usesIpv4Bitmap(prefix - pool.prefix, taken.length)
    ? lowestFreeIpv4BlockByBitmap(pool, prefix, taken)
    : lowestFreeIpv4BlockBySorting(pool, prefix, taken);
}

/**
 * Bitmap search: one bit per candidate block, set when a taken range touches the
 * block. A range no larger than a block sets one bit; a larger one within one or
 * two words sets bits directly; a longer one sets its partial end words and
 * counts its whole interior words in a difference array, so every range costs
 * O(1) whatever its length. Then one scan finds the first word with no interior
 * coverage and a clear bit. O(n + blocks / 32), and the bitmap of a /8 in /27s
 * is 64 KiB, so the random writes stay in cache.
 *
 * @throws RangeError when the pool holds more than 2^22 blocks of `prefix`.
 */
export function lowestFreeIpv4BlockByBitmap(
  pool: Cidr,
  prefix: number,
  taken: readonly Cidr[],
): bigint | undefined {
  const doublings = prefix - pool.prefix;
  if (doublings > MAX_BITMAP_DOUBLINGS) {
    throw new RangeError(`${doublings} doublings exceed the bitmap's size`);
  }
  const poolStart = ipv4Address(pool.network);
  if (prefix === 0) {
    // The whole address space is the one candidate, and `>>> 32` would not
    // shift: it is free when no IPv4 range exists at all.
    return taken.some(
      range => range.family === 'ipv4' && ipv4Address(range.network) >= 0,
    )
      ? undefined
      : BigInt(poolStart);
  }
  const blocks = 2 ** doublings;
  const words = Math.ceil(blocks / 32);
  // Offsets into the pool run 0..lastOffset; offset >>> shift is the block.
  // Integer shifts measured ~15 % faster here than multiplying doubles.
  const lastOffset = IPV4_BLOCK_SIZES[pool.prefix] - 1;
  const shift = IPV4_BITS - prefix;
  const covered = new Uint32Array(words);
  // interiorDelta[w] = long ranges whose whole interior starts at word w minus
  // those whose interior ended before it.
  const interiorDelta = new Int32Array(words + 1);

  for (let i = 0; i < taken.length; i++) {
    const range = taken[i];
    if (range.family !== 'ipv4') continue;
    // ipv4Address, inlined by hand: its -1 case costs a conversion per range.
    scratchBigInt[0] = range.network;
    if (scratchWords[HIGH_WORD] !== 0) continue;
    const offset = scratchWords[LOW_WORD] - poolStart;
    const rangePrefix = range.prefix;
    if (rangePrefix >= prefix) {
      // Within one block (CIDRs nest), and within the pool iff it starts there.
      if (offset < 0 || offset > lastOffset) continue;
      const block = offset >>> shift;
      covered[block >>> 5] |= 1 << (block & 31);
      continue;
    }
    const endOffset = offset + IPV4_BLOCK_SIZES[rangePrefix] - 1;
    if (endOffset < 0 || offset > lastOffset) continue;
    const first = offset > 0 ? offset >>> shift : 0;
    const last = endOffset < lastOffset ? endOffset >>> shift : blocks - 1;
    const firstWord = first >>> 5;
    const lastWord = last >>> 5;
    // Bits first..31 and 0..last of their words, as int32 masks.
    const fromFirst = -1 << (first & 31);
    const toLast = -1 >>> (31 - (last & 31));
    if (firstWord === lastWord) {
      covered[firstWord] |= fromFirst & toLast;
    } else {
      covered[firstWord] |= fromFirst;
      covered[lastWord] |= toLast;
      if (lastWord > firstWord + 1) {
        interiorDelta[firstWord + 1] += 1;
        interiorDelta[lastWord] -= 1;
      }
    }
  }

  const size = IPV4_BLOCK_SIZES[prefix];
  let interior = 0;
  for (let word = 0; word < words; word++) {
    interior += interiorDelta[word];
    if (interior !== 0) continue;
    const free = ~covered[word];
    if (free === 0) continue;
    // Index of the lowest clear bit of the word.
    const block = word * 32 + 31 - Math.clz32(free & -free);
    // Bits past the pool's last block (a pool of fewer than 32) are never set.
    return block < blocks ? BigInt(poolStart + block * size) : undefined;
  }
  return undefined;
}

/**
 * Sorting search, for pools of more blocks than the bitmap should hold: the
 * taken ranges clipped to the pool, their starts and ends sorted separately as
 * Uint32Arrays (native numeric sort, no comparator), then one sweep over the
 * merged coverage — coverage at an address is the starts at or below it minus
 * the ends below it, whichever start goes with which end. Memory and time do
 * not depend on the pool's size.
 */
export function lowestFreeIpv4BlockBySorting(
  pool: Cidr,
  prefix: number,
  taken: readonly Cidr[],
): bigint | undefined {
  const poolStart = ipv4Address(pool.network);
  const poolEnd = poolStart + IPV4_BLOCK_SIZES[pool.prefix] - 1;
  const size = IPV4_BLOCK_SIZES[prefix];
  const allStarts = new Uint32Array(taken.length);
  const allEnds = new Uint32Array(taken.length);
  let count = 0;
  for (let i = 0; i < taken.length; i++) {
    const range = taken[i];
    if (range.family !== 'ipv4') continue;
    const start = ipv4Address(range.network);
    if (start < 0) continue;
    const end = start + IPV4_BLOCK_SIZES[range.prefix] - 1;
    if (end < poolStart || start > poolEnd) continue;
    allStarts[count] = start > poolStart ? start : poolStart;
    allEnds[count] = end < poolEnd ? end : poolEnd;
    count++;
  }
  const starts = allStarts.subarray(0, count).sort();
  const ends = allEnds.subarray(0, count).sort();

  // The pool is aligned to its own size, so to every smaller block's too.
  let candidate = poolStart;
  let nextStart = 0;
  let nextEnd = 0;
  while (candidate + size - 1 <= poolEnd) {
    if (nextStart === count || candidate + size - 1 < starts[nextStart]) {
      return BigInt(candidate);
    }
    // Walk one stretch of coverage: open ranges = nextStart - nextEnd.
    nextStart++;
    while (nextEnd < nextStart) {
      if (nextStart < count && starts[nextStart] <= ends[nextEnd]) {
        nextStart++;
      } else {
        nextEnd++;
      }
    }
    // The stretch ends at ends[nextEnd - 1], past every earlier stretch's end,
    // so the first aligned address after it only moves the candidate up.
    candidate = Math.ceil((ends[nextEnd - 1] + 1) / size) * size;
  }
  return undefined;
}
