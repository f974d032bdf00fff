/**
 * A set of addresses kept as sorted, disjoint, non-adjacent inclusive intervals
 * in two parallel arrays, so lookups are binary searches and the allocator never
 * scans every taken range per call. Family-agnostic: callers keep one family.
 *
 * Internal to the allocation layer; not exported from the package.
 */
export class AddressIntervalSet {
  private readonly starts: bigint[];
  private readonly ends: bigint[];

  private constructor(starts: bigint[], ends: bigint[]) {
    this.starts = starts;
    this.ends = ends;
  }

  /** Builds the set from ranges in any order, overlapping or not: one sort, one merge. */
  static fromRanges(
    ranges: ReadonlyArray<{ start: bigint; end: bigint }>,
  ): AddressIntervalSet {
    const sorted = isSortedByStart(ranges) ? ranges : sortByStart(ranges);
    const starts: bigint[] = [];
    const ends: bigint[] = [];
    // One past the end of the interval being grown; adjacent ranges merge too,
    // so one free gap never hides between two entries.
    let openEnd = -1n;
    for (const { start, end } of sorted) {
      if (starts.length > 0 && start <= openEnd) {
        if (end >= openEnd) {
          ends[ends.length - 1] = end;
          openEnd = end + 1n;
        }
      } else {
        starts.push(start);
        ends.push(end);
        openEnd = end + 1n;
      }
    }
    return new AddressIntervalSet(starts, ends);
  }

  /** Number of disjoint intervals held. */
  get intervalCount(): number {
    return this.starts.length;
  }

  /** Every interval, in address order. */
  *intervals(): IterableIterator<{ start: bigint; end: bigint }> {
    for (let i = 0; i < this.starts.length; i++) {
      yield { start: this.starts[i], end: this.ends[i] };
    }
  }

  /** Adds every address of `start..end` (inclusive). */
  add(start: bigint, end: bigint): void {
    const first = this.firstEndingAtOrAfter(start - 1n);
    const last = this.lastStartingAtOrBefore(end + 1n);
    if (first > last) {
      this.starts.splice(first, 0, start);
      this.ends.splice(first, 0, end);
      return;
    }
    const mergedStart = this.starts[first] < start ? this.starts[first] : start;
    const mergedEnd = this.ends[last] > end ? this.ends[last] : end;
    this.starts.splice(first, last - first + 1, mergedStart);
    this.ends.splice(first, last - first + 1, mergedEnd);
  }

  /** Removes every address of `start..end` (inclusive); absent addresses are ignored. */
  remove(start: bigint, end: bigint): void {
    const first = this.firstEndingAtOrAfter(start);
    const last = this.lastStartingAtOrBefore(end);
    if (first > last) {
      return;
    }
    const keptStarts: bigint[] = [];
    const keptEnds: bigint[] = [];
    if (this.starts[first] < start) {
      keptStarts.push(this.starts[first]);
      keptEnds.push(start - 1n);
    }
    if (this.ends[last] > end) {
      keptStarts.push(end + 1n);
      keptEnds.push(this.ends[last]);
    }
    this.starts.splice(first, last - first + 1, ...keptStarts);
    this.ends.splice(first, last - first + 1, ...keptEnds);
  }

  /** True when any address of `start..end` is in the set. */
  intersects(start: bigint, end: bigint): boolean {
    const i = this.firstEndingAtOrAfter(start);
    return i < this.starts.length && this.starts[i] <= end;
  }

  /**
   * The lowest `blockSize`-aligned address `a >= from` such that `a..a+blockSize-1`
   * lies within `..limit` and holds no address of the set; `blockSize` is a power
   * of two. Each step jumps past one interval, found by binary search.
   */
  firstFreeAlignedBlock(
    from: bigint,
    limit: bigint,
    size: bigint,
  ): bigint | undefined {
    const mask = size - 1n;
    let candidate = (from + mask) & ~mask;
    while (candidate + mask <= limit) {
      const i = this.firstEndingAtOrAfter(candidate);
      if (i >= this.starts.length || this.starts[i] > candidate + mask) {
        return candidate;
      }
      candidate = (this.ends[i] + 1n + mask) & ~mask;
    }
    return undefined;
  }

  /** Index of the first interval whose end is >= `address` (length if none). */
  private firstEndingAtOrAfter(address: bigint): number {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid] < address) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the last interval whose start is <= `address` (-1 if none). */
  private lastStartingAtOrBefore(address: bigint): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= address) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

function isSortedByStart(
  ranges: ReadonlyArray<{ start: bigint; end: bigint }>,
): boolean {
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].start < ranges[i - 1].start) return false;
  }
  return true;
}

/**
 * Sorts on a Number key first: Number() rounding is monotonic, so the order stays
 * right, and comparing doubles is several times faster than comparing BigInts;
 * only equal keys (IPv6 values past 2^53) fall back to the BigInt comparison.
 */
function sortByStart(
  ranges: ReadonlyArray<{ start: bigint; end: bigint }>,
): Array<{ start: bigint; end: bigint }> {
  return ranges
    .map(range => ({ key: Number(range.start), range }))
    .sort(
      (a, b) => a.key - b.key || compareBigInts(a.range.start, b.range.start),
    )
    .map(entry => entry.range);
}

function compareBigInts(a: bigint, b: bigint): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
