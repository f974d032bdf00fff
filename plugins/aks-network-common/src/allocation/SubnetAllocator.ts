import { Cidr, lastAddress, rangeToCidrs } from '../cidr';
import { blockSize, ipFamilyBits } from '../cidr/ipFamily';
import { AddressIntervalSet } from './AddressIntervalSet';
import { assertRequestPrefix, rangeInPool } from './poolRanges';

/**
 * Hands out subnets from one address pool, many times, fast.
 *
 * The taken addresses are kept as sorted, merged intervals (built with one sort
 * and one linear merge), so each {@link SubnetAllocator.next} is a walk of
 * binary searches from a remembered starting point rather than a scan of every
 * taken range. `next` and {@link nextFreeSubnet} agree: for the same taken set
 * they return the same subnet.
 *
 * Set semantics: `take` marks addresses taken, `release` marks them free,
 * whatever took them — releasing a /27 inside a taken /24 frees that /27.
 * Ranges of the other family are ignored, and only the part of a range inside
 * the pool counts.
 *
 * @public
 */
export class SubnetAllocator {
  readonly pool: Cidr;
  private readonly poolLast: bigint;
  private readonly takenSet: AddressIntervalSet;
  /**
   * Per prefix, an address below which no free block of that prefix exists.
   * Taking addresses keeps it true; releasing lowers it to the released block.
   * This makes repeated `next` calls for one size resume where the last left off
   * instead of re-walking the crowded low end of the pool.
   */
  private readonly searchFrom: Array<bigint | undefined>;

  constructor(pool: Cidr, taken: Iterable<Cidr> = []) {
    this.pool = pool;
    this.poolLast = lastAddress(pool);
    const ranges: Array<{ start: bigint; end: bigint }> = [];
    for (const cidr of taken) {
      const range = rangeInPool(pool, this.poolLast, cidr);
      if (range) ranges.push(range);
    }
    this.takenSet = AddressIntervalSet.fromRanges(ranges);
    this.searchFrom = new Array(ipFamilyBits(pool.family) + 1).fill(undefined);
  }

  /**
   * Allocates and returns the lowest-addressed free subnet of `prefix`, marking it
   * taken; `undefined` when the pool has no room for one.
   *
   * @throws RangeError when `prefix` is not a valid prefix for the pool's family.
   */
  next(prefix: number): Cidr | undefined {
    const found = this.peek(prefix);
    if (found) {
      const end = found.network + blockSize(found.family, prefix) - 1n;
      this.takenSet.add(found.network, end);
      this.searchFrom[prefix] = end + 1n;
    }
    return found;
  }

  /**
   * The subnet {@link SubnetAllocator.next} would return, without taking it.
   *
   * @throws RangeError when `prefix` is not a valid prefix for the pool's family.
   */
  peek(prefix: number): Cidr | undefined {
    assertRequestPrefix(this.pool, prefix);
    if (prefix < this.pool.prefix) {
      return undefined;
    }
    const network = this.takenSet.firstFreeAlignedBlock(
      this.searchFrom[prefix] ?? this.pool.network,
      this.poolLast,
      blockSize(this.pool.family, prefix),
    );
    // Either way nothing free lies below this point for this prefix.
    this.searchFrom[prefix] = network ?? this.poolLast + 1n;
    return network === undefined
      ? undefined
      : { family: this.pool.family, network, prefix };
  }

  /** Marks the part of `cidr` inside the pool as taken (idempotent). */
  take(cidr: Cidr): void {
    const range = rangeInPool(this.pool, this.poolLast, cidr);
    if (range) {
      this.takenSet.add(range.start, range.end);
    }
  }

  /** Marks the part of `cidr` inside the pool as free again. */
  release(cidr: Cidr): void {
    const range = rangeInPool(this.pool, this.poolLast, cidr);
    if (!range) {
      return;
    }
    this.takenSet.remove(range.start, range.end);
    for (let prefix = 0; prefix < this.searchFrom.length; prefix++) {
      const from = this.searchFrom[prefix];
      if (from === undefined) continue;
      // A freed block of this prefix may start below the released range itself.
      const aligned = range.start & ~(blockSize(this.pool.family, prefix) - 1n);
      if (aligned < from) {
        this.searchFrom[prefix] = aligned;
      }
    }
  }

  /**
   * The taken addresses inside the pool, as the fewest CIDRs in address order
   * (adjacent and overlapping ranges come back merged).
   */
  takenCidrs(): Cidr[] {
    const result: Cidr[] = [];
    for (const { start, end } of this.takenSet.intervals()) {
      result.push(...rangeToCidrs(this.pool.family, start, end));
    }
    return result;
  }

  /** True when `cidr` lies inside the pool and none of its addresses is taken. */
  isFree(cidr: Cidr): boolean {
    return (
      cidr.family === this.pool.family &&
      cidr.network >= this.pool.network &&
      lastAddress(cidr) <= this.poolLast &&
      !this.takenSet.intersects(cidr.network, lastAddress(cidr))
    );
  }
}
